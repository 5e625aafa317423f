import { describe, expect, it } from 'vitest';
import { parsePage } from '../../companion/parse-html';
import { cleanAuthors, joinByline, withoutOutlets } from '../../utils/extract/authors';
import { dateInText, firstDate, inSiteZone, normalizeDate } from '../../utils/extract/dates';
import { extractMetadata } from '../../utils/extract/extract-metadata';
import { takeInjectedOptions } from '../../utils/extract/injected-options';
import { soleArticle } from '../../utils/extract/markdown';
import { citationName, derivePublisher, nameFromHost } from '../../utils/extract/publisher';
import { stripSiteName } from '../../utils/extract/title';
import { extract, jsonLd, page, PAGE_URL } from './page';

describe('titles', () => {
  it.each([
    ['Ferry fares rise | The Harbour Post', ['The Harbour Post'], 'Ferry fares rise'],
    ['The Harbour Post - Ferry fares rise', ['The Harbour Post'], 'Ferry fares rise'],
    ['Ferry fares rise – Harbour Post News', ['Harbour Post'], 'Ferry fares rise'],
    ['Ferry fares rise · harbourpost.example', ['www.harbourpost.example', 'harbourpost.example'], 'Ferry fares rise'],
    ['Ferry fares rise | Local | The Harbour Post', ['The Harbour Post'], 'Ferry fares rise | Local'],
    [
      'Why the Harbour Post changed its name - a history',
      ['The Harbour Post'],
      'Why the Harbour Post changed its name - a history',
    ],
    ['Q&A: ferry fares', ['Ferry Weekly'], 'Q&A: ferry fares'],
    ['The Harbour Post', ['The Harbour Post'], 'The Harbour Post'],
  ])('%s → site names %j → %s', (title, sites, expected) => {
    expect(stripSiteName(title, sites)).toBe(expected);
  });

  it('cites the declared headline the page prints as its <h1>, not an SEO variant', () => {
    const head =
      jsonLd({ '@type': 'NewsArticle', headline: 'Ferry fares: board approves rise for 2031' }) +
      '<meta property="og:title" content="Ferry fares rise by a tenth next year">';
    const shown = extract(page(head, '<h1>Ferry fares rise by a tenth next year</h1>'));
    expect(shown.title).toBe('Ferry fares: board approves rise for 2031');
    expect(shown.citationTitle).toBe('Ferry fares rise by a tenth next year');
    const printed = extract(page(head, '<h1>Ferry fares: board approves rise for 2031</h1>'));
    expect(printed.citationTitle).toBe('Ferry fares: board approves rise for 2031');
    const suffixed = extract(
      page(
        '<meta property="og:title" content="Ferry fares rise - Harbour Post"><meta name="twitter:title" content="Ferry fares rise">' +
          '<meta property="og:site_name" content="Harbour Post">',
        '<h1>Ferry fares rise</h1>',
      ),
    );
    expect([suffixed.title, suffixed.citationTitle]).toEqual(['Ferry fares rise - Harbour Post', 'Ferry fares rise']);
    const promo = extract(
      page(
        '<title>Ferry fares: board approves a tenth more | Harbour Post</title><meta property="og:site_name" content="Harbour Post">' +
          head,
        '<h1>Ferry fares: board approves a tenth more</h1>',
      ),
    );
    expect(promo.citationTitle).toBe('Ferry fares: board approves a tenth more');
    const opening = (title: string, h1: string) =>
      extract(page(`<meta property="og:title" content="${title}">`, `<h1>${h1}</h1>`)).citationTitle;
    expect(opening('渡轮票价明年上涨十分之一_财经_港口网', '渡轮票价明年上涨十分之一')).toBe(
      '渡轮票价明年上涨十分之一',
    );
    expect(opening('Harbour Notes: why the north quay needs dredging this spring', 'Harbour Notes')).toBe(
      'Harbour Notes: why the north quay needs dredging this spring',
    );
    const rewritten = (h1: string) =>
      extract(page('<meta property="og:title" content="Ferry fares rise by a tenth next year">', `<h1>${h1}</h1>`))
        .citationTitle;
    expect(rewritten('Harbour board lifts ferry fares by a tenth from next year')).toBe(
      'Harbour board lifts ferry fares by a tenth from next year',
    );
    expect(rewritten('Latest news from the harbour')).toBe('Ferry fares rise by a tenth next year');
  });

  it('keeps the declared title as written, strips the site name for the citation, and reads it from <title>', () => {
    const declared = extract(
      page(
        '<meta property="og:title" content="Dredging starts in May - The Harbour Post"><meta property="og:site_name" content="The Harbour Post">',
      ),
    );
    expect(declared.title).toBe('Dredging starts in May - The Harbour Post');
    expect(declared.citationTitle).toBe('Dredging starts in May');
    const leading = extract(page('<meta property="og:title" content="Harbourpost · Dredging starts in May">'));
    expect(leading.citationTitle).toBe('Dredging starts in May');
    const undeclared = extract(page('<title>Dredging starts in May on the north quay | Quayside Weekly</title>'));
    expect(undeclared.title).toBe('Dredging starts in May on the north quay');
    expect(undeclared.citationTitle).toBe('Dredging starts in May on the north quay');
    expect(undeclared.siteName).toBe('Quayside Weekly');
  });

  it('completes a declared headline cut short from the <h1> that begins with it, but not a short kicker or a label', () => {
    const headline = (text: string, h1: string) =>
      extract(page(jsonLd({ '@type': 'NewsArticle', headline: text }), `<h1>${h1}</h1>`)).title;
    const clipped = 'Night crossing resumes after the harbour wall repairs finish two weeks early, the ferry operator';
    const full = `${clipped} said on Monday`;
    expect(headline(clipped, full)).toBe(full);
    const short = 'Night crossing resumes after the harbour wall repairs';
    expect(headline(`${short}…`, `${short} finish early`)).toBe(`${short} finish early`);
    expect(headline(short, `${short} Exclusive`)).toBe(short);
    expect(
      extract(
        page('<meta property="og:title" content="Harbour diary">', '<h1>Harbour diary for the week of 3 May</h1>'),
      ).title,
    ).toBe('Harbour diary');
  });

  it('takes the JSON-LD headline or name shown as the <h1> when the two disagree', () => {
    const declared = (headline: string, name: string) =>
      jsonLd({ '@type': 'NewsArticle', headline, name }) + '<title>Ferry fares rise by two euros in May</title>';
    expect(
      extract(
        page(declared('Ferry fares rise by two euros in May', 'Fares: what changes'), '<h1>Fares: what changes</h1>'),
      ).title,
    ).toBe('Fares: what changes');
    expect(extract(page(declared('Ferry fares rise by two euros in May', 'Fares: what changes'))).title).toBe(
      'Ferry fares rise by two euros in May',
    );
  });

  it('keeps at most 1,000 characters of a 100 KB title, cut at a word', () => {
    const huge = 'word '.repeat(20_000);
    const result = extract(page(`<meta property="og:title" content="${huge}">`));
    expect(result.title).toBe(`${'word '.repeat(198)}word…`);
    expect(result.title!.length).toBeLessThanOrEqual(1000);
  });

  it('drops markup and scripts written into meta values, and decodes entities left escaped', () => {
    const result = extract(
      page(
        '<meta property="og:title" content="Safe &lt;script&gt;alert(1)&lt;/script&gt; harbour &lt;b&gt;news&lt;/b&gt;">' +
          '<meta name="description" content="Tom &amp;amp; Jerry&#39;s &quot;boat&quot;   trip,\n\tin two lines.">',
      ),
    );
    expect(result.title).toBe('Safe harbour news');
    expect(result.excerpt).toBe('Tom & Jerry\'s "boat" trip, in two lines.');
  });
});

