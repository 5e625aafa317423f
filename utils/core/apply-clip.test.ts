import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyClip } from './apply-clip';
import type { ClipRequest } from './clip';
import { NoteFormatError } from './note-error';
import type { NoteOptions } from './note-options';
import { DEFAULT_SETTINGS, noteOptionsFrom } from './settings';

const options: NoteOptions = noteOptionsFrom(DEFAULT_SETTINGS);
const fixture = (name: string) => readFileSync(new URL(`../../tests/fixtures/notes/${name}`, import.meta.url), 'utf8');
const lines = (...parts: string[]) => parts.join('\n');

const clip = {
  url: 'https://example.org/report',
  title: 'Harbour cranes go electric',
  publisher: 'Port Weekly',
  why: 'Shows the cost curve.',
};
const request = (extra: Partial<ClipRequest> = {}): ClipRequest => ({ clip, tags: [], date: '2026-03-14', ...extra });
const CALLOUT = lines(
  '> [!ref] Port Weekly - Harbour cranes go electric',
  '> https://example.org/report',
  '> Why it matters: Shows the cost curve.',
);
const apply = (note: string, extra: Partial<ClipRequest> = {}, opts: NoteOptions = options) =>
  applyClip(note, request(extra), opts);

describe('applyClip: notes shaped like the seed', () => {
  it('adds a second source at the end of ## sources, before ## linkage, and patches tags and updated', () => {
    const result = apply(fixture('harbour-electrification.md'), { tags: ['ports', '#grid'] });
    expect(result.status).toBe('added');
    expect(result.text).toBe(fixture('harbour-electrification.expected.md'));
  });

  it('leaves raw HTML, fenced and HTML-block "## sources" and the linkage section untouched', () => {
    const result = apply(fixture('html-after-sources.md'), { tags: ['Rail', 'europe'] });
    expect(result.text).toBe(fixture('html-after-sources.expected.md'));
  });
});

