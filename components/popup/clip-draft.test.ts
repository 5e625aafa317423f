import { describe, expect, it } from 'vitest';
import type { PageMetadata } from '../../utils/extract/metadata';
import { clipFromDraft, draftFromPage, EMPTY_DRAFT } from './clip-draft';

const metadata: PageMetadata = {
  title: 'Night trains return to the Alps | The Valley Courier',
  citationTitle: 'Night trains return to the Alps',
  siteName: 'The Valley Courier',
  publisher: 'Valley Courier',
  byline: 'Mira Holt and Sam Ode',
  authors: ['Mira Holt', 'Sam Ode'],
  published: '2026-02-03T08:15:00+01:00',
  modified: null,
  canonicalUrl: 'https://valley.example/trains/night-alps',
  excerpt: 'Sleeper services resume on three routes.',
  lang: 'en',
  image: null,
  type: 'NewsArticle',
  selection: null,
  warnings: [],
};
const tab = { url: 'http://127.0.0.1:8080/night-trains?utm_source=x', title: 'Night trains | Courier' };

describe('draftFromPage', () => {
  it('takes every field from the metadata, the title without the site name, the canonical URL before the tab URL', () => {
    expect(draftFromPage(metadata, tab)).toEqual({
      url: 'https://valley.example/trains/night-alps',
      title: 'Night trains return to the Alps',
      publisher: 'Valley Courier',
      byline: 'Mira Holt and Sam Ode',
      published: '2026-02-03',
      summary: 'Sleeper services resume on three routes.',
      why: '',
    });
  });

  it.each([
    ['2026-02-03T23:30:00-05:00', '2026-02-03'],
    ['2026-02-03', '2026-02-03'],
    ['2026-02', '2026-02'],
  ])('dates the source by its day in the page offset: %s → %s', (published, day) => {
    expect(draftFromPage({ ...metadata, published }, tab).published).toBe(day);
  });

  it('falls back to the tab when the page could not be read', () => {
    expect(draftFromPage(null, tab)).toEqual({
      ...EMPTY_DRAFT,
      url: tab.url,
      title: 'Night trains | Courier',
      publisher: '127.0.0.1',
    });
  });

  it.each(['javascript:alert(1)', 'data:text/html,x', 'ftp://valley.example/x'])(
    'ignores a canonical URL that is not http(s): %s',
    (canonicalUrl) => {
      expect(draftFromPage({ ...metadata, canonicalUrl }, tab).url).toBe(tab.url);
    },
  );

  it('uses the host without www. when the page names no publisher', () => {
    const draft = draftFromPage(
      { ...metadata, publisher: null, siteName: null, canonicalUrl: 'https://www.tides.example/a' },
      tab,
    );
    expect(draft.publisher).toBe('tides.example');
  });

  it('turns a selection into one line of at most 280 characters', () => {
    const selection = `First line\n\nsecond\tline ${'word '.repeat(80)}`;
    const why = draftFromPage({ ...metadata, selection }, tab).why;
    expect(why.startsWith('First line second line word')).toBe(true);
    expect(why).not.toMatch(/\s{2}|\n/);
    expect(why).toHaveLength(280);
    expect(why.endsWith('…')).toBe(true);
  });
});

describe('clipFromDraft', () => {
  it('trims the fields and leaves empty optional ones out', () => {
    const draft = {
      ...EMPTY_DRAFT,
      url: ' https://a.example/x ',
      title: ' T ',
      publisher: 'P',
      why: '  ',
      byline: ' B ',
    };
    expect(clipFromDraft(draft)).toEqual({ url: 'https://a.example/x', title: 'T', publisher: 'P', byline: 'B' });
  });

  it('keeps why and the date when given', () => {
    const draft = {
      ...EMPTY_DRAFT,
      url: 'https://a.example/',
      title: 'T',
      publisher: 'P',
      why: 'w',
      published: '2026',
      summary: ' The edited summary. ',
    };
    expect(clipFromDraft(draft)).toEqual({
      url: 'https://a.example/',
      title: 'T',
      publisher: 'P',
      why: 'w',
      published: '2026',
      summary: 'The edited summary.',
    });
  });
});
