import { describe, expect, it } from 'vitest';
import { applyClip } from './apply-clip';
import { citedUrls } from './cited-urls';
import { DEFAULT_SETTINGS, noteOptionsFrom } from './settings';
import { normaliseUrl } from './url';

describe('normaliseUrl', () => {
  it.each([
    ['https://example.org/news/story', 'https://example.org/news/story'],
    ['HTTPS://Example.ORG/news/story', 'https://example.org/news/story'],
    ['http://example.org/news/story', 'https://example.org/news/story'],
    ['https://www.example.org/news/story', 'https://example.org/news/story'],
    ['https://example.org:443/news/story', 'https://example.org/news/story'],
    ['http://example.org:80/news/story', 'https://example.org/news/story'],
    ['https://example.org:8443/news/story', 'https://example.org:8443/news/story'],
    ['https://example.org/news/story/', 'https://example.org/news/story'],
    ['https://example.org/', 'https://example.org'],
    ['https://example.org/news/story#comments', 'https://example.org/news/story'],
    ['https://app.example.org/#/story/5', 'https://app.example.org#/story/5'],
    ['https://example.org/news/story?utm_source=x&utm_medium=y&UTM_Campaign=z', 'https://example.org/news/story'],
    [
      'https://example.org/news/story?fbclid=1&gclid=2&mc_cid=3&mc_eid=4&ref_src=twsrc',
      'https://example.org/news/story',
    ],
    ['https://example.org/story?id=7&utm_source=x', 'https://example.org/story?id=7'],
    ['https://example.org/story?b=2&a=1', 'https://example.org/story?a=1&b=2'],
    ['https://example.org/news/Story', 'https://example.org/news/Story'],
    ['  https://example.org/x  ', 'https://example.org/x'],
    ['not a url', 'not a url'],
  ])('%s → %s', (url, expected) => {
    expect(normaliseUrl(url)).toBe(expected);
  });
});

describe('dedupe', () => {
  const options = noteOptionsFrom(DEFAULT_SETTINGS);
  const note = [
    '---',
    'title: t',
    'tags: [a]',
    'updated: 2020-01-01',
    '---',
    '',
    '## sources',
    '> [!ref] Wire - Story',
    '> https://www.example.org/news/story/?utm_source=feed#top',
    '',
  ].join('\n');

  it.each([
    'https://example.org/news/story',
    'http://EXAMPLE.org/news/story',
    'https://www.example.org:443/news/story/',
    'https://example.org/news/story#section-2',
    'https://example.org/news/story?utm_campaign=spring&fbclid=abc',
    'https://example.org/news/story?gclid=1&mc_cid=2&ref_src=twsrc%5Etfw',
  ])('%s is already present: the note comes back byte-identical, frontmatter included', (url) => {
    const result = applyClip(
      note,
      { clip: { url, title: 'Other', publisher: 'X' }, tags: ['b'], date: '2026-03-14' },
      options,
    );
    expect(result).toEqual({ status: 'already-present', text: note });
  });

  it.each([
    'https://example.org/news/story?id=2',
    'https://example.org/news/other',
    'https://sub.example.org/news/story',
  ])('%s is a different source', (url) => {
    const result = applyClip(
      note,
      { clip: { url, title: 'Other', publisher: 'X' }, tags: [], date: '2026-03-14' },
      options,
    );
    expect(result.status).toBe('added');
  });

  it('recognises a URL written as a Markdown link, an autolink or nested in a callout, not in plain prose', () => {
    const text = [
      '> [!ref] A - [Title](https://a.example/one).',
      '',
      '> [!cite] B',
      '> <https://b.example/two>',
      '',
      '- > [!ref] C',
      '  > see https://c.example/three, then',
      '',
      'Plain prose https://d.example/four',
      '',
      '> a quote, not a callout https://e.example/five',
      '',
      '```',
      '> [!ref] in code https://f.example/six',
      '```',
    ].join('\n');
    expect(citedUrls(text, options)).toEqual([
      'https://a.example/one',
      'https://b.example/two',
      'https://c.example/three',
    ]);
  });

  it('finds escaped URLs and skips the frontmatter', () => {
    const text = '---\nsource: https://x.example/fm\n---\n> [!ref] A\n> https://x.example/a\\_b\\[\\[c\n';
    expect(citedUrls(text, options)).toEqual(['https://x.example/a_b']);
  });
});
