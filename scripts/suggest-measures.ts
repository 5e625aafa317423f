/** What the suggestion measuring scripts (`suggest-engines.ts`, `suggest-embeddings.ts`) count and time alike. */

/** Hit rates in per cent at ranks 1, 3 and 5, and the mean reciprocal rank. */
export interface Scores {
  hit1: number;
  hit3: number;
  hit5: number;
  mrr: number;
}

/** Scores of 1-based ranks, 0 where the right note was not answered at all. */
export function scores(ranks: number[]): Scores {
  const hit = (k: number) => (100 * ranks.filter((rank) => rank >= 1 && rank <= k).length) / ranks.length;
  const mrr = ranks.reduce((sum, rank) => sum + (rank ? 1 / rank : 0), 0) / ranks.length;
  return { hit1: hit(1), hit3: hit(3), hit5: hit(5), mrr };
}

/** This process's CPU time so far, user and system, in ms. */
export function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** The JS heap in use after a collection when `--expose-gc` allows one (typed arrays' contents live outside it). */
export function heapMb(): number {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
}
