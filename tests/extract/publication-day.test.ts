import { describe, expect, it } from 'vitest';
import { compactDateInUrl, dateInUrl, dayFirstDateInUrl } from '../../utils/extract/dates';
import { writesDayFirst } from '../../utils/extract/language';
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
    ['https://news.example/news/ferry-05-05-2030', '2030-05-05'],
    ['https://news.example/2030/13/02/ferry', null],
    ['https://news.example/ferry?date=2030/04/02/', null],
  ])('%s → %s', (url, day) => {
    expect(dateInUrl(url)).toBe(day);
  });
});

describe('a day stamped as eight digits in a URL', () => {
  it.each([
    ['https://news.example/world/ferry-harbour-20300402_AB12CD34/', '2030-04-02'],
    ['https://news.example/society/4060503-20300402-ferry-harbour', '2030-04-02'],
    ['https://news.example/world/20300402-OYT1T5/', '2030-04-02'],
    ['https://news.example/ferry-20301340-harbour', null],
    ['https://news.example/ferry-1203004021-harbour', null],
    ['https://news.example/ferry?stamp=-20300402-', null],
  ])('%s → %s', (url, day) => {
    expect(compactDateInUrl(url)).toBe(day);
  });

  const undeclared = page('<title>Ferry</title>', '<article><h1>Ferry timetable</h1></article>');
  it('gives the day of a page that declares none', () => {
    expect(extract(undeclared, {}, 'https://news.example/world/ferry-20300402_AB12/').published).toBe('2030-04-02');
  });

  it('does not overrule a declared date: the digits may be an id', () => {
    const declared = page('<meta property="article:published_time" content="2030-05-07T09:00:00+02:00">');
    expect(extract(declared, {}, 'https://news.example/world/ferry-20300402_AB12/').published).toBe(
      '2030-05-07T09:00:00+02:00',
    );
  });
});

describe('the names pages give their publication date', () => {
  it.each(['date:published_time', 'published_time'])('<meta property="%s">', (name) => {
    expect(extract(page(`<meta property="${name}" content="2030-04-02">`), {}, URL).published).toBe('2030-04-02');
  });
});

