import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SuggestResponse } from '../../utils/core/companion-api';
import { authorised, rawRequest, startServe, type ServeProcess } from './support/serve-process';

// Each file starts a real `refclip serve`; on a busy machine that takes seconds.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

function note(title: string, tags: string[], sources: string[]): string {
  return [
    '---',
    `title: ${title}`,
    `tags: [${tags.join(', ')}]`,
    '---',
    `# ${title}`,
    '',
    '## sources',
    ...sources.flatMap((url, n) => [
      `> [!ref] Wire - ${title} report ${n}`,
      `> ${url}`,
      '> Why it matters: Context.',
      '',
    ]),
  ].join('\n');
}

const NOTES: Record<string, string> = {
  'energy/grid.md': note('Grid batteries', ['energy'], ['https://arstechnica.com/a', 'https://arstechnica.com/b']),
  'energy/heat.md': note('Heat pumps', ['energy', 'buildings'], ['https://example.org/heat']),
  'rail.md': note('Rail freight', ['transport'], ['https://example.org/rail']),
  'ferries.md': note('Ferries', ['transport'], ['https://example.org/ferry']),
};

const PAGE = { url: 'https://arstechnica.com/science/2026/storage', title: 'Batteries and heat pumps for the grid' };

let root: string;
let vault: string;
let server: ServeProcess;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'refclip-suggest-'));
  vault = join(root, 'vault');
  mkdirSync(join(vault, 'energy'), { recursive: true });
  for (const [path, text] of Object.entries(NOTES)) writeFileSync(join(vault, path), text);
  server = await startServe({ vault, configDir: join(root, 'config') });
});

afterAll(async () => {
  await server?.stop();
  rmSync(root, { recursive: true, force: true });
});

function suggest(body: string, headers = authorised(server)) {
  return rawRequest(server.port, { method: 'POST', path: '/v1/suggest', headers, body });
}

describe('POST /v1/suggest', () => {
  it('refuses a request without the token, and one with a wrong token', async () => {
    const { authorization: _, ...anonymous } = authorised(server);
    for (const headers of [anonymous, authorised(server, { authorization: 'Bearer wrong' })]) {
      const response = await suggest(JSON.stringify({ page: PAGE }), headers);
      expect(response.status).toBe(401);
      expect(response.json()).toMatchObject({ error: { code: 'unauthorized' } });
    }
  });

  it('ranks the notes for a page, best first, with reasons', async () => {
    const response = await suggest(JSON.stringify({ page: PAGE }));
    expect(response.status).toBe(200);
    const { notes } = response.json() as SuggestResponse;
    expect(notes.map((entry) => entry.path)).toEqual(['energy/grid.md', 'energy/heat.md']);
    expect(notes[0]).toMatchObject({
      title: 'Grid batteries',
      reasons: ['title: batteries', 'cites 2 pages from arstechnica.com'],
    });
    expect(notes[0]!.score).toBeGreaterThan(notes[1]!.score);
  });

  it('honours the limit', async () => {
    const page = { url: 'https://example.org/news', title: 'Grid, heat, rail and ferries' };
    const all = (await suggest(JSON.stringify({ page }))).json() as SuggestResponse;
    expect(all.notes).toHaveLength(4);
    const two = (await suggest(JSON.stringify({ page, limit: 2 }))).json() as SuggestResponse;
    expect(two.notes).toEqual(all.notes.slice(0, 2));
  });

  it.each([
    ['not JSON', '{"page":'],
    ['no page', '{}'],
    ['a page without a title', JSON.stringify({ page: { url: PAGE.url } })],
    ['limit 0', JSON.stringify({ page: PAGE, limit: 0 })],
    ['limit 21', JSON.stringify({ page: PAGE, limit: 21 })],
    ['a fractional limit', JSON.stringify({ page: PAGE, limit: 2.5 })],
    ['keywords that are not strings', JSON.stringify({ page: { ...PAGE, keywords: [1] } })],
  ])('answers 400 with a message for %s', async (_name, body) => {
    const response = await suggest(body);
    expect(response.status).toBe(400);
    const { error } = response.json() as { error: { code: string; message: string } };
    expect(error.code).toBe('invalid-request');
    expect(error.message.length).toBeGreaterThan(0);
  });

  it('suggests a note added outside refclip within a second', async () => {
    const page = {
      url: 'https://example.net/lighthouses',
      title: 'Lighthouse keepers',
      excerpt: 'Coastal lighthouses.',
    };
    expect(((await suggest(JSON.stringify({ page }))).json() as SuggestResponse).notes).toEqual([]);
    writeFileSync(join(vault, 'lighthouses.md'), note('Lighthouses', ['coast'], ['https://example.net/keepers']));
    const started = Date.now();
    let found: string[] = [];
    while (Date.now() - started < 1000 && found.length === 0) {
      found = ((await suggest(JSON.stringify({ page }))).json() as SuggestResponse).notes.map((entry) => entry.path);
      if (found.length === 0) await new Promise((wait) => setTimeout(wait, 20));
    }
    expect(found).toEqual(['lighthouses.md']);
    expect(readFileSync(join(vault, 'lighthouses.md'), 'utf8')).toContain('# Lighthouses');
  });
});
