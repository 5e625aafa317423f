import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';
import { parsePage } from '../../companion/parse-html';
import { extractMetadata } from '../../utils/extract/extract-metadata';
import { corpusPages, snapshotLine } from '../../scripts/corpus-pages.mjs';

// The regression net of issue 16: refclip's output on every page of the shared development corpus, recorded by
// `npm run eval -- --record`. The corpus is not part of the repository (its pages are third-party, for evaluation
// only), so without it beside the repository there is nothing to compare and this one test is skipped.
const corpus = resolve(import.meta.dirname, '../../../shared/corpus');
const snapshotFile = join(import.meta.dirname, 'corpus-snapshot.jsonl');
const hasCorpus = existsSync(corpus);

it.skipIf(!hasCorpus)(
  `extracts exactly the recorded output on every corpus page${hasCorpus ? '' : ` (skipped: no corpus at ${corpus})`}`,
  () => {
    const recorded = new Map(
      readFileSync(snapshotFile, 'utf8')
        .trim()
        .split('\n')
        .map((line) => [(JSON.parse(line) as { id: string }).id, line]),
    );
    const pages = corpusPages(corpus);
    const differing = pages.flatMap(({ id, path, url }) => {
      const result = extractMetadata(parsePage(readFileSync(path, 'utf8'), url), url, {});
      const line = snapshotLine({ id, ...result });
      return line === recorded.get(id) ? [] : [{ id, recorded: recorded.get(id) ?? null, now: line }];
    });
    expect(
      differing,
      'refclip reads these corpus pages differently; re-record with `npm run eval -- --record`',
    ).toEqual([]);
    expect([...recorded.keys()]).toEqual(pages.map((page) => page.id));
  },
  120_000,
);
