import { describe, expect, it } from 'vitest';
import { batchRewrite } from './batch-rewrite';
import type { Clip } from './clip';
import { clipRewrite } from './note-rewrite';
import { DEFAULT_SETTINGS, noteOptionsFrom } from './settings';

const options = noteOptionsFrom(DEFAULT_SETTINGS);
const NOTE =
  '---\ntitle: Ports\nupdated: 2026-01-02\n---\n\n# Ports\n\n## sources\n\n> [!ref] Port Weekly - Old\n> https://portweekly.example/old\n\n## linkage\n';
const clip = (path: string, title: string): Clip => ({ url: `https://news.example/${path}`, title, publisher: 'News' });
const request = (c: Clip) => ({ clip: c, tags: ['ports'], date: '2026-03-14' });

describe('batchRewrite', () => {
  it('files every new URL in one change, in order, and reports the cited ones (note or batch) as already present', () => {
    const cited = { url: 'https://portweekly.example/old?utm_source=x', title: 'Old', publisher: 'Port Weekly' };
    const a = clip('a', 'Alpha');
    const b = clip('b', 'Beta');
    const batch = batchRewrite([a, cited, b, a].map(request), options);
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
    const batch = batchRewrite(
      [request({ url: 'https://portweekly.example/old', title: 'x', publisher: 'y' })],
      options,
    );
    expect(batch.transform(NOTE)).toEqual({ kind: 'unchanged' });
    expect(batch.statuses).toEqual(['already-present']);
  });

  it('refuses the whole batch when the note cannot take a clip (broken frontmatter)', () => {
    const batch = batchRewrite([request(clip('a', 'Alpha'))], options);
    expect(batch.transform('---\ntitle: [unclosed\n---\n\n# x\n')).toMatchObject({ kind: 'refuse' });
  });
});
