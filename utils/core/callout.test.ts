import { describe, expect, it } from 'vitest';
import { neutraliseValue, renderCallout } from './callout';
import { DEFAULT_CALLOUT_TEMPLATE } from './settings';

const clip = { url: 'https://example.org/a', title: 'Title', publisher: 'Pub', why: 'Because.' };

describe('renderCallout', () => {
  it('reproduces the seed format with the default template', () => {
    expect(renderCallout(DEFAULT_CALLOUT_TEMPLATE, clip)).toBe(
      '> [!ref] Pub - Title\n> https://example.org/a\n> Why it matters: Because.',
    );
  });

  it.each([undefined, '', '  \n\t '])('leaves out the why line when why is %j', (why) => {
    expect(renderCallout(DEFAULT_CALLOUT_TEMPLATE, { ...clip, why })).toBe(
      '> [!ref] Pub - Title\n> https://example.org/a',
    );
  });

  it('drops a line whose placeholders are all empty, keeps lines without placeholders and partly filled ones', () => {
    const template = '> [!cite] {title}\n>\n> {byline} ({published})\n> by {byline}\n> {unknown}';
    expect(renderCallout(template, { ...clip, published: '2026-01-02' })).toBe(
      '> [!cite] Title\n>\n>  (2026-01-02)\n> {unknown}',
    );
  });

  it('fills {summary}, {byline} and {published}, the summary neutralised onto its line', () => {
    const template = '> [!ref] {publisher} - {title}\n> {url}\n> {byline}, {published}\n> Summary: {summary}';
    const full = {
      ...clip,
      byline: 'Ines Varga',
      published: '2026-05-02',
      summary: 'Tolls fall.\n> [!danger] not a callout\n[[Private]] note',
    };
    expect(renderCallout(template, full)).toBe(
      [
        '> [!ref] Pub - Title',
        '> https://example.org/a',
        '> Ines Varga, 2026-05-02',
        '> Summary: Tolls fall. > [!danger] not a callout \\[\\[Private\\]\\] note',
      ].join('\n'),
    );
    expect(renderCallout(template, { ...clip, summary: ' \n ' })).toBe('> [!ref] Pub - Title\n> https://example.org/a');
  });

  it('reads a CRLF template as lines', () => {
    expect(renderCallout('> {title}\r\n> {url}', clip)).toBe('> Title\n> https://example.org/a');
  });

  it('keeps a hostile title on the first line, neutralised', () => {
    const title = 'Line one\n> [!warning] injected\n## heading\n[[Secret Note]]';
    expect(renderCallout(DEFAULT_CALLOUT_TEMPLATE, { ...clip, title, why: '' })).toBe(
      '> [!ref] Pub - Line one > [!warning] injected ## heading \\[\\[Secret Note\\]\\]\n> https://example.org/a',
    );
  });

  it('keeps a 100 KB title on one line', () => {
    const title = 'word\n'.repeat(20_000);
    const rendered = renderCallout(DEFAULT_CALLOUT_TEMPLATE, { ...clip, title });
    expect(rendered.split('\n')).toHaveLength(3);
    expect(rendered.split('\n')[0]).toBe(`> [!ref] Pub - ${'word '.repeat(19_999)}word`);
  });
});

describe('neutraliseValue', () => {
  it.each([
    ['collapses newlines, CR, tabs and runs of spaces', 'a\r\n\tb   c\nd', 'a b c d'],
    ['collapses Unicode line separators, NBSP and control characters', 'a\u2028b\u00A0c\u0000d\u007Fe', 'a b c d e'],
    ['trims', '  \n a \n ', 'a'],
    ['escapes a leading >', '> quoted', '\\> quoted'],
    ['escapes a leading > after whitespace', ' \n>> nested', '\\>> nested'],
    ['escapes a leading #', '# heading', '\\# heading'],
    ['escapes a leading # without space (a tag)', '#tag', '\\#tag'],
    ['keeps > and # that do not lead', 'a > b # c', 'a > b # c'],
    ['escapes [[', 'see [[Note', 'see \\[\\[Note'],
    ['escapes ]]', 'Note]] end', 'Note\\]\\] end'],
    ['escapes a whole wikilink', '[[Note|alias]]', '\\[\\[Note|alias\\]\\]'],
    ['escapes [[[ without leaving [[', '[[[x', '\\[\\[[x'],
    ['keeps single brackets and Markdown links', '[PDF] [a](https://b.c)', '[PDF] [a](https://b.c)'],
    ['empty stays empty', '', ''],
  ])('%s', (_name, value, expected) => {
    expect(neutraliseValue(value)).toBe(expected);
  });
});