describe('authors', () => {
  it.each([
    [['By Ada Lowe'], ['Ada Lowe']],
    [['BY ADA LOWE AND PER LIND'], ['ADA LOWE', 'PER LIND']],
    [['Written by Ada Lowe, Per Lind and Ines Varga'], ['Ada Lowe', 'Per Lind', 'Ines Varga']],
    [['Ada Lowe (ada@harbourpost.example)'], ['Ada Lowe']],
    [['Ada Lowe Profile Follow Unfollow'], ['Ada Lowe']],
    [['Ada Lowe can be reached at ada@harbourpost.example'], ['Ada Lowe']],
    [['Ada Lowe Ada Lowe'], ['Ada Lowe']],
    [['作者：', 'SALTMERE —'], []],
    [['https://www.harbourpost.example/authors/ada-lowe', 'ada-lowe', '@adalowe'], []],
    [
      ['Ada Lowe', 'ada lowe', 'Per Lind'],
      ['Ada Lowe', 'Per Lind'],
    ],
    [['Ada Lowe, Political Correspondent'], ['Ada Lowe']],
    [['Von Jana Novak'], ['Jana Novak']],
    [['Par Élodie Marchand'], ['Élodie Marchand']],
    [['Ada Lowe | Updated 4 May 2030'], ['Ada Lowe']],
    [['Ada Lowe. Harbour Wire'], ['Ada Lowe']],
    [['Ada J. Lowe'], ['Ada J. Lowe']],
    [['Texto: Ada Lowe'], ['Ada Lowe']],
    [['admin', 'siteadmin'], []],
    [
      ['Tom Davies Associated Press', 'Ines Varga, Reuters'],
      ['Tom Davies', 'Ines Varga', 'Reuters'],
    ],
    [['Jeff Foust Monday'], ['Jeff Foust']],
    [['Ada Lowe (https://adalowe.example/about/)'], ['Ada Lowe']],
    [
      ['Ada Lowe - Contributing Writer', "Mary O'Neil-Smith"],
      ['Ada Lowe', "Mary O'Neil-Smith"],
    ],
    [['By', 'Biography', 'Full bio', 'Twitter'], []],
  ])('%j → %j', (raw, names) => {
    expect(cleanAuthors(raw)).toEqual(names);
  });

  it.each([
    [['Ada Lowe', 'Harbour Post Business'], ['Ada Lowe']],
    [
      ['Ada Lowe Harbour Post', 'Per Lind The Harbour Post'],
      ['Ada Lowe', 'Per Lind'],
    ],
    [['Harbour Post'], ['Harbour Post']],
    [
      ['Ada Lowe', 'Per Lind', 'The Associated Press'],
      ['Ada Lowe', 'Per Lind'],
    ],
    [['ADA LOWE', 'harbourpost.example'], ['Ada Lowe']],
    [['Ada Lowe', 'HPN'], ['Ada Lowe']],
    [['Ada Lowe', 'Quaysider'], ['Ada Lowe']],
    [['Harbour Post Business'], ['Harbour Post Business']],
    [['Reuters'], ['Reuters']],
    [
      ['Post Malone', 'Ada Lowe'],
      ['Post Malone', 'Ada Lowe'],
    ],
    [
      ['王小明', 'Ada Lowe'],
      ['王小明', 'Ada Lowe'],
    ],
  ])('drops the outlet credited beside its reporters: %j → %j', (names, people) => {
    expect(withoutOutlets(names, ['The Harbour Post', 'Harbour Post', 'www.harbourpost.example'])).toEqual(people);
  });

  it('joins names the way a citation writes them', () => {
    expect(joinByline([])).toBeNull();
    expect(joinByline(['A'])).toBe('A');
    expect(joinByline(['A', 'B'])).toBe('A and B');
    expect(joinByline(['A', 'B', 'C'])).toBe('A, B and C');
  });
});

