import { describe, expect, it } from 'vitest';
import { dateInUrl } from '../../utils/extract/dates';
import { extract, jsonLd, page } from './page';

// Issue 16: publication days on small sites, told by the URL when the declarations disagree with it.
describe('the day in a URL', () => {
  it.each([
    ['https://news.example/2030/04/02/ferry', '2030-04-02'],
    ['https://news.example/2030/7/12/ferry', '2030-07-12'],
    ['https://news.example/2030-04-02/ferry', '2030-04-02'],
    ['https://news.example/news/ferry-23-01-2030-harbour', '2030-01-23'],
    ['https://news.example/news/ferry-01-23-2030.html', '2030-01-23'],
    ['https://news.example/news/ferry-04-05-2030', null],
    ['https://news.example/2030/13/02/ferry', null],
    ['https://news.example/ferry?date=2030/04/02/', null],
  ])('%s → %s', (url, day) => {
    expect(dateInUrl(url)).toBe(day);
  });
});

describe('a declared date against the URL’s day', () => {
  const story = (published: string) =>
    page(jsonLd({ '@type': 'NewsArticle', headline: 'Ferry', datePublished: published }));
  it.each([
    ['a UTC time on the next day (a site printing local days)', '2030-04-03T02:34:30Z', '2030-04-02'],
    ['an update or copyright date days away', '2031-01-01', '2030-04-02'],
    ['a local time with its offset on the same day', '2030-04-02T21:34:30-05:00', '2030-04-02T21:34:30-05:00'],
    ['a local time with its offset on the next day', '2030-04-03T00:10:00+02:00', '2030-04-03T00:10:00+02:00'],
  ])('%s', (_cause, declared, published) => {
    expect(extract(story(declared), {}, 'https://news.example/2030/04/02/ferry').published).toBe(published);
  });

  it('keeps a declared date when the URL has none', () => {
    expect(extract(story('2030-04-03T02:34:30Z'), {}, 'https://news.example/ferry').published).toBe(
      '2030-04-03T02:34:30Z',
    );
  });
});
