// Runs `refclip extract --batch … --jsonl` once over many pages and returns what it read, by case id: the evaluation
// scripts and the extraction benchmark compare refclip's readings through it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const cli = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'refclip.js');

/** `pages`: `{ id, path, url }` for each page; returns each page's JSON line as an object, by id. */
export function batchExtract(pages) {
  const dir = mkdtempSync(join(tmpdir(), 'refclip-batch-'));
  try {
    const list = join(dir, 'list.tsv');
    writeFileSync(list, pages.map(({ id, path, url }) => `${id}\t${path}\t${url}`).join('\n'));
    const lines = execFileSync(process.execPath, [cli, 'extract', '--batch', list, '--jsonl'], {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    });
    return new Map(
      lines
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line))
        .map((result) => [result.id, result]),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
