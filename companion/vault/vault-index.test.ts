import { describe, expect, it } from 'vitest';
import { recordNote } from './note-record';
import { VaultIndex } from './vault-index';

function note(path: string, text: string, mtime: number) {
  return recordNote(path, text, mtime);
}

function sample(): VaultIndex {
  const index = new VaultIndex();
  index.upsert(note('energy/grid.md', '---\ntitle: Grid batteries\ntags: [energy, storage]\n---\nBody #Storage\n', 3));
  index.upsert(
    note('heat.md', '---\ntitle: Heat pumps\naliases: [warmth machines]\ntags: energy\nupdated: 2025-02-01\n---\n', 2),
  );
  index.upsert(note('inbox/untitled idea.md', 'No frontmatter, just #inbox and https://example.com/a\n', 5));
  return index;
}

describe('VaultIndex', () => {
  it('lists the most recently modified notes for an empty query', () => {
    expect(
      sample()
        .search('', 2)
        .map((entry) => entry.path),
    ).toEqual(['inbox/untitled idea.md', 'energy/grid.md']);
  });

  it('finds notes by title, alias, path and with a typo', () => {
    const index = sample();
    expect(index.search('grid', 10).map((entry) => entry.path)).toEqual(['energy/grid.md']);
    expect(index.search('warmth', 10).map((entry) => entry.path)).toEqual(['heat.md']);
    expect(index.search('inbox', 10).map((entry) => entry.path)).toEqual(['inbox/untitled idea.md']);
    expect(index.search('btateries', 10).map((entry) => entry.path)).toEqual(['energy/grid.md']);
    expect(index.search('zzzz', 10)).toEqual([]);
  });

  it('fills the list with typo-free matches when there are enough, else adds single-typo ones', () => {
    const index = new VaultIndex();
    index.upsert(note('a.md', '---\ntitle: Rocket engines\n---\n', 1));
    index.upsert(note('b.md', '---\ntitle: Rocket fuel\n---\n', 2));
    index.upsert(note('c.md', '---\ntitle: Rokcet myths\n---\n', 3));
    expect(
      index
        .search('rocket', 2)
        .map((entry) => entry.path)
        .sort(),
    ).toEqual(['a.md', 'b.md']);
    expect(
      index
        .search('rocket', 3)
        .map((entry) => entry.path)
        .sort(),
    ).toEqual(['a.md', 'b.md', 'c.md']);
  });

  it('summarises a note with the title from frontmatter, else the file name', () => {
    const index = sample();
    expect(index.search('heat', 1)).toEqual([
      { path: 'heat.md', title: 'Heat pumps', tags: ['energy'], updated: '2025-02-01', mtime: 2 },
    ]);
    expect(index.get('inbox/untitled idea.md')?.title).toBe('untitled idea');
  });

  it('counts each tag once per note, frontmatter and inline, case-insensitively', () => {
    expect(sample().tags()).toEqual([
      { tag: 'energy', count: 2 },
      { tag: 'inbox', count: 1 },
      { tag: 'storage', count: 1 },
    ]);
  });

  it('keeps counts, URLs and search right when notes change or go', () => {
    const index = sample();
    index.upsert(note('energy/grid.md', '---\ntitle: Grid storage\ntags: [grid]\n---\n', 9));
    index.remove('inbox/untitled idea.md');
    expect(index.tags()).toEqual([
      { tag: 'energy', count: 1 },
      { tag: 'grid', count: 1 },
    ]);
    expect(index.citing('https://example.com/a')).toEqual([]);
    expect(index.search('', 10).map((entry) => entry.path)).toEqual(['energy/grid.md', 'heat.md']);
    index.removeFolder('energy');
    expect(index.size).toBe(1);
    expect(index.search('grid', 10)).toEqual([]);
  });

  it('searches the new words of a changed note and finds a note moved into the place of a removed one', () => {
    const index = sample();
    index.upsert(note('heat.md', '---\ntitle: Ground source\n---\n', 4));
    expect(index.search('pumps', 10)).toEqual([]);
    expect(index.search('gruond', 10).map((entry) => entry.path)).toEqual(['heat.md']);
    index.remove('energy/grid.md');
    expect(index.search('batteries', 10)).toEqual([]);
    expect(index.search('untitled', 10).map((entry) => entry.path)).toEqual(['inbox/untitled idea.md']);
    expect(index.search('untilted', 10).map((entry) => entry.path)).toEqual(['inbox/untitled idea.md']);
  });

  it('maps normalised URLs to the notes that may cite them', () => {
    const index = sample();
    expect(index.citing('https://example.com/a').map((entry) => entry.path)).toEqual(['inbox/untitled idea.md']);
  });

  it('keeps tag counts and URLs built by an earlier request current through later changes', () => {
    const index = sample();
    expect(index.tags().map((entry) => entry.tag)).toEqual(['energy', 'inbox', 'storage']);
    expect(index.citing('https://example.com/a').map((entry) => entry.path)).toEqual(['inbox/untitled idea.md']);
    index.upsert(note('energy/grid.md', '---\ntitle: Grid storage\ntags: [grid]\n---\nhttps://example.com/a\n', 9));
    index.remove('inbox/untitled idea.md');
    expect(index.tags()).toEqual([
      { tag: 'energy', count: 1 },
      { tag: 'grid', count: 1 },
    ]);
    expect(index.citing('https://example.com/a').map((entry) => entry.path)).toEqual(['energy/grid.md']);
  });

  it('searches a note from the cache at once and suggests it once its topics come, unless a fresher read came first', () => {
    const index = new VaultIndex();
    const page = { url: 'https://example.org/x', title: 'Grid batteries for winter' };
    const cached = note('grid.md', '---\ntitle: Grid batteries\n---\n', 1);
    index.upsertNote(cached.note);
    expect(index.search('grid', 5).map((entry) => entry.path)).toEqual(['grid.md']);
    expect(index.suggest(page, 5)).toEqual([]);
    index.addTopics('grid.md', cached.topics);
    expect(index.suggest(page, 5).map((found) => found.path)).toEqual(['grid.md']);

    index.upsertNote(cached.note);
    index.upsert(note('grid.md', '---\ntitle: Heat pumps\n---\n', 2));
    index.addTopics('grid.md', cached.topics);
    expect(index.suggest(page, 5)).toEqual([]);
    expect(index.suggest({ ...page, title: 'Heat pumps' }, 5).map((found) => found.path)).toEqual(['grid.md']);
  });
});
