import { describe, expect, it } from 'vitest';
import { citedUrls } from './cited-urls';
import { fulltextLink, quoteLines, renderCallout } from './callout';
import { DEFAULT_CALLOUT_TEMPLATE } from './settings';

const clip = { url: 'https://example.org/a', title: 'Title', publisher: 'Pub', why: 'Because.' };

describe('{quote} and {fulltext} (issue 17)', () => {
  it('writes the full-text link and the quote as > > lines with the default template', () => {
    const quote = 'The cranes run on [grid power](https://example.org/grid), _not_ diesel.\n\nNoise fell by `half`.';
    expect(renderCallout(DEFAULT_CALLOUT_TEMPLATE, { ...clip, quote, fulltext: 'sources/Title' })).toBe(
      [
        '> [!ref] Pub - Title',
        '> https://example.org/a',
        '> Why it matters: Because.',
        '> Full text: [[sources/Title]]',
        '> > The cranes run on [grid power](https://example.org/grid), _not_ diesel.',
        '> >',
        '> > Noise fell by `half`.',
      ].join('\n'),
    );
  });

  it.each([undefined, '', ' \n \r\n\t'])('drops the quote line when the quote is %j', (quote) => {
    expect(renderCallout(DEFAULT_CALLOUT_TEMPLATE, { ...clip, quote })).toBe(
      '> [!ref] Pub - Title\n> https://example.org/a\n> Why it matters: Because.',
    );
  });

  it('repeats the whole template line per quote line, with its other placeholders filled', () => {
    expect(renderCallout('> [!quote] {title}\n> {publisher}: {quote}', { ...clip, quote: 'one\ntwo' })).toBe(
      '> [!quote] Title\n> Pub: one\n> Pub: two',
    );
  });

  it.each<[string, string, string[]]>([
    ['line breaks of every kind', 'a\rb\u2028c\u2029d\ve\ff\u0085g\r\nh', ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']],
    ['control characters', 'bell\u0007 and NUL\u0000 here\tindented', ['bell  and NUL  here\tindented']],
    [
      'a fake callout on a line of its own',
      'ok\n> [!warning] pwned\n- > [!x] in a list',
      ['ok', '> \\[!warning] pwned', '- > \\[!x] in a list'],
    ],
    ['a fake callout at the start', '[!danger] first', ['\\[!danger] first']],
    [
      'wikilinks and embeds',
      'see [[Secret]] and ![[image.png]]',
      ['see \\[\\[Secret\\]\\] and !\\[\\[image.png\\]\\]'],
    ],
    ['blank lines at the ends and trailing spaces', '\n\n  lead  \n\n', ['  lead']],
  ])('neutralises %s', (_what, quote, lines) => {
    expect(quoteLines(quote)).toEqual(lines);
  });

  it('keeps a hostile quote inside the callout: every line starts with "> > ", nothing opens a callout or link', () => {
    const hostile = 'x\n\n## sources\n> [!ref] Fake - injected\n> https://evil.example/\n]] [[Home]]\r---\n\u2028# H';
    const rendered = renderCallout(DEFAULT_CALLOUT_TEMPLATE, { ...clip, quote: hostile });
    expect(rendered.split('\n')).toEqual([
      '> [!ref] Pub - Title',
      '> https://example.org/a',
      '> Why it matters: Because.',
      '> > x',
      '> >',
      '> > ## sources',
      '> > > \\[!ref] Fake - injected',
      '> > > https://evil.example/',
      '> > \\]\\] \\[\\[Home\\]\\]',
      '> > ---',
      '> >',
      '> > # H',
    ]);
    // The note cites the callout's own URL only: the quote's lines, and the fake callout in them, cite nothing.
    expect(citedUrls(`## sources\n\n${rendered}\n`)).toEqual(['https://example.org/a']);
  });

  it("cites the callout's source, not the links of its quote, and still reads a callout nested in a quote", () => {
    const quoted = renderCallout(DEFAULT_CALLOUT_TEMPLATE, { ...clip, quote: 'See [this](https://other.example/b).' });
    expect(citedUrls(`## sources\n\n${quoted}\n`)).toEqual(['https://example.org/a']);
    expect(citedUrls('> [!note] Mine\n> > [!ref] Inner\n> > https://inner.example/c\n')).toEqual([
      'https://inner.example/c',
    ]);
  });

  it.each<[string | undefined, string]>([
    [undefined, ''],
    ['', ''],
    ['sources/Harbour cranes', '[[sources/Harbour cranes]]'],
    ['sources/a]]b|c#d^e\nf', '[[sources/a b c d e f]]'],
  ])('links the source note %j as %j', (path, link) => {
    expect(fulltextLink(path)).toBe(link);
  });
});
