import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { applyClip, citedUrls, normaliseUrl, readNoteMeta } from '../../utils/core/index';
import { DEFAULT_SETTINGS, noteOptionsFrom } from '../../utils/core/settings';
import { clipBody, postClip, startServe, type ServeProcess } from './support/serve-process';

// Each file starts real `refclip serve` processes; on a busy machine that takes seconds.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

const NOTE = [
  '---',
  'title: Shared note',
  'tags: [energy]',
  'updated: 2024-01-01',
  '---',
  '# Shared note',
  '',
  'Some prose.',
  '',
  '## sources',
  '',
  '## linkage',
  '- [[Elsewhere]]',
  '',
].join('\n');

const options = noteOptionsFrom(DEFAULT_SETTINGS);

function tempFilesIn(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.tmp'));
}

let root: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'refclip-writes-'));
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

function freshVault(name: string): { vault: string; configDir: string } {
  const vault = join(root, name, 'vault');
  const configDir = join(root, name, 'config');
  mkdirSync(vault, { recursive: true });
  writeFileSync(join(vault, 'shared.md'), NOTE);
  return { vault, configDir };
}

/**
 * A real `refclip serve` on a fresh vault (holding `shared.md` and `notes`) for the enclosing `describe`, started
 * before its tests and stopped after them.
 */
function servedVault(
  name: string,
  extra: { env?: Record<string, string>; notes?: Record<string, string> } = {},
): { server: ServeProcess; vault: string } {
  const served = {} as { server: ServeProcess; vault: string };
  beforeAll(async () => {
    const paths = freshVault(name);
    for (const [file, text] of Object.entries(extra.notes ?? {})) writeFileSync(join(paths.vault, file), text);
    served.vault = paths.vault;
    served.server = await startServe({ ...paths, env: extra.env });
  });
  afterAll(async () => {
    await served.server?.stop();
  });
  return served;
}

describe('a real refclip serve under concurrent clips', () => {
  const served = servedVault('concurrent');

  it('writes 200 concurrent clips into one note, each callout exactly once, and the note still parses', async () => {
    const urls = Array.from({ length: 200 }, (_, n) => `https://news.example/story/${n}`);
    const responses = await Promise.all(urls.map((url) => postClip(served.server, clipBody('shared.md', url))));
    expect(responses.map((response) => response.status)).toEqual(urls.map(() => 200));
    const text = readFileSync(join(served.vault, 'shared.md'), 'utf8');
    for (const url of urls) expect(text.split(`> ${url}\n`).length - 1).toBe(1);
    expect(citedUrls(text).sort()).toEqual(urls.map(normaliseUrl).sort());
    expect(readNoteMeta(text)).toMatchObject({ title: 'Shared note', tags: ['energy'], updated: '2026-03-14' });
    expect(
      applyClip(text, { clip: { url: urls[7]!, title: 't', publisher: 'p' }, tags: [], date: '2026-03-14' }, options)
        .status,
    ).toBe('already-present');
    expect(text.endsWith('## linkage\n- [[Elsewhere]]\n')).toBe(true);
    expect(tempFilesIn(served.vault)).toEqual([]);
    // The note engine parses the growing note twice per clip (about 40 ms at 200 callouts), hence the budget.
  }, 60_000);

  it('keeps an outside edit made between two clips', async () => {
    const post = (url: string) => postClip(served.server, clipBody('shared.md', url));
    expect((await post('https://news.example/before-edit')).status).toBe(200);
    await appendFile(join(served.vault, 'shared.md'), 'A line typed in the editor.\n');
    expect((await post('https://news.example/after-edit')).status).toBe(200);
    const text = await readFile(join(served.vault, 'shared.md'), 'utf8');
    expect(text).toContain('A line typed in the editor.\n');
    expect(text).toContain('> https://news.example/before-edit\n');
    expect(text).toContain('> https://news.example/after-edit\n');
  });
});

