import { describe, expect, it } from 'vitest';
import { memoised } from './memo';

describe('memoised', () => {
  it('computes each input once, and forgets everything once the limit is reached', () => {
    const computed: string[] = [];
    const upper = memoised((input) => {
      computed.push(input);
      return input.toUpperCase();
    }, 2);
    expect([upper('a'), upper('b'), upper('a'), upper('b')]).toEqual(['A', 'B', 'A', 'B']);
    expect(computed).toEqual(['a', 'b']);
    expect(upper('c')).toBe('C');
    expect([upper('c'), upper('a')]).toEqual(['C', 'A']);
    expect(computed).toEqual(['a', 'b', 'c', 'a']);
  });
});