describe('dates', () => {
  it.each([
    ['2030-04-02T07:15:00+02:00', '2030-04-02T07:15:00+02:00'],
    ['2030-04-02 07:15:00 +0200', '2030-04-02T07:15:00+02:00'],
    ['2030-04-02T07:15:00.123456-0530', '2030-04-02T07:15:00.123-05:30'],
    ['2030-04-02T07:15Z', '2030-04-02T07:15:00Z'],
    ['2030-04-02T07:15:00', '2030-04-02T07:15:00'],
    ['2030-04-02', '2030-04-02'],
    ['20300402', '2030-04-02'],
    ['1901234567', '2030-04-01T00:42:47Z'],
    ['Tue, 02 Apr 2030 05:15:00 GMT', '2030-04-02T05:15:00Z'],
    ['April 2nd, 2030', '2030-04-02'],
    ['01:38:07 PM IST Nov 20, 2030', '2030-11-20T13:38:07+05:30'],
    ['Wed, Nov 20 2030 13:38:00 CET', '2030-11-20T13:38:00+01:00'],
    ['Wed, Nov 20 2030 13:38:00 EST', '2030-11-20T13:38:00-05:00'],
    ['Tue, 02 Apr 2030 05:15:00 +0200', '2030-04-02T05:15:00+02:00'],
    ['Nov 18, 2030 at 9:24 pm ET', '2030-11-18T21:24:00-05:00'],
    ['July 4, 2030 8:00 am PT', '2030-07-04T08:00:00-07:00'],
    ['Mar 10, 2030 10:00 AM CT', '2030-03-10T10:00:00-05:00'],
    ['MAY 5, 2030', '2030-05-05'],
    ['Monday, November 18th, 2030 at 11:08 a.m.', '2030-11-18T11:08:00'],
    ['2030-13-02', null],
    ['yesterday', null],
    ['', null],
  ])('%s → %s', (raw, iso) => {
    expect(normalizeDate(raw)).toBe(iso);
  });

  it.each([
    ['publiziert am 25. September 2030', '2030-09-25'],
    ['le 18 novembre 2030 à 10h', '2030-11-18'],
    ['18 de noviembre de 2030', '2030-11-18'],
    ['atualizado 3 de março de 2030', '2030-03-03'],
    ['18.11.2030 | 10:00', '2030-11-18'],
    ['18 NOV 2030', '2030-11-18'],
    ['2030年10月14日07:17', '2030-10-14T07:17:00'],
    ['기사입력 : 2030년 8월 25일', '2030-08-25'],
    ['Published 11:11 PM EST Nov 19, 2030', '2030-11-19T23:11:00-05:00'],
    ['versie 1.2.2030.5', null],
    ['32 mai 2030', null],
    ['24 сентября 2030', '2030-09-24'],
    ['5:45 AM PST 11/19/2030', '2030-11-19'],
    ['Posted 11/18/30 11:04 PM', '2030-11-18'],
    ['19/11/2030', '2030-11-19'],
    ['11.14.2030 09:00 AM', '2030-11-14'],
    ['04/05/2030', null],
    ['Last changed 11/18/2030.', '2030-11-18'],
    ['입력 2030.08.25 15:24', '2030-08-25T15:24:00'],
    ['2030/08/25', '2030-08-25'],
    ['18.11.30', null],
    ['Published Monday, November 18, 2030 8:22AM EST', '2030-11-18T08:22:00-05:00'],
    ['posted on December 3rd, 2030 at 10:00 am and is filed under News', '2030-12-03T10:00:00'],
  ])('reads the printed date in "%s" as %s', (text, iso) => {
    expect(dateInText(text)).toBe(iso);
  });

  it('reads a short year only where the line is a byline', () => {
    expect(dateInText('von Ada Lowe, 8.5.30', { shortYear: true })).toBe('2030-05-08');
    expect(dateInText('von Ada Lowe, 8.5.30')).toBeNull();
    expect(dateInText('Version 1.2.30.4', { shortYear: true })).toBeNull();
  });

  it("tells a UTC timestamp in the site's own zone when another date on the page gives it", () => {
    expect(inSiteZone('2030-11-19T02:00:00Z', () => [null, '2030-11-19T09:00:00-08:00'])).toBe(
      '2030-11-18T18:00:00-08:00',
    );
    expect(inSiteZone('2030-11-19T02:00:00+00:00', () => ['2030-11-19T09:00:00+00:00'])).toBe(
      '2030-11-19T02:00:00+00:00',
    );
    expect(inSiteZone('2030-11-19T02:00:00+01:00', () => ['2030-11-19T09:00:00-08:00'])).toBe(
      '2030-11-19T02:00:00+01:00',
    );
    expect(inSiteZone('2030-11-19', () => ['2030-11-19T09:00:00-08:00'])).toBe('2030-11-19');
    const printed = (...values: string[]) =>
      inSiteZone(
        '2030-11-19T07:03:25Z',
        () => [],
        () => values,
      );
    expect(printed('November 18, 2030 11:03 PM')).toBe('2030-11-18T23:03:25-08:00');
    expect(printed('2030-11-19 12:33:25')).toBe('2030-11-19T12:33:25+05:30');
    expect(printed('November 18, 2030 11:10 PM', '2030-11-19')).toBe('2030-11-19T07:03:25Z');
    expect(printed('Nov 18, 2030 at 11:03 pm PT')).toBe('2030-11-18T23:03:25-08:00');
  });

  it('reads printed dates for the site zone only until one gives it', () => {
    const read: string[] = [];
    const printed = function* () {
      read.push('time');
      yield 'November 18, 2030 11:03 PM';
      read.push('whole page');
      yield 'November 18, 2030 11:03 PM ET';
    };
    expect(inSiteZone('2030-11-19T07:03:25Z', () => [], printed)).toBe('2030-11-18T23:03:25-08:00');
    expect(read).toEqual(['time']);
  });

  it("takes a later source's full time for a day given alone, on that same day only", () => {
    expect(firstDate(['2030-04-02', '2030-04-02T07:15:00+02:00'])).toBe('2030-04-02T07:15:00+02:00');
    expect(firstDate(['2030-04-02', '2030-04-03T07:15:00+02:00'])).toBe('2030-04-02');
    expect(firstDate(['2030-04-02', '2030-04-02T07:15:00+00:00', '2030-04-02T07:15:00-05:00'])).toBe('2030-04-02');
    expect(firstDate(['2030-04-02', '2030-04-02T07:15:00+02:00', '2030-04-02T05:15:00Z'])).toBe(
      '2030-04-02T07:15:00+02:00',
    );
  });
});

