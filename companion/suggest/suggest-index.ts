import type { SuggestPage } from '../../utils/core/companion-api';
import { FIELD_COUNT, FIELDS, K1, TUNING, eachNoteTerm, pageQuery, type QueryTerm } from './fields';
import type { NoteTopics } from './note-topics';
import { reasonFor, type FieldMatch } from './reasons';
import { ScoreBoard } from './score-board';
import type { TermSink } from './terms';

/** A term's occurrences in one field: `slot * TF_SPAN + tf` per note, packed into one number (a compact array). */
type Postings = number[];

const TF_SPAN = 64;

/** Rewrites the postings without superseded notes once they outnumber the live ones by this much. */
const COMPACT_SLACK = 1000;

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

/** Appends one note's terms to the posting lists, counting each term's frequency and each field's length. */
class PostingWriter implements TermSink {
  readonly lengths: number[] = FIELDS.map(() => 0);
  private readonly first: number;

  constructor(
    private readonly postings: Map<string, Postings>[],
    slot: number,
  ) {
    this.first = slot * TF_SPAN + 1;
  }

  add(term: string, _word: string, field: number): void {
    this.lengths[field]!++;
    const postings = this.postings[field]!;
    const list = postings.get(term);
    // Slots only grow, so a term already seen in this note is the last entry of its list.
    if (list === undefined) postings.set(term, [this.first]);
    else if (list[list.length - 1]! < this.first) list.push(this.first);
    else if (list[list.length - 1]! - this.first < TF_SPAN - 2) list[list.length - 1]!++;
  }
}

/**
 * Target-note suggestion: an inverted index per field (`fields.ts`) over every note's title, tags, headings,
 * opening and cited sources, ranked by field-weighted BM25 (BM25F). The host field doubles as a prior: its term
 * frequency is how many pages of that site the note already cites. Replacing a note marks its old slot dead; the
 * posting lists drop dead slots when they outnumber the live ones.
 */
export class SuggestIndex {
  private readonly postings = FIELDS.map(() => new Map<string, Postings>());
  private readonly slots: (Slot | null)[] = [];
  private readonly slotOf = new Map<string, number>();
  private readonly totalLengths: number[] = FIELDS.map(() => 0);
  private dead = 0;
  private readonly board = new ScoreBoard();

  upsert(path: string, topics: NoteTopics, mtime: number, tags: readonly string[]): void {
    this.remove(path);
    const slot = this.slots.length;
    const writer = new PostingWriter(this.postings, slot);
    eachNoteTerm(topics, writer);
    for (let field = 0; field < FIELD_COUNT; field++) this.totalLengths[field]! += writer.lengths[field]!;
    this.slots.push({ path, mtime, tags, lengths: writer.lengths });
    this.slotOf.set(path, slot);
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
    this.score(query);
    return this.top(this.board.touched, limit).map((slot) => ({
      path: this.slots[slot]!.path,
      score: Math.round(this.board.scores[slot]! * 1000) / 1000,
      reasons: this.reasons(slot, query),
    }));
  }

  /**
   * BM25F: per term, each field's frequency is normalised by that field's length and weighted, the sum saturated
   * once and multiplied by the term's idf over whole notes (so a word every note's sources repeat, such as "source
   * code", counts for little even where it is rare, as in titles).
   */
  private score(query: QueryTerm[]): void {
    const board = this.board;
    const live = this.slotOf.size;
    board.startQuery(this.slots.length);
    const averages = this.totalLengths.map((total) => total / live || 1);
    query.forEach((queryTerm, termAt) => {
      board.startTerm();
      for (const field of queryTerm.fields) {
        const postings = this.postings[field]!.get(queryTerm.term);
        if (!postings) continue;
        const { weight, b } = TUNING[FIELDS[field]!];
        const average = averages[field]!;
        for (const entry of postings) {
          const slotIndex = Math.floor(entry / TF_SPAN);
          const slot = this.slots[slotIndex];
          if (!slot) continue;
          const tf = entry - slotIndex * TF_SPAN;
          board.addTermField(slotIndex, field, (weight * tf) / (1 - b + (b * slot.lengths[field]!) / average), tf);
        }
      }
      const found = board.termTouched.length;
      const idf = Math.log(1 + (live - found + 0.5) / (found + 0.5));
      for (const slot of board.termTouched) {
        const weighted = board.termWeights[slot]!;
        board.addTermScore(slot, (idf * weighted * (K1 + 1)) / (weighted + K1), termAt);
      }
    });
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

  /** The two fields that gave a note most of its score, in words. */
  private reasons(slotIndex: number, query: QueryTerm[]): string[] {
    const board = this.board;
    const matches: { gain: number; match: FieldMatch }[] = [];
    for (let field = 0; field < FIELD_COUNT; field++) {
      const at = slotIndex * FIELD_COUNT + field;
      const gain = board.fieldScores[at]!;
      if (gain <= 0) continue;
      const { term, word } = query[board.bestTerms[at]!]!;
      matches.push({ gain, match: { field: FIELDS[field]!, term, word, tf: board.bestTfs[at]! } });
    }
    matches.sort((a, b) => b.gain - a.gain);
    const phrases = matches
      .filter(({ gain }, rank) => rank === 0 || gain >= MINOR_REASON * board.scores[slotIndex]!)
      .map(({ match }) => reasonFor(match, this.slots[slotIndex]!.tags));
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
    this.dead = 0;
  }
}
