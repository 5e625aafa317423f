import { parse } from 'tldts';

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

/**
 * Folds the plural and the singular of English words together (`batteries` → `battery`, `tools` → `tool`), and
 * nothing else: a stemmer's bolder guesses mix topics a person keeps apart.
 */
function singular(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return word.slice(0, -3) + 'y';
  if (word.length > 3 && word.endsWith('s') && !/[su]s$|is$/.test(word)) return word.slice(0, -1);
  return word;
}

/** The terms of a piece of text, in order (repeats kept, for term frequency). */
export function terms(text: string): string[] {
  const found: string[] = [];
  for (const [word] of text.toLowerCase().matchAll(WORD)) {
    if (word.length < 2 || STOP_WORDS.has(word)) continue;
    found.push(singular(word));
  }
  return found;
}

/** Each term of a text with the first word that gave it, to quote the page's own word in a reason. */
export function termsWithWords(text: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const [word] of text.toLowerCase().matchAll(WORD)) {
    if (word.length < 2 || STOP_WORDS.has(word)) continue;
    const term = singular(word);
    if (!found.has(term)) found.set(term, word);
  }
  return found;
}

/** Where a URL points, as the host prior and the path field see it. */
export interface UrlTerms {
  /** The host without `www.`, then its registrable domain when that differs (`docs.rs`, `blog.example.com` + `example.com`). */
  hosts: string[];
  /** Terms of the path (`/orangecoloured/analog` → `orangecoloured`, `analog`). */
  path: string[];
}

const NO_URL: UrlTerms = { hosts: [], path: [] };

export function urlTerms(url: string): UrlTerms {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return NO_URL;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return NO_URL;
  const host = parsed.hostname.toLowerCase().replace(/^www\./, '');
  const domain = parse(host).domain;
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
