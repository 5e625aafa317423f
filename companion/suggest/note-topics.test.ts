import { describe, expect, it } from 'vitest';
import { readNoteMeta } from '../../utils/core/note-meta';
import { locateFrontmatter } from '../../utils/core/note';
import { detachTopics, readNoteTopics, type NoteTopics } from './note-topics';

function topicsOf(text: string) {
  const body = text.slice(locateFrontmatter(text)?.end ?? 0);
  return readNoteTopics('Grid', readNoteMeta(text), body);
}

describe('readNoteTopics', () => {
  it('reads headings, the prose and each callout, skipping fenced code', () => {
    const text = [
      '---',
      'title: Grid',
      'description: Power lines and batteries',
      'keywords: grid, storage',
      '---',
      '# Grid',
      '',
      'Batteries cover the evening peak.',
      'Second line of the same paragraph.',
      '',
      'A later paragraph.',
      '',
      '```',
      '## not a heading',
      '> [!ref] Not - A callout',
      '```',
      '## Storage',
      '',
      '> [!ref] Ars Technica - Batteries beat gas',
      '> https://arstechnica.com/science/batteries',
      '> Why it matters: Cheaper at sunset.',
      '',
      '> [!note] Untitled',
      '> just text',
      '',
    ].join('\r\n');
    expect(topicsOf(text)).toEqual({
      title: 'Grid',
      aliases: [],
      tags: [],
      keywords: ['grid', 'storage'],
      description: 'Power lines and batteries',
      headings: ['Storage'],
      opening: 'Batteries cover the evening peak. Second line of the same paragraph. A later paragraph.',
      sources: [
        {
          publisher: 'Ars Technica',
          title: 'Batteries beat gas',
          why: 'Cheaper at sunset.',
          url: 'https://arstechnica.com/science/batteries',
        },
        { publisher: '', title: 'Untitled', why: 'just text', url: '' },
      ],
      sourceNote: false,
    });
  });

  it('reads a prose line starting with a mark as prose', () => {
    const topics = topicsOf(['# Grid', '#hashtag first words', '> plain quote', '\r', 'Later.'].join('\n'));
    expect(topics.opening).toBe('#hashtag first words > plain quote Later.');
  });

  it("reads a journal note's prose past its link line and keyword row, without markup or links to other notes", () => {
    const text = [
      '---',
      'title: Tidal barrages',
      'keywords:',
      '  - tides',
      '---',
      '# Tidal barrages',
      '',
      '*related:* [[Wave Energy]] · [[Estuaries]]',
      '',
      '<div class="keyword-row">',
      '  <span class="inline-keyword">tides</span>',
      '</div>',
      '',
      'A barrage turns a whole estuary into a <span class="claim">slow, certain</span> power plant.',
      '',
      '## signals',
      '- Mudflats shrink behind the wall, as at [[La Rance]] in Brittany.',
      '',
      '## sources',
      '> [!ref] BBC - Swansea lagoon shelved',
      '> https://www.bbc.com/news/swansea',
      '',
      '## linkage',
      '<ul><li>[[Wave Energy]]</li></ul>',
    ].join('\n');
    expect(topicsOf(text).opening).toBe(
      'tides A barrage turns a whole estuary into a slow, certain power plant. ' +
        '- Mudflats shrink behind the wall, as at in Brittany.',
    );
  });

  it.each([
    ['an unclosed wiki link, as text', 'Costs rose [[Grid and kept rising', 'Costs rose [[Grid and kept rising'],
    ['a short line with an unclosed wiki link, as text', 'See [[Grid', 'See [[Grid'],
    ['a less-than sign, as text', 'Output a < b when c > d', 'Output a < b when c > d'],
    ['an unclosed tag, as text', 'Output <b when the rest', 'Output <b when the rest'],
    ['a comment', '<!-- draft --> Tides turn twice a day', 'Tides turn twice a day'],
    ['a link with a shown name', 'See [[tides|the tides note]] for the monthly tables', 'See for the monthly tables'],
    [
      'a line of links with a long label',
      'Read these before the next survey: [[A]] [[B]]',
      'Read these before the next survey:',
    ],
    ['a line of links only', '[[A]], [[B]] and [[C]]', ''],
  ])('reads %s', (_, line, opening) => {
    expect(topicsOf(['# Grid', line].join('\n')).opening).toBe(opening);
  });

  it('cuts the prose at 600 characters', () => {
    const paragraph = 'Pumped hydro stores water uphill for later. '.repeat(10);
    const topics = topicsOf(['# Grid', paragraph, '', paragraph].join('\n'));
    expect(topics.opening).toBe(`${paragraph.trim()} ${paragraph}`.slice(0, 600));
  });
});

describe('detachTopics', () => {
  const topics: NoteTopics = {
    title: 'Grid',
    aliases: ['Power grid'],
    tags: ['energy', ''],
    keywords: [],
    description: 'Lines',
    headings: ['Storage'],
    opening: 'Batteries cover the evening peak.',
    sources: [{ publisher: 'Ars', title: 'Batteries', why: '', url: 'https://arstechnica.com/a' }],
    sourceNote: false,
  };

  it('gives the same topics, empty strings included', () => {
    expect(detachTopics(topics)).toEqual(topics);
  });

  it('gives the same topics when a text holds the character it joins them with', () => {
    const odd = { ...topics, opening: 'a\u0000b' };
    expect(detachTopics(odd)).toEqual(odd);
  });
});
