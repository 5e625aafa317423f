import fc from 'fast-check';
import { expect, it, vi } from 'vitest';
import { BigramSets } from './bigram-sets';
import { latinExact, latinFuzzy } from './fuzzy-matchers';

// The property runs take about 4 s on an idle 2-core machine and several times that when it is shared.
vi.setConfig({ testTimeout: 60_000 });

const text = (alphabet: string, max: number) =>
  fc.array(fc.constantFrom(...alphabet.split('')), { maxLength: max }).map((chars) => chars.join(''));

/** Few letters, so that random entries share many pairs with random terms and near-misses are common. */
const entry = text("abcdeorABER01 -/·é'", 40);
const needle = fc.oneof(text('abcdeor', 8), text('abcdeorAB01 é', 12));

function indexed(haystack: string[]): BigramSets {
  const sets = new BigramSets();
  haystack.forEach((entryText, position) => sets.set(position, entryText));
  return sets;
}

it('never drops an entry uFuzzy would match, with or without typos', () => {
  fc.assert(
    fc.property(fc.array(entry, { minLength: 1, maxLength: 70 }), needle, (haystack, query) => {
      const sets = indexed(haystack);
      for (const [fuzzy, allowedErrors] of [
        [latinExact, 0],
        [latinFuzzy, 1],
      ] as const) {
        const terms = fuzzy.split(query);
        if (terms.length === 0) continue;
        const kept = new Set(sets.candidates(haystack.length, terms, allowedErrors));
        const matched = fuzzy.filter(haystack, query) ?? [];
        expect(matched.filter((position) => !kept.has(position))).toEqual([]);
      }
    }),
    { numRuns: 3000 },
  );
});

/** A word, and an entry holding it with one edit after its first letter: the near-misses uFuzzy's typo mode is for. */
const nearMiss = fc
  .tuple(text('abcdeor', 9), fc.nat(), fc.constantFrom('sub', 'swap', 'drop', 'add'), fc.constantFrom(...'abexyz'))
  .filter(([word]) => word.length >= 2)
  .map(([word, at, edit, letter]) => {
    const i = 1 + (at % (word.length - 1));
    const edited =
      edit === 'sub'
        ? word.slice(0, i) + letter + word.slice(i + 1)
        : edit === 'swap' && i + 1 < word.length
          ? word.slice(0, i) + word[i + 1]! + word[i]! + word.slice(i + 2)
          : edit === 'drop'
            ? word.slice(0, i) + word.slice(i + 1)
            : word.slice(0, i) + letter + word.slice(i);
    return { word, entryText: `x ${edited.toUpperCase()} y` };
  });

it('keeps every near-miss uFuzzy matches', () => {
  fc.assert(
    fc.property(nearMiss, ({ word, entryText }) => {
      const sets = indexed([entryText]);
      const matched = latinFuzzy.filter([entryText], word) ?? [];
      expect(sets.candidates(1, latinFuzzy.split(word), 1)).toEqual(expect.arrayContaining(matched));
    }),
    { numRuns: 3000 },
  );
});

it('keeps entries with one typo in a long term and drops those with two', () => {
  const haystack = ['Rocket launch', 'rcoket', 'rokcet', 'rkcoet', 'racket science', 'pocket'];
  const sets = indexed(haystack);
  expect(sets.candidates(6, ['rocket'], 0)).toEqual([0]);
  expect(latinFuzzy.filter(haystack, 'rokcet')).toEqual([0, 2]);
  expect(sets.candidates(6, ['rokcet'], 1)).toEqual([0, 2, 4]);
});

it('filters short terms by the pairs uFuzzy keeps of them', () => {
  const sets = indexed(['grid', 'gird', 'gdir', 'giid', 'g rid']);
  expect(sets.candidates(5, ['gri'], 1)).toEqual([0, 1]);
  expect(sets.candidates(5, ['gr'], 1)).toEqual([0]);
  expect(sets.candidates(5, ['grid'], 1)).toEqual([0, 1, 4]);
  expect(latinFuzzy.filter(['g rid'], 'grid')).toEqual([]);
});

it('forgets replaced and cleared entries, across a growth of the sets', () => {
  const sets = new BigramSets();
  for (let position = 0; position < 2000; position++) sets.set(position, position % 2 === 0 ? 'solar panel' : 'wind');
  sets.set(4, 'tidal power', 'solar panel');
  sets.clear(1998, 'solar panel');
  const solar = sets.candidates(2000, ['solar'], 0);
  expect(solar).toHaveLength(998);
  expect(solar).not.toContain(4);
  expect(solar).not.toContain(1998);
  expect(sets.candidates(2000, ['tidal'], 0)).toEqual([4]);
  expect(sets.candidates(1500, ['wind'], 0)).toHaveLength(750);
});
