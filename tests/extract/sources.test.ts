import { describe, expect, it } from 'vitest';
import { extract, jsonLd, page, PAGE_URL } from './page';

describe('JSON-LD', () => {
  it('reads an article from @graph, resolving author and publisher references', () => {
    const result = extract(
      page(
        jsonLd({
          '@context': 'https://schema.org',
          '@graph': [
            { '@type': 'WebSite', '@id': 'https://www.harbourpost.example/#site', name: 'Harbour Post Online' },
            { '@type': 'Organization', '@id': '#org', name: 'Harbour Post Media Ltd' },
            {
              '@type': ['NewsArticle'],
              headline: 'Winter ferry timetable adds a dawn crossing',
              description: 'The island ferry will leave at 05:40 on weekdays from November, the operator said.',
              datePublished: '2030-04-02T07:15:00+02:00',
              dateModified: '2030-04-02T09:00:00+02:00',
              author: [{ '@id': '#p1' }, { '@type': 'Person', name: 'By Ines Varga' }, { '@id': '#p1' }],
              publisher: { '@id': '#org' },
              image: { '@type': 'ImageObject', url: '/img/ferry.jpg' },
              inLanguage: 'en-IE',
            },
            { '@type': 'Person', '@id': '#p1', givenName: 'Colm', familyName: 'Ruane' },
          ],
        }),
      ),
    );
    expect(result).toMatchObject({
      title: 'Winter ferry timetable adds a dawn crossing',
      siteName: 'Harbour Post Media Ltd',
      publisher: 'Harbour Post Media',
      authors: ['Colm Ruane', 'Ines Varga'],
      byline: 'Colm Ruane and Ines Varga',
      published: '2030-04-02T07:15:00+02:00',
      modified: '2030-04-02T09:00:00+02:00',
      excerpt: 'The island ferry will leave at 05:40 on weekdays from November, the operator said.',
      image: 'https://www.harbourpost.example/img/ferry.jpg',
      type: 'NewsArticle',
      lang: 'en',
      warnings: [],
    });
  });

  it("prefers the article whose URL is the page's over related stories listed beside it", () => {
    const related = (n: number) => ({
      '@type': 'NewsArticle',
      headline: `Related story ${n}`,
      url: `/news/2030/04/related-${n}`,
      datePublished: `2030-03-0${n}`,
    });
    const result = extract(
      page(
        '<link rel="canonical" href="/news/2030/04/ferry-timetable">' +
          jsonLd([related(1), related(2)]) +
          jsonLd({
            '@type': 'BlogPosting',
            headline: 'Ferry timetable, annotated',
            url: '/news/2030/04/ferry-timetable',
            datePublished: '2030-04-02',
          }),
      ),
    );
    expect(result.title).toBe('Ferry timetable, annotated');
    expect(result.published).toBe('2030-04-02');
    expect(result.canonicalUrl).toBe('https://www.harbourpost.example/news/2030/04/ferry-timetable');
  });

  it('salvages headline, dates, author and publisher from JSON-LD broken by an unescaped quote or single quotes', () => {
    const broken =
      '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Pier \\u201cLantern\\u201d reopens",' +
      ' "description": "The "lantern" pier", "datePublished": "2030-04-02T07:15:00+02:00",' +
      ' "author": {"@type": "Person", "name": "Ada Lowe"},' +
      ' "publisher": {"@type": "Organization", "name": "Harbour Post", "logo": {"url": "/l.png"}}}</script>';
    const result = extract(
      page(broken + '<meta property="og:title" content="Pier reopens"><meta property="og:site_name" content="Local">'),
    );
    expect(result).toMatchObject({
      title: 'Pier “Lantern” reopens',
      published: '2030-04-02T07:15:00+02:00',
      byline: 'Ada Lowe',
      siteName: 'Harbour Post',
    });
    expect(result.warnings).toHaveLength(1);
    const quoted =
      "<script type=\"application/ld+json\">{'@type': 'Article', 'headline': 'Ferry \"Dawn\" sails', 'datePublished': '2030-04-03'}</script>";
    expect(extract(page(quoted))).toMatchObject({ title: 'Ferry "Dawn" sails', published: '2030-04-03' });
  });

  it('keeps the offset another source gives for the same wall-clock time as a JSON-LD date without one', () => {
    const head = (published: string) =>
      jsonLd({ '@type': 'NewsArticle', headline: 'Pier reopens', datePublished: '2030-04-02T07:15:00' }) +
      `<meta property="article:published_time" content="${published}">`;
    expect(extract(page(head('2030-04-02T07:15:00+02:00'))).published).toBe('2030-04-02T07:15:00+02:00');
    expect(extract(page(head('2030-04-02T09:15:00+02:00'))).published).toBe('2030-04-02T07:15:00');
  });

  it("prefers a page's datePublished to JSON-LD's dateCreated, a later re-save at times", () => {
    const head =
      jsonLd({ '@type': 'NewsArticle', headline: 'Pier reopens', dateCreated: '2030-04-03T10:41:09Z' }) +
      '<meta itemprop="datePublished" content="2030-04-02T14:15:00+00:00">';
    expect(extract(page(head)).published).toBe('2030-04-02T14:15:00+00:00');
    const createdOnly = jsonLd({ '@type': 'NewsArticle', headline: 'Pier reopens', dateCreated: '2030-04-03' });
    expect(extract(page(createdOnly)).published).toBe('2030-04-03');
  });

  it('dates a video page by its upload date', () => {
    const result = extract(
      page(jsonLd({ '@type': 'VideoObject', name: 'Dawn crossing, filmed', uploadDate: '2030-04-02T06:00:00+01:00' })),
    );
    expect(result.title).toBe('Dawn crossing, filmed');
    expect(result.published).toBe('2030-04-02T06:00:00+01:00');
  });

  it("reads a fact check's own headline, date and description, not those of the claim it reviews", () => {
    const result = extract(
      page(
        jsonLd({
          '@type': 'ClaimReview',
          headline: 'No, the ferry does not run on seawater',
          datePublished: '2030-04-03',
          description: 'The operator says the engines burn diesel.',
          itemReviewed: { '@type': 'CreativeWork', name: 'Seawater ferry post', datePublished: '2030-03-20' },
        }),
      ),
    );
    expect(result.title).toBe('No, the ferry does not run on seawater');
    expect(result.published).toBe('2030-04-03');
    expect(result.excerpt).toBe('The operator says the engines burn diesel.');
  });

  it('ignores a listing of other articles when none is this page', () => {
    const result = extract(
      page(
        '<meta property="og:title" content="Ferry timetable">' +
          jsonLd({
            '@type': 'ItemList',
            itemListElement: [{ '@type': 'NewsArticle', headline: 'Elsewhere', datePublished: '2001-01-01' }],
          }) +
          jsonLd([
            { '@type': 'NewsArticle', headline: 'One', datePublished: '2002-02-02' },
            { '@type': 'NewsArticle', headline: 'Two', datePublished: '2003-03-03' },
          ]),
      ),
    );
    expect(result.title).toBe('Ferry timetable');
    expect(result.published).toBeNull();
  });

  it('skips malformed JSON-LD with a warning and still reads the other sources; tolerates raw newlines', () => {
    const result = extract(
      page(
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>' +
          '<script type="application/ld+json">{"@type":"Article","headline":"Line one\nline two",}</script>' +
          '<meta name="author" content="Ola Brenn">',
      ),
    );
    expect(result.title).toBe('Line one line two');
    expect(result.byline).toBe('Ola Brenn');
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatch(/^malformed JSON-LD, read field by field: /);
  });
});

