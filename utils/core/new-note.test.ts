import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { applyClip } from './apply-clip';
import { createNote } from './new-note';
import { noteFileName } from './note-file-name';
import { nextNoteId } from './note-id';
import { DEFAULT_SETTINGS, noteOptionsFrom } from './settings';

const options = noteOptionsFrom(DEFAULT_SETTINGS);
const clip = {
  url: 'https://example.org/report',
  title: 'Harbour cranes go electric',
  publisher: 'Port Weekly',
  why: 'Cost curve.',
};

describe('createNote', () => {
  it('builds the seed shape', () => {
    const note = createNote(
      { clip, tags: ['ports', '#energy'], date: '2026-03-14' },
      { ...options, cssclasses: ['field-notes'] },
    );
    expect(note.noteId).toBe('260314RC01');
    expect(note.fileName).toBe('Harbour cranes go electric.md');
    expect(note.text).toBe(
      [
        '---',
        'title: Harbour cranes go electric',
        'tags:',
        '  - ports',
        '  - energy',
        'keywords: []',
        'draft: true',
        'description: ""',
        'created: 2026-03-14',
        'updated: 2026-03-14',
        'note_id: 260314RC01',
        'cssclasses:',
        '  - field-notes',
        '---',
        '',
        '# Harbour cranes go electric',
        '',
        '## sources',
        '',
        '> [!ref] Port Weekly - Harbour cranes go electric',
        '> https://example.org/report',
        '> Why it matters: Cost curve.',
        '',
      ].join('\n'),
    );
  });

  it('writes empty tags and cssclasses as []', () => {
    const text = createNote({ clip, tags: [], date: '2026-03-14' }, options).text;
    expect(text).toContain('\ntags: []\nkeywords: []\n');
    expect(text).toContain('\ncssclasses: []\n---\n');
  });

  it.each([
    ['a colon and a hash', 'Ports: the #1 problem', 'title: "Ports: the #1 problem"', '# Ports: the #1 problem'],
    [
      'quotes',
      'He said "cables" and \'plugs\'',
      'title: He said "cables" and \'plugs\'',
      '# He said "cables" and \'plugs\'',
    ],
    ['a leading quote', '"Quoted" start', 'title: \'"Quoted" start\'', '# "Quoted" start'],
    ['a number', '2026', 'title: "2026"', '# 2026'],
    ['a leading hash and newlines', '# Big\nnews [[x]]', 'title: "# Big news [[x]]"', '# \\# Big news \\[\\[x\\]\\]'],
    ['a leading >', '> quoted', 'title: "> quoted"', '# \\> quoted'],
  ])('quotes a title with %s so it round-trips, and neutralises the heading', (_name, title, yamlLine, heading) => {
    const note = createNote({ clip: { ...clip, title }, tags: [], date: '2026-03-14' }, options);
    const lines = note.text.split('\n');
    expect(lines[1]).toBe(yamlLine);
    expect(lines[10]).toBe('---');
    expect(lines[12]).toBe(heading);
    const frontmatter = parse(note.text.split('---\n')[1] ?? '') as { title: string };
    expect(frontmatter.title).toBe(title.replace(/\s+/g, ' '));
  });

  it('writes the summary as the description', () => {
    const summary = 'Battery cranes cut idle fuel by a third.';
    const note = createNote({ clip: { ...clip, summary }, tags: [], date: '2026-03-14' }, options);
    expect(note.text.split('\n').slice(0, 6)).toEqual([
      '---',
      'title: Harbour cranes go electric',
      'tags: []',
      'keywords: []',
      'draft: true',
      'description: Battery cranes cut idle fuel by a third.',
    ]);
  });

  it.each([
    [
      'newlines, a colon and quotes',
      'Costs: "falling"\n\n- fast\r\n# not a heading',
      `'Costs: "falling" - fast # not a heading'`,
    ],
    ['both kinds of quote and a hash', "it's 'cheap' #1", `"it's 'cheap' #1"`],
    ['a leading quote', '"Quoted" start', `'"Quoted" start'`],
    ['a flow sequence', '[a, b]', '"[a, b]"'],
    ['an alias', '*ref', '"*ref"'],
    ['a YAML 1.1 boolean', 'yes', '"yes"'],
    ['a date', '2026-03-14', '"2026-03-14"'],
    ['only whitespace', ' \n\t ', '""'],
  ])('writes a summary with %s as a description that reads back as one line', (_name, summary, written) => {
    const note = createNote({ clip: { ...clip, summary }, tags: [], date: '2026-03-14' }, options);
    expect(note.text.split('\n')[5]).toBe(`description: ${written}`);
    const frontmatter = parse(note.text.split('---\n')[1] ?? '', { version: '1.1' }) as { description: unknown };
    expect(frontmatter.description).toBe(summary.replace(/\s+/g, ' ').trim());
  });

  it('is a note applyClip accepts and recognises as already citing the clip', () => {
    const note = createNote({ clip, tags: ['a'], date: '2026-03-14' }, options);
    expect(applyClip(note.text, { clip, tags: ['a'], date: '2026-03-15' }, options)).toEqual({
      status: 'already-present',
      text: note.text,
    });
  });

  it('fills a custom template, inserting the callout when the template has no {callout}', () => {
    const note = createNote(
      { clip, tags: [], date: '2026-03-14' },
      { ...options, newNoteTemplate: '# {title}\n\nid {note_id} on {date}\n\n## linkage\n' },
    );
    expect(note.text.split('---\n\n')[1]).toBe(
      '# Harbour cranes go electric\n\nid 260314RC01 on 2026-03-14\n\n## sources\n\n> [!ref] Port Weekly - Harbour cranes go electric\n> https://example.org/report\n> Why it matters: Cost curve.\n\n## linkage\n',
    );
  });

  it('names an untitled note Untitled', () => {
    const note = createNote({ clip: { ...clip, title: ' \n ' }, tags: [], date: '2026-03-14' }, options);
    expect(note.fileName).toBe('Untitled.md');
    expect(note.text).toContain('\ntitle: Untitled\n');
  });
});