describe('a declared date against the URL’s day', () => {
  const story = (published: string) =>
    page(jsonLd({ '@type': 'NewsArticle', headline: 'Ferry', datePublished: published }));
  it.each([
    ['a UTC time on the next day (a site printing local days)', '2030-04-03T02:34:30Z', '2030-04-02'],
    ['an update or copyright date days away', '2031-01-01', '2030-04-02'],
    ['a time without an offset on the next day (UTC, unsaid)', '2030-04-03T00:53:52', '2030-04-02'],
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

// Issue 16, item 9: the exact day, for each cause of a wrong one, without a date in the URL.
const URL = 'https://news.example/ferry-timetable';
const lead = '<p>The council voted on Tuesday to change the ferry timetable for everyone who crosses.</p>';

describe('a UTC time against the day the page prints', () => {
  const story = (printed: string) =>
    page(
      '<meta property="article:published_time" content="2030-03-05T23:30:00Z">',
      `<article><h1>Ferry timetable</h1>${printed}${lead}</article>`,
    );
  it.each([
    ['the next day, east of Greenwich', '<p class="date">March 6, 2030</p>', '2030-03-06'],
    ['the same day', '<time>March 5, 2030</time>', '2030-03-05T23:30:00Z'],
    ['two days away: not the local day, so not read', '<p class="date">March 7, 2030</p>', '2030-03-05T23:30:00Z'],
  ])('%s', (_cause, printed, published) => {
    expect(extract(story(printed), {}, URL).published).toBe(published);
  });

  it('the day before, west of Greenwich', () => {
    const html = page(
      '<meta property="article:published_time" content="2030-03-06T03:00:00Z">',
      `<article><h1>Ferry timetable</h1><time datetime="2030-03-05">March 5, 2030</time>${lead}</article>`,
    );
    expect(extract(html, {}, URL).published).toBe('2030-03-05');
  });
});

describe('the bare word "date" as a label', () => {
  // A story paragraph right under the headline: what follows it is no longer printed with the headline.
  const story = `<p>${'The council voted on Tuesday to change the ferry timetable for everyone who crosses. '.repeat(3)}</p>`;
  const labelled = (body: string) => extract(page('<title>Ferry</title>', body), {}, URL).published;
  it('is read in the article around the headline', () => {
    const body = `<article><h1>Ferry timetable</h1>${story}<dl><dt>Datum</dt><dd>12.01.2030</dd></dl></article>`;
    expect(labelled(body)).toBe('2030-01-12');
  });

  it('is not read outside it: an event listing’s day', () => {
    const body = `<article><h1>Ferry timetable</h1>${story}</article><dl><dt>Datum</dt><dd>12.01.2030</dd></dl>`;
    expect(labelled(body)).toBeNull();
  });

  it('must stand alone: "Datum der Sitzung" is no label', () => {
    const body = `<article><h1>Ferry timetable</h1>${story}<dl><dt>Datum der Sitzung</dt><dd>12.01.2030</dd></dl></article>`;
    expect(labelled(body)).toBeNull();
  });
});

describe('a date line printed above the headline', () => {
  const above = (line: string) =>
    extract(
      page('<title>Ferry</title>', `<main><div class="row">${line}<h1>Ferry timetable</h1>${lead}</div></main>`),
      {},
      URL,
    ).published;
  it.each([
    ['alone', '<div class="kicker">30.07.2029</div>', '2029-07-30'],
    [
      'in the headline block’s previous sibling',
      '<div><span>Politik</span></div><div>Di, 31.10.2029</div>',
      '2029-10-31',
    ],
    ['an update: not the publication day', '<div>Aktualisiert 30.07.2029</div>', null],
    [
      'a teaser of another story: too long for a date line',
      '<div>Gestern, 29.07.2029: Die Gemeinde beschließt den neuen Fahrplan für alle Fähren</div>',
      null,
    ],
  ])('%s', (_cause, line, published) => {
    expect(above(line)).toBe(published);
  });
});

describe('a date printed only in the text', () => {
  const printed = (body: string) =>
    extract(page('<title>Ferry</title>', `<article><h1>Ferry timetable</h1>${body}</article>`), {}, URL).published;
  it.each([
    [
      "a press release's dateline",
      '<p>SAN FRANCISCO, Calif., March 5, 2030 /PRNewswire/ -- Acme Corp. today announced a ferry that crosses the bay.</p>',
      '2030-03-05',
    ],
    ['German', `<p class="meta">Veröffentlicht am 12. März 2030</p>${lead}`, '2030-03-12'],
    ['Arabic, in Arabic-Indic digits', `<p class="date">١٢ مارس ٢٠٣٠</p>${lead}`, '2030-03-12'],
    ['Arabic, with a Levantine month', `<p class="date">٥ تشرين الأول ٢٠٣٠</p>${lead}`, '2030-10-05'],
    ['Persian, in Persian digits', `<p class="date">۱۲ مارس ۲۰۳۰</p>${lead}`, '2030-03-12'],
    ['a Solar Hijri day: another calendar, not read', `<p class="date">۲۲ اسفند ۱۴۰۸</p>${lead}`, null],
    ['an update only: no publication day', `<p>Updated March 7, 2030</p>${lead}<footer>© 2031</footer>`, null],
    ['published and updated', `<p>Updated March 7, 2030</p><p>Published March 5, 2030</p>${lead}`, '2030-03-05'],
    [
      'a German lead opening with its day in brackets',
      '<p>(18.01.2030) Die Fähre über den Fluss fährt ab Montag seltener, teilte die Gemeinde am Abend mit.</p>',
      '2030-01-18',
    ],
    [
      'a day in brackets further into the lead: a quote’s, not read',
      '<p>Die Fähre über den Fluss fährt ab Montag seltener, sagte der Bürgermeister der Zeitung (27.12.2029) am Abend, und die Gemeinde bestätigte es.</p>',
      null,
    ],
    ['a byline with a short year', `<p class="info">von Ada Lowe, 8.5.30</p>${lead}`, '2030-05-08'],
    [
      'a short year in an element its class names a date',
      `<div class="date">Party, 30.10.29</div>${lead}`,
      '2029-10-30',
    ],
    [
      'a short year in an element marked only as meta: a version',
      `<p class="entry-meta">Fahrplan 8.5.30</p>${lead}`,
      null,
    ],
    ['a short year outside a byline: a version, not read', `<p>Fahrplan 8.5.30</p>${lead}`, null],
    [
      'the sentence a German blog theme prints under the post',
      `${lead}<p class="postmetadata"><small>Dieser Beitrag wurde am Samstag, 3. Dezember 2029 um 10:00 Uhr veröffentlicht und unter <a href="/cat/news">News</a> gespeichert.</small></p>`,
      '2029-12-03',
    ],
    [
      'the sentence an English blog theme prints under the post',
      `${lead}<p class="postmetadata"><small>This entry was posted on Saturday, December 3rd, 2029 at 10:00 am and is filed under <a href="/cat/news">News</a>.</small></p>`,
      '2029-12-03T10:00:00',
    ],
    [
      'a date in the story’s prose after "was published": not the theme’s sentence',
      '<p>The first timetable was published on December 3, 2029, and the council has changed it twice since then.</p>',
      null,
    ],
  ])('%s', (_cause, body, published) => {
    expect(printed(body)).toBe(published);
  });
});

describe('a date its label introduces in a line of its own', () => {
  // After the story, as a CMS prints it, so the line is not among those printed with the headline.
  const story = `<p>${'The council voted on Tuesday to change the ferry timetable for everyone who crosses. '.repeat(3)}</p>`;
  const labelled = (line: string) =>
    extract(page('<title>Ferry</title>', `<article><h1>Ferry timetable</h1>${story}<p>${line}</p></article>`), {}, URL)
      .published;
  it.each([
    ['a German CMS’s "Erstellt am:" after the story', 'Erstellt am: 01.11.2030', '2030-11-01'],
    ['"Eingestellt am"', 'Eingestellt am 01.11.2030', '2030-11-01'],
    ['"Publiziert"', 'Publiziert: 1. November 2030', '2030-11-01'],
    ['French "mis en ligne le"', 'Mis en ligne le 12 mars 2030', '2030-03-12'],
    ['Dutch "geplaatst op"', 'Geplaatst op 12.03.2030', '2030-03-12'],
    ['the word inside a sentence: a verb, not read', 'Der neue Fahrplan wurde am 01.11.2030 erstellt.', null],
  ])('%s', (_cause, line, published) => {
    expect(labelled(line)).toBe(published);
  });
});

describe('the day a site’s masthead prints', () => {
  const masthead = '<header class="Header"><p><strong class="date">Thursday, November 7, 2030</strong></p></header>';
  const served = (article: string) =>
    extract(page('<title>Ferry</title>', `${masthead}<main>${article}</main>`), {}, URL).published;
  it('is the day the page was served, not the story’s: not read', () => {
    expect(served(`<h1>Ferry timetable</h1>${lead}`)).toBeNull();
  });

  it('nor in the site’s navigation', () => {
    const html = page(
      '<title>Ferry</title>',
      `<nav><span class="date">November 7, 2030</span></nav><main><h1>Ferry timetable</h1>${lead}</main>`,
    );
    expect(extract(html, {}, URL).published).toBeNull();
  });

  it('leaves the story’s own date line read', () => {
    expect(served(`<h1>Ferry timetable</h1><p class="date">October 29, 2030</p>${lead}`)).toBe('2030-10-29');
  });

  it('leaves a date in the article’s own header read', () => {
    const html = page(
      '<title>Ferry</title>',
      `<header><h1>Ferry timetable</h1><span class="date">October 29, 2030</span></header>${lead}`,
    );
    expect(extract(html, {}, URL).published).toBe('2030-10-29');
  });
});

describe('a reader comment’s time', () => {
  const comment = (day: string) =>
    `<section id="comments"><article class="comment"><p class="submitted">Ada am <time pubdate datetime="${day}T13:11:26+02:00">${day}</time></p><p>Danke.</p></article></section>`;
  const withComments = (article: string) =>
    extract(page('<title>Ferry</title>', `<article>${article}${comment('2030-10-19')}</article>`), {}, URL).published;
  it('is not the story’s, though themes mark it pubdate: not read', () => {
    expect(withComments(`<h1>Ferry timetable</h1>${lead}`)).toBeNull();
  });

  it('gives no zone to a UTC time, though posted a whole number of quarter hours after it', () => {
    const html = page(
      '<meta property="article:published_time" content="2030-11-19T11:21:08+00:00">',
      `<article><h1>Ferry timetable</h1>${lead}<ol class="comment-list"><li><time>November 19, 2030 at 7:06 am</time></li></ol></article>`,
    );
    expect(extract(html, {}, URL).published).toBe('2030-11-19T11:21:08+00:00');
  });

  it('leaves the story’s own time read, wherever it is printed', () => {
    const story = `<h1>Ferry timetable</h1><aside class="meta"><time datetime="2030-10-18T11:45:00+02:00">18. Okt 2030</time></aside>${lead}`;
    expect(withComments(story)).toBe('2030-10-18T11:45:00+02:00');
  });
});

describe('another story’s time', () => {
  const read = (body: string) => extract(page('<title>Ferry</title>', body), {}, URL).published;
  const hat =
    '<div class="FixedHeader-hat"><a href="/news/swing-state-voters"><small><time datetime="2030-11-20T07:00:21-05:00">Wednesday November 20, 2030</time></small> Swing state voters see impeachment as pointless</a></div>';
  it('in a link that holds its headline too: not read', () => {
    expect(read(`${hat}<h1>Ferry timetable</h1>${lead}`)).toBeNull();
  });

  it('leaves the story’s own date read', () => {
    expect(read(`${hat}<h1>Ferry timetable</h1><p class="byline">By Ada Lowe, November 18, 2030</p>${lead}`)).toBe(
      '2030-11-18',
    );
  });

  it('in a list of other stories, though marked pubdate: not read', () => {
    const list = `<div class="list-of-entities"><span class="m_meta-property"><time pubdate datetime="2030-11-20T09:42:20">20 Nov 2030</time></span><h3>Midnight mayhem in Madrid</h3></div>`;
    expect(read(`<article><h1>Ferry timetable</h1>${lead}</article>${list}`)).toBeNull();
  });

  it('is not a permalink around the story’s own time, which is read', () => {
    const permalink =
      '<a href="/ferry-timetable" rel="bookmark"><time datetime="2030-05-04T09:00:00+02:00">May 4, 2030</time></a>';
    expect(read(`<article><h1>Ferry timetable</h1>${permalink}${lead}</article>`)).toBe('2030-05-04T09:00:00+02:00');
  });
});

// Issue 16: a slug's "-02-11-2030-" is 2 November or February 11: only the page's language tells.
describe('a URL day whose day and month could be either', () => {
  it.each([
    ['https://news.example/news/ferry-02-11-2030-harbour', '2030-11-02'],
    ['https://news.example/news/ferry-12-01-2030.html', '2030-01-12'],
    ['https://news.example/news/ferry-23-01-2030-harbour', null],
    ['https://news.example/news/ferry-05-05-2030', null],
    ['https://news.example/ferry?slug=-02-11-2030-', null],
  ])('read day first: %s → %s', (url, day) => {
    expect(dayFirstDateInUrl(url)).toBe(day);
  });

  it.each([
    ['de', true],
    ['fr-FR', true],
    ['pt-BR', true],
    ['en-GB', true],
    ['en', false],
    ['en-US', false],
    ['ja', false],
    ['hu', false],
    [null, false],
  ])('%s writes dates day first: %s', (tag, dayFirst) => {
    expect(writesDayFirst(tag)).toBe(dayFirst);
  });

  const SLUG = 'https://news.example/actualites/ferry-02-11-2030-horaires';
  const french = (head: string, body: string, lang = 'fr') =>
    extract(
      `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><title>Ferry</title>${head}</head><body>${body}</body></html>`,
      {},
      SLUG,
    ).published;
  const article = `<article><h1>Horaires du ferry</h1>${lead}</article>`;

  it('is read day first on a page in a language that writes it so and declares no date', () => {
    expect(french('', article)).toBe('2030-11-02');
  });

  it('is not read on an English page: the United States writes the month first', () => {
    expect(french('', article, 'en')).toBeNull();
    expect(french('', article, 'en-US')).toBeNull();
  });

  it('is read by the language guessed from the text of a page that declares none', () => {
    const html = `<!DOCTYPE html><html><head><title>Fähre</title></head><body><article><h1>Der neue Fahrplan der Fähre</h1><p>Der Gemeinderat hat am Dienstag den Fahrplan der Fähre geändert, und die Pendler sind nicht mit allem zufrieden, was sie lesen.</p><p>Die neuen Zeiten gelten ab dem nächsten Monat für alle, die den Fluss überqueren, und die Fähre fährt dann auch am Abend.</p></article></body></html>`;
    expect(extract(html, {}, SLUG).lang).toBe('de');
    expect(extract(html, {}, SLUG).published).toBe('2030-11-02');
  });

  it('never overrules a declared date', () => {
    const declared = '<meta property="article:published_time" content="2030-02-12T09:00:00+01:00">';
    expect(french(declared, article)).toBe('2030-02-12T09:00:00+01:00');
  });

  it('yields to a date the page prints', () => {
    const printed = `<article><h1>Horaires du ferry</h1><p class="date">11 février 2030</p>${lead}</article>`;
    expect(french('', printed)).toBe('2030-02-11');
  });
});

describe('a <time> after the story, in a list of other stories its class does not name', () => {
  const more = `<section class="Container"><h5>More Harbour Post</h5><ul><li><h5><a href="/news/gulls">Gulls return to the harbour</a></h5><div class="HeroTextBelow-dateTime"><time datetime="2030-11-20T00:00:32-05:00">Wednesday November 20, 2030</time></div></li></ul></section>`;
  const read = (body: string) => extract(page('<title>Ferry</title>', body), {}, URL).published;

  it('yields to the date printed under the headline', () => {
    const story = `<main><article><h1>Ferry timetable</h1><div class="ArticlePage-authors"><span>November 18, 2030 12:01 PM</span></div>${lead}</article></main>`;
    expect(read(`${story}${more}`)).toBe('2030-11-18T12:01:00');
  });

  it('yields to the date printed above the headline', () => {
    const story = `<article><div><p>18.11.2030</p><h1>Ferry timetable</h1></div>${lead}</article>`;
    expect(read(`${story}${more}`)).toBe('2030-11-18');
  });

  it('leaves a <time> in the article’s own header read first', () => {
    const story = `<article><header><h1>Ferry timetable</h1><time datetime="2030-11-18T09:00:00+01:00">18 Nov</time><p>November 17, 2030</p></header>${lead}</article>`;
    expect(read(`${story}${more}`)).toBe('2030-11-18T09:00:00+01:00');
  });

  it('leaves a <time> in a header printed above the article read first', () => {
    const story = `<div class="PageHeader"><time datetime="2030-11-18T09:00:00+01:00">18 Nov</time></div><main><h1>Ferry timetable</h1><p>November 17, 2030</p>${lead}</main>`;
    expect(read(`${story}${more}`)).toBe('2030-11-18T09:00:00+01:00');
  });
});

// Issue 16, item 9: the causes found on pages without structured data (press offices, small German sites, blogs).
describe('a dateline in a story Drupal marks promoted', () => {
  const read = (body: string) => extract(page('<title>Ferry</title>', body), {}, URL).published;
  it('is the story’s own: "node--promoted" is no list of promoted stories', () => {
    const story = `<article class="node node--type-article node--promoted node--sticky"><div class="headline-info"><span class="headline-category">Pressemitteilung</span><span class="headline-date">02. November 2029</span></div><h1>Ferry timetable</h1>${lead}</article>`;
    expect(read(story)).toBe('2029-11-02');
  });

  it('leaves a promo box’s date unread', () => {
    const promo = `<div class="promo-box"><span class="date">02. November 2029</span><a href="/other">Other story</a></div>`;
    expect(read(`<article><h1>Ferry timetable</h1>${lead}</article>${promo}`)).toBeNull();
  });
});

describe('a dateline its class names in camel case', () => {
  const read = (line: string) =>
    extract(
      page('<title>Ferry</title>', `<div><span class="itemTitle">Ferry timetable</span>${line}${lead}</div>`),
      {},
      URL,
    ).published;
  it.each([
    ['"itemPostDate"', '<span class="itemPostDate">am 25.08.2029 22:30</span>', '2029-08-25'],
    ['"pubTime"', '<span class="pubTime">2029年10月14日07:17</span>', '2029-10-14T07:17:00'],
    ['"candidateList": the letters inside a word name no date', '<span class="candidateList">25.08.2029</span>', null],
  ])('%s', (_cause, line, published) => {
    expect(read(line)).toBe(published);
  });
});

describe('the post metadata line of WordPress’s Kubrick theme and its heirs', () => {
  const read = (meta: string) =>
    extract(
      page('<title>Ferry</title>', `<div id="content"><h2 class="onest">Ferry timetable</h2>${meta}${lead}</div>`),
      {},
      URL,
    ).published;
  it('is read, its day run into the month its archive link prints', () => {
    const meta =
      '<p class="postmetadata">8.<a href="/date/2029/12/">Dezember 2029</a> um 09:43 &middot; <a href="/category/news">News</a></p>';
    expect(read(meta)).toBe('2029-12-08');
  });

  it('gives nothing when it prints no day', () => {
    expect(read('<p class="postmetadata">Posted in <a href="/category/news">News</a> | 6 Comments</p>')).toBeNull();
  });
});

describe('a day the title opens with', () => {
  const read = (title: string, body = `<main><h1>Online-Fachtag</h1>${lead}</main>`, url = URL) =>
    extract(page(`<title>${title}</title>`, body), {}, url).published;
  it.each([
    ['set off by a bar', '08.11.2029 | Online-Fachtag: Regenbogenportal', '2029-11-08'],
    ['set off by a dash', '23.01.2029 - Wierer darf jubeln - Biathlon', '2029-01-23'],
    ['a day named in the title, not opening it: not read', 'Online-Fachtag am 08.11.2029 | Regenbogenportal', null],
    ['a year alone: not read', 'Rückblick 2029 | Regenbogenportal', null],
    ['a phrase before the separator: not read', 'Was am 08.11.2029 in der Stadt geschah | Portal', null],
  ])('%s', (_cause, title, published) => {
    expect(read(title)).toBe(published);
  });

  it('yields to a date the page prints', () => {
    const body = `<main><h1>Online-Fachtag</h1><p class="date">09.11.2029</p>${lead}</main>`;
    expect(read('08.11.2029 | Online-Fachtag', body)).toBe('2029-11-09');
  });

  it('yields to the URL’s day', () => {
    expect(read('08.11.2029 | Online-Fachtag', undefined, 'https://news.example/2029/11/05/fachtag')).toBe(
      '2029-11-05',
    );
  });
});

describe('a slug’s day written with dots', () => {
  it.each([
    ['https://news.example/artikel/bericht_zur_lage_vom_22.04.2030_worauf_wartet', '2030-04-22'],
    ['https://news.example/artikel/bericht-22.04.2030.html', '2030-04-22'],
    ['https://news.example/artikel/bericht_vom_22.13.2030_x', null],
    ['https://news.example/release/v1.02.2030/notes', null],
  ])('%s → %s', (url, day) => {
    expect(dateInUrl(url)).toBe(day);
  });
});

describe('a <time> whose text prints another day than its datetime', () => {
  const read = (time: string) =>
    extract(page('<title>Ferry</title>', `<article><h1>Ferry timetable</h1>${time}${lead}</article>`), {}, URL)
      .published;
  it.each([
    [
      'days away: the datetime is an indexing time, the printed day the story’s',
      '<time datetime="2029-07-03T10:18:46Z">Publié le 29 juin 2029</time>',
      '2029-06-29',
    ],
    [
      'the same day: the datetime, with its time',
      '<time datetime="2029-06-29T10:18:46+02:00">29 juin 2029</time>',
      '2029-06-29T10:18:46+02:00',
    ],
    [
      'an update printed: the datetime',
      '<time datetime="2029-06-29T10:00:00+02:00">Mis à jour le 3 juillet 2029</time>',
      '2029-06-29T10:00:00+02:00',
    ],
    [
      'no day printed: the datetime',
      '<time datetime="2029-06-29T10:00:00+02:00">il y a 3 jours</time>',
      '2029-06-29T10:00:00+02:00',
    ],
  ])('%s', (_cause, time, published) => {
    expect(read(time)).toBe(published);
  });
});

describe('the sentence a German blog theme prints with the post’s title first', () => {
  const read = (sentence: string) =>
    extract(
      page(
        '<title>Ferry</title>',
        `<div id="sidebar"><p class="news">${sentence}</p></div><div id="content"><h1>Ferry timetable</h1>${lead}</div>`,
      ),
      {},
      URL,
    ).published;
  it('is read: "<title> wurde am … um … Uhr gepostet"', () => {
    const sentence =
      '<a href="/2030/05/ferry-timetable/" rel="bookmark">Ferry timetable</a> wurde am <nobr>19. Mai 2030</nobr> um <nobr>23:03</nobr> Uhr gepostet und unter <a href="/category/news/">News</a> abgelegt.';
    expect(read(sentence)).toBe('2030-05-19');
  });

  it('is not a report that someone "wurde am" a day arrested', () => {
    expect(
      read('<a href="/people/ada-lowe">Ada Lowe</a> wurde am <b>3. Mai 2030</b> in Hamburg festgenommen.'),
    ).toBeNull();
  });
});
