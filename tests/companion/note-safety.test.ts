import { execFile } from 'node:child_process';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { authorised, clipBody, postClip, rawRequest, startServe, type ServeProcess } from './support/serve-process';

// Issue 14: notes refclip must refuse or find, through both doors (a real `refclip serve` and `refclip add`).
vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

const CLI = resolve(import.meta.dirname, '../../bin/refclip.js');
const NOTE = '---\ntitle: Note\nupdated: 2024-01-01\n---\n# Note\n\nProse.\n\n## sources\n\n## linkage\n';
/** `NOTE` after `clipBody(…, URL)`, as the engine writes it. */
const URL = 'https://news.example/safety';
const CLIPPED =
  '---\ntitle: Note\nupdated: 2026-03-14\n---\n# Note\n\nProse.\n\n## sources\n\n' +
  `> [!ref] Example Wire - Report on ${URL}\n> ${URL}\n> Why it matters: It backs the claim.\n\n## linkage\n`;
const CLI_CLIP = ['--url', URL, '--title', `Report on ${URL}`, '--publisher', 'Example Wire'];
const CLI_CLIP_FULL = [...CLI_CLIP, '--why', 'It backs the claim.', '--date', '2026-03-14'];

/** 200 KB of fixed pseudo-random bytes behind a PNG signature: a binary file someone named `.md`. */
function binaryBytes(): Buffer {
  const bytes = Buffer.alloc(200_000);
  let seed = 7;
  for (let i = 0; i < bytes.length; i++) bytes[i] = (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), bytes]);
}

const withByte = (...bytes: number[]) => Buffer.concat([Buffer.from('# Caf'), Buffer.from(bytes), Buffer.from('\n')]);

const NOT_TEXT: [string, string, Buffer, string][] = [
  ['an invalid byte', 'latin1.md', withByte(0xe9), 'not valid UTF-8 (byte 0xe9 at offset 5)'],
  ['a stray continuation byte', 'stray.md', withByte(0x80), 'not valid UTF-8 (byte 0x80 at offset 5)'],
  ['an overlong encoding', 'overlong.md', withByte(0xc0, 0xaf), 'not valid UTF-8 (byte 0xc0 at offset 5)'],
  [
    'UTF-16 with a BOM',
    'utf16-bom.md',
    Buffer.from('\ufeff' + NOTE, 'utf16le'),
    'not valid UTF-8 (byte 0xff at offset 0)',
  ],
  [
    'UTF-16 without a BOM',
    'utf16.md',
    Buffer.from(NOTE, 'utf16le'),
    'not UTF-8 text (NUL byte at offset 1: the file looks binary or UTF-16)',
  ],
  ['a binary file', 'picture.md', binaryBytes(), 'not valid UTF-8 (byte 0x89 at offset 0)'],
];

let root: string;
let vault: string;
let server: ServeProcess;

/** Runs the real `refclip add` in the vault folder; resolves with its exit code and output. */
function refclipAdd(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, REFCLIP_CONFIG_DIR: join(root, 'cli-config') };
  return new Promise((done) => {
    execFile(process.execPath, [CLI, 'add', ...args], { cwd: vault, env }, (error, stdout, stderr) => {
      done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'refclip-safety-'));
  vault = join(root, 'vault');
  mkdirSync(vault);
  for (const [, file, bytes] of NOT_TEXT) writeFileSync(join(vault, file), bytes);
  server = await startServe({ vault, configDir: join(root, 'config') });
});

afterAll(async () => {
  await server.stop();
  rmSync(root, { recursive: true, force: true });
});

describe('a note that is not UTF-8 text', () => {
  it.each(NOT_TEXT)('with %s is refused with 422 naming the first bad byte, untouched', async (_, file, bytes, why) => {
    const response = await postClip(server, clipBody(file, URL));
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({ error: { code: 'invalid-note', message: `${file} was left as it was: ${why}` } });
    expect(readFileSync(join(vault, file)).equals(bytes)).toBe(true);
  });

  it.each(NOT_TEXT)('with %s makes refclip add exit 1 with the same reason, untouched', async (_, file, bytes, why) => {
    const run = await refclipAdd(file, ...CLI_CLIP);
    expect(run).toEqual({ code: 1, stdout: '', stderr: `refclip: ${file}: ${why}; nothing written\n` });
    expect(readFileSync(join(vault, file)).equals(bytes)).toBe(true);
  });
});

describe('a note over the 20 MB limit', () => {
  const size = 20 * 1024 * 1024 + 1;
  const why = `it is ${size} bytes, over refclip's limit of 20971520 bytes (20 MB) for a note`;

  it('is refused by both doors, untouched', async () => {
    const bytes = Buffer.concat([Buffer.from(NOTE), Buffer.alloc(size - NOTE.length, 'a')]);
    writeFileSync(join(vault, 'huge.md'), bytes);
    const response = await postClip(server, clipBody('huge.md', URL));
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({ error: { code: 'invalid-note', message: `huge.md was left as it was: ${why}` } });
    const run = await refclipAdd('huge.md', ...CLI_CLIP);
    expect(run).toEqual({ code: 1, stdout: '', stderr: `refclip: huge.md: ${why}; nothing written\n` });
    expect(readFileSync(join(vault, 'huge.md')).equals(bytes)).toBe(true);
  });
});