describe('excerpt', () => {
  const paragraph =
    'The harbour board approved the dredging plan on Monday. Work starts in May and should take six weeks. ' +
    'Fishing boats will moor at the north quay meanwhile, and the ferry keeps its usual berth. ' +
    'A public meeting is planned for April, where residents can ask the engineers about noise and the timetable.';

  it("uses the first paragraph when the description is only the site's name, keeping whole sentences within 300 characters", () => {
    const result = extract(
      page(
        '<meta name="description" content="Harbour Post"><meta property="og:site_name" content="Harbour Post">',
        `<nav><p>${'Menu link text '.repeat(6)}</p></nav><article><p>${paragraph}</p></article>`,
      ),
    );
    expect(result.excerpt).toBe(
      'The harbour board approved the dredging plan on Monday. Work starts in May and should take six weeks.',
    );
  });

  it("uses the first paragraph when the description is the whole <title> or the site's own JSON-LD description", () => {
    const first =
      'The harbour board approved the dredging plan on Monday. Work starts in May and should take six weeks.';
    const tagline = 'News, sport and weather from the harbour towns, every day since 1921.';
    expect(
      extract(
        page(
          '<title>Dredging plan approved | Harbour Post</title>' +
            '<meta name="description" content="Dredging plan approved | Harbour Post">',
          `<article><p>${paragraph}</p></article>`,
        ),
      ).excerpt,
    ).toBe(first);
    expect(
      extract(
        page(
          jsonLd({ '@type': 'WebSite', name: 'Harbour Post', description: tagline }) +
            `<meta name="description" content="${tagline}">`,
          `<article><p>${paragraph}</p></article>`,
        ),
      ).excerpt,
    ).toBe(first);
  });

  it('skips picture captions: a text block right after an image, or classed as a caption or credit', () => {
    const caption = 'The north quay at dawn, seen from the ferry ramp on a calm spring morning (photo: Harbour Post)';
    const body = (figure: string) => `<article>${figure}<p>${paragraph}</p></article>`;
    const first =
      'The harbour board approved the dredging plan on Monday. Work starts in May and should take six weeks.';
    expect(
      extract(page('', body(`<table><tr><td><img src="/q.jpg"><div>${caption}</div></td></tr></table>`))).excerpt,
    ).toBe(first);
    expect(
      extract(page('', body(`<div><a href="/q.jpg"><img src="/q.jpg"></a><div>${caption}</div></div>`))).excerpt,
    ).toBe(first);
    expect(extract(page('', body(`<p class="wp-caption-text">${caption}</p>`))).excerpt).toBe(first);
    expect(extract(page('', `<article><div>${caption}</div></article>`)).excerpt).toBe(caption);
  });

  it('completes a description cut off mid-sentence from a full one or from the paragraph it was cut from', () => {
    const clipped = (text: string) => `<meta name="description" content="${text}">`;
    expect(
      extract(page(clipped('The harbour board approved the dredging plan on Mon...'), `<p>${paragraph}</p>`)).excerpt,
    ).toBe('The harbour board approved the dredging plan on Monday. Work starts in May and should take six weeks.');
    expect(
      extract(page(clipped('The harbour board approved the dredging [&hellip;]'), `<p>${paragraph}</p>`)).excerpt,
    ).toBe('The harbour board approved the dredging plan on Monday. Work starts in May and should take six weeks.');
    expect(
      extract(
        page(
          jsonLd({ '@type': 'NewsArticle', description: 'Dredging of the north quay starts in…' }) +
            clipped('Dredging of the north quay starts in May, the harbour board said.'),
        ),
      ).excerpt,
    ).toBe('Dredging of the north quay starts in May, the harbour board said.');
    expect(extract(page(clipped('Six weeks of dredging at the north quay…'), `<p>${paragraph}</p>`)).excerpt).toBe(
      'Six weeks of dredging at the north quay…',
    );
    expect(
      extract(
        page(
          clipped('The harbour board approved the dredging plan on Monday. Work starts in May and should take s'),
          `<p>${paragraph}</p>`,
        ),
      ).excerpt,
    ).toBe('The harbour board approved the dredging plan on Monday. Work starts in May and should take six weeks.');
    expect(
      extract(page(clipped('The north quay closes for dredging in May. Ferries use the south berth. The work c…')))
        .excerpt,
    ).toBe('The north quay closes for dredging in May. Ferries use the south berth.');
    expect(extract(page(clipped('The quay closes. The work c…'))).excerpt).toBe('The quay closes. The work c…');
    expect(
      extract(
        page(
          clipped('The harbour board approved the dredging plan for the north quay on Monday together with the U.S.'),
          '<p>The harbour board approved the dredging plan for the north quay on Monday together with the U.S. Coast Guard.</p>',
        ),
      ).excerpt,
    ).toBe(
      'The harbour board approved the dredging plan for the north quay on Monday together with the U.S. Coast Guard.',
    );
    expect(extract(page(clipped('Ferries run again from Monday'))).excerpt).toBe('Ferries run again from Monday');
    expect(extract(page(clipped('Ferries are late again ... and the board shrugs ...'))).excerpt).toBe(
      'Ferries are late again ... and the board shrugs ...',
    );
  });

  it('drops share buttons and reading times written before the description', () => {
    const described = (text: string) => extract(page(`<meta name="description" content="${text}">`)).excerpt;
    expect(described('Share this on WhatsAppThe ferry runs again from Monday.')).toBe(
      'The ferry runs again from Monday.',
    );
    expect(described('2 minutos O ferry volta a operar na segunda-feira.')).toBe(
      'O ferry volta a operar na segunda-feira.',
    );
    expect(described('2 minutes late, the ferry left the quay.')).toBe('2 minutes late, the ferry left the quay.');
  });

  it.each([
    ['an affiliate notice', 'This post contains affiliate links: we may earn a commission when you buy through them.'],
    ['a disclaimer', 'Ada Lowe Senior Contributor Opinions expressed by Harbour Post contributors are their own.'],
    // One each for the rest of the disclosure's forms: each passes the word check before the pattern.
    ['a share notice', 'We might get a small share of sales from links on this page about the harbour ferry.'],
    ['a compensation notice', 'The author has been compensated by the harbour board for this story on ferries.'],
    ['a sponsor credit', 'Sponsored by the Harbour Board. The ferry timetable is a story we tell every spring.'],
    ['a partnership credit', 'Produced in partnership with the Harbour Board, who had no say over its contents.'],
    ['a sponsored post', 'This post is sponsored: the harbour board paid for the crossing we write about here.'],
    ['a cookie banner', 'Our website uses cookies to improve its performance and your experience of the harbour news.'],
    ['a byline', 'By Ada Lowe and Per Lind Monday, November 18, 2030, 04:05 pm PT'],
    ['a dateline', 'Posted: Fri 6:45 PM, Feb 16, 2030 | Updated: Sat 8:31 PM, Feb 17, 2030'],
    ['a bare link', 'https://www.harbourpost.example/news/2030/04/ferry-timetable-dawn-crossing'],
    ['a call to action', 'Chat with us in Messenger. Find out what is happening in the harbour as it unfolds.'],
  ])('passes over %s opening the article for its first real paragraph', (_kind, opening) => {
    const body = '<p>The new ferry timetable adds a dawn crossing from May, the harbour board said on Monday.</p>';
    expect(extract(page('', `<article><p>${opening}</p>${body}</article>`)).excerpt).toBe(
      'The new ferry timetable adds a dawn crossing from May, the harbour board said on Monday.',
    );
  });

  it.each([
    ['By the time the ferry left, the harbour was already dark and most passengers had gone home.'],
    ['Par ailleurs, le port rouvrira lundi après des travaux de plusieurs semaines.'],
    ['Published reports say the ferry will run at dawn from May.'],
  ])('keeps an opening paragraph that only looks like a byline or a dateline: %s', (opening) => {
    expect(extract(page('', `<article><p>${opening}</p></article>`)).excerpt).toBe(opening);
  });

  it('ends a sentence at a number that no month or lower-case word follows', () => {
    const lead = 'The storm killed 12. Rescuers searched the harbour all night. ' + 'More on the ferry. '.repeat(20);
    expect(extract(page('', `<article><p>${lead}</p></article>`)).excerpt).toBe(
      'The storm killed 12. Rescuers searched the harbour all night.',
    );
  });

  it('does not end a sentence at a US state in a dateline or at a German ordinal', () => {
    const lead = (text: string) =>
      extract(page('', `<article><p>${text} ${'More on the ferry. '.repeat(20)}</p></article>`)).excerpt;
    expect(lead('SALTMERE, Mich. (Harbour Wire) — The ferry will run at dawn from May.')).toBe(
      'SALTMERE, Mich. (Harbour Wire) — The ferry will run at dawn from May. More on the ferry.',
    );
    expect(lead('Am 12. Mai fährt die Fähre wieder um sieben Uhr.')).toBe(
      'Am 12. Mai fährt die Fähre wieder um sieben Uhr. More on the ferry.',
    );
  });

  it('does not end a sentence at initials or abbreviations', () => {
    const description =
      'SALTMERE, N.S. (Harbour Wire) — Rep. Ada Lowe said on Monday that the ferry would run at dawn from May. ' +
      'The board agreed. ' +
      'x'.repeat(300);
    expect(extract(page(`<meta name="description" content="${description}">`)).excerpt).toBe(
      'SALTMERE, N.S. (Harbour Wire) — Rep. Ada Lowe said on Monday that the ferry would run at dawn from May. The board agreed.',
    );
  });

  it('does not end a sentence at "p.m." or a middle initial when cutting to two sentences', () => {
    const text =
      'SALTMERE (Harbour Wire) — The latest on the ferry strike (all times local): 10 p.m. Unions say the night ferry ' +
      'stays in port. Police arrested Ada B. Lowe near the quay. ' +
      'x'.repeat(300);
    expect(extract(page('', `<article><p>${text}</p></article>`)).excerpt).toBe(
      'SALTMERE (Harbour Wire) — The latest on the ferry strike (all times local): 10 p.m. Unions say the night ferry stays in port. Police arrested Ada B. Lowe near the quay.',
    );
    expect(extract(page('<meta name="description" content="Talks resume at 10 a.m.">')).excerpt).toBe(
      'Talks resume at 10 a.m.',
    );
  });

  it('cuts one long sentence at a word boundary', () => {
    const sentence = `${'Dredging '.repeat(40)}ends.`;
    const result = extract(page(`<meta name="description" content="${sentence}">`));
    expect(result.excerpt).toBe(`${'Dredging '.repeat(33).trim()}…`);
  });
});

