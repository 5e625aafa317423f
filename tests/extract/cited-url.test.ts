import { expect, it } from 'vitest';
import { extract, page } from './page';

// Issue 16: the URL written into a note is never downgraded to http and carries no tracking or fragment.
it.each([
  [
    'a canonical link that differs only by scheme keeps the page’s https',
    '<link rel="canonical" href="http://www.harbourpost.example/news/ferry">',
    'https://www.harbourpost.example/news/ferry',
  ],
  [
    'an og:url over http keeps the page’s https',
    '<meta property="og:url" content="http://www.harbourpost.example/news/ferry">',
    'https://www.harbourpost.example/news/ferry',
  ],
  [
    'a canonical on another host keeps its own scheme',
    '<link rel="canonical" href="http://archive.harbourpost.example/ferry">',
    'http://archive.harbourpost.example/ferry',
  ],
  [
    'tracking parameters and the fragment go from the canonical link',
    '<link rel="canonical" href="https://www.harbourpost.example/news/ferry?page=2&utm_campaign=x#comments">',
    'https://www.harbourpost.example/news/ferry?page=2',
  ],
  ['and from the page URL when nothing is declared', '', 'https://www.harbourpost.example/news/ferry?page=2'],
])('%s', (_cause, head, canonicalUrl) => {
  const url = 'https://www.harbourpost.example/news/ferry?page=2&utm_source=feed&gclid=1#top';
  expect(extract(page(head), {}, url).canonicalUrl).toBe(canonicalUrl);
});