describe('line endings', () => {
  const cr = (text: string) => text.replaceAll('\n', '\r');

  it('keeps a CR-only note CR-only, with one frontmatter, through the companion', async () => {
    writeFileSync(join(vault, 'mac.md'), cr(NOTE));
    expect((await postClip(server, clipBody('mac.md', URL))).status).toBe(200);
    expect(readFileSync(join(vault, 'mac.md'), 'utf8')).toBe(cr(CLIPPED));
  });

  it('keeps a CR-only note CR-only through refclip add', async () => {
    writeFileSync(join(vault, 'mac-cli.md'), cr(NOTE));
    expect((await refclipAdd('mac-cli.md', ...CLI_CLIP_FULL)).stdout).toBe('added: mac-cli.md\n');
    expect(readFileSync(join(vault, 'mac-cli.md'), 'utf8')).toBe(cr(CLIPPED));
  });
});

describe('a read-only note', () => {
  it('is refused by both doors with a message, bytes and mode untouched', async () => {
    writeFileSync(join(vault, 'locked.md'), NOTE);
    chmodSync(join(vault, 'locked.md'), 0o444);
    const response = await postClip(server, clipBody('locked.md', URL));
    expect(response.status).toBe(409);
    expect(response.json()).toEqual({
      error: { code: 'write-failed', message: 'locked.md was left as it was: the note is read-only' },
    });
    const run = await refclipAdd('locked.md', ...CLI_CLIP);
    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr: 'refclip: locked.md: the note is read-only; nothing written\n',
    });
    expect(readFileSync(join(vault, 'locked.md'), 'utf8')).toBe(NOTE);
    expect(statSync(join(vault, 'locked.md')).mode & 0o777).toBe(0o444);
  });
});

describe('note names stored NFD (as macOS stores them) or NFC', () => {
  const nfd = (name: string) => name.normalize('NFD');
  const named = (name: string) =>
    readdirSync(vault).filter((entry) => entry.normalize('NFC') === name.normalize('NFC'));

  it.each([
    ['stored NFD, asked NFC', nfd('Café.md'), 'Café.md'],
    ['stored NFC, asked NFD', 'Crème.md', nfd('Crème.md')],
  ])('finds a note %s through the companion', async (_, stored, asked) => {
    writeFileSync(join(vault, stored), NOTE);
    const response = await postClip(server, clipBody(asked, URL));
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ status: 'added', path: stored, clipId: expect.any(String) });
    expect(named(stored)).toEqual([stored]);
    expect(readFileSync(join(vault, stored), 'utf8')).toBe(CLIPPED);
  });

  it('finds a note stored NFD when refclip add is given the NFC name', async () => {
    writeFileSync(join(vault, nfd('Déjà vu.md')), NOTE);
    expect((await refclipAdd('Déjà vu.md', ...CLI_CLIP_FULL)).stdout).toBe('added: Déjà vu.md\n');
    expect(named('Déjà vu.md')).toEqual([nfd('Déjà vu.md')]);
    expect(readFileSync(join(vault, nfd('Déjà vu.md')), 'utf8')).toBe(CLIPPED);
  });
});

describe('a vault that disappears', () => {
  const get = async (path: string) => {
    const response = await rawRequest(server.port, { path, headers: authorised(server) });
    return { status: response.status, body: response.json() };
  };

  it('answers 503 vault-not-found, empties the index, and serves the vault again once it is back', async () => {
    const notFound = {
      status: 503,
      body: {
        error: {
          code: 'vault-not-found',
          message: expect.stringMatching(/^vault not found: .*refclip serves it again/),
        },
      },
    };
    const before = (await get('/v1/vault')).body as { notes: number };
    renameSync(vault, `${vault}-moved`);
    try {
      expect(await get('/v1/vault')).toEqual(notFound);
      expect(await get('/v1/notes?q=Note')).toEqual(notFound);
      expect(await postClip(server, clipBody('mac.md', 'https://news.example/lost'))).toMatchObject({ status: 503 });
      rmSync(join(`${vault}-moved`, 'locked.md'), { force: true });
    } finally {
      renameSync(`${vault}-moved`, vault);
    }
    expect(await get('/v1/vault')).toEqual({
      status: 200,
      body: { name: 'vault', notes: before.notes - 1, obsidian: false },
    });
    const notes = (await get('/v1/notes?limit=200')).body as { notes: { path: string }[] };
    expect(notes.notes.map((note) => note.path)).not.toContain('locked.md');
    expect((await postClip(server, clipBody('mac.md', 'https://news.example/back'))).status).toBe(200);
  });
});