describe('Markdown scope', () => {
  const text = '<p>' + 'The north quay closes for dredging in May. '.repeat(30) + '</p>';
  it("reads the page's one article, or its one articleBody, when it holds real text", () => {
    const doc = (body: string) => parsePage(page('', body), PAGE_URL);
    expect(soleArticle(doc(`<article id="a">${text}</article><div>Slideshow 1 / 5</div>`))?.id).toBe('a');
    expect(soleArticle(doc(`<div itemprop="articleBody" id="b">${text}</div><article>${text}</article>`))?.id).toBe(
      'b',
    );
    expect(soleArticle(doc(`<article>${text}</article><article>${text}</article>`))).toBeNull();
    expect(soleArticle(doc('<article><p>Short teaser.</p></article>'))).toBeNull();
  });

  it('converts only that article to Markdown', () => {
    const result = extract(
      page('<title>Quay</title>', `<div><h2>Slideshow caption outside</h2></div><article>${text}</article>`),
      {
        markdown: true,
      },
    );
    expect(result.markdown).not.toContain('Slideshow caption outside');
    expect(result.markdown).toContain('The north quay closes for dredging in May.');
  });
});

describe('publisher', () => {
  it.each([
    ['BBC News', 'BBC'],
    ['The Guardian', 'The Guardian'],
    ['Spiegel Online', 'Spiegel'],
    ['salon.com', 'Salon'],
    ['Acme Media Group, Inc.', 'Acme Media Group'],
    ['Nordwind Verlag GmbH', 'Nordwind Verlag'],
    ['News', 'News'],
    ['The Detroit News', 'The Detroit News'],
    ['Harbour Hacks – the harbour developer blog', 'Harbour Hacks'],
  ])('%s → %s', (name, short) => {
    expect(citationName(name)).toBe(short);
  });

  it("names the site as it names itself when the article's JSON-LD publisher is a wire agency, a platform or a short form", () => {
    const site = (publisher: string, openGraph: string, title = 'Ferry fares rise') =>
      extract(
        page(
          `<title>${title}</title><meta property="og:site_name" content="${openGraph}">` +
            jsonLd({
              '@type': 'NewsArticle',
              headline: 'Ferry fares rise',
              publisher: { '@type': 'Organization', name: publisher },
            }),
        ),
      ).siteName;
    expect(site('Associated Press', 'Saltmere Gazette', 'Ferry fares rise - Saltmere Gazette')).toBe(
      'Saltmere Gazette',
    );
    expect(site('Harbour', 'Harbour Post', 'Ferry fares rise | Harbour Post')).toBe('Harbour Post');
    expect(site('Associated Press', 'Harbour Post')).toBe('Harbour Post');
    // The tagline goes: the domain (harbourpost.example) confirms the name before it.
    expect(site('Blogger', 'HarbourPost | news from the quay')).toBe('HarbourPost');
    expect(site('Associated Press', 'Saltmere Gazette')).toBe('Associated Press');
    expect(site('The Harbour Post', 'HarbourPost.example')).toBe('The Harbour Post');
    expect(site('Harbour Post Company', 'Harbour Post')).toBe('Harbour Post');
    expect(site('HARBOUR POST', 'harbourpost')).toBe('HARBOUR POST');
    expect(site('Harbour Evening Post', 'HEP', 'Ferry fares rise - HEP')).toBe('Harbour Evening Post');
  });

  it("reads the site's name from the start of a <title> when it spells the domain's name", () => {
    expect(extract(page('<title>Harbour Post: Ferry fares rise</title>')).siteName).toBe('Harbour Post');
    expect(extract(page('<title>Analysis: Ferry fares rise</title>')).siteName).toBeNull();
  });

  it("passes over a social handle and the app's name for the name the site's <title> ends with", () => {
    const name = (head: string) => extract(page(`<title>Ferry fares rise - The Harbour Post</title>${head}`)).siteName;
    expect(name('<meta property="og:site_name" content="@harbourpost">')).toBe('The Harbour Post');
    expect(name('<meta property="al:iphone:app_name" content="HPost">')).toBe('The Harbour Post');
    expect(extract(page('<meta property="al:iphone:app_name" content="HPost">')).siteName).toBe('HPost');
  });

  it('cites a site by its domain when it names itself by its lower-case domain label', () => {
    expect(derivePublisher('harbourside', 'www.harbourside.com', undefined)).toBe('harbourside.com');
    expect(derivePublisher('hb', 'www.hb.co.uk', undefined)).toBe('hb.co.uk');
    expect(derivePublisher('Harbourside', 'www.harbourside.com', undefined)).toBe('Harbourside');
    expect(derivePublisher('harbour', 'www.harbourside.com', undefined)).toBe('harbour');
    expect(derivePublisher('harbourside', 'www.harbourside.com', undefined, 'harbourside')).toBe('harbourside');
  });

  it('cites the publication its <title> names, not the company behind it, and reads a URL as a name', () => {
    expect(derivePublisher('Harbour Media Holdings, Inc.', 'news.example', undefined, 'Harbour Post')).toBe(
      'Harbour Post',
    );
    expect(derivePublisher('The Harbour Post Company', 'news.example', undefined, 'The Harbour Post')).toBe(
      'The Harbour Post',
    );
    expect(derivePublisher('Quick Company', 'news.example', undefined, 'Business')).toBe('Quick Company');
    expect(derivePublisher('http://www.hpn.com/', null, undefined)).toBe('HPN');
  });

  it("cites the publication a blogging platform's <title> names before the platform", () => {
    const onPlatform = (title: string) =>
      extract(page(`<title>${title}</title><meta property="og:site_name" content="Medium">`)).publisher;
    expect(onPlatform('Dredging the north quay — Harbour Notes — Medium')).toBe('Harbour Notes');
    expect(onPlatform('Dredging the north quay — Medium')).toBe('Medium');
    expect(onPlatform('Dredging the north quay | by Ada Lowe | Medium')).toBe('Medium');
  });

  it('keeps "News" in an acronym name when the domain carries it too', () => {
    expect(derivePublisher('HPN News', 'www.hpnnews.example', undefined)).toBe('HPN News');
    expect(derivePublisher('HPN News', 'www.hpn.example', undefined)).toBe('HPN');
  });

  it('keeps "News" in an acronym name when the site\'s own handle carries it, on any host', () => {
    expect(derivePublisher('HPN News', 'fakehost', undefined, null, '@HPNNews')).toBe('HPN News');
    expect(derivePublisher('HPN News', 'fakehost', undefined, null, '@HPNWorld')).toBe('HPN');
    expect(derivePublisher('HPN News', 'fakehost', undefined, null, 'HPN NEWS | BY ADA')).toBe('HPN');
    expect(
      extract(page('<meta property="og:site_name" content="HPN News"><meta name="twitter:site" content="@HPNNews">'))
        .publisher,
    ).toBe('HPN News');
  });

  it("spells a squashed site name the way the site's <title> spells it", () => {
    expect(derivePublisher('HarbourPost', 'www.harbourpost.example', undefined, 'Harbour Post')).toBe('Harbour Post');
    expect(derivePublisher('HarbourPost', 'www.harbourpost.example', undefined, 'Harbour Times')).toBe('HarbourPost');
  });

  it('falls back to the registrable domain, and prefers an alias from settings', () => {
    expect(nameFromHost('www.reuters.com')).toBe('Reuters');
    expect(nameFromHost('feeds.bbc.co.uk')).toBe('BBC');
    expect(derivePublisher(null, 'www.reuters.com', undefined)).toBe('Reuters');
    expect(derivePublisher('Financial Times', 'www.ft.com', { 'financial times': 'FT' })).toBe('FT');
    expect(derivePublisher('Harbour Post', 'news.harbourpost.example', { 'harbourpost.example': 'HP' })).toBe('HP');
    expect(
      extract(page('<meta property="og:site_name" content="Harbour Post News">'), {
        publisherAliases: { 'Harbour Post News': 'The Post' },
      }).publisher,
    ).toBe('The Post');
  });
});

