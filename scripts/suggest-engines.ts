/**
 * `npm run eval:suggest-engines`: compares target-note suggestion engines in one process on the development set
 * (`../shared/suggest-dev`): refclip's own BM25F (`companion/suggest/`) against MiniSearch on the same note fields
 * and on one field with its defaults.
 * Prints hit@1/3/5 and MRR for all queries and for each half of the notes (every other note by path, so a change
 * that only fits some categories shows as a gap between halves), the request time, and the index time and heap
 * for the dev vault and for a synthetic vault (`--notes N`, default 10,000) of the bench's kind. Then the same
 * rates on the vault's own cited sources, each found again with its fold of sources left out (`suggest-folds.ts`).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import MiniSearch from 'minisearch';
import type { SuggestPage } from '../utils/core/companion-api';
import { recordNote } from '../companion/vault/note-record';
import { readVaultRecords } from './read-vault-records';
import type { NoteRecord } from '../companion/vault/vault-index';
import { SuggestIndex } from '../companion/suggest/suggest-index';
import { urlTerms } from '../companion/suggest/terms';
import { seededRandom, syntheticNote, syntheticPage } from '../bench/synthetic-vault';
import { cpuMs, heapMb, scores, type Scores } from './suggest-measures';
import { sourceFolds, type HeldOutQuery } from './suggest-folds';

const SET = resolve(import.meta.dirname, '../../shared/suggest-dev');
const LIMIT = 5;
const args = process.argv.slice(2);
const SYNTHETIC = Number(args[args.indexOf('--notes') + 1] ?? 10_000) || 10_000;
/** Folds of the vault's own sources: each source is left out once, with a fifth of the vault's others. */
const FOLDS = 5;

interface Engine {
  name: string;
  build(records: NoteRecord[]): (page: SuggestPage) => string[];
}

const refclip: Engine = {
  name: 'refclip BM25F',
  build(records) {
    const index = new SuggestIndex();
    for (const { note, topics } of records) index.upsert(note.path, topics, note.mtime, note.tags);
    return (page) => index.suggest(page, LIMIT).map((found) => found.path);
  },
};

/** MiniSearch on the same fields refclip reads, with refclip's field weights rounded to its `boost`. */
const minisearch: Engine = {
  name: 'MiniSearch (fields, BM25+)',
  build(records) {
    const search = new MiniSearch({
      fields: ['title', 'tags', 'about', 'sourceTitles', 'whys', 'hosts'],
      storeFields: [],
      searchOptions: {
        boost: { title: 3, tags: 2, about: 1, sourceTitles: 1.2, whys: 1, hosts: 2.5 },
        combineWith: 'OR',
      },
    });
    search.addAll(
      records.map(({ note, topics }) => ({
        id: note.path,
        title: [topics.title, ...topics.aliases].join(' '),
        tags: [...topics.tags, ...topics.keywords].join(' '),
        about: [topics.description, ...topics.headings, topics.opening].join(' '),
        sourceTitles: topics.sources.map((source) => `${source.publisher} ${source.title}`).join(' '),
        whys: topics.sources.map((source) => source.why).join(' '),
        hosts: topics.sources.flatMap((source) => urlTerms(source.url).hosts).join(' '),
      })),
    );
    return (page) => {
      const words = [page.title, page.excerpt ?? '', page.siteName ?? ''].join(' ');
      const hosts = urlTerms(page.url).hosts.join(' ');
      return search
        .search({ combineWith: 'OR', queries: [words, { queries: [hosts], fields: ['hosts'] }] })
        .slice(0, LIMIT)
        .map((result) => String(result.id));
    };
  },
};

/** MiniSearch with its defaults on one field: every word refclip reads of a note, and its cited hosts. */
const minisearchWhole: Engine = {
  name: 'MiniSearch (one field, defaults)',
  build(records) {
    const search = new MiniSearch({ fields: ['text'], storeFields: [] });
    search.addAll(
      records.map(({ note, topics }) => ({
        id: note.path,
        text: [
          topics.title,
          ...topics.aliases,
          ...topics.tags,
          ...topics.keywords,
          topics.description,
          ...topics.headings,
          topics.opening,
          ...topics.sources.flatMap((source) => [source.publisher, source.title, source.why]),
          ...topics.sources.flatMap((source) => urlTerms(source.url).hosts),
        ].join(' '),
      })),
    );
    return (page) =>
      search
        .search([page.title, page.excerpt ?? '', page.siteName ?? '', ...urlTerms(page.url).hosts].join(' '))
        .slice(0, LIMIT)
        .map((result) => String(result.id));
  },
};