describe('meta tags', () => {
  it('reads OpenGraph, article:*, Twitter and description tags', () => {
    const result = extract(
      page(
        '<title>Ignored when og:title exists</title>' +
          '<meta property="og:title" content="Ferry fares to rise by &amp;#8364;2">' +
          '<meta property="og:site_name" content="The Harbour Post">' +
          '<meta property="og:type" content="article">' +
          '<meta property="og:image" content="//cdn.harbourpost.example/f.jpg">' +
          '<meta property="og:locale" content="ga_IE">' +
          '<meta property="article:published_time" content="2030-04-02T06:00:00Z">' +
          '<meta property="article:modified_time" content="2030-04-03T06:00:00Z">' +
          '<meta property="article:author" content="https://www.facebook.com/someone">' +
          '<meta name="twitter:creator" content="@harbourdesk">' +
          '<meta name="description" content="Fares go up in May for the first time since 2026.">',
      ).replace(' lang="en"', ''),
    );
    expect(result).toMatchObject({
      title: 'Ferry fares to rise by €2',
      siteName: 'The Harbour Post',
      publisher: 'The Harbour Post',
      byline: null,
      published: '2030-04-02T06:00:00Z',
      modified: '2030-04-03T06:00:00Z',
      excerpt: 'Fares go up in May for the first time since 2026.',
      image: 'https://cdn.harbourpost.example/f.jpg',
      lang: 'ga-IE',
      type: 'article',
    });
  });

  it.each([
    [
      'Highwire',
      '<meta name="citation_author" content="Okafor, Ada"><meta name="citation_author" content="Lind, Per">',
      ['Ada Okafor', 'Per Lind'],
    ],
    ['Dublin Core', '<meta name="DC.creator" content="Mira Holm">', ['Mira Holm']],
    [
      'Dublin Core, family name first',
      '<meta name="DC.creator" content="Holm, M."><meta name="DC.creator" content="Berg, Jan van den">',
      ['M. Holm', 'Jan van den Berg'],
    ],
    [
      'Dublin Core, two names in one tag',
      '<meta name="DC.creator" content="Mira Holm, Jan Berg">',
      ['Mira Holm', 'Jan Berg'],
    ],
    [
      'Dublin Core, RDFa property before the HTML name',
      '<meta name="DC.creator" content="Mira Holm"><meta property="dc:creator" content="Jan Berg">',
      ['Jan Berg'],
    ],
    ['Parse.ly', '<meta name="parsely-author" content="Jonas Weir">', ['Jonas Weir']],
    ['Sailthru', '<meta name="sailthru.author" content="Tova Lund">', ['Tova Lund']],
    ['space-separated RDFa', '<meta property="og:x dc:creator" content="Ana Ruiz">', ['Ana Ruiz']],
    [
      "a Twitter card's labelled data (Yoast)",
      '<meta name="twitter:label1" content="Est. reading time"><meta name="twitter:data1" content="4 minutes">' +
        '<meta name="twitter:label2" content="Written by"><meta name="twitter:data2" content="Iris Vale">',
      ['Iris Vale'],
    ],
    [
      "a Twitter card's labelled data, in French",
      '<meta name="twitter:label1" content="Écrit par"><meta name="twitter:data1" content="Iris Vale">',
      ['Iris Vale'],
    ],
  ])('reads authors from %s tags', (_source, head, authors) => {
    expect(extract(page(head)).authors).toEqual(authors);
  });

  it("reads Parse.ly's older JSON tag, parsely-page, and survives a broken one", () => {
    const json = JSON.stringify({
      title: 'Ferry fares to rise',
      author: 'Jonas Weir',
      pub_date: '2030-01-05T10:00:00Z',
      link: 'https://www.harbourpost.example/news/fares',
    }).replaceAll('"', '&quot;');
    const result = extract(page(`<meta name="parsely-page" content="${json}">`));
    expect(result).toMatchObject({
      title: 'Ferry fares to rise',
      authors: ['Jonas Weir'],
      published: '2030-01-05T10:00:00Z',
      canonicalUrl: 'https://www.harbourpost.example/news/fares',
    });
    expect(extract(page('<meta name="parsely-page" content="{&quot;title&quot;:">')).warnings).toEqual([]);
  });

  it.each([
    ['Parse.ly', '<meta name="parsely-pub-date" content="2030-01-05T10:00:00-05:00">', '2030-01-05T10:00:00-05:00'],
    ['Highwire', '<meta name="citation_publication_date" content="2030/01/05">', '2030-01-05'],
    ['Dublin Core', '<meta name="dcterms.created" content="2030-01-05">', '2030-01-05'],
    ['Sailthru', '<meta name="sailthru.date" content="2030-01-05 10:00:00 +0100">', '2030-01-05T10:00:00+01:00'],
    ['pub_date', '<meta name="pub_date" content="2030-01-05T10:00:00+00:00">', '2030-01-05T10:00:00+00:00'],
    ['pdate, a compact day', '<meta name="pdate" content="20300105">', '2030-01-05'],
  ])('reads the published date from %s tags', (_source, head, published) => {
    expect(extract(page(head)).published).toBe(published);
  });
});

