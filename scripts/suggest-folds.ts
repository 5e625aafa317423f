import type { SuggestPage } from '../utils/core/companion-api';
import type { NoteRecord } from '../companion/vault/vault-index';

/** A page held out of the note it belongs in (the development set's `queries.jsonl` lines, or a fold's). */
export interface HeldOutQuery {
  note: string;
  page: SuggestPage;
}

/** A vault with some of its cited sources taken out, and those sources as pages to find their notes again. */
export interface Fold {
  records: NoteRecord[];
  queries: HeldOutQuery[];
}

/**
 * Leave-one-out over the vault's own cited sources, in `count` folds: fold f takes out every note's sources at
 * positions f, f + count, ... and asks for each as a page (title, publisher as site name, why line as excerpt, URL:
 * the shape the development set's held-out pages have). Every source a note cites is a (page, note) pair, so any
 * vault measures itself without labelled pages, with several times the development set's 186 pages.
 */
export function sourceFolds(records: NoteRecord[], count: number): Fold[] {
  return Array.from({ length: count }, (_, fold) => {
    const queries: HeldOutQuery[] = [];
    const kept = records.map(({ note, topics }) => {
      // A source note is never suggested, so its sources could not find it.
      if (topics.sourceNote) return { note, topics };
      const sources = topics.sources.filter((source, at) => {
        if (at % count !== fold) return true;
        queries.push({
          note: note.path,
          page: { url: source.url, title: source.title, siteName: source.publisher, excerpt: source.why },
        });
        return false;
      });
      return { note, topics: { ...topics, sources } };
    });
    return { records: kept, queries };
  });
}
