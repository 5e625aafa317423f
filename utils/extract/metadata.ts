/** What `extractMetadata` finds on a page. Every field is `null` (or empty) when the page does not say. */
export interface PageMetadata {
  /** The title as the page declares it (JSON-LD headline, og:title, …, `<title>`), the site's name included if there. */
  title: string | null;
  /** `title` without the site's name (`Title | Site`, `Site - Title`): what a callout cites and the popup shows. */
  citationTitle: string | null;
  /** The name the site gives itself ("BBC News"). */
  siteName: string | null;
  /** The short name a person writes in a citation ("BBC"). */
  publisher: string | null;
  /** Authors joined "A, B and C". */
  byline: string | null;
  authors: string[];
  /** ISO 8601, keeping the page's offset when it gives one. */
  published: string | null;
  modified: string | null;
  canonicalUrl: string | null;
  /** One or two sentences, at most 300 characters. */
  excerpt: string | null;
  lang: string | null;
  image: string | null;
  /** Schema.org or OpenGraph type, e.g. `NewsArticle`, `article`. */
  type: string | null;
  /** The user's selected text, whitespace collapsed, when there is one. */
  selection: string | null;
  /** What went wrong while reading the page (malformed JSON-LD, …); extraction never throws. */
  warnings: string[];
  /** Main content as Markdown, only when asked for. */
  markdown?: string | null;
  /** The selection as Markdown (`selectionMarkdown`), when the extension asked for it separately. */
  quote?: string | null;
}

export interface ExtractOptions {
  /** Also extract the main content as Markdown (a Readability pass on a clone). */
  markdown?: boolean;
  /** Publisher names by site name or host (settings' `publisherAliases`). */
  publisherAliases?: Record<string, string>;
  /** The user's selection, when the caller has it (the page's own selection is read otherwise). */
  selection?: string | null;
}
