/**
 * A sharper pre-filter than the letter masks: for each pair of adjacent ASCII letters or digits (any case), a bitset of
 * the haystack entries holding it. A term matched without typos holds all its letter pairs; uFuzzy's single-error
 * mode changes one character after the first (substitution, transposition, omission or insertion), which breaks at
 * most three consecutive pairs of the term, so every other pair is still in the entry. ANDing 32 entries per word,
 * a query's candidates come out of a few thousand word operations instead of a regex per entry.
 */

const SYMBOLS = 36;
const PAIRS = SYMBOLS * SYMBOLS;
/** Consecutive pairs of a term one error may break: a transposition breaks three, the others two or one. */
const BROKEN_BY_ONE_ERROR = 3;

/** `a`-`z` (any case) 0-25, digits 26-35, anything else -1 (it breaks the pair). */
function symbolOf(code: number): number {
  if (code >= 97 && code <= 122) return code - 97;
  if (code >= 65 && code <= 90) return code - 65;
  if (code >= 48 && code <= 57) return code - 22;
  return -1;
}

function pairsOf(text: string): number[] {
  const pairs: number[] = [];
  let previous = -1;
  for (let i = 0; i < text.length; i++) {
    const symbol = symbolOf(text.charCodeAt(i));
    if (previous >= 0 && symbol >= 0) pairs.push(previous * SYMBOLS + symbol);
    previous = symbol;
  }
  return pairs;
}

export class BigramSets {
  private words = 0;
  private bits = new Uint32Array(0);

  /** Records `text` as the entry at `position`, replacing `previous` (the entry's old text, if any). */
  set(position: number, text: string, previous?: string): void {
    if (previous !== undefined) this.clear(position, previous);
    if (position >= this.words * 32) this.grow(position + 1);
    const word = position >>> 5;
    const bit = 1 << (position & 31);
    for (const pair of pairsOf(text)) this.bits[pair * this.words + word]! |= bit;
  }

  /** Forgets the entry `text` at `position`. */
  clear(position: number, text: string): void {
    const word = position >>> 5;
    const bit = ~(1 << (position & 31));
    for (const pair of pairsOf(text)) this.bits[pair * this.words + word]! &= bit;
  }

  /** Makes room for `count` entries at once, rather than doubling (and copying) its way there. */
  reserve(count: number): void {
    if (count > this.words * 32) this.grow(count);
  }

  private grow(count: number): void {
    const words = Math.max(32, this.words * 2, Math.ceil(count / 32));
    const bits = new Uint32Array(PAIRS * words);
    for (let pair = 0; pair < PAIRS; pair++) {
      bits.set(this.bits.subarray(pair * this.words, (pair + 1) * this.words), pair * words);
    }
    this.words = words;
    this.bits = bits;
  }

  /**
   * Positions below `count` that may match every term (lower-case ASCII letters only; other terms are not filtered):
   * with `allowedErrors` 0 all pairs present, with 1 what uFuzzy's single-error variants of the term keep.
   */
  candidates(count: number, terms: string[], allowedErrors: 0 | 1): number[] {
    const tests = terms
      .filter((term) => /^[a-z]+$/.test(term))
      .map((term) => (allowedErrors === 0 || term.length <= 2 ? this.exactTest(term) : this.typoTest(term)));
    const used = Math.min(this.words, Math.ceil(count / 32));
    const found: number[] = [];
    for (let word = 0; word < used; word++) {
      let kept = word === used - 1 && count % 32 !== 0 ? (1 << (count % 32)) - 1 : -1;
      for (const test of tests) {
        if (kept === 0) break;
        kept &= test(word);
      }
      while (kept !== 0) {
        const low = kept & -kept;
        found.push(word * 32 + 31 - Math.clz32(low));
        kept ^= low;
      }
    }
    return found;
  }

  private rows(pairs: string[]): number[] {
    return pairs.flatMap((pair) => pairsOf(pair).map((index) => index * this.words));
  }

  private exactTest(term: string): (word: number) => number {
    const row = this.rows([term]);
    return (word) => this.all(row, word);
  }

  /**
   * uFuzzy lets terms of three or four letters have one transposition after the first letter (`abc` → `acb`) or, at
   * four, one extra character after the first (`a?bcd`); longer terms any single error after the first letter.
   */
  private typoTest(term: string): (word: number) => number {
    const [a = '', b = '', c = '', d = ''] = term;
    if (term.length >= 5) {
      const row = this.rows([term]);
      return (word) => this.allButWindow(row, word);
    }
    const variants =
      term.length === 3
        ? [
            [a + b, b + c],
            [a + c, c + b],
          ]
        : [
            [a + b, b + c],
            [b + c, c + d],
            [a + b, c + d],
            [a + c, c + b, b + d],
            [a + b, b + d, d + c],
          ];
    const rows = variants.map((pairs) => this.rows(pairs));
    return (word) => {
      let kept = 0;
      for (const row of rows) kept |= this.all(row, word);
      return kept;
    };
  }

  private all(row: number[], word: number): number {
    let kept = -1;
    for (const start of row) kept &= this.bits[start + word]!;
    return kept;
  }

  /** Entries holding every pair of the term outside some window of `BROKEN_BY_ONE_ERROR` consecutive pairs. */
  private allButWindow(row: number[], word: number): number {
    const last = row.length - BROKEN_BY_ONE_ERROR;
    if (last <= 0) return -1;
    const suffix: number[] = new Array<number>(row.length + 1);
    suffix[row.length] = -1;
    for (let i = row.length - 1; i >= BROKEN_BY_ONE_ERROR; i--) suffix[i] = suffix[i + 1]! & this.bits[row[i]! + word]!;
    let prefix = -1;
    let kept = 0;
    for (let start = 0; start <= last; start++) {
      kept |= prefix & suffix[start + BROKEN_BY_ONE_ERROR]!;
      prefix &= this.bits[row[start]! + word]!;
    }
    return kept;
  }
}
