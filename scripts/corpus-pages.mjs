// The development corpus's pages as the shared scorer feeds them to an extractor: id, page path and the URL the page
// was saved from. `npm run eval -- --record` and the snapshot test read the corpus through this one function.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** `{ id, path, url }` for every case folder of `corpus`, sorted by id. */
export function corpusPages(corpus) {
  return readdirSync(corpus)
    .sort()
    .filter((id) => id !== 'LICENSES' && statSync(join(corpus, id)).isDirectory())
    .map((id) => {
      const expected = JSON.parse(readFileSync(join(corpus, id, 'expected.json'), 'utf8'));
      const url = expected.extra?.inputUrl ?? expected.url ?? 'http://fakehost/test/page.html';
      return { id, path: join(corpus, id, 'page.html'), url };
    });
}

/** One snapshot line: a page's result without its timing, which changes from run to run. */
export function snapshotLine(result) {
  const { ms: _ms, ...fields } = result;
  return JSON.stringify(fields);
}
