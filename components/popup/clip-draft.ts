import type { Clip } from '../../utils/core/clip';

/** The popup's editable fields, as plain strings bound to inputs. */
export interface ClipDraft {
  url: string;
  title: string;
  publisher: string;
  byline: string;
  published: string;
  summary: string;
  why: string;
  /** The selection as Markdown, several lines (issue 17). */
  quote: string;
}

export const EMPTY_DRAFT: ClipDraft = {
  url: '',
  title: '',
  publisher: '',
  byline: '',
  published: '',
  summary: '',
  why: '',
  quote: '',
};

/** The fields the popup opens with: the clip `clipFromPage` made of the page, every door's same rule. */
export function draftFromClip(clip: Clip): ClipDraft {
  return {
    url: clip.url,
    title: clip.title,
    publisher: clip.publisher,
    byline: clip.byline ?? '',
    published: clip.published ?? '',
    summary: clip.summary ?? '',
    why: clip.why ?? '',
    quote: clip.quote ?? '',
  };
}

/** The clip the worker files; empty optional fields are left out so templates drop them. */
export function clipFromDraft(draft: ClipDraft): Clip {
  const clip: Clip = { url: draft.url.trim(), title: draft.title.trim(), publisher: draft.publisher.trim() };
  const optional = {
    why: draft.why,
    byline: draft.byline,
    published: draft.published,
    summary: draft.summary,
    quote: draft.quote,
  };
  for (const [key, value] of Object.entries(optional) as [keyof typeof optional, string][]) {
    if (value.trim() !== '') clip[key] = value.trim();
  }
  return clip;
}
