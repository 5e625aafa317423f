import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { startHost } from './support/host-process';

// Packs, then installs from the npm cache (or the registry) into an empty prefix: tens of seconds on a busy machine.
vi.setConfig({ testTimeout: 240_000, hookTimeout: 60_000 });

const run = promisify(execFile);
const REPO = resolve(import.meta.dirname, '../..');
const root = mkdtempSync(join(tmpdir(), 'refclip-pack-'));

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the npm package', () => {
  it('installs globally from its tarball into an empty prefix and runs compiled, without tsx', async () => {
    // `prepack` builds dist/; run here without the lifecycle's `prepare` (wxt prepare) so no other test's .wxt moves.
    await run(process.execPath, ['scripts/build-companion.mjs'], { cwd: REPO });
    const packed = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', root], { cwd: REPO });
    const [{ filename, files }] = JSON.parse(packed.stdout) as [{ filename: string; files: { path: string }[] }];
    const paths = files.map((file) => file.path);
    expect(paths).toContain('bin/refclip.js');
    expect(paths).toContain('dist/cli.js');
    expect(paths).toContain('dist/host-main.js');
    expect(paths.filter((path) => path.endsWith('.ts') || path.startsWith('companion/'))).toEqual([]);

    const prefix = join(root, 'prefix');
    mkdirSync(prefix);
    await run(
      'npm',
      ['install', '-g', join(root, filename), '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund'],
      {
        cwd: root,
      },
    );
    const installed = join(prefix, 'lib/node_modules/refclip');
    expect(existsSync(join(installed, 'node_modules/hono'))).toBe(true);
    expect(existsSync(join(installed, 'node_modules/tsx'))).toBe(false);

    const refclip = join(prefix, 'bin/refclip');
    const help = await run(refclip, ['--help']);
    expect(help.stdout).toMatch(/^Usage: refclip /);
    for (const command of ['serve', 'host', 'install', 'uninstall', 'doctor', 'add', 'extract']) {
      expect(help.stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
    }

    const vault = join(root, 'vault');
    const config = join(root, 'config');
    mkdirSync(vault);
    writeFileSync(join(vault, 'a.md'), '# a\n');
    mkdirSync(config);
    writeFileSync(join(config, 'config.json'), JSON.stringify({ vault }));
    const host = startHost(refclip, ['host'], { PATH: process.env.PATH ?? '', REFCLIP_CONFIG_DIR: config });
    expect(await host.call({ id: 'p', method: 'GET', path: '/v1/ping' })).toEqual({
      id: 'p',
      status: 200,
      body: { app: 'refclip', protocol: 1 },
    });
    expect(await host.call({ id: 'v', method: 'GET', path: '/v1/vault' })).toEqual({
      id: 'v',
      status: 200,
      body: { name: 'vault', notes: 1, obsidian: false },
    });
    // The host is one bundle with its dependencies inside: a clip (yaml), a suggestion (tldts) and an Undo (diff)
    // prove they came along.
    const clip = { url: 'https://www.example.org/a', title: 'A story', publisher: 'Example', why: 'Matters.' };
    const added = await host.call({
      id: 'c',
      method: 'POST',
      path: '/v1/clips',
      body: { note: { path: 'a.md' }, clip, tags: ['energy'], date: '2026-12-03' },
    });
    expect(added).toMatchObject({ status: 200, body: { status: 'added', path: 'a.md' } });
    expect(readFileSync(join(vault, 'a.md'), 'utf8')).toBe(
      '---\ntags:\n  - energy\nupdated: 2026-12-03\n---\n# a\n\n## sources\n\n' +
        '> [!ref] Example - A story\n> https://www.example.org/a\n> Why it matters: Matters.\n',
    );
    const suggested = await host.call({
      id: 's',
      method: 'POST',
      path: '/v1/suggest',
      body: { page: { url: 'https://example.org/b', title: 'Another story' }, limit: 5 },
    });
    expect(suggested).toMatchObject({ status: 200, body: { notes: [{ path: 'a.md' }] } });
    const clipId = (added.body as { clipId: string }).clipId;
    expect(await host.call({ id: 'u', method: 'DELETE', path: `/v1/clips/${clipId}` })).toMatchObject({
      status: 200,
      body: { path: 'a.md' },
    });
    expect(readFileSync(join(vault, 'a.md'), 'utf8')).toBe('# a\n');
    expect(await host.close()).toBe(0);
  });
});