describe('applyClip: parsing', () => {
  it('keeps CRLF line endings and writes new lines with CRLF', () => {
    const note =
      '---\r\ntitle: a\r\nupdated: 2020-01-01\r\n---\r\n\r\n## sources\r\n> [!ref] X - Y\r\n> https://x.org/1\r\n';
    expect(apply(note, { tags: ['t'] }).text).toBe(
      '---\r\ntitle: a\r\nupdated: 2026-03-14\r\ntags:\r\n  - t\r\n---\r\n\r\n## sources\r\n> [!ref] X - Y\r\n> https://x.org/1\r\n\r\n' +
        CALLOUT.replace(/\n/g, '\r\n') +
        '\r\n',
    );
  });

  it('keeps a UTF-8 BOM', () => {
    expect(apply('\uFEFF---\ntitle: a\n---\nBody.\n').text).toBe(
      lines('\uFEFF---', 'title: a', 'updated: 2026-03-14', '---', 'Body.', '', '## sources', '', CALLOUT, ''),
    );
  });

  it('gives a note without frontmatter one with just tags and updated', () => {
    expect(apply('# Plain\n\nText.\n', { tags: ['a'] }).text).toBe(
      lines(
        '---',
        'tags:',
        '  - a',
        'updated: 2026-03-14',
        '---',
        '# Plain',
        '',
        'Text.',
        '',
        '## sources',
        '',
        CALLOUT,
        '',
      ),
    );
  });

  it('fills an empty file', () => {
    expect(apply('').text).toBe(lines('---', 'updated: 2026-03-14', '---', '', '## sources', '', CALLOUT, ''));
  });

  it('treats a leading --- without a closing line as a thematic break', () => {
    expect(apply('---\n\nOpening rule, then prose.\n').text).toBe(
      lines(
        '---',
        'updated: 2026-03-14',
        '---',
        '---',
        '',
        'Opening rule, then prose.',
        '',
        '## sources',
        '',
        CALLOUT,
        '',
      ),
    );
  });

  it('treats --- around prose (valid YAML that is not a mapping) as thematic breaks', () => {
    const note = '---\nJust prose between rules\n---\n\nMore.\n';
    expect(apply(note).text).toBe(`---\nupdated: 2026-03-14\n---\n${note}\n## sources\n\n${CALLOUT}\n`);
  });

  it.each([
    ['a tab as indentation', '---\ntitle: a\n\ttags: x\n---\n', 3, 'tabs are not allowed as indentation'],
    ['bad indentation of a list', '---\ntags:\n  - a\n - b\n---\n', 4, 'block sequence'],
    ['a duplicate key', '---\ntitle: a\ndraft: true\ntitle: b\n---\nBody\n', 4, 'map keys must be unique'],
    ['an unclosed flow list', '---\ntitle: [a\n---\n', 3, 'flow sequence'],
  ])('refuses %s with a NoteFormatError naming the line', (_name, note, line, problem) => {
    let error: unknown;
    try {
      apply(note);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(NoteFormatError);
    expect((error as NoteFormatError).line).toBe(line);
    expect((error as NoteFormatError).message).toContain(`line ${line}: invalid frontmatter YAML`);
    expect((error as NoteFormatError).message).toContain(problem);
    expect((error as NoteFormatError).message).not.toContain('\n');
  });

  it('refuses frontmatter over 8 KB that is not plain key: value lines, and edits plain frontmatter of any size', () => {
    const quoted = `---\ntitle: "A: b"\nabstract: "${'word '.repeat(1700)}"\n---\n## sources\n`;
    expect(() => apply(quoted)).toThrow(
      new NoteFormatError(
        'the frontmatter is over 8 KB and not plain `key: value` lines, which refclip does not edit',
        1,
      ),
    );
    const plain = `---\ntitle: A\nabstract: ${'word '.repeat(4000).trim()}\n---\n\n## sources\n`;
    expect(apply(plain).text).toBe(
      `---\ntitle: A\nabstract: ${'word '.repeat(4000).trim()}\nupdated: 2026-03-14\n---\n\n## sources\n\n${CALLOUT}\n`,
    );
  });

  it('refuses a tags mapping it cannot merge into', () => {
    expect(() => apply('---\ntags:\n  a: 1\n---\n', { tags: ['b'] })).toThrow(/line 3: `tags` is neither/);
  });

  it('rejects a clip date that is not YYYY-MM-DD', () => {
    expect(() => apply('', { date: '2026-02-30' })).toThrow(RangeError);
  });
});

describe('applyClip: frontmatter', () => {
  const withFm = (fm: string) => `---\n${fm}---\n\n## sources\n`;
  const patched = (fm: string) => `---\n${fm}---\n\n## sources\n\n${CALLOUT}\n`;

  it.each([
    [
      'scalar tags already holding the tag stay scalar',
      'tags: ports\nupdated: 2026-03-14\n',
      ['ports'],
      'tags: ports\nupdated: 2026-03-14\n',
    ],
    [
      'scalar tags become a block list only when a tag is added',
      'tags: ports\n',
      ['cranes'],
      'tags:\n  - ports\n  - cranes\nupdated: 2026-03-14\n',
    ],
    [
      'comma-separated scalar tags split as Obsidian reads them',
      'tags: ports, rail\n',
      ['Rail', 'sea'],
      'tags:\n  - ports\n  - rail\n  - sea\nupdated: 2026-03-14\n',
    ],
    ['empty tags get a block list', 'tags:\nupdated: 2020-01-01\n', ['a'], 'tags:\n  - a\nupdated: 2026-03-14\n'],
    [
      'flow list keeps its style',
      'tags: [ports, cranes]\n',
      ['energy'],
      'tags: [ports, cranes, energy]\nupdated: 2026-03-14\n',
    ],
    [
      'flow list keeps its separator',
      'tags: [ports,cranes]\n',
      ['energy', 'sea'],
      'tags: [ports,cranes,energy,sea]\nupdated: 2026-03-14\n',
    ],
    ['empty flow list', 'tags: []\n', ['energy'], 'tags: [energy]\nupdated: 2026-03-14\n'],
    ['flow list ending in a nested list', 'tags: [a, [b]]\n', ['c'], 'tags: [a, [b], c]\nupdated: 2026-03-14\n'],
    ['multi-line flow list', 'tags: [\n  a,\n  b\n]\n', ['c'], 'tags: [\n  a,\n  b,\n  c\n]\nupdated: 2026-03-14\n'],
    ['a null item in a block list', 'tags:\n  - a\n  -\n', ['c'], 'tags:\n  - a\n  -\n  - c\nupdated: 2026-03-14\n'],
    [
      'block list with 4-space indent',
      'tags:\n    - ports\n    - cranes # keep\nnext: 1\n',
      ['energy'],
      'tags:\n    - ports\n    - cranes # keep\n    - energy\nnext: 1\nupdated: 2026-03-14\n',
    ],
    [
      'block list without indent',
      'tags:\n- ports\nnext: 1\n',
      ['energy'],
      'tags:\n- ports\n- energy\nnext: 1\nupdated: 2026-03-14\n',
    ],
    [
      'tags matched case-insensitively and without #',
      'tags:\n  - Ports\n',
      ['#ports', 'PORTS'],
      'tags:\n  - Ports\nupdated: 2026-03-14\n',
    ],
    ['tags that need quotes are quoted', 'tags: []\n', ['1.0', 'null'], 'tags: ["1.0", "null"]\nupdated: 2026-03-14\n'],
    [
      'a numeric-looking tag stays plain like the seed',
      'tags:\n  - a\n',
      ['2026'],
      'tags:\n  - a\n  - 2026\nupdated: 2026-03-14\n',
    ],
    ['updated keeps its double quotes', 'updated: "2020-01-01"\n', [], 'updated: "2026-03-14"\n'],
    [
      'updated keeps its single quotes and comment',
      "updated: '2020-01-01' # auto\n",
      [],
      "updated: '2026-03-14' # auto\n",
    ],
    ['empty updated is filled', 'updated:\ntitle: x\n', [], 'updated: 2026-03-14\ntitle: x\n'],
    [
      'absent keys go at the end, lined up with indented keys',
      '  title: x\n',
      ['a'],
      '  title: x\n  tags:\n    - a\n  updated: 2026-03-14\n',
    ],
    [
      'nothing else is re-quoted, re-folded or re-spaced',
      "title:   'It''s long'\ndescription: >\n  folded\n  text\nupdated: 2020-01-01\n",
      [],
      "title:   'It''s long'\ndescription: >\n  folded\n  text\nupdated: 2026-03-14\n",
    ],
    ['an empty frontmatter', '', ['a'], 'tags:\n  - a\nupdated: 2026-03-14\n'],
  ])('%s', (_name, fm, tags, expected) => {
    expect(apply(withFm(fm), { tags }).text).toBe(patched(expected));
  });
});

describe('applyClip: hostile values', () => {
  it('keeps a clip with newlines, >, #, [[ and ]] inside its own three callout lines', () => {
    const hostile = {
      url: 'https://evil.example/p?q=1\n## linkage',
      title: 'Big news\n\n## linkage\n> [!danger] fake callout',
      publisher: '# Pub [[Private Note]]',
      why: '> quote\r\n- list item ]]',
    };
    const note = '# T\n\n## sources\n\n## linkage\n';
    expect(applyClip(note, { clip: hostile, tags: [], date: '2026-03-14' }, options).text).toBe(
      lines(
        '---',
        'updated: 2026-03-14',
        '---',
        '# T',
        '',
        '## sources',
        '',
        '> [!ref] \\# Pub \\[\\[Private Note\\]\\] - Big news ## linkage > [!danger] fake callout',
        '> https://evil.example/p?q=1 ## linkage',
        '> Why it matters: \\> quote - list item \\]\\]',
        '',
        '## linkage',
        '',
      ),
    );
  });

  it('keeps a 100 KB title on the callout line and the note whole', () => {
    const title = 'x'.repeat(100 * 1024);
    const result = applyClip(NOTE_WITH_SOURCES, { clip: { ...clip, title }, tags: [], date: '2026-03-14' }, options);
    expect(result.text).toBe(
      NOTE_WITH_SOURCES.replace('\n\n## linkage', `\n\n${CALLOUT.replace(clip.title, title)}\n\n## linkage`),
    );
  });
});

const NOTE_WITH_SOURCES =
  '---\nupdated: 2026-03-14\n---\n## sources\n> [!ref] A - B\n> https://a.example/1\n\n## linkage\n';
