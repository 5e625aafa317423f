import type { Clip } from '../../utils/core/clip';
import type { PageMetadata } from '../../utils/extract/metadata';

/** The popup's editable fields, as plain strings bound to inputs. */
export interface ClipDraft {
  url: string;
  title: string;
  publisher: string;
  byline: string;
  published: string;
  summary: string;
  why: string;
}

/** What the browser knows about the tab without reading the page. */
export interface TabInfo {
  url?: string;
  title?: string;
}

/** Longest "why it matters" taken from a selection (issue 5: one line, at most 280 characters). */
export const MAX_WHY_FROM_SELECTION = 280;

export const EMPTY_DRAFT: ClipDraft = {
  url: '',
  title: '',
  publisher: '',
  byline: '',
  published: '',
  summary: '',
  why: '',
};

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

function oneLine(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}

/**
 * A citation dates a source by its day: `2026-10-08T07:00:00+01:00` → `2026-10-08`, the day in the page's own
 * offset (the prefix of the ISO string, not a conversion to the reader's zone). Other values stay as they are.
 */
function publicationDay(published: string | null): string {
  if (published === null) return '';
  return /^\d{4}-\d{2}-\d{2}T/.test(published) ? published.slice(0, 10) : published;
}

/**
 * The fields the popup opens with: the page's metadata where it has some, else what the tab says. A canonical URL
 * counts only when it is http(s) (a hostile page may point it anywhere).
 */
export function draftFromPage(metadata: PageMetadata | null, tab: TabInfo): ClipDraft {
  const url = isWebUrl(metadata?.canonicalUrl) ? metadata.canonicalUrl : (tab.url ?? '');
  return {
    url,
    title: metadata?.citationTitle ?? tab.title ?? '',
    publisher: metadata?.publisher ?? metadata?.siteName ?? hostName(url),
    byline: metadata?.byline ?? '',
    published: publicationDay(metadata?.published ?? null),
    summary: metadata?.excerpt ?? '',
    why: metadata?.selection ? oneLine(metadata.selection, MAX_WHY_FROM_SELECTION) : '',
  };
}

/** The clip the worker files; empty optional fields are left out so templates drop them. */
export function clipFromDraft(draft: ClipDraft): Clip {
  const clip: Clip = { url: draft.url.trim(), title: draft.title.trim(), publisher: draft.publisher.trim() };
  const optional = { why: draft.why, byline: draft.byline, published: draft.published, summary: draft.summary };
  for (const [key, value] of Object.entries(optional) as [keyof typeof optional, string][]) {
    if (value.trim() !== '') clip[key] = value.trim();
  }
  return clip;
}