const percentile = (samples: number[], p: number) =>
  [...samples].sort((a, b) => a - b)[Math.min(samples.length - 1, Math.ceil(p * samples.length) - 1)]!;

function syntheticRecords(count: number): NoteRecord[] {
  const random = seededRandom(11);
  return Array.from({ length: count }, (_, n) => recordNote(`n${n}.md`, syntheticNote(random, n).text, n));
}

function main(): void {
  const records = readVaultRecords(join(SET, 'vault'));
  const queries = readFileSync(join(SET, 'queries.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as HeldOutQuery);
  const half = new Map(records.map(({ note }, at) => [note.path, at % 2]));
  console.log(`${records.length} notes, ${queries.length} queries; synthetic vault ${SYNTHETIC} notes`);
  const pct = (value: number) => value.toFixed(1);
  const rates = (ranks: number[], of: HeldOutQuery[]): string => {
    const all = scores(ranks);
    const side = (which: number): Scores => scores(ranks.filter((_, at) => half.get(of[at]!.note) === which));
    const [a, b] = [side(0), side(1)];
    return (
      `${pct(all.hit1)} | ${pct(all.hit3)} | ${pct(all.hit5)} | ${all.mrr.toFixed(3)} | ` +
      `${pct(a.hit1)} / ${pct(a.hit5)} | ${pct(b.hit1)} / ${pct(b.hit5)}`
    );
  };
  const folds = sourceFolds(records, FOLDS);
  const foldQueries = folds.flatMap((fold) => fold.queries);
  const foldRows: string[] = [];
  console.log(
    '| engine | hit@1 | hit@3 | hit@5 | MRR | hit@1 / hit@5 half A | half B | request p50 / p95 | dev index | synthetic index CPU, heap |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const engine of [refclip, minisearch, minisearchWhole]) {
    const devStart = cpuMs();
    const suggest = engine.build(records);
    const devIndex = cpuMs() - devStart;
    const times: number[] = [];
    const ranks = queries.map((query) => {
      const started = performance.now();
      const found = suggest(query.page);
      times.push(performance.now() - started);
      return found.indexOf(query.note) + 1;
    });
    const synthetic = syntheticRecords(SYNTHETIC);
    const syntheticStart = cpuMs();
    let built: ((page: SuggestPage) => string[]) | null = engine.build(synthetic);
    const syntheticCpu = cpuMs() - syntheticStart;
    if (built(syntheticPage(seededRandom(3))).length > LIMIT) throw new Error('more notes than asked for');
    // The heap the index takes: measured with it and again once it is dropped, the notes kept meanwhile.
    const withIndex = heapMb();
    built = null;
    const heap = withIndex - heapMb();
    if (synthetic.length !== SYNTHETIC) throw new Error('synthetic notes lost');
    console.log(
      `| ${engine.name} | ${rates(ranks, queries)} | ` +
        `${percentile(times, 0.5).toFixed(2)} / ${percentile(times, 0.95).toFixed(2)} ms | ${devIndex.toFixed(0)} ms | ` +
        `${syntheticCpu.toFixed(0)} ms, ${heap.toFixed(0)} MB |`,
    );
    const foldStart = cpuMs();
    const foldRanks = folds.flatMap((fold) => {
      const suggestInFold = engine.build(fold.records);
      return fold.queries.map((query) => suggestInFold(query.page).indexOf(query.note) + 1);
    });
    foldRows.push(`| ${engine.name} | ${rates(foldRanks, foldQueries)} | ${(cpuMs() - foldStart).toFixed(0)} ms |`);
  }
  console.log(`\nThe vault's own ${foldQueries.length} cited sources, each left out in one of ${FOLDS} folds:`);
  console.log('| engine | hit@1 | hit@3 | hit@5 | MRR | hit@1 / hit@5 half A | half B | CPU, builds and requests |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const row of foldRows) console.log(row);
}

main();
