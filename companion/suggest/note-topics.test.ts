import { describe, expect, it } from 'vitest';
import { readNoteMeta } from '../../utils/core/note-meta';
import { locateFrontmatter } from '../../utils/core/note';
import { detachTopics, readNoteTopics, type NoteTopics } from './note-topics';

function topicsOf(text: string) {
  const body = text.slice(locateFrontmatter(text)?.end ?? 0);
  return readNoteTopics('Grid', readNoteMeta(text), body);
}

describe('readNoteTopics', () => {
  it('reads headings, the opening paragraph and each callout, skipping fenced code', () => {
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
      opening: 'Batteries cover the evening peak. Second line of the same paragraph.',
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

  it('reads a prose line starting with a mark as prose, and a CRLF blank line as blank', () => {
    const topics = topicsOf(['# Grid', '#hashtag first words', '> plain quote', '\r', 'Later.'].join('\n'));
    expect(topics.opening).toBe('#hashtag first words > plain quote');
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
