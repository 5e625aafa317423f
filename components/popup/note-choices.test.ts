import { describe, expect, it } from 'vitest';
import type { NoteSummary, SuggestedNote } from '../../utils/core/companion-api';
import { choiceTarget, filterNotesLocally, MAX_NOTE_CHOICES, noteChoices } from './note-choices';

const note = (path: string, title = path.replace(/\.md$/, '')): NoteSummary => ({
  path,
  title,
  tags: [],
  updated: null,
  mtime: 0,
});

describe('noteChoices', () => {
  it('lists recent targets first, then the latest notes, without duplicates, when nothing is typed', () => {
    const rows = noteChoices('', [note('b.md'), note('a.md')], [note('a.md'), note('c.md')], new Set(['c.md']));
    expect(rows).toEqual([
      { kind: 'note', note: note('b.md'), recent: true, cited: false },
      { kind: 'note', note: note('a.md'), recent: true, cited: false },
      { kind: 'note', note: note('c.md'), recent: false, cited: true },
    ]);
  });

  it('lists suggestions first, each with its top reason, then recent and latest notes, each note once', () => {
    const suggested = (path: string, reasons: string[]): SuggestedNote => ({ path, title: path, score: 1, reasons });
    const suggestions = [
      suggested('s.md', ['cites 3 pages from lwn.net', 'tag: kernel']),
      suggested('a.md', ['tag: x']),
    ];
    const rows = noteChoices('', [note('a.md'), note('b.md')], [note('s.md'), note('c.md')], new Set(), suggestions);
    expect(rows).toEqual([
      { kind: 'note', note: suggestions[0], recent: false, cited: false, reason: 'cites 3 pages from lwn.net' },
      { kind: 'note', note: suggestions[1], recent: true, cited: false, reason: 'tag: x' },
      { kind: 'note', note: note('b.md'), recent: true, cited: false },
      { kind: 'note', note: note('c.md'), recent: false, cited: false },
    ]);
  });

  it('leaves the suggestions out once something is typed', () => {
    const suggestions: SuggestedNote[] = [{ path: 's.md', title: 'S', score: 1, reasons: ['tag: x'] }];
    const rows = noteChoices('tide', [], [note('t.md')], new Set(), suggestions);
    expect(rows.map((row) => (row.kind === 'note' ? row.note.path : row.title))).toEqual(['t.md', 'tide']);
  });

  it('shows the search results in order and "create" last when something is typed', () => {
    const rows = noteChoices('  tide  tables ', [note('r.md')], [note('x/tides.md', 'Tides')], new Set());
    expect(rows).toEqual([
      { kind: 'note', note: note('x/tides.md', 'Tides'), recent: false, cited: false },
      { kind: 'create', title: 'tide tables' },
    ]);
  });

  it('keeps the create entry visible however many notes match', () => {
    const many = Array.from({ length: 20 }, (_, i) => note(`n${i}.md`));
    const rows = noteChoices('n', [], many, new Set());
    expect(rows).toHaveLength(MAX_NOTE_CHOICES);
    expect(rows.at(-1)).toEqual({ kind: 'create', title: 'n' });
  });
});

describe('filterNotesLocally', () => {
  it('keeps notes whose title or path holds every typed word, ignoring case', () => {
    const notes = [note('energy/Tidal power.md', 'Tidal power'), note('Wind.md'), note('tides/notes.md', 'Moon')];
    expect(filterNotesLocally('TID pow', notes).map((n) => n.path)).toEqual(['energy/Tidal power.md']);
    expect(filterNotesLocally('tid', notes).map((n) => n.path)).toEqual(['energy/Tidal power.md', 'tides/notes.md']);
  });
});

describe('choiceTarget', () => {
  it('files into the row: its note, or a new note of the typed title', () => {
    const [first, create] = noteChoices('tid', [], [note('a/Tides.md', 'Tides')], new Set());
    expect(first && choiceTarget(first)).toEqual({ path: 'a/Tides.md', title: 'Tides' });
    expect(create && choiceTarget(create)).toEqual({ create: { title: 'tid' } });
  });
});
