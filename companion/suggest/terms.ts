import { stemmer } from 'stemmer';
import { parse } from 'tldts';
import { memoised } from '../../utils/core/memo';

/** Letters and digits in runs: the same words on both sides (note fields and page), in linear time. */
const WORD = /[\p{L}\p{N}]+/gu;

/**
 * English words too common to say anything about a topic. Ranking would give them almost no weight anyway (BM25's
 * idf); dropping them keeps the longest posting lists out of every query.
 */
const STOP_WORDS = new Set(
  (
    'an and are as at be but by can for from has have how in into is it its of on or our that the their this to ' +
    'was were what when where which who why will with you your not all any more most other such than then there ' +
    'these they them we us do does just also about over only own same so very via use used using get new one'
  ).split(' '),
);

/** `s`, `u` and `i`: words ending in `ss`, `us` or `is` (`glass`, `status`, `analysis`) are not plurals. */
const NOT_PLURAL_BEFORE_S = new Set([115, 117, 105]);

/**
 * Folds the plural and the singular of English words together (`batteries` → `battery`, `tools` → `tool`), and
 * nothing else: a stemmer's bolder guesses mix topics a person keeps apart (Porter's stemmer measured worse on the
 * development set: hit@1 69.4% against 72.0%).
 */
function singular(word: string): string {
  const length = word.length;
  if (length <= 3 || word.charCodeAt(length - 1) !== 115) return word;
  if (length > 4 && word.endsWith('ies')) return word.slice(0, -3) + 'y';
  return NOT_PLURAL_BEFORE_S.has(word.charCodeAt(length - 2)) ? word : word.slice(0, -1);
}

/** Porter keeps `-er` after a stem of one syllable; past this length what is left is still a word's stem. */
const AGENT_STEM_MIN = 6;

/** Longer terms are no English words (hashes, identifiers, run-together text) and are their own stem. */
const STEMMED_MAX = 32;

/**
 * A term's stem, for the second, weaker match by stem that the ranking adds to the match by term
 * (`suggest-index.ts`; alone, a stem merges topics a person keeps apart): Porter's (`tracking` → `track`), less the
 * `-er` of an agent noun that Porter keeps on short verbs (`tracker`, `viewer`, `player` → `track`, `view`, `play`).
 */
export function stemOf(term: string): string {
  if (term.length > STEMMED_MAX) return term;
  const stem = stemmer(term);
  return stem.length >= AGENT_STEM_MIN && stem.endsWith('er') ? stem.slice(0, -2) : stem;
}

/** Text with letters or digits beyond ASCII, which only the Unicode-aware pattern splits correctly. */
const BEYOND_ASCII = /[^\0-\x7f]/;

/** Receives the terms of a text: the term, the word it came from, and the caller's tag (a field). */
export interface TermSink {
  add(term: string, word: string, field: number): void;
}

function take(word: string, field: number, sink: TermSink): void {
  if (word.length >= 2 && !STOP_WORDS.has(word)) sink.add(singular(word), word, field);
}

/** An ASCII lower-case letter or digit. */
const isWordCode = (code: number) => (code >= 97 && code <= 122) || (code >= 48 && code <= 57);

/**
 * Gives `sink` each term of a text, in order (repeats kept, for term frequency). Plain ASCII text, most of any
 * vault, is split by a loop over its character codes, which allocates only the words: the Unicode pattern costs
 * several times more per note at startup, and even an ASCII pattern's array of matches shows in the cold index.
 */
export function eachTerm(text: string, field: number, sink: TermSink): void {
  const lower = text.toLowerCase();
  if (BEYOND_ASCII.test(lower)) {
    for (const [word] of lower.matchAll(WORD)) take(word, field, sink);
    return;
  }
  let start = -1;
  for (let at = 0; at < lower.length; at++) {
    if (isWordCode(lower.charCodeAt(at))) {
      if (start === -1) start = at;
    } else if (start !== -1) {
      if (at - start >= 2) take(lower.slice(start, at), field, sink);
      start = -1;
    }
  }
  if (start !== -1 && lower.length - start >= 2) take(lower.slice(start), field, sink);
}

/** Each term of a text once, with the first word that gave it (to quote the page's own word in a reason). */
export class TermWords implements TermSink {
  readonly words = new Map<string, string>();

  add(term: string, word: string): void {
    if (!this.words.has(term)) this.words.set(term, word);
  }
}

/** The distinct terms of a piece of text, in order of first appearance. */
export function terms(text: string): string[] {
  const found = new TermWords();
  eachTerm(text, 0, found);
  return [...found.words.keys()];
}

/** Each term of a text with the first word that gave it. */
export function termsWithWords(text: string): Map<string, string> {
  const found = new TermWords();
  eachTerm(text, 0, found);
  return found.words;
}

/** Where a URL points, as the host prior and the path field see it. */
export interface UrlTerms {
  /** The host without `www.`, then its registrable domain when that differs (`docs.rs`, `blog.example.com` + `example.com`). */
  hosts: string[];
  /** Terms of the path (`/orangecoloured/analog` → `orangecoloured`, `analog`). */
  path: string[];
}

const NO_URL: UrlTerms = { hosts: [], path: [] };

/** Registrable domains by host: a vault cites few hosts many times, and the public-suffix lookup is the costly part. */
const domains = new Map<string, string | null>();

function domainOf(host: string): string | null {
  let domain = domains.get(host);
  if (domain === undefined) {
    domain = parse(host).domain;
    if (domains.size < 100_000) domains.set(host, domain);
  }
  return domain;
}

/** URLs whose terms are kept for the next pass over the same note (every clip re-indexes the note it went into). */
const URLS_REMEMBERED = 200_000;

/** A URL's host and path terms; the same arrays for the same URL, so callers must not change them. */
export const urlTerms: (url: string) => UrlTerms = memoised(readUrlTerms, URLS_REMEMBERED);

function readUrlTerms(url: string): UrlTerms {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return NO_URL;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return NO_URL;
  const host = parsed.hostname.toLowerCase().replace(/^www\./, '');
  const domain = domainOf(host);
  const hosts = domain && domain !== host ? [host, domain] : [host];
  return { hosts, path: terms(decodePath(parsed.pathname)) };
}

function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
