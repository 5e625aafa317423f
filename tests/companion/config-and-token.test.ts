import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { authorised, clipBody, postClip, rawRequest, startServe, type ServeProcess } from './support/serve-process';

// Each file starts a real `refclip serve` process; on a busy machine that takes seconds.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

const run = promisify(execFile);
const CLI = resolve(import.meta.dirname, '../../bin/refclip.js');
const NOTE = '---\ntitle: Dated\n---\n# Dated\n\n## sources\n';

let root: string;
let vault: string;
let configDir: string;
let server: ServeProcess;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'refclip-config-'));
  vault = join(root, 'vault');
  configDir = join(root, 'config');
  mkdirSync(vault);
  writeFileSync(join(vault, 'dated.md'), NOTE);
  server = await startServe({ vault, configDir, port: await freePort() });
});

afterAll(async () => {
  await server.stop();
  rmSync(root, { recursive: true, force: true });
});

/** A port nothing listens on now, so the server remembers it (a `--port 0` server remembers none). */
function freePort(): Promise<number> {
  return new Promise((done) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

/** A distinct Firefox extension origin per n. */
function firefoxOrigin(n: number): string {
  return `moz-extension://${n.toString(16).padStart(8, '0')}-9a4d-4c7e-8b1a-2d5e6f708192`;
}

function pair(origin: string, token = server.token) {
  return rawRequest(server.port, {
    method: 'POST',
    path: '/v1/pair',
    headers: { ...authorised(server), authorization: `Bearer ${token}`, origin },
    body: '{}',
  });
}

describe('config.json under concurrent pairs', () => {
  it('holds every origin, the vault and the port after 50 concurrent POST /v1/pair', async () => {
    const origins = Array.from({ length: 50 }, (_, n) => firefoxOrigin(n));
    const answers = await Promise.all(origins.map((origin) => pair(origin)));
    expect(answers.map((answer) => answer.status)).toEqual(origins.map(() => 200));
    const config = JSON.parse(readFileSync(join(configDir, 'config.json'), 'utf8')) as Record<string, unknown>;
    expect(config.vault).toBe(vault);
    expect(new Set(config.allowedOrigins as string[])).toEqual(new Set(origins));
    expect(config.allowedOrigins).toHaveLength(50);
    expect(config.port).toBe(server.port);
  });
});

describe('the token', () => {
  it('is the one refclip pair prints after the token file was removed; the old one is refused', async () => {
    const old = server.token;
    unlinkSync(join(configDir, 'token'));
    const { stdout } = await run(process.execPath, [CLI, 'pair', '--port', String(server.port)], {
      env: { ...process.env, REFCLIP_CONFIG_DIR: configDir },
    });
    const printed = /paste the token in refclip's options: (\S+)/.exec(stdout)?.[1] ?? '';
    expect(printed).not.toBe(old);
    expect(readFileSync(join(configDir, 'token'), 'utf8').trim()).toBe(printed);
    const vaultInfo = (token: string) =>
      rawRequest(server.port, {
        path: '/v1/vault',
        headers: { ...authorised(server), authorization: `Bearer ${token}` },
      });
    expect((await vaultInfo(printed)).status).toBe(200);
    expect((await vaultInfo(old)).status).toBe(401);
    server.token = printed;
  });
});

describe('an impossible calendar date', () => {
  it('gets 400 and leaves the note as it was', async () => {
    const answer = await postClip(server, clipBody('dated.md', 'https://example.org/a', { date: '2026-02-30' }));
    expect(answer.status).toBe(400);
    expect(answer.json()).toMatchObject({ error: { code: 'invalid-request' } });
    expect(answer.body).toContain('real calendar date');
    expect(readFileSync(join(vault, 'dated.md'), 'utf8')).toBe(NOTE);
  });
});
