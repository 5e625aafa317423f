import fc from 'fast-check';
import { expect, it } from 'vitest';
import { latinFuzzy } from './fuzzy-matchers';
import { candidates, letterMask } from './letter-mask';

const text = (max: number) =>
  fc
    .array(fc.constantFrom(..."abcdeinorstuAEIRT0123456789 -/·éü'".split('')), { maxLength: max })
    .map((chars) => chars.join(''));

it('never drops an entry uFuzzy would match', () => {
  fc.assert(
    fc.property(fc.array(text(40), { minLength: 1, maxLength: 60 }), text(12), (haystack, needle) => {
      const terms = latinFuzzy.split(needle);
      if (terms.length === 0) return;
      const matched = latinFuzzy.filter(haystack, needle) ?? [];
      const possible = candidates(haystack.map(letterMask), [...haystack.keys()], terms);
      if (possible === null) return;
      const kept = new Set(possible);
      expect(matched.filter((position) => !kept.has(position))).toEqual([]);
    }),
    { numRuns: 2000 },
  );
});

it('drops entries lacking a first letter or two other letters of a term', () => {
  const haystack = ['grid batteries', 'rigid frame', 'grit', 'heat pumps 2024'];
  const masks = haystack.map(letterMask);
  expect(candidates(masks, [0, 1, 2, 3], ['grid'])).toEqual([0, 1, 2]);
  expect(candidates(masks, [0, 1, 2, 3], ['grxyd'])).toEqual([]);
  expect(candidates(masks, [0, 1, 2, 3], ['heat', '2024'])).toEqual([3]);
  expect(candidates(masks, [0, 1, 2, 3], ['café'])).toBeNull();
});
