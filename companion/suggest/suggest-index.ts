import type { SuggestPage } from '../../utils/core/companion-api';
import {
  FIELD_AT,
  FIELD_COUNT,
  FIELDS,
  K1,
  STEM_WEIGHT,
  TUNING,
  eachNoteTerm,
  pageQuery,
  type QueryTerm,
} from './fields';
import type { NoteTopics } from './note-topics';
import { reasonFor, type FieldMatch } from './reasons';
import { ScoreBoard } from './score-board';
import { stemOf, type TermSink } from './terms';

/** A term's occurrences in one field: `slot * TF_SPAN + tf` per note, packed into one number (a compact array). */
type Postings = number[];

const TF_SPAN = 64;

/** Rewrites the postings without superseded notes once they outnumber the live ones by this much. */
const COMPACT_SLACK = 1000;

/** Terms in more than this share of the notes are left out of the ranking (see `isCommon`)... */
const COMMON_SHARE = 0.25;
/** ...in a vault large enough for the shortcut to matter. */
const COMMON_FLOOR = 2000;

/** A field that gave less than this share of a note's score is not worth a reason. */
const MINOR_REASON = 0.15;

/** One ranked note, before the vault adds its title. */
export interface Suggestion {
  path: string;
  score: number;
  reasons: string[];
}

/** A note's version in the index: a slot, so replacing a note only marks the old slot dead (no list is searched). */
interface Slot {
  path: string;
  mtime: number;
  tags: readonly string[];
  lengths: number[];
}

/** Hosts are names, not words: they are matched by term only, never by stem. */
const isStemmed = (field: number) => field !== FIELD_AT.host;

/** The terms of the index by their stem (`track` → `tracker`, `tracking`), across the stemmed fields. */
type Variants = Map<string, string[]>;

function addVariant(variants: Variants, term: string): void {
  const stem = stemOf(term);
  const known = variants.get(stem);
  if (!known) variants.set(stem, [term]);
  else if (!known.includes(term)) known.push(term);
}

/** Appends one note's terms to the posting lists, counting each term's frequency and each field's length. */
class PostingWriter implements TermSink {
  readonly lengths: number[] = FIELDS.map(() => 0);
  private readonly first: number;

  constructor(
    private readonly postings: Map<string, Postings>[],
    private readonly variants: Variants,
    slot: number,
  ) {
    this.first = slot * TF_SPAN + 1;
  }

  add(term: string, _word: string, field: number): void {
    this.lengths[field]!++;
    const postings = this.postings[field]!;
    const list = postings.get(term);
    // Slots only grow, so a term already seen in this note is the last entry of its list.
    if (list === undefined) {
      postings.set(term, [this.first]);
      // A term's first posting in a field: the only time its stem need be looked at.
      if (isStemmed(field)) addVariant(this.variants, term);
    } else if (list[list.length - 1]! < this.first) list.push(this.first);
    else if (list[list.length - 1]! - this.first < TF_SPAN - 2) list[list.length - 1]!++;
  }
}

/**
 * Target-note suggestion: an inverted index per field (`fields.ts`) over every note's title, tags, headings,
 * opening and cited sources, ranked by field-weighted BM25 (BM25F), each page term matched once exactly and once
 * more, weaker, by its stem. The host field doubles as a prior: its term frequency is how many pages of that site
 * the note already cites. Replacing a note marks its old slot dead; the posting lists drop dead slots when they
 * outnumber the live ones.
 */
export class SuggestIndex {
  private readonly postings = FIELDS.map(() => new Map<string, Postings>());
  private readonly slots: (Slot | null)[] = [];
  private readonly slotOf = new Map<string, number>();
  private readonly variants: Variants = new Map();
  private readonly totalLengths: number[] = FIELDS.map(() => 0);
  private dead = 0;
  private readonly board = new ScoreBoard();

  upsert(path: string, topics: NoteTopics, mtime: number, tags: readonly string[]): void {
    const next = this.upsertInSteps(path, topics, mtime, tags, Infinity);
    while (next());
  }

  /**
   * `upsert` in steps, for a note citing many sources (100,000 in a 5 MB note take 0.2 s, issue 14): the first call
   * of the returned function adds the note with its first `sourcesPerStep` sources, each further call the next ones;
   * it answers whether any are left. Until then no other note may be upserted (a note's postings must be the last
   * of their lists) and the note ranks on what was added so far; removing it stops the steps.
   */
  upsertInSteps(
    path: string,
    topics: NoteTopics,
    mtime: number,
    tags: readonly string[],
    sourcesPerStep: number,
  ): () => boolean {
    this.remove(path);
    const slot = this.slots.length;
    const writer = new PostingWriter(this.postings, this.variants, slot);
    this.slots.push({ path, mtime, tags, lengths: writer.lengths });
    this.slotOf.set(path, slot);
    const rest = {
      ...topics,
      title: '',
      aliases: [],
      tags: [],
      keywords: [],
      description: '',
      headings: [],
      opening: '',
    };
    let from = 0;
    return () => {
      if (this.slotOf.get(path) !== slot) return false;
      const sources = topics.sources.slice(from, from + sourcesPerStep);
      const before = [...writer.lengths];
      // Terms are counted per note and field, so adding the sources in slices gives the postings of one pass.
      eachNoteTerm({ ...(from === 0 ? topics : rest), sources }, writer);
      for (let field = 0; field < FIELD_COUNT; field++) {
        this.totalLengths[field]! += writer.lengths[field]! - before[field]!;
      }
      from += sourcesPerStep;
      return from < topics.sources.length;
    };
  }

