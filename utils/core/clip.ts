/**
 * The clip: what a person files into a note. Shared by the extension, the companion and the CLI.
 * Values are untrusted page text until the callout renderer neutralises them.
 */
export interface Clip {
  /** The source's URL as the page gives it (canonical when known). */
  url: string;
  title: string;
  /** Short citation name ("BBC", "Reuters"), not the site's long name. */
  publisher: string;
  /** The "why it matters" line; the callout's third line is left out when empty. */
  why?: string;
  byline?: string;
  /** ISO 8601 date of publication, when known. */
  published?: string;
  /**
   * A sentence or two on what the source says (the page's excerpt as the person left it in the popup). Fills the
   * callout's `{summary}` and a new note's `description:`.
   */
  summary?: string;
  /**
   * A quote from the page: the selection as Markdown (turndown keeps its links, emphasis and code), possibly several
   * lines. Fills the callout's `{quote}`, one `> > ` line each (`quoteLines`).
   */
  quote?: string;
  /**
   * The vault path, without `.md`, of the source note holding the article's text (`sources/Title`): set by whoever
   * wrote that note (the companion, or download delivery), never taken from a request. Fills `{fulltext}` as a
   * wikilink.
   */
  fulltext?: string;
}

/** A clip together with what it does to the note's frontmatter. */
export interface ClipRequest {
  clip: Clip;
  /** Tags to merge into the note's `tags` (without `#`). */
  tags: string[];
  /** The clip date, `YYYY-MM-DD`: becomes `updated:` (and `created:` for a new note). */
  date: string;
}

/** What applying a clip did. `already-present`: a callout already cites the same normalised URL. */
export type ClipStatus = 'added' | 'already-present' | 'created';
