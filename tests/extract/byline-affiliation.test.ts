import { describe, expect, it } from 'vitest';
import { extract, page } from './page';

// Issue 16, item 3: desks and affiliations glued to a reporter's name, and commenters taken for the author.
const byline = (line: string) =>
  extract(
    page(
      '<title>Ferry timetable changes in May</title>',
      `<article><h1>Ferry timetable changes in May</h1><p class="byline">${line}</p><p>The council voted.</p></article>`,
    ),
  ).authors;

describe('a name with what is printed after it', () => {
  it.each([
    ['the section the post is filed in', 'By Ada Lowe in Politics', ['Ada Lowe']],
    ['the section, in French', 'Par Jean Roy dans Société', ['Jean Roy']],
    ['another publication', 'By Ada Lowe Washington Post', ['Ada Lowe']],
    ["a publication's name opened by The", 'By Ada María Lowe The Harbour Gazette', ['Ada María Lowe']],
    ['an outlet in capitals', 'By Ada Lowe CNN', ['Ada Lowe']],
    ['each of two reporters', 'By Ada Lowe Washington Post and Per Lind in Business', ['Ada Lowe', 'Per Lind']],
  ])('%s', (_cause, line, authors) => {
    expect(byline(line)).toEqual(authors);
  });

  it.each([
    ["a family name like a paper's", 'By Emily Post', ['Emily Post']],
    ["three words, one a paper's", 'By Ada Lowe Post', ['Ada Lowe Post']],
    ['a generation suffix', 'By Ada Lowe III', ['Ada Lowe III']],
    ['a name in capitals', 'By MEG KINNARD', ['Meg Kinnard']],
    ['the split a guess: five words', 'By Mary Ann Lee Washington Post', ['Mary Ann Lee Washington Post']],
  ])('keeps %s', (_cause, line, authors) => {
    expect(byline(line)).toEqual(authors);
  });
});

describe("commenters' names", () => {
  const article = '<article><h1>Ferry timetable changes in May</h1><p>The council voted on Tuesday.</p></article>';
  it.each([
    [
      'a Disqus thread',
      '<div id="disqus_thread"><div class="post-byline"><span class="author">Per Lind</span></div></div>',
    ],
    [
      'a section of article comments',
      '<section class="article-comments"><div class="author">Per Lind</div><p>Nice</p></section>',
    ],
    [
      'a schema.org Comment item',
      '<div itemscope itemtype="https://schema.org/Comment"><span itemprop="author">Per Lind</span><p itemprop="text">Nice</p></div>',
    ],
  ])('in %s are no byline', (_cause, comments) => {
    expect(extract(page('<title>Ferry</title>', article + comments)).authors).toEqual([]);
  });

  it("in the article item's microdata are not its authors", () => {
    const body =
      '<article itemscope itemtype="https://schema.org/BlogPosting"><h1 itemprop="headline">Ferry</h1>' +
      '<span itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">Ada Lowe</span></span>' +
      '<div itemprop="comment" itemscope itemtype="https://schema.org/Comment">' +
      '<span itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">Per Lind</span></span>' +
      '<p itemprop="text">Nice</p></div></article>';
    expect(extract(page('<title>Ferry</title>', body)).authors).toEqual(['Ada Lowe']);
  });
});
