import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { MAX_BODY_BYTES } from '../../utils/core/companion-api';
import { authorised, clipBody, postClip, rawRequest, startServe, type ServeProcess } from './support/serve-process';

// Each file starts real `refclip serve` processes; on a busy machine that takes seconds.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

const NOTE = '---\ntitle: Target\n---\n# Target\n\n## sources\n';
const CANARY = '---\ntitle: Canary\n---\n# Canary outside the vault\n';
const CHROME_ORIGIN = 'chrome-extension://ldklnbbmjpfgbcbapiehpnnafaldodbj';
const FIREFOX_ORIGIN = 'moz-extension://3f2b8c1e-9a4d-4c7e-8b1a-2d5e6f708192';
const ALLOWED_ORIGIN = 'moz-extension://0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

let root: string;
let vault: string;
let canaryDir: string;
let canary: string;
let configDir: string;
let server: ServeProcess;

/** Marks a file so any read shows: atime older than mtime is updated by the next read (relatime). */
function armAtime(path: string): void {
  utimesSync(path, new Date(1_000_000), new Date());
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'refclip-security-'));
  vault = join(root, 'vault');
  canaryDir = join(root, 'outside');
  configDir = join(root, 'config');
  mkdirSync(join(vault, 'sub'), { recursive: true });
  mkdirSync(join(vault, '.obsidian'));
  mkdirSync(canaryDir);
  canary = join(canaryDir, 'canary.md');
  writeFileSync(canary, CANARY);
  writeFileSync(join(vault, 'target.md'), NOTE);
  writeFileSync(join(vault, 'sub', 'inner.md'), NOTE);
  symlinkSync(canaryDir, join(vault, 'link-out'));
  symlinkSync(canary, join(vault, 'escape.md'));
  server = await startServe({ vault, configDir, args: ['--allow-origin', ALLOWED_ORIGIN] });
  armAtime(canary);
});

afterAll(async () => {
  await server?.stop();
  rmSync(root, { recursive: true, force: true });
});

const get = (path: string, headers: Record<string, string> = {}) =>
  rawRequest(server.port, { path, headers: { host: `127.0.0.1:${server.port}`, ...headers } });

describe('token', () => {
  it('lets /v1/ping through without a token and says only what it is', async () => {
    const response = await get('/v1/ping');
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ app: 'refclip', protocol: 1 });
  });

  it.each(['/v1/notes', '/v1/tags', '/v1/sources?url=https://example.com/', '/v1/vault', '/v1/nothing-here'])(
    '%s refuses a missing, wrong, malformed or query-string token with 401',
    async (path) => {
      const separator = path.includes('?') ? '&' : '?';
      const attempts = [
        await get(path),
        await get(path, { authorization: 'Bearer wrong-token-wrong-token-wrong' }),
        await get(path, { authorization: `Bearer ${server.token}x` }),
        await get(path, { authorization: `Basic ${server.token}` }),
        await get(path, { authorization: server.token }),
        await get(`${path}${separator}token=${server.token}`),
        await get(`${path}${separator}access_token=${server.token}`),
      ];
      for (const response of attempts) {
        expect(response.status).toBe(401);
        expect(response.json()).toMatchObject({ error: { code: 'unauthorized' } });
      }
    },
  );

  it('serves an authorised request and never echoes the token', async () => {
    const response = await get('/v1/vault', { authorization: `Bearer ${server.token}` });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ name: 'vault', notes: 2, obsidian: true });
    expect(server.output()).not.toContain(`Bearer ${server.token}`);
  });

  it('keeps the token in a file only the user can read, with at least 128 bits', () => {
    expect(statSync(join(configDir, 'token')).mode & 0o777).toBe(0o600);
    expect(Buffer.from(server.token, 'base64url').length).toBeGreaterThanOrEqual(16);
  });
});

describe('Host (DNS rebinding)', () => {
  it.each([
    'evil.example',
    'evil.example:PORT',
    '127.0.0.1',
    '127.0.0.1:1',
    'localhost:1',
    '0.0.0.0:PORT',
    '[::1]:PORT',
  ])('refuses Host %s with 421', async (host) => {
    const response = await get('/v1/ping', { host: host.replace('PORT', String(server.port)) });
    expect(response.status).toBe(421);
    expect(response.json()).toMatchObject({ error: { code: 'bad-host' } });
  });

  it('accepts localhost:PORT as well as 127.0.0.1:PORT', async () => {
    expect((await get('/v1/ping', { host: `localhost:${server.port}` })).status).toBe(200);
  });

  const external = Object.values(networkInterfaces())
    .flat()
    .find((address) => address && address.family === 'IPv4' && !address.internal)?.address;
  it.skipIf(!external)('listens on loopback only: another interface refuses the connection', async () => {
    const outcome = await new Promise<string>((done) => {
      const socket = connect(server.port, external!);
      socket.once('connect', () => (socket.destroy(), done('connected')));
      socket.once('error', (error: NodeJS.ErrnoException) => done(error.code ?? 'error'));
    });
    expect(outcome).toBe('ECONNREFUSED');
  });
});

