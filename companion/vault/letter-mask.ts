/**
 * A cheap pre-filter for fuzzy search: each haystack entry keeps a mask of the ASCII letters and digits it holds,
 * and a query term can only match an entry holding the term's first character and all but one of its other
 * characters (uFuzzy's single-error mode never touches the first character and tolerates one wrong or missing
 * one). Testing 50,000 masks costs a fraction of a millisecond; the regexes then run on what is left.
 */

/**
 * Bit of one character: `a`-`z` (any case) 0-25, digits share bits 26-29; other characters have none. Masks stay
 * below 2^30 so V8 keeps them as small integers.
 */
function bitOf(code: number): number {
  if (code >= 65 && code <= 90) return 1 << (code - 65);
  if (code >= 97 && code <= 122) return 1 << (code - 97);
  if (code >= 48 && code <= 57) return 1 << (26 + ((code - 48) % 4));
  return 0;
}

export function letterMask(text: string): number {
  let mask = 0;
  for (let i = 0; i < text.length; i++) mask |= bitOf(text.charCodeAt(i));
  return mask;
}

/**
 * The `positions` whose masks may match every term (split as uFuzzy splits the query): a superset of uFuzzy's
 * matches, never missing one (`allowedMissing` 0 for uFuzzy's exact mode, where every character must be there). `null` when a term holds other characters than ASCII letters and digits (accents,
 * apostrophes), which uFuzzy treats in ways the masks do not model.
 */
export function candidates(
  masks: ArrayLike<number>,
  positions: readonly number[],
  terms: string[],
  allowedMissing: 0 | 1 = 1,
): number[] | null {
  if (terms.some((term) => !/^[A-Za-z0-9]+$/.test(term))) return null;
  let firsts = 0;
  const rests: number[] = [];
  for (const term of terms) {
    const first = bitOf(term.charCodeAt(0));
    firsts |= first;
    rests.push(letterMask(term.slice(1)) & ~first);
  }
  const found: number[] = [];
  const termCount = rests.length;
  outer: for (const position of positions) {
    const mask = masks[position]!;
    if ((mask & firsts) !== firsts) continue;
    for (let term = 0; term < termCount; term++) {
      const missing = rests[term]! & ~mask;
      if (allowedMissing === 0 ? missing !== 0 : (missing & (missing - 1)) !== 0) continue outer;
    }
    found.push(position);
  }
  return found;
}
