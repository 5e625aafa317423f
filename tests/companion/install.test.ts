import { execFile } from 'node:child_process';
import {
  accessSync,
  constants,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { launcherText } from '../../companion/install/launcher';
import { startHost } from './support/host-process';

vi.setConfig({ testTimeout: 90_000, hookTimeout: 60_000 });

const run = promisify(execFile);
const CLI = resolve(import.meta.dirname, '../../bin/refclip.js');
const home = mkdtempSync(join(tmpdir(), 'refclip-home-'));
const vault = join(home, 'notes');
const config = join(home, '.config', 'refclip');
const chromium = join(home, '.config/chromium/NativeMessagingHosts/refclip.companion.json');
const firefox = join(home, '.mozilla/native-messaging-hosts/refclip.companion.json');
const launcher = join(config, 'refclip-host');

afterAll(() => rmSync(home, { recursive: true, force: true }));

/** The CLI as a person runs it: their HOME, no refclip variables. */
function refclip(...args: string[]) {
  const env = { PATH: process.env.PATH ?? '', HOME: home };
  return run(process.execPath, [CLI, ...args], { env }).then(
    (done) => ({ code: 0, ...done }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

describe('refclip install, doctor and uninstall on a temporary HOME', () => {
  it('registers the host for the browsers in use with exact manifests and a launcher that answers a ping', async () => {
    mkdirSync(vault, { recursive: true });
    writeFileSync(join(vault, 'grid.md'), '# grid\n');
    mkdirSync(join(home, '.config/chromium'), { recursive: true });
    mkdirSync(join(home, '.mozilla'), { recursive: true });

    const before = await refclip('doctor');
    expect(before.code).toBe(1);
    expect(before.stdout).toContain(
      `chromium: not registered (no ${chromium}): run refclip install --browser chromium`,
    );
    expect(before.stdout).toContain('vault: none yet: run refclip install --vault DIR');

    const installed = await refclip('install', '--vault', vault);
    expect(installed.stdout).toBe(
      `vault: ${vault}\nlauncher: ${launcher}\nchromium: ${chromium}\nfirefox: ${firefox}\n`,
    );
    const base = { name: 'refclip.companion', description: 'refclip companion', path: launcher, type: 'stdio' };
    expect(readFileSync(chromium, 'utf8')).toBe(
      JSON.stringify({ ...base, allowed_origins: ['chrome-extension://ldklnbbmjpfgbcbapiehpnnafaldodbj/'] }, null, 2) +
        '\n',
    );
    expect(readFileSync(firefox, 'utf8')).toBe(
      JSON.stringify({ ...base, allowed_extensions: ['refclip@refclip.dev'] }, null, 2) + '\n',
    );
    expect(existsSync(join(home, '.config/google-chrome'))).toBe(false);
    expect(statSync(launcher).mode & 0o777).toBe(0o755);
    expect(() => accessSync(launcher, constants.X_OK)).not.toThrow();
    expect(JSON.parse(readFileSync(join(config, 'config.json'), 'utf8'))).toMatchObject({ vault });

    // As Firefox starts it: no PATH, no refclip variables, the manifest path and the extension id as arguments.
    const host = startHost(launcher, [firefox, 'refclip@refclip.dev'], { HOME: home });
    expect(await host.call({ id: '1', method: 'GET', path: '/v1/ping' })).toEqual({
      id: '1',
      status: 200,
      body: { app: 'refclip', protocol: 1 },
    });
    expect(await host.call({ id: '2', method: 'GET', path: '/v1/vault' })).toEqual({
      id: '2',
      status: 200,
      body: { name: 'notes', notes: 1, obsidian: false },
    });
    expect(await host.close()).toBe(0);

    const after = await refclip('doctor');
    expect(after.stdout).toBe(
      [
        `chrome: not registered (no ${join(home, '.config/google-chrome/NativeMessagingHosts/refclip.companion.json')}): run refclip install --browser chrome`,
        `chromium: registered (${chromium})`,
        `edge: not registered (no ${join(home, '.config/microsoft-edge/NativeMessagingHosts/refclip.companion.json')}): run refclip install --browser edge`,
        `brave: not registered (no ${join(home, '.config/BraveSoftware/Brave-Browser/NativeMessagingHosts/refclip.companion.json')}): run refclip install --browser brave`,
        `firefox: registered (${firefox})`,
        `vault: ${vault} is readable`,
        '',
      ].join('\n'),
    );
    expect(after.code).toBe(0);

    // As if installed through npx, whose cache npm has since cleaned: the launcher runs, its script is gone.
    const cleaned = join(home, '.npm/_npx/4f1c/node_modules/refclip/bin/refclip.js');
    writeFileSync(launcher, launcherText('linux', process.execPath, cleaned, config));
    const stale = await refclip('doctor');
    const staleLine = (browser: string) =>
      `${browser}: the launcher ${launcher} starts ${cleaned}, which no longer exists (a cleaned npx cache?): ` +
      'install refclip for good (npm install -g refclip), then run refclip install again';
    expect(stale.stdout).toContain(`${staleLine('chromium')}\n`);
    expect(stale.stdout).toContain(`${staleLine('firefox')}\n`);
    expect(stale.code).toBe(1);
    const gone = join(home, 'old-node/bin/node');
    writeFileSync(launcher, launcherText('linux', gone, CLI, config));
    expect((await refclip('doctor')).stdout).toContain(
      `firefox: the launcher ${launcher} starts ${gone}, which no longer exists (node moved or upgraded?): run refclip install again\n`,
    );

    rmSync(launcher);
    const broken = await refclip('doctor');
    expect(broken.stdout).toContain(
      `firefox: the launcher ${launcher} is missing or not executable: run refclip install --browser firefox`,
    );
    expect(broken.code).toBe(1);

    const removed = await refclip('uninstall');
    expect(removed.stdout).toBe(`removed chromium: ${chromium}\nremoved firefox: ${firefox}\n`);
    expect([existsSync(chromium), existsSync(firefox), existsSync(launcher)]).toEqual([false, false, false]);
    expect(readFileSync(join(vault, 'grid.md'), 'utf8')).toBe('# grid\n');
  });

  it('refuses a vault that is not a folder, writing nothing', async () => {
    const other = mkdtempSync(join(tmpdir(), 'refclip-home-'));
    const result = await run(process.execPath, [CLI, 'install', '--vault', join(other, 'missing')], {
      env: { PATH: process.env.PATH ?? '', HOME: other },
    }).catch((error: { code: number; stderr: string }) => error);
    expect(result).toMatchObject({ code: 1, stderr: `refclip: the vault ${join(other, 'missing')} is not a folder\n` });
    expect(existsSync(join(other, '.config'))).toBe(false);
    rmSync(other, { recursive: true, force: true });
  });
});
