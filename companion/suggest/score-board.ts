import { FIELD_COUNT } from './fields';

/**
 * Per-query scratch space, one entry per note slot, reused from query to query (a 50,000-note vault would otherwise
 * allocate megabytes per request). Stamps say which entries belong to the current query or term, so nothing is
 * cleared between them.
 */
export class ScoreBoard {
  /** Total score per slot. */
  scores = new Float64Array(0);
  /** Score per slot and field, for the reasons. */
  fieldScores = new Float64Array(0);
  /** The query term that gave each slot and field most, and that term's frequency there. */
  bestGains = new Float64Array(0);
  bestTerms = new Int32Array(0);
  bestTfs = new Int32Array(0);
  /** The current term's weighted frequency per slot, overall and per field. */
  termWeights = new Float64Array(0);
  termFieldWeights = new Float64Array(0);
  termTfs = new Int32Array(0);
  /** Slots touched by the current query and by the current term. */
  touched: number[] = [];
  termTouched: number[] = [];
  private queryStamps = new Uint32Array(0);
  private termStamps = new Uint32Array(0);
  private queryStamp = 0;
  private termStamp = 0;

  /** Starts a query over `size` slots. */
  startQuery(size: number): void {
    if (this.scores.length < size) this.grow(Math.max(size, this.scores.length * 2, 64));
    this.queryStamp++;
    this.touched = [];
  }

  startTerm(): void {
    this.termStamp++;
    this.termTouched = [];
  }

  /** Adds a field's weighted term frequency to a slot for the current term. */
  addTermField(slot: number, field: number, weighted: number, tf: number): void {
    if (this.termStamps[slot] !== this.termStamp) {
      this.termStamps[slot] = this.termStamp;
      this.termWeights[slot] = 0;
      this.termFieldWeights.fill(0, slot * FIELD_COUNT, (slot + 1) * FIELD_COUNT);
      this.termTouched.push(slot);
    }
    this.termWeights[slot]! += weighted;
    this.termFieldWeights[slot * FIELD_COUNT + field] = weighted;
    this.termTfs[slot * FIELD_COUNT + field] = tf;
  }

  /** Adds the current term's score to a slot, shared among its fields by their weighted frequencies. */
  addTermScore(slot: number, gain: number, termAt: number): void {
    if (this.queryStamps[slot] !== this.queryStamp) {
      this.queryStamps[slot] = this.queryStamp;
      this.scores[slot] = 0;
      this.fieldScores.fill(0, slot * FIELD_COUNT, (slot + 1) * FIELD_COUNT);
      this.bestGains.fill(0, slot * FIELD_COUNT, (slot + 1) * FIELD_COUNT);
      this.touched.push(slot);
    }
    this.scores[slot]! += gain;
    const total = this.termWeights[slot]!;
    for (let field = 0; field < FIELD_COUNT; field++) {
      const at = slot * FIELD_COUNT + field;
      const share = this.termFieldWeights[at]!;
      if (share === 0) continue;
      const fieldGain = (gain * share) / total;
      this.fieldScores[at]! += fieldGain;
      if (fieldGain > this.bestGains[at]!) {
        this.bestGains[at] = fieldGain;
        this.bestTerms[at] = termAt;
        this.bestTfs[at] = this.termTfs[at]!;
      }
    }
  }

  private grow(capacity: number): void {
    const cells = capacity * FIELD_COUNT;
    this.scores = new Float64Array(capacity);
    this.fieldScores = new Float64Array(cells);
    this.bestGains = new Float64Array(cells);
    this.bestTerms = new Int32Array(cells);
    this.bestTfs = new Int32Array(cells);
    this.termWeights = new Float64Array(capacity);
    this.termFieldWeights = new Float64Array(cells);
    this.termTfs = new Int32Array(cells);
    // Fresh stamps (all 0) never match the current ones, which are at least 1.
    this.queryStamps = new Uint32Array(capacity);
    this.termStamps = new Uint32Array(capacity);
  }
}
