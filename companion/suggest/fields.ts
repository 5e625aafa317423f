import type { SuggestPage } from '../../utils/core/companion-api';
import type { NoteTopics } from './note-topics';
import { eachTerm, termsWithWords, urlTerms, type TermSink } from './terms';

/**
 * The fields a note is ranked on, each scored with BM25 on its own (its own document frequencies and lengths) and
 * weighted. The sources a note already cites weigh most: a new page usually resembles the pages filed before it.
 */
export const FIELDS = [
  'title',
  'alias',
  'tag',
  'keyword',
  'description',
  'heading',
  'opening',
  'sourceTitle',
  'why',
  'publisher',
  'host',
  'path',
] as const;

export type Field = (typeof FIELDS)[number];

export const FIELD_COUNT = FIELDS.length;

export interface FieldTuning {
  weight: number;
  /** BM25's length normalisation (0: none, 1: full). */
  b: number;
}

/** Tuned on the development set (`npm run eval:suggest`); see the README for the measurements. */
export const TUNING: Record<Field, FieldTuning> = {
  title: { weight: 3, b: 0.5 },
  alias: { weight: 2.5, b: 0.5 },
  tag: { weight: 2, b: 0.3 },
  keyword: { weight: 2, b: 0.3 },
  description: { weight: 1.5, b: 0.75 },
  heading: { weight: 1, b: 0.75 },
  opening: { weight: 1, b: 0.75 },
  sourceTitle: { weight: 1.2, b: 0.5 },
  why: { weight: 1, b: 0.5 },
  publisher: { weight: 0.5, b: 0.3 },
  host: { weight: 2.5, b: 0.3 },
  path: { weight: 0.8, b: 0.5 },
};

/** BM25's term-frequency saturation. */
export const K1 = 8;

/**
 * BM25's query-term frequency saturation (k3): a word the page repeats weighs more, at most k3 + 1 times as much, so
 * a page's main words lead without a long excerpt's repeats drowning the rest.
 */
export const K3 = 10;

/**
 * The weight of a match by stem (`tracker` against a note's `tracking`), added to the match by term with its own idf:
 * a derived word is weaker evidence than the same word, and a stem alone merges topics (Porter instead of plural
 * folding measured worse).
 */
export const STEM_WEIGHT = 0.2;

/**
 * The weight of two neighbouring words of a page looked up as one (`self hosted` against a note's `selfhosted`,
 * `time tracker` against `timetracker`): English writes the same compound apart, hyphenated and joined.
 */
export const JOINED_WEIGHT = 0.5;

/** Each field's position in `FIELDS`, looked up once rather than per term. */
export const FIELD_AT = Object.fromEntries(FIELDS.map((field, at) => [field, at])) as Record<Field, number>;

/** Calls `sink` with every term of every field of a note, field by field in `FIELDS` order. */
export function eachNoteTerm(topics: NoteTopics, sink: TermSink): void {
  eachTerm(topics.title, FIELD_AT.title, sink);
  for (const alias of topics.aliases) eachTerm(alias, FIELD_AT.alias, sink);
  for (const tag of topics.tags) eachTerm(tag, FIELD_AT.tag, sink);
  for (const keyword of topics.keywords) eachTerm(keyword, FIELD_AT.keyword, sink);
  eachTerm(topics.description, FIELD_AT.description, sink);
  for (const heading of topics.headings) eachTerm(heading, FIELD_AT.heading, sink);
  eachTerm(topics.opening, FIELD_AT.opening, sink);
  for (const source of topics.sources) eachTerm(source.title, FIELD_AT.sourceTitle, sink);
  for (const source of topics.sources) eachTerm(source.why, FIELD_AT.why, sink);
  for (const source of topics.sources) eachTerm(source.publisher, FIELD_AT.publisher, sink);
  for (const source of topics.sources) {
    const url = urlTerms(source.url);
    for (const host of url.hosts) sink.add(host, host, FIELD_AT.host);
    for (const term of url.path) sink.add(term, term, FIELD_AT.path);
  }
}

/** One term of a page, with the fields it is looked up in. */
export interface QueryTerm {
  term: string;
  /** The page's own word for it, quoted in reasons. */
  word: string;
  /** Positions in `FIELDS`. */
  fields: number[];
  /** How much the term's score counts: its saturated frequency in the page, or less for a joined pair. */
  weight: number;
}

const at = (names: Field[]) => names.map((name) => FIELD_AT[name]);

/**
 * A page's words are looked up in every field of words: all but the cited publishers and hosts, which its site name
 * and host are looked up in (cited URLs' paths name topics too: `/awesome-rust`).
 */
const WORD_FIELDS = at(FIELDS.filter((field) => field !== 'publisher' && field !== 'host'));

/** The terms of a page's text with how often each occurs, and each pair of neighbouring words joined. */
class PageWords implements TermSink {
  readonly counts = new Map<string, { word: string; count: number }>();
  readonly joined = new Set<string>();
  private previous = '';

  add(term: string, word: string): void {
    const known = this.counts.get(term);
    if (known) known.count++;
    else this.counts.set(term, { word, count: 1 });
    // The earlier word as written, the later one folded: `time trackers` gives the note's term `timetracker`.
    if (this.previous !== '') this.joined.add(this.previous + term);
    this.previous = word;
  }
}

/**
 * What a page is looked up by, each term once: its title, excerpt and keywords as words (weighted by how often it
 * uses them) and as joined pairs, its site name against the cited publishers, its host against the cited hosts (the
 * host prior) and its URL path against the cited paths.
 */
export function pageQuery(page: SuggestPage): QueryTerm[] {
  const query = new Map<string, QueryTerm>();
  const add = (term: string, word: string, fields: number[], weight = 1) => {
    const known = query.get(term);
    if (known) known.fields = [...new Set([...known.fields, ...fields])];
    else query.set(term, { term, word, fields, weight });
  };
  const text = new PageWords();
  eachTerm([page.title, page.excerpt ?? '', ...(page.keywords ?? [])].join('\n'), 0, text);
  for (const [term, { word, count }] of text.counts) add(term, word, WORD_FIELDS, ((K3 + 1) * count) / (K3 + count));
  for (const joined of text.joined) if (!query.has(joined)) add(joined, joined, WORD_FIELDS, JOINED_WEIGHT);
  for (const [term, word] of termsWithWords(page.siteName ?? '')) add(term, word, at(['publisher']));
  const url = urlTerms(page.url);
  for (const host of url.hosts) add(host, host, at(['host']));
  for (const term of url.path) add(term, term, at(['path']));
  return [...query.values()];
}