describe('hostile and broken pages', () => {
  it('reads a page without <head> or <html>', () => {
    const result = extract(
      '<title>Tide tables for the week ahead</title><h1>Tides</h1><p lang="en">High water at 06:12.</p>',
    );
    expect(result).toMatchObject({
      title: 'Tide tables for the week ahead',
      lang: null,
      canonicalUrl: PAGE_URL.replace('?utm_source=feed', ''),
      warnings: [],
    });
  });

  it('returns nulls and no warnings for an empty page', () => {
    expect(extract('')).toEqual({
      title: null,
      citationTitle: null,
      siteName: null,
      publisher: 'Harbourpost',
      byline: null,
      authors: [],
      published: null,
      modified: null,
      canonicalUrl: PAGE_URL.replace('?utm_source=feed', ''),
      excerpt: null,
      lang: null,
      image: null,
      type: null,
      selection: null,
      warnings: [],
    });
  });

  it('does not throw on a document whose DOM methods fail: it reports them as warnings', () => {
    const broken = new Proxy({} as Document, {
      get: () => {
        throw new Error('DOM unavailable');
      },
    });
    const result = extractMetadata(broken, PAGE_URL, { markdown: true });
    expect(result).toMatchObject({ title: null, authors: [], publisher: 'Harbourpost', markdown: null });
    expect(result.warnings).toContain('meta tags unreadable: DOM unavailable');
    expect(result.warnings).toContain('Markdown conversion failed: DOM unavailable');
  });

  it('never changes the document it reads, Markdown included', () => {
    const document = parsePage(
      page(
        '<title>Quay works</title>',
        '<article><h1>Quay works</h1><p>The quay reopens in June after repairs to the sea wall and its railings.</p><script>var x = 1;</script></article>',
      ),
      PAGE_URL,
    );
    const before = document.documentElement.outerHTML;
    const result = extractMetadata(document, PAGE_URL, { markdown: true });
    expect(result.markdown).toBe('The quay reopens in June after repairs to the sea wall and its railings.');
    expect(document.documentElement.outerHTML).toBe(before);
  });
});

