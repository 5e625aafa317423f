import { describe, expect, it } from 'vitest';
import { renderCallout } from './callout';
import { clipFromPage, whyFromSelection, type PageFacts } from './clip-from-page';

const page: PageFacts = {
  citationTitle: 'Night trains return to the Alps',
  siteName: 'The Valley Courier',
  publisher: 'Valley Courier',
  byline: 'Mira Holt and Sam Ode',
  published: '2026-02-03T08:15:00+01:00',
  canonicalUrl: 'https://valley.example/trains/night-alps',
  excerpt: 'Sleeper services resume on three routes.',
  selection: null,
};
const tab = { url: 'http://127.0.0.1:8080/night-trains?utm_source=x', title: 'Night trains | Courier' };
const settings = { defaultTags: ['rail'] };
const now = new Date(2026, 2, 14, 23, 59);

describe('clipFromPage', () => {
  it('takes every field from the page, the canonical URL before the tab URL, the publication day', () => {
    expect(clipFromPage(page, tab, settings, now)).toEqual({
      clip: {
        url: 'https://valley.example/trains/night-alps',
        title: 'Night trains return to the Alps',
        publisher: 'Valley Courier',
        byline: 'Mira Holt and Sam Ode',
        published: '2026-02-03',
        summary: 'Sleeper services resume on three routes.',
      },
      tags: ['rail'],
      date: '2026-03-14',
    });
  });

  it('quotes a selection the door read as Markdown, instead of making it the why (issue 17)', () => {
    const selected = { ...page, selection: 'Sleeper services resume.', quote: ' Sleeper services _resume_.\n' };
    const quoted = clipFromPage(selected, tab, settings, now).clip;
    expect([quoted.quote, quoted.why]).toEqual(['Sleeper services _resume_.', undefined]);
    const unquoted = clipFromPage({ ...selected, quote: null }, tab, settings, now).clip;
    expect([unquoted.quote, unquoted.why]).toEqual([undefined, 'Sleeper services resume.']);
  });

  it.each([
    ['2026-02-03T23:30:00-05:00', '2026-02-03'],
    ['2026-02-03', '2026-02-03'],
    ['2026-02', '2026-02'],
  ])('dates the source by its day in the page offset: %s → %s', (published, day) => {
    expect(clipFromPage({ ...page, published }, tab, settings, now).clip.published).toBe(day);
  });

  it('falls back to the tab when the page could not be read', () => {
    expect(clipFromPage(null, tab, settings, now).clip).toEqual({
      url: tab.url,
      title: 'Night trains | Courier',
      publisher: '127.0.0.1',
    });
  });

  it('falls back to the URL as title and the host without www. as publisher', () => {
    const bare = {
      ...page,
      citationTitle: ' ',
      publisher: null,
      siteName: null,
      canonicalUrl: 'https://www.t.example/a',
    };
    expect(clipFromPage(bare, {}, settings, now).clip).toMatchObject({
      title: 'https://www.t.example/a',
      publisher: 't.example',
    });
    expect(clipFromPage({ ...bare, siteName: 'Tides' }, {}, settings, now).clip.publisher).toBe('Tides');
  });

  it.each(['javascript:alert(1)', 'data:text/html,x', 'ftp://valley.example/x'])(
    'ignores a canonical URL that is not http(s): %s',
    (canonicalUrl) => {
      expect(clipFromPage({ ...page, canonicalUrl }, tab, settings, now).clip.url).toBe(tab.url);
    },
  );

  it('turns a selection into the why line, cut at a word', () => {
    const selection = `First line\n\nsecond\tline ${'word '.repeat(80)}`;
    const why = clipFromPage({ ...page, selection }, tab, settings, now).clip.why ?? '';
    expect(why.startsWith('First line second line word')).toBe(true);
    expect(why.length).toBeLessThanOrEqual(280);
    expect(why).toMatch(/ word…$/);
  });

  it('gives one callout whatever the template holds', () => {
    const template = '> [!ref] {publisher} - {title} ({published})\n> {url}\n> {byline}: {summary}\n> Why: {why}';
    const { clip } = clipFromPage({ ...page, selection: 'Because.' }, tab, settings, now);
    expect(renderCallout(template, clip)).toBe(
      [
        '> [!ref] Valley Courier - Night trains return to the Alps (2026-02-03)',
        '> https://valley.example/trains/night-alps',
        '> Mira Holt and Sam Ode: Sleeper services resume on three routes.',
        '> Why: Because.',
      ].join('\n'),
    );
  });
});

describe('whyFromSelection', () => {
  it('keeps a short selection as one line', () => {
    expect(whyFromSelection('  Shows the\n\tqueue  for grid\r\nconnections. ')).toBe(
      'Shows the queue for grid connections.',
    );
  });

  it('cuts a long selection at a word, 280 characters at most', () => {
    const why = whyFromSelection('word '.repeat(100));
    expect(why?.length).toBeLessThanOrEqual(280);
    expect(why).toMatch(/^(word )+word…$/);
  });

  it('cuts a selection without spaces mid-word rather than losing it', () => {
    expect(whyFromSelection('x'.repeat(400))).toBe(`${'x'.repeat(279)}…`);
  });

  it('gives nothing for an empty selection', () => {
    expect(whyFromSelection(' \n ')).toBeUndefined();
    expect(whyFromSelection(undefined)).toBeUndefined();
  });
});