  remove(path: string): void {
    const slot = this.slotOf.get(path);
    if (slot === undefined) return;
    const lengths = this.slots[slot]!.lengths;
    for (let field = 0; field < FIELD_COUNT; field++) this.totalLengths[field]! -= lengths[field]!;
    this.slots[slot] = null;
    this.slotOf.delete(path);
    if (++this.dead > this.slotOf.size + COMPACT_SLACK) this.compact();
  }

  /** The `limit` notes that best fit a page, best first; equal scores go to the most recently modified note. */
  suggest(page: SuggestPage, limit: number): Suggestion[] {
    if (this.slotOf.size === 0) return [];
    const query = pageQuery(page);
    const variants = query.map((queryTerm) => this.variantsOf(queryTerm));
    const idfs = this.score(query, variants);
    return this.top(this.board.touched, limit).map((slot) => ({
      path: this.slots[slot]!.path,
      score: Math.round(this.board.scores[slot]! * 1000) / 1000,
      reasons: this.reasons(slot, query, idfs, variants),
    }));
  }

  /** Each field's average length over the live notes. */
  private averages(): number[] {
    const live = this.slotOf.size;
    return this.totalLengths.map((total) => total / live || 1);
  }

  /** A field's weighted, length-normalised frequency of a term in a note (BM25F's pseudo-frequency). */
  private weighted(field: number, tf: number, slot: Slot, averages: number[]): number {
    const { weight, b } = TUNING[FIELDS[field]!];
    return (weight * tf) / (1 - b + (b * slot.lengths[field]!) / averages[field]!);
  }

  /**
   * BM25F: per term, each field's frequency is normalised by that field's length and weighted, the sum saturated
   * once and multiplied by the term's idf over whole notes (so a word every note's sources repeat, such as "source
   * code", counts for little even where it is rare, as in titles). Each term is scored twice: as itself, and at
   * `STEM_WEIGHT` as all the index's terms of its stem taken together, with their own idf. Returns each query
   * term's idf.
   */
  private score(query: QueryTerm[], variants: (readonly string[])[]): number[] {
    const live = this.slotOf.size;
    this.board.startQuery(this.slots.length);
    const averages = this.averages();
    return query.map((queryTerm, termAt) => {
      const exact = [queryTerm.term];
      if (this.isCommon(exact, queryTerm.fields, live)) return 0;
      const stemmed = queryTerm.fields.filter(isStemmed);
      const others = variants[termAt]!;
      if (stemmed.length === 0) return this.scoreTerm(exact, queryTerm.fields, queryTerm.weight, live, averages);
      if (others.length === 0 || (others.length === 1 && others[0] === queryTerm.term)) {
        // The stem finds the very notes the term does, with the same idf: both scores in one pass.
        return this.scoreTerm(exact, queryTerm.fields, queryTerm.weight * (1 + STEM_WEIGHT), live, averages);
      }
      const idf = this.scoreTerm(exact, queryTerm.fields, queryTerm.weight, live, averages);
      if (!this.isCommon(others, stemmed, live)) {
        this.scoreTerm(others, stemmed, queryTerm.weight * STEM_WEIGHT, live, averages);
      }
      return idf;
    });
  }

  /** The index's terms that share a query term's stem (itself among them if indexed); none for a host. */
  private variantsOf(queryTerm: QueryTerm): readonly string[] {
    if (!queryTerm.fields.some(isStemmed)) return [];
    return this.variants.get(stemOf(queryTerm.term)) ?? [];
  }

  /** Adds the BM25F score of `terms` taken as one term in `fields`, times `weight`, to every note; returns its idf. */
  private scoreTerm(
    terms: readonly string[],
    fields: number[],
    weight: number,
    live: number,
    averages: number[],
  ): number {
    const board = this.board;
    board.startTerm();
    for (const term of terms) {
      for (const field of fields) {
        const postings = this.postings[field]!.get(term);
        if (!postings) continue;
        for (const entry of postings) {
          const slotIndex = Math.floor(entry / TF_SPAN);
          const slot = this.slots[slotIndex];
          if (slot) board.addTermField(slotIndex, this.weighted(field, entry - slotIndex * TF_SPAN, slot, averages));
        }
      }
    }
    const found = board.termTouched.length;
    const idf = Math.log(1 + (live - found + 0.5) / (found + 0.5));
    for (const slot of board.termTouched) {
      const weighted = board.termWeights[slot]!;
      board.addTermScore(slot, (weight * idf * weighted * (K1 + 1)) / (weighted + K1));
    }
    return idf;
  }

