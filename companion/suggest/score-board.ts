/**
 * Per-query scratch space, one entry per note slot, reused from query to query (a 50,000-note vault would otherwise
 * allocate megabytes per request). Stamps say which entries belong to the current query or term, so nothing is
 * cleared between them.
 */
export class ScoreBoard {
  /** Total score per slot. */
  scores = new Float64Array(0);
  /** The current term's weighted frequency per slot, summed over fields. */
  termWeights = new Float64Array(0);
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
  addTermField(slot: number, weighted: number): void {
    if (this.termStamps[slot] !== this.termStamp) {
      this.termStamps[slot] = this.termStamp;
      this.termWeights[slot] = weighted;
      this.termTouched.push(slot);
    } else this.termWeights[slot]! += weighted;
  }

  /** Adds the current term's score to a slot. */
  addTermScore(slot: number, gain: number): void {
    if (this.queryStamps[slot] !== this.queryStamp) {
      this.queryStamps[slot] = this.queryStamp;
      this.scores[slot] = gain;
      this.touched.push(slot);
    } else this.scores[slot]! += gain;
  }

  private grow(capacity: number): void {
    this.scores = new Float64Array(capacity);
    this.termWeights = new Float64Array(capacity);
    // Fresh stamps (all 0) never match the current ones, which are at least 1.
    this.queryStamps = new Uint32Array(capacity);
    this.termStamps = new Uint32Array(capacity);
  }
}
