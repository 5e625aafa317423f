/** A corpus page as the shared scorer feeds it to an extractor. */
export interface CorpusPage {
  id: string;
  path: string;
  url: string;
}
export function corpusPages(corpus: string): CorpusPage[];
export function snapshotLine(result: Record<string, unknown>): string;
