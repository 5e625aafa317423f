/**
 * `compute` remembered for up to `limit` distinct inputs, all forgotten at once when the limit is reached: cheaper
 * than an LRU, and enough for what it is for, a large note's URLs read again on every clip into it (issue 14: a
 * clip into a note of 100,000 callouts parsed 100,000 URLs once per pass).
 */
export function memoised<T>(compute: (input: string) => T, limit: number): (input: string) => T {
  const remembered = new Map<string, T>();
  return (input) => {
    const known = remembered.get(input);
    if (known !== undefined) return known;
    const value = compute(input);
    if (remembered.size >= limit) remembered.clear();
    remembered.set(input, value);
    return value;
  };
}