describe('nextNoteId', () => {
  it.each([
    [[], '260314RC01'],
    [['260314RC01', '260314RC02'], '260314RC03'],
    [['260314RC02'], '260314RC01'],
    [['260313RC01', '260314XY01', '260314RC01'], '260314RC02'],
    [Array.from({ length: 99 }, (_, i) => `260314RC${String(i + 1).padStart(2, '0')}`), '260314RC100'],
  ])('after %j → %s', (existing, expected) => {
    expect(nextNoteId('2026-03-14', 'RC', existing)).toBe(expected);
  });
});

describe('noteFileName', () => {
  it.each([
    ['Plain title', 'Plain title.md'],
    ['a/b\\c:d*e?f"g<h>i|j', 'a b c d e f g h i j.md'],
    ['Wiki [[link]] #tag ^block', 'Wiki link tag block.md'],
    ['line\nbreak\ttab', 'line break tab.md'],
    ['trailing dots...  ', 'trailing dots.md'],
    ['..hidden', 'hidden.md'],
    ['CON', '_CON.md'],
    ['nul.txt', '_nul.txt.md'],
    ['Com1', '_Com1.md'],
    ['LPT9 report', 'LPT9 report.md'],
    ['Console', 'Console.md'],
    ['???', 'Untitled.md'],
    ['', 'Untitled.md'],
    ['Cafe\u0301', 'Café.md'],
  ])('%j → %j', (title, expected) => {
    expect(noteFileName(title)).toBe(expected);
  });

  it('keeps a 100 KB title under 200 bytes without splitting a character or ending in a dot or space', () => {
    const name = noteFileName('é'.repeat(50_000) + ' ' + 'x'.repeat(50_000));
    expect(new TextEncoder().encode(name.slice(0, -3)).length).toBe(200);
    expect(name).toBe(`${'é'.repeat(100)}.md`);
    expect(noteFileName(`${'a'.repeat(199)} b`)).toBe(`${'a'.repeat(199)}.md`);
  });
});
