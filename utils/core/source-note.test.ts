import { describe, expect, it } from 'vitest';
import { createSourceNote, isSourceNoteOf } from './source-note';
import { sourceNoteLinkPath, sourcesFolderPath } from './source-note-path';

const request = {
  clip: {
    url: 'https://tidewater.example/2026/cranes',
    title: 'Harbour cranes: switch to "shore power"',
    publisher: 'Tidewater Ledger',
    byline: 'Mira Okafor',
    published: '2026-11-20',
    why: 'Quieter nights.',
  },
  tags: ['ports', '#energy'],
  date: '2026-12-03',
};

const MARKDOWN =
  '# Harbour cranes\r\n\r\nThe cranes run on [grid power](https://tidewater.example/grid).\u0000\n\n![A crane](https://cdn.tidewater.example/crane.jpg)\n\n';

describe('createSourceNote', () => {
  it('writes the frontmatter (title, url, author, published, site, tags, created) and the Markdown', () => {
    expect(createSourceNote(request, MARKDOWN)).toEqual({
      fileName: 'Harbour cranes switch to shore power.md',
      text:
        '---\n' +
        'title: \'Harbour cranes: switch to "shore power"\'\n' +
        'url: https://tidewater.example/2026/cranes\n' +
        'author: Mira Okafor\n' +
        'published: "2026-11-20"\n' +
        'site: Tidewater Ledger\n' +
        'tags:\n' +
        '  - ports\n' +
        '  - energy\n' +
        'created: 2026-12-03\n' +
        '---\n' +
        '\n' +
        '# Harbour cranes\n' +
        '\n' +
        'The cranes run on [grid power](https://tidewater.example/grid). \n' +
        '\n' +
        '![A crane](https://cdn.tidewater.example/crane.jpg)\n',
    });
  });

  it('leaves out an unknown author and date, and keeps a hostile title on one quoted line', () => {
    const hostile = { ...request.clip, title: 'yes\n---\ntitle: x', byline: ' ', published: undefined };
    expect(createSourceNote({ ...request, clip: hostile, tags: [] }, 'Text.').text).toBe(
      '---\ntitle: "yes --- title: x"\nurl: https://tidewater.example/2026/cranes\nsite: Tidewater Ledger\n' +
        'tags: []\ncreated: 2026-12-03\n---\n\nText.\n',
    );
  });
});

describe('isSourceNoteOf', () => {
  const note = createSourceNote(request, 'Text.').text;
  it.each<[string, string, boolean]>([
    ['the same URL', 'https://tidewater.example/2026/cranes', true],
    ['the same URL with tracking and a fragment', 'https://tidewater.example/2026/cranes?utm_source=x#top', true],
    ['another URL', 'https://tidewater.example/2026/ferries', false],
  ])('recognises %s', (_what, url, same) => {
    expect(isSourceNoteOf(note, url)).toBe(same);
  });

  it.each(['no frontmatter', '---\nurl: [broken\n---\n', '---\nurl: 7\n---\n'])('says no for %j', (text) => {
    expect(isSourceNoteOf(text, 'https://tidewater.example/2026/cranes')).toBe(false);
  });
});

describe('source note paths', () => {
  it.each<[string, string, string]>([
    ['sources', 'Title.md', 'sources/Title'],
    ['/reading//articles/ ', 'Title-2.md', 'reading/articles/Title-2'],
    ['', 'Title.md', 'Title'],
  ])('folder %j and file %j link as %j', (folder, fileName, link) => {
    expect(sourceNoteLinkPath(folder, fileName)).toBe(link);
    expect(sourcesFolderPath(folder)).toBe(link.split('/').slice(0, -1).join('/'));
  });
});