describe('language', () => {
  it.each([
    ['<html lang="und">', '<meta property="og:locale" content="de_AT">', 'de-AT'],
    ['<html>', '<meta name="language" content="Deutsch">', 'de'],
    ['<html>', '<meta name="language" content="English">', 'en'],
    ['<html>', '<meta http-equiv="content-language" content="fr-CA, en-CA">', 'fr-CA'],
    ['<html lang="pt_BR">', '', 'pt-BR'],
    ['<html>', '<meta name="language" content="Harbourese">', null],
  ])('%s %s → %s', (root, head, lang) => {
    const html = `<!DOCTYPE html>${root}<head>${head}</head><body><p>Text.</p></body></html>`;
    expect(extract(html).lang).toBe(lang);
  });

  const undeclared = (head: string, body: string) =>
    extract(`<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`).lang;

  it("reads the language JSON-LD states on the page's WebPage or WebSite node, or its own hreflang link", () => {
    const graph = jsonLd({
      '@graph': [
        { '@type': 'NewsArticle', headline: 'Fähre fährt wieder' },
        { '@type': 'WebSite', name: 'Hafenpost', inLanguage: 'de-DE' },
      ],
    });
    expect(undeclared(graph, '<p>Kurz.</p>')).toBe('de-DE');
    const links =
      '<link rel="alternate" hreflang="fr-ca" href="https://www.harbourpost.example/fr/news/2030/04/ferry-timetable">' +
      '<link rel="alternate" hreflang="en-ca" href="/news/2030/04/ferry-timetable">';
    expect(undeclared(links, '<p>Short.</p>')).toBe('en-ca');
  });

  it("trusts the server's content-language over a template's <html lang> when the text agrees with it", () => {
    const german =
      '<p>Die Fähre zur Insel fällt am Montag aus, und der Hafen sagt, dass es nicht sicher ist.</p>'.repeat(4);
    const html = (body: string) =>
      `<!DOCTYPE html><html lang="en"><head><meta http-equiv="content-language" content="de"></head><body>${body}</body></html>`;
    expect(extract(html(german)).lang).toBe('de');
    expect(
      extract(
        html(
          '<p>The ferry to the island is cancelled on Monday, and the harbour says that it is not safe.</p>'.repeat(4),
        ),
      ).lang,
    ).toBe('en');
  });

  it('guesses the language from the paragraphs of a page that declares none, and only from enough text', () => {
    const paragraphs = (text: string) => `<p>${text}</p>`.repeat(4);
    expect(
      undeclared(
        '',
        paragraphs('The ferry to the island was cancelled on Monday, and the harbour board said that it is not safe.'),
      ),
    ).toBe('en');
    expect(
      undeclared(
        '',
        paragraphs('Die Fähre zur Insel fällt am Montag aus, und der Hafen sagt, dass es nicht sicher ist.'),
      ),
    ).toBe('de');
    expect(
      undeclared(
        '',
        paragraphs('El ferry a la isla se canceló el lunes, y el puerto dijo que no es seguro para los barcos.'),
      ),
    ).toBe('es');
    expect(
      undeclared('', paragraphs('항구는 월요일에 섬으로 가는 페리가 취소되었다고 밝혔습니다. 안전하지 않다고 합니다.')),
    ).toBe('ko');
    expect(undeclared('', paragraphs('港は月曜日に島へのフェリーが欠航したと発表した。安全ではないという。'))).toBe(
      'ja',
    );
    expect(undeclared('', '<p>The ferry is late.</p>')).toBeNull();
    expect(undeclared('', paragraphs('Lorem ipsum dolor sit amet, et in est non ut sed ad cum quod enim.'))).toBe('la');
  });
});