describe("a clip carrying the extension's note settings", () => {
  const served = servedVault('settings', {
    notes: { 'reading.md': '# Reading\n\nProse.\n\n## Further reading\n\n## linkage\n' },
  });

  const custom = {
    ...options,
    calloutTemplate: '> [!source] {title} ({publisher})\n> <{url}>',
    sourcesHeading: 'Further reading',
  };

  it('writes the callout with the template and sources heading sent with the clip', async () => {
    const response = await postClip(
      served.server,
      clipBody('reading.md', 'https://news.example/tides', { options: custom }),
    );
    expect(response.status).toBe(200);
    expect(readFileSync(join(served.vault, 'reading.md'), 'utf8')).toBe(
      '---\nupdated: 2026-03-14\n---\n# Reading\n\nProse.\n\n## Further reading\n\n' +
        '> [!source] Report on https://news.example/tides (Example Wire)\n> <https://news.example/tides>\n\n## linkage\n',
    );
  });

  it('refuses settings it cannot use with 400 and leaves the note untouched', async () => {
    const before = readFileSync(join(served.vault, 'shared.md'), 'utf8');
    for (const bad of [
      { ...custom, seriesCode: 'no spaces allowed' },
      { ...custom, sourcesHeading: '  ' },
      { ...custom, extra: 1 },
    ]) {
      const response = await postClip(
        served.server,
        clipBody('shared.md', 'https://news.example/refused', { options: bad }),
      );
      expect(response.status).toBe(400);
    }
    expect(readFileSync(join(served.vault, 'shared.md'), 'utf8')).toBe(before);
  });
});

describe('a clip racing an outside write', () => {
  // The real server holds each write after its temp file appears; the test edits the note in that window.
  const served = servedVault('race', { env: { REFCLIP_TEST_COMMIT_DELAY_MS: '400' } });

  async function nextTempFile(seen: Set<string>): Promise<void> {
    for (;;) {
      const fresh = tempFilesIn(served.vault).filter((name) => !seen.has(name));
      if (fresh.length > 0) {
        for (const name of fresh) seen.add(name);
        return;
      }
      await new Promise((wait) => setTimeout(wait, 5));
    }
  }

  it('re-reads and re-applies, so both the clip and the outside edits survive', async () => {
    const response = postClip(served.server, clipBody('shared.md', 'https://news.example/raced'));
    const seen = new Set<string>();
    for (const edit of [1, 2]) {
      await nextTempFile(seen);
      const text = await readFile(join(served.vault, 'shared.md'), 'utf8');
      await writeFile(
        join(served.vault, 'shared.md'),
        text.replace('Some prose.', `Some prose. Outside edit ${edit}.`),
      );
    }
    expect((await response).status).toBe(200);
    const text = readFileSync(join(served.vault, 'shared.md'), 'utf8');
    expect(text).toContain('Some prose. Outside edit 2. Outside edit 1.');
    expect(text).toContain('> https://news.example/raced\n');
    expect(tempFilesIn(served.vault)).toEqual([]);
  });
});

describe('a write that fails', () => {
  it('answers with a clear error, leaves the note byte-identical and no temp file behind', async () => {
    const paths = freshVault('full');
    const big = NOTE.replace('Some prose.', 'Long prose. '.repeat(12_000));
    writeFileSync(join(paths.vault, 'big.md'), big);
    // Under `ulimit -f 128` the kernel refuses writes past 128 KB (EFBIG), as a full disk or quota would.
    const server = await startServe({ ...paths, fileSizeLimitKb: 128 });
    try {
      const response = await postClip(server, clipBody('big.md', 'https://news.example/too-much'));
      expect(response.status).toBe(507);
      expect(response.json()).toEqual({
        error: { code: 'write-failed', message: expect.stringContaining('big.md was left as it was') as unknown },
      });
      expect(readFileSync(join(paths.vault, 'big.md'), 'utf8')).toBe(big);
      expect(tempFilesIn(paths.vault)).toEqual([]);
      const small = await postClip(server, clipBody('shared.md', 'https://news.example/fits'));
      expect(small.status).toBe(200);
    } finally {
      await server.stop();
    }
  });
});
