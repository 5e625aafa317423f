import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { parsePairingFragment } from '../../utils/core/pairing';
import { configDir } from '../../companion/config';
import { startServe } from './support/serve-process';

// Each file starts real `refclip serve` processes; on a busy machine that takes seconds.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

const run = promisify(execFile);
const CLI = resolve(import.meta.dirname, '../../bin/refclip.js');
const root = mkdtempSync(join(tmpdir(), 'refclip-cli-'));

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('config folder', () => {
  it('is REFCLIP_CONFIG_DIR, else $XDG_CONFIG_HOME/refclip, else ~/.config/refclip', () => {
    expect(configDir({ REFCLIP_CONFIG_DIR: '/x/refclip-test', XDG_CONFIG_HOME: '/y' })).toBe('/x/refclip-test');
    expect(configDir({ XDG_CONFIG_HOME: '/y' })).toBe('/y/refclip');
    expect(configDir({})).toMatch(/\/\.config\/refclip$/);
  });
});

describe('refclip serve and refclip pair', () => {
  it('prints vault, address and a pairing link; remembers the vault; pair prints the same token again', async () => {
    const vault = join(root, 'vault');
    const config = join(root, 'config');
    mkdirSync(vault);
    writeFileSync(join(vault, 'a.md'), '# a\n');
    const first = await startServe({ vault, configDir: config });
    const printed = first.output();
    await first.stop();
    expect(printed).toContain(`vault: ${vault} (1 notes`);
    expect(printed).toContain(`listening on http://127.0.0.1:${first.port}`);
    expect(printed).toContain("Firefox: paste the token in refclip's options");
    const link = /chrome-extension:\/\/ldklnbbmjpfgbcbapiehpnnafaldodbj\/options\.html(#pair=\S+)/.exec(printed)?.[1];
    expect(parsePairingFragment(link ?? '')).toEqual({ url: `http://127.0.0.1:${first.port}`, token: first.token });
    expect(statSync(config).mode & 0o777).toBe(0o700);
    expect(JSON.parse(readFileSync(join(config, 'config.json'), 'utf8'))).toEqual({ vault, allowedOrigins: [] });

    const { stdout } = await run(process.execPath, [CLI, 'pair'], {
      env: { ...process.env, REFCLIP_CONFIG_DIR: config },
    });
    expect(stdout).toContain(first.token);
    expect(stdout).toContain('#pair=');

    // Without --vault the remembered vault is served, with the same token.
    const second = await startServe({ vault: '', configDir: config });
    expect(second.output()).toContain(`vault: ${vault} (1 notes`);
    expect(second.token).toBe(first.token);
    await second.stop();
  });

  it('says what to do when no vault was ever given', async () => {
    const config = join(root, 'empty-config');
    const failure = await run(process.execPath, [CLI, 'serve', '--port', '0'], {
      env: { ...process.env, REFCLIP_CONFIG_DIR: config },
    }).catch((error: { code: number; stderr: string }) => error);
    expect(failure).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('run refclip serve --vault DIR') as unknown,
    });
  });
});
