/**
 * Unicode letter classes with an ASCII fast path. A `\p{…}` pattern builds its Unicode tables the first time it runs,
 * which on a freshly injected extractor costs more than the test itself (issue 16: a clip is a cold run). Most names,
 * labels and tags a page declares are ASCII, where `\p{L}` is `[A-Za-z]`, `\p{Lu}` `[A-Z]`, `\p{Ll}` `[a-z]` and
 * `\p{N}` `[0-9]`: each pattern below comes as such a pair, and the Unicode one runs only on text outside ASCII.
 */

/** Any UTF-16 code unit outside ASCII (astral characters are surrogates, so they count too). */
const NON_ASCII = /[\u0080-\uffff]/;

export function isAscii(text: string): boolean {
  return !NON_ASCII.test(text);
}

/** `ascii` (the same pattern with its Unicode classes spelled in ASCII) for ASCII text, else `unicode`. */
export function patternFor(text: string, ascii: RegExp, unicode: RegExp): RegExp {
  return isAscii(text) ? ascii : unicode;
}

/** Whether `text` holds a letter. */
export function hasLetter(text: string): boolean {
  return patternFor(text, /[A-Za-z]/, /\p{L}/u).test(text);
}

/** Whether `text` holds a lower-case letter. */
export function hasLowerCase(text: string): boolean {
  return patternFor(text, /[a-z]/, /\p{Ll}/u).test(text);
}

/** Whether `text` opens with a capital. */
export function isCapitalised(text: string): boolean {
  return patternFor(text, /^[A-Z]/, /^\p{Lu}/u).test(text);
}

/** "CNN", "AP", "PTI": capitals only, two to five, too short for a name. */
export function isAcronym(text: string): boolean {
  return patternFor(text, /^[A-Z]{2,5}$/, /^\p{Lu}{2,5}$/u).test(text);
}
