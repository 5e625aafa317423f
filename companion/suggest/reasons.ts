import { terms } from './terms';
import type { Field } from './fields';

/** The strongest match of one field of one note: which query term, with what term frequency. */
export interface FieldMatch {
  field: Field;
  /** The query term (normalised) and the page's own word for it. */
  term: string;
  word: string;
  tf: number;
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** A short phrase a person can read, saying why a note was suggested ("cites 3 pages from arstechnica.com"). */
export function reasonFor(match: FieldMatch, noteTags: readonly string[]): string {
  switch (match.field) {
    case 'host':
      return `cites ${plural(match.tf, 'page', 'pages')} from ${match.term}`;
    case 'tag':
      return `tag: ${noteTags.find((tag) => terms(tag).includes(match.term)) ?? match.word}`;
    case 'title':
    case 'alias':
      return `title: ${match.word}`;
    case 'keyword':
      return `keyword: ${match.word}`;
    case 'sourceTitle':
    case 'why':
      return `its sources mention ${match.word}`;
    case 'publisher':
      return `cites ${match.word}`;
    case 'path':
      return `cites pages about ${match.word}`;
    default:
      return `about ${match.word}`;
  }
}
