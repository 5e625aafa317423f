import { describe, expect, it } from 'vitest';
import { addTag, normaliseTag, suggestTags } from './tag-suggestions';

describe('normaliseTag', () => {
  it.each([
    ['#energy', 'energy'],
    ['  ##climate policy ', 'climate-policy'],
    ['a,b', 'a-b'],
    ['   ', ''],
    ['#', ''],
  ])('%j → %j', (raw, expected) => expect(normaliseTag(raw)).toBe(expected));
});

describe('suggestTags', () => {
  const vault = [
    { tag: 'energy', count: 3 },
    { tag: 'renewable-energy', count: 9 },
    { tag: 'energy-policy', count: 5 },
    { tag: 'transport', count: 7 },
  ];

  it('puts tags starting with the typed text before those containing it, then by count', () => {
    expect(suggestTags('ener', vault, [])).toEqual(['energy-policy', 'energy', 'renewable-energy']);
  });

  it('leaves out chosen tags (any case) and suggests nothing before typing', () => {
    expect(suggestTags('#Ener', vault, ['ENERGY'])).toEqual(['energy-policy', 'renewable-energy']);
    expect(suggestTags(' ', vault, [])).toEqual([]);
  });
});

describe('addTag', () => {
  it('appends a new tag once, keeping the first spelling', () => {
    expect(addTag(['Energy'], '#energy')).toEqual(['Energy']);
    expect(addTag(['Energy'], ' grid storage')).toEqual(['Energy', 'grid-storage']);
    expect(addTag(['Energy'], '#')).toEqual(['Energy']);
  });

  it("takes the vault's spelling of a tag it already has", () => {
    const vault = [
      { tag: 'storage', count: 3 },
      { tag: 'GridScale', count: 1 },
    ];
    expect(addTag([], '#Storage', vault)).toEqual(['storage']);
    expect(addTag(['energy'], 'gridscale', vault)).toEqual(['energy', 'GridScale']);
    expect(addTag([], 'Tidal', vault)).toEqual(['Tidal']);
  });
});
