import { describe, expect, it } from 'vitest';
import { citationName } from '../../utils/extract/publisher';
import { extract, page } from './page';

// Issue 16: a site's name read from what the page shows when its declarations are missing or are not the publisher.
describe('the site name a title carries', () => {
  it.each([
    ['a name in square brackets', '<title>Weekly Edition for March 4 [Quay.net]</title>', '', 'Quay.net', 'Quay'],
    [
      'the last link of an underscore chain',
      '<title>港口渡轮时刻表调整 乘客需提前查询_新闻_港湾网</title>',
      '<h1>港口渡轮时刻表调整 乘客需提前查询</h1>',
      '港湾网',
      '港湾网',
    ],
    [
      'the side beside the printed headline',
      '<title>Ferry - Harbourpedia</title>',
      '<h1>Ferry</h1>',
      'Harbourpedia',
      'Harbourpedia',
    ],
    [
      "a blog's name printed as its <h1> before a colon",
      '<title>Quay Notes: Why the tide tables moved</title>',
      '<h1>Quay Notes</h1><h3>Why the tide tables moved</h3>',
      'Quay Notes',
      'Quay Notes',
    ],
    [
      'an owner signing with handles in parentheses',
      '<title>On tides - Ada Lowe ( Ada ) ( alowe )</title>',
      '<h1>On tides</h1>',
      'Ada Lowe',
      'Ada Lowe',
    ],
  ])('%s', (_cause, head, body, siteName, publisher) => {
    const result = extract(
      page(head, `${body}<p>Nothing else to read here.</p>`),
      {},
      'http://fakehost/test/page.html',
    );
    expect([result.siteName, result.publisher]).toEqual([siteName, publisher]);
  });

  it('cites the headline, not the site beside it', () => {
    const result = extract(page('<title>Ferry - Harbourpedia</title>', '<h1>Ferry</h1>'), {}, 'http://fakehost/a');
    expect(result.citationTitle).toBe('Ferry');
  });

  it('reads no site from a file name chained with underscores', () => {
    const result = extract(page('<title>tide_table_final</title>'), {}, 'http://fakehost/a');
    expect([result.siteName, result.publisher]).toEqual([null, 'Fakehost']);
  });
});

describe('declared site names that are not the publisher', () => {
  it.each([
    ['a subdomain', 'Hosted', 'https://hosted.harbourwire.com/story', 'Harbourwire'],
    ['a part of the public suffix', 'GO', 'https://www.port.go.jp/news/1', 'Port'],
  ])('%s: og:site_name "%s" yields to the domain', (_cause, declared, url, publisher) => {
    const result = extract(
      page(`<title>Quay reopens | ${declared}</title><meta property="og:site_name" content="${declared}">`),
      {},
      url,
    );
    expect([result.siteName, result.publisher]).toEqual([null, publisher]);
  });

  it('spells a name declared in lower case the way its <title> does', () => {
    const result = extract(
      page('<title>Episode 4 | Tides on Quaycast</title><meta property="og:site_name" content="quaycast">'),
      {},
      'https://play.quaycast.com/s/tides/4',
    );
    expect([result.siteName, result.publisher]).toEqual(['Quaycast', 'Quaycast']);
  });

  it('keeps a domain ending that is part of a brand spelled in capitals or with accents', () => {
    expect(['HARBOUR.info', 'Häfen.de', 'Transit.fm', 'HARBOUR.com', 'harbour.info'].map(citationName)).toEqual([
      'HARBOUR.info',
      'Häfen.de',
      'Transit',
      'HARBOUR',
      'Harbour',
    ]);
  });
});

describe('a declared title that is the printed headline plus decoration', () => {
  it.each([
    ['a section prefix', '<title>Opinion | Why the ferry timetable had to change</title>'],
    ['a site name before a full-width colon', '<title>港湾ニュース：Why the ferry timetable had to change</title>'],
  ])('%s: the <h1> wins', (_cause, head) => {
    const result = extract(page(head, '<h1>Why the ferry timetable had to change</h1>'), {}, 'http://fakehost/a');
    expect(result.citationTitle).toBe('Why the ferry timetable had to change');
  });
});

describe('archive notes and page counters after a title', () => {
  it.each([
    ['Why the ferry timetable had to change (Published 2016)'],
    ['Why the ferry timetable had to change（1/2 ページ）'],
    ['Why the ferry timetable had to change (page 2)'],
    ['Why the ferry timetable had to change (Page 2 of 3)'],
  ])('%s', (declared) => {
    const result = extract(page(`<meta property="og:title" content="${declared}">`), {}, 'http://fakehost/a');
    expect(result.citationTitle).toBe('Why the ferry timetable had to change');
  });

  it('keeps parentheses that are part of the title', () => {
    const title = 'Harbour (Page 2) cafe reopens';
    expect(extract(page(`<meta property="og:title" content="${title}">`), {}, 'http://fakehost/a').citationTitle).toBe(
      title,
    );
  });
});
