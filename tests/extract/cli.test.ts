import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { jsonLd, page } from './page';

const CLI = resolve(import.meta.dirname, '../../bin/refclip.js');
/** Each case starts the CLI through tsx: seconds of CPU, so more than vitest's 5 s default on a loaded machine. */
const CLI_START_TIMEOUT = 60_000;
const run = (...args: string[]) => promisify(execFile)(process.execPath, [CLI, 'extract', ...args]);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'refclip-extract-cli-'));
  writeFileSync(
    join(dir, 'a.html'),
    page(
      '<title>Quay reopens | Harbour Post</title>' +
        jsonLd({ '@type': 'NewsArticle', headline: 'Quay reopens', author: 'By Ada Lowe' }),
    ),
  );
  writeFileSync(join(dir, 'b.html'), page('<link rel="canonical" href="/b">', '<p class="byline">By Per Lind</p>'));
  writeFileSync(
    join(dir, 'list.tsv'),
    `a\t${join(dir, 'a.html')}\thttps://harbourpost.example/a\nb\t${join(dir, 'b.html')}\thttps://harbourpost.example/x/y\nc\t${join(dir, 'missing.html')}\thttps://harbourpost.example/c\n`,
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it(
  'prints one JSON object per page of a batch, with id, every field and ms; a missing page gets an error line',
  async () => {
    const { stdout } = await run('--batch', join(dir, 'list.tsv'), '--jsonl');
    const lines = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((line) => line.id)).toEqual(['a', 'b', 'c']);
    expect(lines[0]).toMatchObject({
      title: 'Quay reopens',
      byline: 'Ada Lowe',
      siteName: 'Harbour Post',
      canonicalUrl: 'https://harbourpost.example/a',
    });
    expect(typeof lines[0]!.ms).toBe('number');
    expect(lines[1]).toMatchObject({
      byline: 'Per Lind',
      canonicalUrl: 'https://harbourpost.example/b',
      publisher: 'Harbourpost',
    });
    expect(lines[2]).toEqual({ id: 'c', error: expect.stringContaining('ENOENT') });
  },
  CLI_START_TIMEOUT,
);

it(
  'prints a single page as JSON, with Markdown when asked',
  async () => {
    const { stdout } = await run(join(dir, 'a.html'), '--url', 'https://harbourpost.example/a', '--markdown');
    const result = JSON.parse(stdout) as Record<string, unknown>;
    expect(result).toMatchObject({ title: 'Quay reopens', markdown: 'Nothing else to read here.' });
    expect(result).not.toHaveProperty('ms');
  },
  CLI_START_TIMEOUT,
);

it(
  'refuses a file without --url with exit code 2',
  async () => {
    await expect(run(join(dir, 'a.html'))).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--url URL is required'),
    });
  },
  CLI_START_TIMEOUT,
);

it(
  'fetches a URL given instead of a file and extracts it against the address it ended at',
  async () => {
    const server = createServer((request, response) => {
      if (request.url === '/old') response.writeHead(301, { location: '/story' }).end();
      else
        response
          .writeHead(200, { 'content-type': 'text/html' })
          .end(page('<title>Quay reopens | Harbour Post</title>'));
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const { stdout } = await run(`${origin}/old`);
      expect(JSON.parse(stdout)).toMatchObject({
        title: 'Quay reopens | Harbour Post',
        citationTitle: 'Quay reopens',
        canonicalUrl: `${origin}/story`,
      });
    } finally {
      server.closeAllConnections();
      server.close();
    }
  },
  CLI_START_TIMEOUT,
);
