import { describe, expect, it } from 'vitest';
import type { SuggestPage } from '../../utils/core/companion-api';
import { recordNote } from '../vault/note-record';
import { SuggestIndex } from './suggest-index';

function note(title: string, options: { tags?: string[]; intro?: string; sources?: string[][] } = {}): string {
  const sources = (options.sources ?? []).map(
    ([head, url, why]) => `> [!ref] ${head}\n> ${url}\n> Why it matters: ${why}`,
  );
  return [
    '---',
    `title: ${title}`,
    `tags: [${(options.tags ?? []).join(', ')}]`,
    '---',
    `# ${title}`,
    '',
    options.intro ?? '',
    '',
    '## sources',
    sources.join('\n\n'),
    '',
  ].join('\n');
}

function indexOf(notes: [path: string, text: string, mtime: number][]): SuggestIndex {
  const index = new SuggestIndex();
  for (const [path, text, mtime] of notes) {
    const { note: indexed, topics } = recordNote(path, text, mtime);
    index.upsert(path, topics, mtime, indexed.tags);
  }
  return index;
}

const page = (url: string, title: string, excerpt = ''): SuggestPage => ({ url, title, excerpt });

describe('SuggestIndex', () => {
  it('puts a note citing pages from the same site above notes that only share a common word', () => {
    const index = indexOf([
      ['energy-a.md', note('Wind farms', { intro: 'Energy from wind.' }), 4],
      ['energy-b.md', note('Solar roofs', { intro: 'Energy from the sun.' }), 3],
      ['energy-c.md', note('Tidal power', { intro: 'Energy from tides.' }), 2],
      [
        'chips.md',
        note('Chip fabs', {
          sources: [
            ['Ars Technica - TSMC opens a plant', 'https://arstechnica.com/gadgets/tsmc', 'Capacity.'],
            ['Ars Technica - Intel delays', 'https://arstechnica.com/gadgets/intel', 'Schedules slip.'],
          ],
        }),
        1,
      ],
    ]);
    const found = index.suggest(page('https://arstechnica.com/science/grid', 'Energy prices fall'), 5);
    expect(found.map((entry) => entry.path)).toEqual(['chips.md', 'energy-a.md', 'energy-b.md', 'energy-c.md']);
    expect(found[0]!.reasons[0]).toBe('cites 2 pages from arstechnica.com');
  });

  it('counts tags and title words, the title above the tag', () => {
    const index = indexOf([
      ['gardening.md', note('Gardening', { tags: ['plants'] }), 5],
      ['heat.md', note('Heat pumps', { tags: ['buildings'] }), 1],
      ['retrofit.md', note('Retrofits', { tags: ['heat-pump', 'insulation'] }), 2],
    ]);
    const found = index.suggest(page('https://example.org/a', 'Which heat pump to buy'), 5);
    expect(found.map((entry) => [entry.path, entry.reasons[0]])).toEqual([
      ['heat.md', 'title: heat'],
      ['retrofit.md', 'tag: heat-pump'],
    ]);
  });

  it('breaks ties by how recently the note was modified', () => {
    const same = note('Rail freight', { intro: 'Trains move goods.' });
    const index = indexOf([
      ['old.md', same, 1_000],
      ['newest.md', same, 3_000],
      ['middle.md', same, 2_000],
    ]);
    const found = index.suggest(page('https://example.org/rail', 'Rail freight grows'), 5);
    expect(found.map((entry) => entry.path)).toEqual(['newest.md', 'middle.md', 'old.md']);
    expect(new Set(found.map((entry) => entry.score)).size).toBe(1);
  });

  it('honours the limit, forgets removed notes and ranks a replaced note by its new text', () => {
    const index = indexOf([
      ['a.md', note('Ferries'), 1],
      ['b.md', note('Ferry timetables'), 2],
      ['c.md', note('Canals'), 3],
    ]);
    expect(index.suggest(page('https://example.org/f', 'Ferry news'), 1).map((entry) => entry.path)).toEqual(['a.md']);
    index.remove('a.md');
    const { topics } = recordNote('c.md', note('Canal ferries'), 4);
    index.upsert('c.md', topics, 4, []);
    expect(index.suggest(page('https://example.org/f', 'Ferry news'), 5).map((entry) => entry.path)).toEqual([
      'c.md',
      'b.md',
    ]);
  });

  it('matches a word by its stem too, weaker than the same word', () => {
    const index = indexOf([
      ['habits.md', note('Habit monitoring'), 1],
      ['journals.md', note('Habit journals'), 2],
      ['hearts.md', note('Heart monitors'), 3],
      ['birds.md', note('Bird ringing'), 4],
      ['ferns.md', note('Fern growing'), 5],
    ]);
    const found = index.suggest(page('https://example.org/app', 'A habit monitored'), 5);
    expect(found.map((entry) => [entry.path, entry.reasons])).toEqual([
      ['habits.md', ['title: habit']],
      ['journals.md', ['title: habit']],
      ['hearts.md', ['title: monitor']],
    ]);
  });

  it('weighs a word by how often the page uses it', () => {
    const index = indexOf([
      ['solar.md', note('Solar power'), 1],
      ['wind.md', note('Wind power'), 2],
    ]);
    const found = index.suggest(page('https://example.org/p', 'Solar and wind', 'Solar roofs, solar farms.'), 5);
    expect(found.map((entry) => entry.path)).toEqual(['solar.md', 'wind.md']);
  });

  it('looks up two neighbouring words of the page joined, at half weight', () => {
    const index = indexOf([
      ['joined.md', note('Selfhosted services'), 1],
      ['apart.md', note('Hosted services'), 2],
      ['hosting.md', note('Hosting costs'), 3],
      ['bread.md', note('Sourdough bread'), 4],
    ]);
    const found = index.suggest(page('https://example.org/s', 'Self hosted'), 5);
    expect(found.map((entry) => [entry.path, entry.reasons[0]])).toEqual([
      ['apart.md', 'title: hosted'],
      ['joined.md', 'title: selfhosted'],
      ['hosting.md', 'title: hosting'],
    ]);
  });

  it("ranks a journal note by its prose past the first paragraph, not by its links to other notes' titles", () => {
    const journal = [
      '# Tidal barrages',
      '',
      '*see also:* [[Wave buoys]]',
      '',
      'A barrage turns an estuary into a power plant.',
      '',
      '## signals',
      '- Mudflats and wading birds lose ground behind the wall.',
    ].join('\n');
    const index = indexOf([
      ['tides.md', journal, 1],
      ['waves.md', note('Wave buoys', { intro: 'Buoys ride the swell.' }), 2],
      ['birds.md', note('Garden birds', { intro: 'Feeders in winter.' }), 3],
    ]);
    const wading = index.suggest(
      page('https://example.org/w', 'Mudflats vanish', 'Wading birds lose feeding grounds.'),
      5,
    );
    expect(wading.map((entry) => [entry.path, entry.reasons[0]])).toEqual([
      ['tides.md', 'about mudflats'],
      ['birds.md', 'title: birds'],
    ]);
    const buoys = index.suggest(page('https://example.org/b', 'Wave buoys at sea'), 5);
    expect(buoys.map((entry) => entry.path)).toEqual(['waves.md']);
  });

  it('suggests nothing for a page that shares nothing with the vault', () => {
    const index = indexOf([['a.md', note('Ferries'), 1]]);
    expect(index.suggest(page('not a url', 'Quantum chromodynamics'), 5)).toEqual([]);
  });
});