describe('Markdown', () => {
  it('converts the main content with GFM tables, fenced code and absolute links', () => {
    const body =
      '<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport and leisure on the harbour</a></nav>' +
      '<article><h1>Quay works</h1>' +
      '<aside><p>Related: the harbour master on ferry safety, and more from our archive of harbour stories.</p></aside>' +
      '<p>The quay reopens in June after repairs to the sea wall. See <a href="/plans/quay.pdf">the plans</a> for the full programme of works and the closures.</p>' +
      '<table><thead><tr><th>Phase</th><th>Weeks</th></tr></thead><tbody><tr><td>Wall</td><td>4</td></tr></tbody></table>' +
      '<pre><code class="language-python">closed = True</code></pre>' +
      '<p>Boats will use the north quay while the works last, the harbour master said on Friday.</p></article>';
    const result = extract(page('<title>Quay works</title>', body), { markdown: true });
    expect(result.markdown).toBe(
      [
        'The quay reopens in June after repairs to the sea wall. See [the plans](https://www.harbourpost.example/plans/quay.pdf) for the full programme of works and the closures.',
        '| Phase | Weeks |\n| --- | --- |\n| Wall | 4 |',
        '```python\nclosed = True\n```',
        'Boats will use the north quay while the works last, the harbour master said on Friday.',
      ].join('\n\n'),
    );
    expect(extract(page('<title>Quay works</title>', body)).markdown).toBeUndefined();
  });

  it("reads the head's title tags for the copy it converts: a heading repeating og:title is not repeated", () => {
    const head =
      '<title>Harbour Post</title><meta property="og:title" content="Quay works reopen in June">' +
      '<script>var tracking = 1;</script><style>p { color: red }</style>';
    const body =
      '<article><h2>Quay works reopen in June</h2>' +
      '<p>The quay reopens in June after repairs to the sea wall and its railings, the council said on Monday.</p></article>';
    expect(extract(page(head, body), { markdown: true }).markdown).toBe(
      'The quay reopens in June after repairs to the sea wall and its railings, the council said on Monday.',
    );
  });
});

describe('options', () => {
  it('uses the selection it is given, whitespace collapsed', () => {
    expect(extract(page(''), { selection: '  two\n\tlines  ' }).selection).toBe('two lines');
  });

  it('takes injected options once and ignores malformed fields', () => {
    const scope: Record<string, unknown> = {
      __refclipExtractOptions: { markdown: 'yes', selection: 'quote', publisherAliases: { A: 'B', C: 3 } },
    };
    expect(takeInjectedOptions(scope)).toEqual({ selection: 'quote', publisherAliases: { A: 'B' } });
    expect(takeInjectedOptions(scope)).toEqual({});
  });
});
