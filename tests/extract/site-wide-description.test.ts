import { describe, expect, it } from 'vitest';
import { extract, jsonLd, page } from './page';

// Issue 16, item 5: a description the site repeats on every page (the home page's) is not the article's summary.
const story =
  '<article><h1>Ferry timetable changes in May</h1>' +
  '<p>The council voted on Tuesday to change the ferry timetable. Crossings move to the hour from May.</p></article>';
const lead = 'The council voted on Tuesday to change the ferry timetable. Crossings move to the hour from May.';
const title = '<title>Ferry timetable changes in May | Harbour Post</title>';
const tagline = 'Harbour Post: the voice of the harbour since 1871.';

describe('a site-wide description', () => {
  it.each([
    [
      "equal to the WebSite node's description",
      `${title}<meta name="description" content="${tagline}">` +
        jsonLd({ '@type': 'WebSite', name: 'Harbour Post', description: tagline }),
      story,
    ],
    [
      "equal to the Organization node's description",
      `<title>Ferry timetable changes in May</title><meta name="description" content="Your voice on the quay.">` +
        jsonLd({ '@type': 'NewsMediaOrganization', name: 'Quay Press', description: 'Your voice on the quay.' }),
      story,
    ],
    [
      'equal to the tagline printed in the header',
      `<title>Ferry timetable changes in May</title><meta name="description" content="Your voice on the quay.">`,
      `<header><p class="site-description">Your voice on the quay.</p></header>${story}`,
    ],
    [
      'naming the site and off the topic of both the title and the lead',
      `${title}<meta property="og:description" content="${tagline}">`,
      story,
    ],
    ["a blog's owner's home page", `${title}<meta name="description" content="Harbour Post's homepage.">`, story],
  ])('%s gives way to the lead', (_cause, head, body) => {
    expect(extract(page(head, body)).excerpt).toBe(lead);
  });

  it("takes the article's own description over the site's when the page declares both", () => {
    const head =
      `${title}<meta name="description" content="${tagline}">` +
      '<meta property="og:description" content="From May the ferry crosses on the hour, and the night boat goes.">';
    expect(extract(page(head, story)).excerpt).toBe('From May the ferry crosses on the hour, and the night boat goes.');
  });
});

describe("the article's own description", () => {
  it.each([
    [
      'naming the site but on the topic',
      'Harbour Post readers asked why the ferry timetable changes.',
      'Harbour Post readers asked why the ferry timetable changes.',
    ],
    [
      'off the words of the title but not naming the site',
      'The Portuguese skipper had been out of work since December.',
      'The Portuguese skipper had been out of work since December.',
    ],
  ])('%s is kept', (_cause, description, excerpt) => {
    expect(extract(page(`${title}<meta name="description" content="${description}">`, story)).excerpt).toBe(excerpt);
  });

  it('is kept when the lead is off the topic too: the evidence is weak', () => {
    const body =
      '<article><h1>Ferry timetable changes in May</h1><p>Photographs by the night desk, all rights kept.</p></article>';
    expect(extract(page(`${title}<meta name="description" content="${tagline}">`, body)).excerpt).toBe(tagline);
  });

  it("is the site's description on the home page itself", () => {
    const head = `${title}<meta name="description" content="${tagline}">`;
    expect(extract(page(head, story), {}, 'https://www.harbourpost.example/').excerpt).toBe(tagline);
    expect(extract(page(head, story), {}, 'https://www.harbourpost.example/ferry').excerpt).toBe(lead);
  });
});
