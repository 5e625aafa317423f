import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { batchRewrite } from './batch-rewrite';
import type { Clip } from './clip';
import { clipRewrite, type Rewrite } from './note-rewrite';
import { DEFAULT_SETTINGS, noteOptionsFrom } from './settings';

const options = noteOptionsFrom(DEFAULT_SETTINGS);
const NOTE =
  '---\ntitle: Ports\nupdated: 2026-01-02\n---\n\n# Ports\n\n## sources\n\n> [!ref] Port Weekly - Old\n> https://portweekly.example/old\n\n## linkage\n';
const clip = (path: string, title: string): Clip => ({ url: `https://news.example/${path}`, title, publisher: 'News' });
const patch = { tags: ['ports'], date: '2026-03-14' };
const request = (c: Clip) => ({ clip: c, ...patch });

describe('batchRewrite', () => {
  it('files every new URL in one change, in order, and reports the cited ones (note or batch) as already present', () => {
    const cited = { url: 'https://portweekly.example/old?utm_source=x', title: 'Old', publisher: 'Port Weekly' };
    const a = clip('a', 'Alpha');
    const b = clip('b', 'Beta');
    const batch = batchRewrite([a, cited, b, a], patch, options);
    const change = batch.transform(NOTE);
    expect(batch.statuses).toEqual(['added', 'already-present', 'added', 'already-present']);
    expect(change).toEqual({
      kind: 'replace',
      text:
        '---\ntitle: Ports\nupdated: 2026-03-14\ntags:\n  - ports\n---\n\n# Ports\n\n## sources\n\n' +
        '> [!ref] Port Weekly - Old\n> https://portweekly.example/old\n\n' +
        '> [!ref] News - Alpha\n> https://news.example/a\n\n> [!ref] News - Beta\n> https://news.example/b\n\n## linkage\n',
    });
    // The same text as the clips one after another.
    const oneByOne = [a, b].reduce((text, c) => {
      const step = clipRewrite(request(c), options)(text);
      return step.kind === 'replace' ? step.text : text;
    }, NOTE);
    expect(change.kind === 'replace' && change.text).toBe(oneByOne);
  });

  it('is unchanged when the note cites every URL already', () => {
    const batch = batchRewrite([{ url: 'https://portweekly.example/old', title: 'x', publisher: 'y' }], patch, options);
    expect(batch.transform(NOTE)).toEqual({ kind: 'unchanged' });
    expect(batch.statuses).toEqual(['already-present']);
  });

  it('refuses the whole batch when the note cannot take a clip (broken frontmatter)', () => {
    const batch = batchRewrite([clip('a', 'Alpha')], patch, options);
    expect(batch.transform('---\ntitle: [unclosed\n---\n\n# x\n')).toMatchObject({ kind: 'refuse' });
  });

  const fixtures = new URL('../../tests/fixtures/notes/', import.meta.url);
  const notes: [string, string][] = [
    ...readdirSync(fixtures)
      .filter((name) => name.endsWith('.md') && !name.includes('.expected'))
      .map((name): [string, string] => [name, readFileSync(new URL(name, fixtures), 'utf8')]),
    ['a CRLF note with a BOM', '\uFEFF---\r\ntitle: x\r\n---\r\n# x\r\n\r\n## sources\r\n\r\n## linkage\r\n'],
    ['a CR-only note', '---\rtitle: x\r---\r# x\r\r## sources\r'],
    ['a note without frontmatter or sources', '# x\n\nProse.\n\n## linkage\n- [[y]]\n'],
    ['an empty note', ''],
    ['a note ending in an open fence', '---\ntitle: x\n---\n## sources\n\n```\ncode\n'],
    ['a note with broken frontmatter', '---\ntitle: [x\n---\n'],
  ];

  it.each(notes)('gives %s the bytes the clips filed one after another give', (_name, text) => {
    const clips = [clip('a', 'Alpha'), clip('b', 'Beta <b>'), clip('a#top', 'Alpha again'), clip('c', 'Gamma')];
    let oneByOne: Rewrite = { kind: 'unchanged' };
    let current = text;
    for (const c of clips) {
      const step = clipRewrite(request(c), options)(current);
      if (step.kind === 'refuse') {
        oneByOne = step;
        break;
      }
      if (step.kind === 'replace') oneByOne = { kind: 'replace', text: (current = step.text) };
    }
    const batched = batchRewrite(clips, patch, options).transform(text);
    expect(batched.kind).toBe(oneByOne.kind);
    if (batched.kind === 'replace' && oneByOne.kind === 'replace') expect(batched.text).toBe(oneByOne.text);
  });
});
