import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { indexWithCache, type IndexSink } from './cached-index';
import { loadIndexCache } from './index-cache';

const root = mkdtempSync(join(tmpdir(), 'refclip-cached-index-'));
const vault = join(root, 'vault');
const cacheFile = join(root, 'config', 'index.json');
mkdirSync(vault);
afterAll(() => rmSync(root, { recursive: true, force: true }));

const files = ['grid.md', 'heat.md', 'rail.md'].map((name) => join(vault, name));
writeFileSync(files[0]!, '---\ntitle: Grid batteries\n---\n');
writeFileSync(files[1]!, '---\ntitle: Heat pumps\n---\n');
writeFileSync(files[2]!, '---\ntitle: Night trains\n---\n');

/** What a start hands the index: titles made searchable, paths given topics, titles recorded whole. */
async function start() {
  const seen = { searchable: [] as string[], topics: [] as string[], records: [] as string[] };
  const sink: IndexSink = {
    note: (note) => seen.searchable.push(note.title),
    topics: (path, topics) => seen.topics.push(`${path}: ${topics.title}`),
    record: (record) => seen.records.push(record.note.title),
  };
  const started = await indexWithCache(vault, files, cacheFile, loadIndexCache(cacheFile, vault), sink);
  await started.suggestable;
  await started.saved;
  return seen;
}

describe('the index cache at a cold start', () => {
  it('reads every note the first time, then none, then only the one that changed', async () => {
    const all = ['Grid batteries', 'Heat pumps', 'Night trains'];
    const topics = ['grid.md: Grid batteries', 'heat.md: Heat pumps', 'rail.md: Night trains'];
    expect(await start()).toEqual({ searchable: all, topics, records: [] });
    const cached = readFileSync(cacheFile, 'utf8');
    expect(cached.split('\n')).toHaveLength(2);

    // The cache's own words prove where each title came from.
    writeFileSync(cacheFile, cached.replaceAll('Heat pumps', 'Heat pumps (cached)'));
    writeFileSync(files[0]!, '---\ntitle: Grid storage\n---\n');
    expect(await start()).toEqual({
      searchable: ['Heat pumps (cached)', 'Night trains', 'Grid storage'],
      topics: ['grid.md: Grid storage', 'heat.md: Heat pumps (cached)', 'rail.md: Night trains'],
      records: [],
    });
    expect(readFileSync(cacheFile, 'utf8')).toContain('"title":"Grid storage"');
  });

  it('reads a note again when its topics line is unreadable, and writes the cache anew', async () => {
    const [head] = readFileSync(cacheFile, 'utf8').split('\n');
    writeFileSync(cacheFile, `${head}\n[{"title":`);
    expect(await start()).toEqual({
      searchable: ['Grid storage', 'Heat pumps (cached)', 'Night trains'],
      topics: [],
      records: ['Grid storage', 'Heat pumps', 'Night trains'],
    });
    for (let tries = 0; tries < 100 && readFileSync(cacheFile, 'utf8').endsWith('"title":'); tries++) {
      await new Promise((wait) => setTimeout(wait, 20));
    }
    expect(JSON.parse(readFileSync(cacheFile, 'utf8').split('\n')[1]!)).toHaveLength(3);
  });
});