  /** The best `limit` slots of those touched, by score, then modification time, then path. */
  private top(touched: number[], limit: number): number[] {
    const better = (a: number, b: number): boolean => {
      const scoreA = this.board.scores[a]!;
      const scoreB = this.board.scores[b]!;
      if (scoreA !== scoreB) return scoreA > scoreB;
      const slotA = this.slots[a]!;
      const slotB = this.slots[b]!;
      if (slotA.mtime !== slotB.mtime) return slotA.mtime > slotB.mtime;
      return slotA.path < slotB.path;
    };
    const best: number[] = [];
    for (const slot of touched) {
      if (best.length === limit && !better(slot, best[limit - 1]!)) continue;
      let at = best.length === limit ? limit - 1 : best.length;
      while (at > 0 && better(slot, best[at - 1]!)) {
        best[at] = best[at - 1]!;
        at--;
      }
      best[at] = slot;
    }
    return best;
  }

  /**
   * Whether terms are in so many notes (a field alone has one in a quarter of them) that their idf is too small to
   * change the order: skipping them spares walking the longest posting lists.
   */
  private isCommon(terms: readonly string[], fields: number[], live: number): boolean {
    const limit = Math.max(COMMON_SHARE * live, COMMON_FLOOR);
    return terms.some((term) => fields.some((field) => (this.postings[field]!.get(term)?.length ?? 0) > limit));
  }

  /** A term's frequency in one note's field: posting lists are in slot order, so a binary search finds it. */
  private frequency(field: number, term: string, slot: number): number {
    const list = this.postings[field]!.get(term);
    if (!list) return 0;
    let low = 0;
    let high = list.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const at = Math.floor(list[middle]! / TF_SPAN);
      if (at === slot) return list[middle]! - at * TF_SPAN;
      if (at < slot) low = middle + 1;
      else high = middle - 1;
    }
    return 0;
  }

  /**
   * How a page term matched one field of a note: as itself, or else by another term of its stem (at `STEM_WEIGHT`,
   * quoted in the note's word, since the page's would misquote the note).
   */
  private fieldMatch(
    field: number,
    queryTerm: QueryTerm,
    variants: readonly string[],
    slot: number,
  ): { term: string; word: string; tf: number; weight: number } {
    const { term, word } = queryTerm;
    const tf = this.frequency(field, term, slot);
    if (tf > 0 || !isStemmed(field)) return { term, word, tf, weight: 1 };
    for (const variant of variants) {
      const variantTf = variant === term ? 0 : this.frequency(field, variant, slot);
      if (variantTf > 0) return { term: variant, word: variant, tf: variantTf, weight: STEM_WEIGHT };
    }
    return { term, word, tf: 0, weight: 1 };
  }

  /**
   * The two fields that gave a note most of its score, in words. Worked out for the few notes answered rather than
   * tracked while scoring every note: each term's score is shared among its fields by their weighted frequencies.
   */
  private reasons(slotIndex: number, query: QueryTerm[], idfs: number[], variants: (readonly string[])[]): string[] {
    const slot = this.slots[slotIndex]!;
    const averages = this.averages();
    const best = new Map<number, { gain: number; bestGain: number; match: FieldMatch }>();
    query.forEach((queryTerm, termAt) => {
      const parts = queryTerm.fields.map((field) => {
        const { term, word, tf, weight } = this.fieldMatch(field, queryTerm, variants[termAt]!, slotIndex);
        return { field, term, word, tf, weighted: tf === 0 ? 0 : weight * this.weighted(field, tf, slot, averages) };
      });
      const total = parts.reduce((sum, part) => sum + part.weighted, 0);
      if (total === 0) return;
      const gain = (queryTerm.weight * idfs[termAt]! * total * (K1 + 1)) / (total + K1);
      for (const { field, term, word, tf, weighted } of parts) {
        if (weighted === 0) continue;
        const share = (gain * weighted) / total;
        const match: FieldMatch = { field: FIELDS[field]!, term, word, tf };
        const known = best.get(field);
        if (!known) best.set(field, { gain: share, bestGain: share, match });
        else {
          known.gain += share;
          if (share > known.bestGain) Object.assign(known, { bestGain: share, match });
        }
      }
    });
    const score = this.board.scores[slotIndex]!;
    const phrases = [...best.values()]
      .sort((a, b) => b.gain - a.gain)
      .filter(({ gain }, rank) => rank === 0 || gain >= MINOR_REASON * score)
      .map(({ match }) => reasonFor(match, slot.tags));
    return [...new Set(phrases)].slice(0, 2);
  }

  /** Drops superseded slots from every posting list (their document frequencies become exact again). */
  private compact(): void {
    for (const postings of this.postings) {
      for (const [term, list] of postings) {
        const kept = list.filter((entry) => this.slots[Math.floor(entry / TF_SPAN)] !== null);
        if (kept.length === 0) postings.delete(term);
        else postings.set(term, kept);
      }
    }
    for (const [stem, terms] of this.variants) {
      const kept = terms.filter((term) =>
        this.postings.some((postings, field) => isStemmed(field) && postings.has(term)),
      );
      if (kept.length === 0) this.variants.delete(stem);
      else this.variants.set(stem, kept);
    }
    this.dead = 0;
  }
}
