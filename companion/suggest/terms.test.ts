import { describe, expect, it } from 'vitest';
import { eachTerm, stemOf, terms, urlTerms } from './terms';

function allTerms(text: string): [term: string, word: string][] {
  const found: [string, string][] = [];
  eachTerm(text, 0, { add: (term, word) => found.push([term, word]) });
  return found;
}

describe('eachTerm', () => {
  it('splits ASCII text into lower-case words of two or more letters or digits, without stop words, plurals folded', () => {
    expect(allTerms('The Batteries of 2024: a grid-scale glass status,tools x86')).toEqual([
      ['battery', 'batteries'],
      ['2024', '2024'],
      ['grid', 'grid'],
      ['scale', 'scale'],
      ['glass', 'glass'],
      ['status', 'status'],
      ['tool', 'tools'],
      ['x86', 'x86'],
    ]);
  });

  it('keeps repeats and the last word of the text', () => {
    expect(allTerms('wind, wind power')).toEqual([
      ['wind', 'wind'],
      ['wind', 'wind'],
      ['power', 'power'],
    ]);
  });

  it('splits text beyond ASCII on Unicode letters and digits', () => {
    expect(terms('Énergie éolienne: Windräder im Nordmeer')).toEqual([
      'énergie',
      'éolienne',
      'windräder',
      'im',
      'nordmeer',
    ]);
  });
});

describe('stemOf', () => {
  it("gives Porter's stem, less an agent noun's -er, and leaves short words and overlong terms alone", () => {
    const words = ['tracker', 'tracking', 'tracked', 'viewer', 'viewing', 'shorteners', 'shortening', 'water', 'timer'];
    expect(words.map(stemOf)).toEqual([
      'track',
      'track',
      'track',
      'view',
      'view',
      'shorten',
      'shorten',
      'water',
      'timer',
    ]);
    expect(stemOf(`${'x'.repeat(30)}ing`)).toBe(`${'x'.repeat(30)}ing`);
  });
});

describe('urlTerms', () => {
  it('gives the host without www, its registrable domain, and the words of the path', () => {
    expect(urlTerms('https://www.blog.example.co.uk/Wind-Farms/2024')).toEqual({
      hosts: ['blog.example.co.uk', 'example.co.uk'],
      path: ['wind', 'farm', '2024'],
    });
    expect(urlTerms('mailto:someone@example.org')).toEqual({ hosts: [], path: [] });
  });
});
