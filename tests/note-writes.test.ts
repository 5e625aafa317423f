import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Issue 14, item 1: every change to a note goes through the one write path (`companion/vault/note-writer.ts`), so
 * strict reading, the unchanged-check, the merge of outside edits and the symlink checks cannot be skipped by a
 * second copy. Any other file that writes, renames, links, removes or opens for writing fails this test unless it
 * is listed here with the reason it never touches an existing note.
 */
const COMPANION = join(import.meta.dirname, '..', 'companion');

const ALLOWED: Record<string, string> = {
  'vault/note-writer.ts': 'the one write path for existing notes',
  'vault/atomic-file.ts': 'creates new notes with link(2), which never replaces an existing file',
  'vault/vault-walk.ts': 'removes temp files left by a crash, at startup',
  'config.ts': 'the config and token files in the config folder, never notes',
  'host/run-host.ts': 'writes framed answers to stdout, the browser reading them',
  'install/host-setup.ts': "host manifests and the launcher in the browsers' and the config folders, never notes",
  'vault/index-cache.ts': 'the index cache in the config folder, never notes',
};

const WRITING_CALL =
  /\b(?:rename|writeFile|appendFile|truncate|ftruncate|copyFile|cp|link|symlink|unlink|rm|rmdir|writev|writeSync)(?:Sync)?\s*\(|\.write\s*\(|\bcreateWriteStream\s*\(/g;
const OPEN_CALL = /\bopen(?:Sync)?\s*\(([^()]*(?:\([^()]*\)[^()]*)*)\)/g;
const WRITE_FLAG = /['"](?:w|wx|w\+|wx\+|a|ax|a\+|ax\+|r\+|rs\+|as|as\+)['"]|O_(?:WRONLY|RDWR|TRUNC|APPEND|CREAT)/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(?:ts|js|mjs)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [path] : [];
  });
}

/** The code without comments, and with terminal output (`process.stdout.write`) out of the way: it writes no file. */
function code(source: string): string {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '')
    .replace(/\bprocess\.(?:stdout|stderr)\.write\s*\(/g, 'print(');
}

/** The file-writing calls in one source file, as written. */
export function writingCalls(source: string): string[] {
  const text = code(source);
  const calls = [...text.matchAll(WRITING_CALL)].map((match) => match[0]);
  for (const match of text.matchAll(OPEN_CALL)) if (WRITE_FLAG.test(match[1] ?? '')) calls.push(match[0]);
  return calls;
}

describe('note writes', () => {
  const files = sourceFiles(COMPANION);

  it('finds the write path and the writing calls it makes', () => {
    expect(writingCalls(readFileSync(join(COMPANION, 'vault/note-writer.ts'), 'utf8'))).toEqual(
      expect.arrayContaining(["open(tempPath, 'wx', mode)", 'rename(', 'unlink(']),
    );
  });

  it('recognises the ways a file gets written', () => {
    const sample = [
      "await writeFile(path, text, 'utf8');",
      "fs.appendFileSync(path, 'x');",
      "const h = await open(path, 'r+');",
      'openSync(path, constants.O_WRONLY | constants.O_TRUNC);',
      'await handle.truncate(0);',
      'await handle.write(bytes);',
      "const h = await open(path, 'r'); // reading is fine",
    ].join('\n');
    expect(writingCalls(sample)).toEqual([
      'writeFile(',
      'appendFileSync(',
      'truncate(',
      '.write(',
      "open(path, 'r+')",
      'openSync(path, constants.O_WRONLY | constants.O_TRUNC)',
    ]);
  });

  it('happen only in the write path and the listed files', () => {
    const offenders = files
      .map((file) => ({
        file: relative(COMPANION, file).split('\\').join('/'),
        calls: writingCalls(readFileSync(file, 'utf8')),
      }))
      .filter(({ file, calls }) => calls.length > 0 && !(file in ALLOWED));
    expect(offenders).toEqual([]);
  });
});