describe('microdata and visible page text', () => {
  it('reads itemprop headline, author, date and language inside the article item', () => {
    const result = extract(
      page(
        '',
        '<div itemscope itemtype="https://schema.org/Person"><span itemprop="name">Not the author</span></div>' +
          '<article itemscope itemtype="https://schema.org/NewsArticle">' +
          '<h1 itemprop="headline">Pier lights switched to LEDs</h1>' +
          '<span itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">Kai Moreno</span></span>' +
          '<abbr itemprop="datePublished" title="2030-02-14T18:00:00Z">yesterday</abbr>' +
          '<meta itemprop="inLanguage" content="nb">' +
          '<p>The council replaced all forty lamps on the old pier over the weekend, at no cost to residents.</p>' +
          '</article>',
      ).replace(' lang="en"', ''),
    );
    expect(result).toMatchObject({
      title: 'Pier lights switched to LEDs',
      authors: ['Kai Moreno'],
      published: '2030-02-14T18:00:00Z',
      lang: 'nb',
      excerpt: 'The council replaced all forty lamps on the old pier over the weekend, at no cost to residents.',
    });
  });

  it('reads a date printed under the headline in an element no class marks, but not one from the story or its infobox', () => {
    const story = (between: string) =>
      extract(
        page(
          '<title>Ferry timetable</title>',
          `<div><div><h1>Ferry timetable changes again</h1>${between}</div></div>`,
        ),
      ).published;
    expect(
      story('<div><span>Lena Fox</span><span>November 18, 2030</span></div><p>The ferry leaves at nine.</p>'),
    ).toBe('2030-11-18');
    expect(
      story(
        `<p>${'The ferry, first sailed on <a href="/wiki/1961">4 May 1961</a>, leaves at nine on weekdays. '.repeat(4)}</p>`,
      ),
    ).toBeNull();
    expect(story('<table><tr><td>Launched</td><td>4 May 1961</td></tr></table>')).toBeNull();
    expect(story('<p>Updated November 20, 2030</p>')).toBeNull();
  });

  it('reads a date its label introduces in text no element marks, but not the verb inside a sentence', () => {
    const published = (body: string) => extract(page('<title>Ferry timetable</title>', body)).published;
    expect(
      published('<div><dl><dt>Ferry timetable</dt></dl>\n기사입력 :[ 2030-08-25 15:24 ]\n<p>Story.</p></div>'),
    ).toBe('2030-08-25T15:24:00');
    expect(published('<p>Published: <b>4 May 2030</b></p>')).toBe('2030-05-04');
    expect(published('<p>The timetable was first published on 4 May 1961 by the harbour board.</p>')).toBeNull();
    expect(published('<div id="comments"><p>Posted: 4 May 2031</p></div>')).toBeNull();
    expect(published('<aside class="related-stories"><p>Published: 4 May 2029</p></aside>')).toBeNull();
    expect(published('<p>등록금 2030-08-25 인상</p>')).toBeNull();
  });

  it('reads a "By" line printed under the headline in an element no class marks', () => {
    const byline = (line: string) =>
      extract(page('', `<div><div><h1>Ferry timetable changes again</h1><p>${line}</p></div></div>`)).byline;
    expect(byline('By Lena Fox - 11/18/30 11:04 PM')).toBe('Lena Fox');
    expect(byline('By the time officials arrived, the ferry had left')).toBeNull();
    expect(byline('By Monday, Ferry Services had cancelled every crossing')).toBeNull();
    expect(byline('By&nbsp;&nbsp;Lena Fox')).toBe('Lena Fox');
    expect(byline('By Lena&nbsp;&nbsp;Fox')).toBe('Lena Fox');
    expect(byline('By Lena Fox&nbsp;&nbsp;&nbsp;Saltmere&nbsp;&nbsp;&nbsp; Print Edition: April 2030')).toBe(
      'Lena Fox',
    );
    const linked = (after: string) =>
      extract(page('', `<div><div><h1>Ferry timetable changes again</h1>${after}</div></div>`)).byline;
    expect(linked('<div><a href="/about/editors/lena-fox">Lena Fox</a></div><p>The ferry leaves at nine.</p>')).toBe(
      'Lena Fox',
    );
    const story = `<p>${'The ferry leaves at nine on weekdays, the harbour master said on Monday. '.repeat(4)}</p>`;
    expect(linked(`${story}<a href="/topics/people/per-lind">Per Lind</a>`)).toBeNull();
  });

  it('reads bylines in a page that a form wraps whole, as ASP.NET sites do, but not in a comment form', () => {
    const byline = '<p class="byline">By <a href="/profile/lena-fox.html">Lena Fox</a></p>';
    expect(
      extract(page('', `<form id="aspnetForm"><article><h1>Ferry news</h1>${byline}</article></form>`)).byline,
    ).toBe('Lena Fox');
    expect(extract(page('', `<article><h1>Ferry news</h1></article><form>${byline}</form>`)).byline).toBeNull();
  });

  it('reads the name beside a profile link labelled "Biography", and skips a WordPress sidebar', () => {
    const byline =
      '<div class="byline">By <span>Lena Fox</span><a href="/news/author/1460" class="bio">Biography</a></div>';
    const sidebar = '<div id="secondary" class="widget-area"><p class="widget-author">by Per Lind</p></div>';
    expect(extract(page('', sidebar + byline)).byline).toBe('Lena Fox');
    const complementary = '<div role="complementary"><p class="author">by Per Lind</p></div>';
    expect(extract(page('', complementary + byline)).byline).toBe('Lena Fox');
    // Some publishers' templates call the main column a widget area.
    const main = `<div class="widget-area"><article><h1>Ferry news</h1>${byline}</article></div>`;
    expect(extract(page('', main)).byline).toBe('Lena Fox');
  });

  it('passes over the company its copyright notice names, put in the author tag, for the printed byline', () => {
    const head =
      '<meta name="author" content="Quayside Media"><meta name="copyright" content="Copyright (c) Quayside Media 2030">';
    expect(extract(page(head, '<p class="byline">By Lena Fox</p>')).byline).toBe('Lena Fox');
    expect(extract(page(head)).byline).toBe('Quayside Media');
    const blogger = '<meta name="copyright" content="© 2030 Ada Lowe">';
    expect(extract(page(`${blogger}<meta name="author" content="Ada Lowe, Bob Smith">`)).byline).toBe(
      'Ada Lowe and Bob Smith',
    );
  });

  it("names a site that declares no name by the <title> segment that spells its domain, else its logo's over a section", () => {
    const siteOf = (title: string, body = '') => extract(page(`<title>${title}</title>`, body)).siteName;
    expect(siteOf('Ferry fares to rise in May : HarbourPost')).toBe('HarbourPost');
    expect(siteOf('Ferry results | HarbourPost | Ferries | Tides | Weather')).toBe('HarbourPost');
    const logo = '<header><a href="/"><img src="/l.png" alt="HarbourPost.example"></a></header>';
    expect(siteOf('Ferry fares to rise in May - Local News', logo)).toBe('HarbourPost.example');
    expect(siteOf('Ferry fares to rise in May - Local News')).toBe('Local News');
    expect(siteOf('Ferry fares to rise in May - Harbour Post', logo)).toBe('Harbour Post');
  });

  it('spells a site name that og:site_name gives as a domain or URL the way the <title> spells it', () => {
    const siteOf = (ogName: string, title = 'Ferry fares to rise in May | Harbour Post') =>
      extract(page(`<title>${title}</title><meta property="og:site_name" content="${ogName}">`)).siteName;
    expect(siteOf('harbourpost.example')).toBe('Harbour Post');
    expect(siteOf('https://www.harbourpost.example')).toBe('Harbour Post');
    expect(siteOf('harbourpost')).toBe('Harbour Post');
    expect(siteOf('The Harbour Post')).toBe('The Harbour Post');
    expect(siteOf('harbourpost.example', 'Ferry fares to rise in May | Local News')).toBe('harbourpost.example');
  });

  it("names a site that declares no name by its logo's link to the home page, when the name is the domain's", () => {
    const siteOf = (header: string) => extract(page('<title>Ferry timetable</title>', header)).siteName;
    const logo = (alt: string, href = '/') => `<header><a href="${href}"><img src="/l.png" alt="${alt}"></a></header>`;
    expect(siteOf(logo('Harbour Post logo'))).toBe('Harbour Post');
    expect(extract(page('', logo('The Harbour Post - Local news'))).publisher).toBe('The Harbour Post');
    expect(siteOf('<a href="https://harbourpost.example/" aria-label="Go to Harbour Post home page">◆</a>')).toBe(
      'Harbour Post',
    );
    expect(siteOf('<a href="/" title="Link to HarbourPost.example">◆</a>')).toBe('HarbourPost.example');
    expect(siteOf(logo('Harbour Post', '/news/'))).toBeNull();
    expect(siteOf(logo('Harbour Post', 'https://elsewhere.example/'))).toBeNull();
    expect(siteOf(logo('Nigerian Newspaper'))).toBeNull();
    expect(siteOf(logo('Post'))).toBeNull();
    expect(siteOf(logo('logo-full-black.svg') + logo('Home'))).toBeNull();
    expect(siteOf(logo('harbour-post-logo'))).toBeNull();
    expect(siteOf(logo('Harbour-Post'))).toBe('Harbour-Post');
    expect(extract(page('<meta property="og:site_name" content="The Post">', logo('Harbour Post'))).siteName).toBe(
      'The Post',
    );
  });

  it('falls back to a printed byline and dateline, dropping "By", roles and dates', () => {
    const result = extract(
      page(
        '<title>Tide tables</title>',
        '<div class="article-byline">By Lena Fox, Senior Reporter | Updated March 3, 2030</div>' +
          '<span class="post-date">Published 2 March 2030</span>',
      ),
    );
    expect(result.authors).toEqual(['Lena Fox']);
    expect(result.published).toBe('2030-03-02');
  });

  it("dates the article by its byline's date before an earlier dateline on the page, not by an update", () => {
    const claim = '<p class="statement__meta">Ada Lowe on Sunday, March 10th, 2030 in a post</p>';
    const byline =
      '<p class="article__meta">By <a href="/staff/per-lind/">Per Lind</a>, <a href="/staff/jo-ek/">Jo Ek</a> ' +
      'on Monday, March 18th, 2030 | Updated March 19, 2030</p>';
    const result = extract(page('<title>Fact check</title>', claim + byline));
    expect(result.published).toBe('2030-03-18');
    expect(result.byline).toBe('Per Lind and Jo Ek');
  });

  it('skips sign-in widgets, comment forms, commenters and date-only elements that look like bylines', () => {
    const result = extract(
      page(
        '',
        '<div id="authorization"><a href="/login">Sign In</a></div>' +
          '<form><label class="comment-form-author">Your name</label></form>' +
          '<div id="comments"><span class="comment-author">Harbour Fan</span></div>' +
          '<span class="author-date">4 May 2030</span>' +
          '<cite class="byline">By <span>Noor Haddad</span>\n      <abbr>May 4, 2030 9:10 AM</abbr></cite>',
      ),
    );
    expect(result.authors).toEqual(['Noor Haddad']);
  });

  it('keeps words from neighbouring elements apart in a printed byline', () => {
    const result = extract(page('', '<p class="byline"><span>ERIC TUCKER</span><span>Associated Press</span></p>'));
    expect(result.authors).toEqual(['Eric Tucker']);
  });

  it('writes names printed in capitals the usual way, keeping numerals, initials and outlets', () => {
    const byline = (value: string) => extract(page(`<meta name="author" content="${value}">`)).byline;
    expect(byline("By MARY O'NEIL-SMITH III and JO B. EK")).toBe("Mary O'Neil-Smith III and Jo B. Ek");
    expect(byline('Ada McLeod')).toBe('Ada McLeod');
    const outlet = page(
      '<meta name="author" content="HARBOUR POST"><meta property="og:site_name" content="Harbour Post">',
    );
    expect(extract(outlet).byline).toBe('HARBOUR POST');
  });

  it("reads the byline elements inside a byline block, not the outlet's name printed beside them", () => {
    const block =
      '<div class="byline-section"><div class="attribution"><span class="author">Ada Lowe and Per J. Lind</span>' +
      '<span class="publication">Saltmere Evening Gazette and Harbour Courier</span></div></div>';
    expect(extract(page('', block)).byline).toBe('Ada Lowe and Per J. Lind');
    const dated = '<p class="byline">By Ada Lowe <span class="byline-date">May 4, 2030</span></p>';
    expect(extract(page('', dated)).byline).toBe('Ada Lowe');
  });

  it('passes over a source that credits only the outlet for a later one naming reporters', () => {
    const head =
      '<meta property="og:site_name" content="Harbour Post">' +
      jsonLd({
        '@type': 'NewsArticle',
        headline: 'Pier reopens',
        author: { '@type': 'Organization', name: 'Harbour Post' },
      });
    const byline =
      '<p class="byline">By <a href="/author/ada-lowe">Ada Lowe</a> and <a href="/author/per-lind">Per Lind</a></p>';
    expect(extract(page(head, byline)).byline).toBe('Ada Lowe and Per Lind');
    expect(extract(page(head + '<meta name="author" content="Reuters">')).byline).toBe('Harbour Post');
    expect(extract(page('<meta name="author" content="Regan">', byline)).byline).toBe('Regan');
  });

  it("passes over a printed credit to a news agency for a later byline naming a reporter, not a related story's", () => {
    const agency =
      '<div class="author" itemprop="author" itemscope itemtype="http://schema.org/Person"><span itemprop="name">AFP</span></div>';
    const reporter = '<p class="article-author">Par <span class="authorname">Léa Morin</span></p>';
    expect(extract(page('', agency + reporter)).byline).toBe('Léa Morin');
    expect(extract(page('', agency)).byline).toBe('AFP');
    const dateline =
      '<p class="article-author"><a href="/author/afp">AFP</a>, <span class="author-name">Lyon</span></p>';
    expect(extract(page('', dateline)).byline).toBe('AFP');
    const related = `<aside class="related-stories">${reporter}</aside>`;
    expect(extract(page('', agency + related)).byline).toBe('AFP');
    expect(extract(page('<meta name="author" content="dpa">', reporter)).byline).toBe('Léa Morin');
    expect(extract(page('', `<div class="list-of-entities">${reporter}</div>`)).byline).toBeNull();
    expect(extract(page('', `<header class="story-header--no-promo">${reporter}</header>`)).byline).toBe('Léa Morin');
  });

  it("skips a byline in a list item that links to another story, whatever the list's class says", () => {
    const reporter = '<span class="author">Par <span class="authorname">Léa Morin</span></span>';
    const item = (link: string) => `<div class="customer-choice"><ul><li>${link} ${reporter}</li></ul></div>`;
    const teaser = item('<a href="/monde/2030/04/28/le-port-rouvre-enfin_127">Le port rouvre enfin</a>');
    expect(extract(page('', teaser)).byline).toBeNull();
    expect(extract(page('', teaser + `<p class="byline">${reporter}</p>`)).byline).toBe('Léa Morin');
    expect(extract(page('', item('<a href="/auteur/lea-morin-lyon">Léa Morin</a>'))).byline).toBe('Léa Morin');
    expect(extract(page('', item('<a href="/monde/">Monde</a>'))).byline).toBe('Léa Morin');
  });

  it('takes the co-authors of a printed byline when the page declares only its first author', () => {
    const head = jsonLd({
      '@type': 'NewsArticle',
      headline: 'Pier reopens',
      author: { '@type': 'Person', name: 'Ada Lowe' },
    });
    const byline = (names: string) => `<article><h1>Pier reopens</h1><p class="byline">By ${names}</p></article>`;
    expect(extract(page(head, byline('Ada Lowe, Per Lind and Jo Ek'))).byline).toBe('Ada Lowe, Per Lind and Jo Ek');
    const logo = '<header><h1 class="logo">Harbour Post</h1></header>';
    expect(extract(page(head, logo + byline('Ada Lowe, Per Lind and Jo Ek'))).byline).toBe(
      'Ada Lowe, Per Lind and Jo Ek',
    );
    expect(extract(page(head, byline('Per Lind and Jo Ek'))).byline).toBe('Ada Lowe');
    expect(extract(page(head, byline('Ada Lowe @adalowe <a class="author-link">View more articles</a>'))).byline).toBe(
      'Ada Lowe',
    );
    const listed = jsonLd({ '@type': 'NewsArticle', author: { '@type': 'Person', name: ['Ada Lowe', 'Per Lind'] } });
    expect(extract(page(listed)).byline).toBe('Ada Lowe and Per Lind');
  });

  it('credits the wire service of a dateline like "SALTMERE, Mass. (AP) —" when nothing names an author', () => {
    const wire = (text: string, head = '') => extract(page(head, `<article><p>${text}</p></article>`)).byline;
    const story =
      'SALTMERE, Mass. (AP) — The night ferry stays in port after a strike vote on Monday evening at the quay.';
    expect(wire(story)).toBe('Associated Press');
    expect(wire(story, '<meta name="author" content="Ada Lowe">')).toBe('Ada Lowe');
    expect(wire('The night ferry (AP) stays in port after a strike vote on Monday evening at the quay.')).toBeNull();
    const siteDefault =
      '<meta property="og:site_name" content="Harbour Post">' +
      jsonLd({ '@type': 'NewsArticle', author: { '@type': 'Organization', name: 'Harbour Post' } }) +
      '<meta name="description" content="The night ferry stays in port.">';
    expect(wire(story, siteDefault)).toBe('Associated Press');
  });

  it('adds the co-authors of a "(with …)" note after the lead reporter', () => {
    const byline = (text: string) => extract(page('', `<p class="byline">${text}</p>`)).byline;
    expect(byline('Par <a href="/journaliste/lea-morin/">Léa Morin</a> (avec Jo Ek et Per Lind)')).toBe(
      'Léa Morin, Jo Ek and Per Lind',
    );
    expect(byline('By Ada Lowe (with Sam Ode)')).toBe('Ada Lowe and Sam Ode');
    expect(byline('Di Ada Lowe (con la collaborazione di Sam Ode)')).toBe('Ada Lowe and Sam Ode');
    expect(byline('Von Ana Ruiz y Gasset')).toBe('Ana Ruiz y Gasset');
  });

  it('names a social post\'s author from a title like "Name (@handle) on X" when nothing else does', () => {
    const post = (title: string, body?: string) =>
      extract(page(`<meta property="og:title" content="${title}">`, body)).byline;
    expect(post('Harbour Rowing Club (@harbourrowing) on X')).toBe('Harbour Rowing Club');
    expect(post('Ada Lowe (@ada@social.example)')).toBe('Ada Lowe');
    expect(post('Ada Lowe (@adalowe) on X', '<p class="byline">By Per Lind</p>')).toBe('Per Lind');
    expect(post('Ferry fares (and why) on the rise')).toBeNull();
  });

  it('drops organisations credited beside people in JSON-LD, keeps them when they are the only author', () => {
    const person = { '@type': 'Person', name: 'Ada Lowe' };
    const desk = { '@type': 'NewsMediaOrganization', name: 'Harbour Post Business' };
    expect(extract(page(jsonLd({ '@type': 'NewsArticle', author: [person, desk] }))).authors).toEqual(['Ada Lowe']);
    expect(extract(page(jsonLd({ '@type': 'NewsArticle', author: desk }))).authors).toEqual(['Harbour Post Business']);
  });

  it('takes author names from links to author pages inside a byline', () => {
    const result = extract(
      page(
        '',
        '<p class="byline">Words: <a href="/authors/sam-ode">Sam Ode</a> &amp; <a href="/authors/li-wei">Li Wei</a>, 4 min read</p>',
      ),
    );
    expect(result.byline).toBe('Sam Ode and Li Wei');
  });

  it('reads the date from a news URL before a printed dateline, when nothing is declared', () => {
    const html = page('', '<span class="post-date">Today: 9 June 2031</span>');
    expect(extract(html, {}, 'https://harbourpost.example/2030/04/02/ferry').published).toBe('2030-04-02');
    expect(extract(html, {}, 'https://harbourpost.example/ferry').published).toBe('2031-06-09');
  });

  it('reads the date from <time datetime> when nothing else declares it', () => {
    const result = extract(page('', '<article><time datetime="2030-06-01T12:30:00+09:00">June 1</time></article>'));
    expect(result.published).toBe('2030-06-01T12:30:00+09:00');
  });

  it('reads a <time datetime> printed above <main> when <main> has none, after a date in the URL', () => {
    const body =
      '<header><h1>Pier reopens</h1><time datetime="2030-06-01T12:30:00+09:00">1 day ago</time></header>' +
      '<main><p>The pier reopened on Sunday after repairs.</p></main>';
    expect(extract(page('', body)).published).toBe('2030-06-01T12:30:00+09:00');
    expect(extract(page('', body), {}, 'https://www.harbourpost.example/2030/05/30/pier-reopens').published).toBe(
      '2030-05-30',
    );
  });

  it('reads the date of a byline whose "Von" or "By" sits in its own element', () => {
    const html = page('', '<p class="info"><span>Von</span> <a>Ada Lowe</a>, publiziert am 25. September 2030</p>');
    expect(extract(html).published).toBe('2030-09-25');
  });

  it("keeps a UTC date in UTC when only a <time> of another minute (a comment's) carries an offset", () => {
    const head = '<meta property="article:published_time" content="2030-03-09T23:16:02+00:00">';
    expect(extract(page(head, '<time datetime="2030-03-10T09:00:00-04:00">Comment</time>')).published).toBe(
      '2030-03-09T23:16:02+00:00',
    );
    expect(extract(page(head, '<time datetime="2030-03-09T18:16:02-05:00">6:16 pm</time>')).published).toBe(
      '2030-03-09T18:16:02-05:00',
    );
  });

  it('reads the date a first paragraph opens with, as wire copy prints it, when nothing else dates the page', () => {
    const html = page(
      '',
      '<article><p>Feb. 23, 2030 -- The night ferry stays in port after a strike vote.</p></article>',
    );
    expect(extract(html).published).toBe('2030-02-23');
  });

  it('reads a dateline from an element classed "datetime"', () => {
    const body = '<h3><span class="datetime">Monday, November 18, 2030</span></h3><p>The pier reopened.</p>';
    expect(extract(page('', body)).published).toBe('2030-11-18');
  });

  it('uses the canonical link, resolved against the page, and falls back to the page URL without fragment', () => {
    expect(extract(page('<link rel="canonical" href="../04/ferry">')).canonicalUrl).toBe(
      'https://www.harbourpost.example/news/2030/04/ferry',
    );
    // Without its tracking parameter too (issue 16): the written URL is the one a note cites.
    const cited = 'https://www.harbourpost.example/news/2030/04/ferry-timetable';
    expect(extract(page(''), {}, `${PAGE_URL}#comments`).canonicalUrl).toBe(cited);
    expect(extract(page('<link rel="canonical" href="javascript:alert(1)">')).canonicalUrl).toBe(cited);
  });
});
