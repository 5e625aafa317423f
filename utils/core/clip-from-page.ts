import type { Clip, ClipRequest } from './clip';
import { formatDate } from './date-format';
import type { Settings } from './settings';

/**
 * What a clip is made of from a page: the extractor's `PageMetadata` fields a callout cites (its structural
 * subset, so the core does not depend on the extractor). For a link or a PDF the extension fills them itself.
 */
export interface PageFacts {
  citationTitle: string | null;
  siteName: string | null;
  /** Already resolved by the extractor (aliases, site name, host); `null` only when none of them says. */
  publisher: string | null;
  byline: string | null;
  published: string | null;
  canonicalUrl: string | null;
  excerpt: string | null;
  /** The person's selection: becomes the "why it matters" line, unless it is quoted. */
  selection: string | null;
  /** The selection as Markdown, when the door quotes it (popup, "Quote in note"): becomes the callout's quote. */
  quote?: string | null;
}

/** What the browser knows about the tab without reading the page. */
export interface TabFacts {
  url?: string;
  title?: string;
}

/** Longest "why it matters" taken from a selection (issue 5: one line, at most 280 characters). */
export const MAX_WHY_FROM_SELECTION = 280;

/** A selection as a "why it matters" line: one line, at most 280 characters, cut at a word when it must be. */
export function whyFromSelection(selection: string | null | undefined): string | undefined {
  const line = (selection ?? '').replace(/\s+/g, ' ').trim();
  if (line.length === 0) return undefined;
  if (line.length <= MAX_WHY_FROM_SELECTION) return line;
  const cut = line.slice(0, MAX_WHY_FROM_SELECTION - 1);
  const atWord = cut.lastIndexOf(' ');
  return `${(atWord > MAX_WHY_FROM_SELECTION / 2 ? cut.slice(0, atWord) : cut).trimEnd()}…`;
}

/**
 * A citation dates a source by its day: `2026-10-08T07:00:00+01:00` → `2026-10-08`, the day in the page's own
 * offset (the prefix of the ISO string, not a conversion to the reader's zone). Other values stay as they are.
 */
export function publicationDay(published: string): string {
  return /^\d{4}-\d{2}-\d{2}T/.test(published) ? published.slice(0, 10) : published;
}

function isWebUrl(url: string | null | undefined): url is string {
  return typeof url === 'string' && /^https?:\/\//i.test(url);
}

function hostName(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

/**
 * The one rule that turns a page into a clip request, for every door (popup, context menu, shortcut), so a page
 * gives the same callout bytes whichever way it is filed (issue 13 §5):
 * - URL: the canonical URL when it is http(s) (a hostile page may point it anywhere), else the tab's;
 * - title: the citation title, else the tab's title, else the URL;
 * - publisher: the extractor's, else the site name, else the host without `www.`;
 * - published: the publication day (`publicationDay`);
 * - quote: the selection's Markdown when the door read it; else why: the selection as one line (`whyFromSelection`),
 *   so a selection is the quote or the why, never both;
 * - tags: the settings' default tags; date: `now` as the local `YYYY-MM-DD`.
 * Every value is trimmed and empty optional fields are left out, so the popup's fields give back the same clip.
 */
export function clipFromPage(
  metadata: PageFacts | null,
  tab: TabFacts,
  settings: Pick<Settings, 'defaultTags'>,
  now: Date,
): ClipRequest {
  const url = (isWebUrl(metadata?.canonicalUrl) ? metadata.canonicalUrl : (tab.url ?? '')).trim();
  const first = (...values: (string | null | undefined)[]) =>
    values.map((value) => value?.trim() ?? '').find((value) => value !== '') ?? '';
  const clip: Clip = {
    url,
    title: first(metadata?.citationTitle, tab.title, url),
    publisher: first(metadata?.publisher, metadata?.siteName, hostName(url)),
  };
  const quote = metadata?.quote?.trim() ?? '';
  const optional = {
    why: quote === '' ? whyFromSelection(metadata?.selection) : undefined,
    quote,
    byline: first(metadata?.byline),
    published: publicationDay(first(metadata?.published)),
    summary: first(metadata?.excerpt),
  };
  for (const [key, value] of Object.entries(optional) as [keyof typeof optional, string | undefined][]) {
    if (value) clip[key] = value;
  }
  return { clip, tags: [...settings.defaultTags], date: formatDate(now, 'YYYY-MM-DD') };
}