describe('Origin allowlist and CORS', () => {
  it.each(['https://evil.example', 'http://127.0.0.1:8080', 'null', 'moz-extension://not-a-uuid'])(
    'answers %s with 403 and no CORS headers, ping and preflight included',
    async (origin) => {
      const responses = [
        await get('/v1/ping', { origin }),
        await get('/v1/notes', { origin, authorization: `Bearer ${server.token}` }),
        await rawRequest(server.port, {
          method: 'OPTIONS',
          path: '/v1/clips',
          headers: {
            origin,
            'access-control-request-method': 'POST',
            'access-control-request-headers': 'authorization, content-type',
          },
        }),
      ];
      for (const response of responses) {
        expect(response.status).toBe(403);
        expect(Object.keys(response.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
      }
    },
  );

  it('gives the Chrome extension origin exact CORS headers and answers its preflight', async () => {
    const response = await get('/v1/notes', { origin: CHROME_ORIGIN, authorization: `Bearer ${server.token}` });
    expect(response.status).toBe(200);
    expect(response.headers['access-control-allow-origin']).toBe(CHROME_ORIGIN);
    expect(response.headers.vary).toMatch(/origin/i);
    const preflight = await rawRequest(server.port, {
      method: 'OPTIONS',
      path: '/v1/clips',
      headers: {
        origin: CHROME_ORIGIN,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(CHROME_ORIGIN);
    expect(preflight.headers['access-control-allow-headers']?.toLowerCase()).toContain('authorization');
    expect(preflight.headers['access-control-allow-methods']).toContain('POST');
  });

  it('pairs a Firefox origin only with the token, then remembers it', async () => {
    const notes = () => get('/v1/notes', { origin: FIREFOX_ORIGIN, authorization: `Bearer ${server.token}` });
    expect((await notes()).status).toBe(403);
    const pair = (headers: Record<string, string>) =>
      rawRequest(server.port, { method: 'POST', path: '/v1/pair', headers, body: '{}' });
    expect((await pair({ origin: FIREFOX_ORIGIN, 'content-type': 'application/json' })).status).toBe(401);
    expect((await pair(authorised(server, { origin: 'https://evil.example' }))).status).toBe(403);
    const paired = await pair(authorised(server, { origin: FIREFOX_ORIGIN }));
    expect(paired.status).toBe(200);
    expect(paired.json()).toEqual({ origin: FIREFOX_ORIGIN });
    const after = await notes();
    expect(after.status).toBe(200);
    expect(after.headers['access-control-allow-origin']).toBe(FIREFOX_ORIGIN);
    const config = JSON.parse(readFileSync(join(configDir, 'config.json'), 'utf8')) as { allowedOrigins: string[] };
    expect(config.allowedOrigins).toEqual([FIREFOX_ORIGIN]);
  });

  it('lets an unpaired extension origin ping and pair, but nothing else', async () => {
    const stranger = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
    const ping = await get('/v1/ping', { origin: stranger });
    expect(ping.status).toBe(200);
    expect(ping.headers['access-control-allow-origin']).toBe(stranger);
    const notes = await get('/v1/notes', { origin: stranger, authorization: `Bearer ${server.token}` });
    expect(notes.status).toBe(403);
    expect(notes.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('allows an origin given with --allow-origin, exactly', async () => {
    const allowed = await get('/v1/tags', { origin: ALLOWED_ORIGIN, authorization: `Bearer ${server.token}` });
    expect(allowed.status).toBe(200);
    expect(allowed.headers['access-control-allow-origin']).toBe(ALLOWED_ORIGIN);
    const similar = await get('/v1/tags', { origin: `${ALLOWED_ORIGIN}:1`, authorization: `Bearer ${server.token}` });
    expect(similar.status).toBe(403);
  });

  it('serves a request without Origin (the CLI, curl) when the token is valid', async () => {
    expect((await get('/v1/tags', { authorization: `Bearer ${server.token}` })).status).toBe(200);
  });
});

describe('request bodies', () => {
  it.each([
    ['text/plain', clipBody('target.md', 'https://example.com/plain')],
    ['application/x-www-form-urlencoded', 'note=target.md&url=https%3A%2F%2Fexample.com%2F'],
    ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--x--\r\n'],
    ['', clipBody('target.md', 'https://example.com/untyped')],
  ])('refuses content type "%s" with 415 and leaves the note alone', async (type, body) => {
    const headers = authorised(server, { 'content-type': type });
    if (type === '') delete headers['content-type'];
    const response = await rawRequest(server.port, { method: 'POST', path: '/v1/clips', headers, body });
    expect(response.status).toBe(415);
    expect(response.json()).toMatchObject({ error: { code: 'unsupported-media-type' } });
    expect(readFileSync(join(vault, 'target.md'), 'utf8')).toBe(NOTE);
  });

  it('refuses a body over 1 MB with 413 and a message, with or without Content-Length', async () => {
    const big = clipBody('target.md', 'https://example.com/big', { pad: 'x'.repeat(MAX_BODY_BYTES) });
    const declared = await postClip(server, big);
    const chunked = await rawRequest(server.port, {
      method: 'POST',
      path: '/v1/clips',
      headers: authorised(server),
      chunks: [Buffer.from(big.slice(0, 600_000)), Buffer.from(big.slice(600_000))],
    });
    for (const response of [declared, chunked]) {
      expect(response.status).toBe(413);
      expect(response.json()).toEqual({
        error: { code: 'body-too-large', message: expect.stringContaining('1 MB') as unknown },
      });
    }
    expect(readFileSync(join(vault, 'target.md'), 'utf8')).toBe(NOTE);
  });

  it.each([
    ['not JSON', '{"note":'],
    ['no clip', JSON.stringify({ note: { path: 'target.md' } })],
    ['a URL that is not one', clipBody('target.md', 'not a url')],
    ['a path not ending in .md', clipBody('target.txt', 'https://example.com/txt')],
    [
      'an unknown note shape',
      JSON.stringify({
        note: { path: 'target.md', extra: 1 },
        clip: { url: 'https://a.example/', title: 't', publisher: 'p' },
      }),
    ],
  ])('refuses %s with 400 and a message', async (_name, body) => {
    const response = await postClip(server, body);
    expect(response.status).toBe(400);
    const error = (response.json() as { error: { code: string; message: string } }).error;
    expect(['invalid-request', 'invalid-path']).toContain(error.code);
    expect(error.message.length).toBeGreaterThan(5);
    expect(readFileSync(join(vault, 'target.md'), 'utf8')).toBe(NOTE);
  });
});

describe('paths stay inside the vault', () => {
  const escapes = () => [
    '../outside/canary.md',
    'sub/../../outside/canary.md',
    '%2e%2e/outside/canary.md',
    '%2E%2E%2Foutside%2Fcanary.md',
    '%252e%252e/outside/canary.md',
    '..%2foutside%2fcanary.md',
    '..\\outside\\canary.md',
    'sub\\..\\..\\outside\\canary.md',
    join(canaryDir, 'canary.md'),
    '/etc/refclip-nothing.md',
    'C:/outside/canary.md',
    'target.md\u0000/../../outside/canary.md',
    'sub/\u0000.md',
    './target.md',
    'sub//inner.md',
    'link-out/canary.md',
    'escape.md',
    '.obsidian/workspace.md',
    '.OBSIDIAN/workspace.md',
    '.git/notes.md',
    '.trash/old.md',
    '%2eobsidian/x.md',
  ];

  it('refuses every traversal variant with 400, writes nothing and never reads the canary', async () => {
    const before = readdirSync(vault).sort();
    for (const path of escapes()) {
      const response = await postClip(server, clipBody(path, 'https://example.com/escape'));
      expect({ path, status: response.status }).toEqual({ path, status: 400 });
    }
    const folders = ['../outside', 'link-out', '.obsidian', '.git/hooks', '%2e%2e', 'sub/../..', canaryDir, 'sub\\..'];
    for (const folder of folders) {
      const response = await postClip(
        server,
        JSON.stringify({
          note: { create: { title: 'Escape attempt', folder } },
          clip: { url: 'https://example.com/escape', title: 'Escape', publisher: 'Example' },
        }),
      );
      expect({ folder, status: response.status }).toEqual({ folder, status: 400 });
    }
    // The canary's atime is still the armed one, so nothing opened it; the control read proves atime is live here.
    expect(statSync(canary).atimeMs).toBe(1_000_000);
    const control = join(root, 'control.md');
    writeFileSync(control, CANARY);
    armAtime(control);
    readFileSync(control);
    expect(statSync(control).atimeMs).not.toBe(1_000_000);
    expect(readFileSync(canary, 'utf8')).toBe(CANARY);
    expect(readdirSync(canaryDir)).toEqual(['canary.md']);
    expect(readdirSync(vault).sort()).toEqual(before);
    expect(readdirSync(join(vault, '.obsidian'))).toEqual([]);
    expect(readFileSync(join(vault, 'target.md'), 'utf8')).toBe(NOTE);
    expect(lstatSync(join(vault, 'escape.md')).isSymbolicLink()).toBe(true);
  });

  it('still writes a note in a subfolder by its vault-relative path', async () => {
    const response = await postClip(server, clipBody('sub/inner.md', 'https://example.com/inside'));
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({
      status: 'added',
      path: 'sub/inner.md',
      clipId: expect.stringMatching(/^[\w-]{22}$/),
    });
    expect(readFileSync(join(vault, 'sub', 'inner.md'), 'utf8')).toContain('> https://example.com/inside\n');
  });
});
