import { Document } from 'yaml';
import type { ClipRequest } from './clip';
import { isIsoDate } from './date-format';
import { textScalar } from './new-note';
import { noteFileName } from './note-file-name';
import { parseNote } from './note';
import { cleanTags } from './tags';
import { sourceKey } from './cited-urls';

/** A source note: the article's text as Markdown under a frontmatter citing it. */
export interface SourceNote {
  text: string;
  /** From the clip's title (`noteFileName`); a clash with another page's note gets `-2`, `-3`, … by the writer. */
  fileName: string;
}

/** A value as one line of plain text: whitespace and control character runs to one space, trimmed. */
function oneLine(text: string | undefined): string {
  return (text ?? '').replace(/[\s\p{Cc}]+/gu, ' ').trim();
}

/** The article's Markdown with `\n` line endings and no control characters but tab and newline, trimmed. */
function cleanMarkdown(markdown: string): string {
  return markdown
    .replace(/\r\n?|[\v\f\u0085\u2028\u2029]/g, '\n')
    .replace(/[^\P{Cc}\t\n]/gu, ' ')
    .trim();
}

/**
 * The source note for a clip and the article's Markdown: frontmatter written by the `yaml` library with `title`,
 * `url`, `author` (the byline; left out when unknown), `published` (left out when unknown), `site` (the
 * publisher), `tags` (block list; `[]` when none) and `created` (the clip date), a blank line, then the Markdown and
 * one final newline. The Markdown is the page's, as the extractor made it (links and images absolute, images remote).
 */
export function createSourceNote(request: ClipRequest, markdown: string): SourceNote {
  if (!isIsoDate(request.date)) throw new RangeError(`clip date must be YYYY-MM-DD, got "${request.date}"`);
  const { clip } = request;
  const title = oneLine(clip.title) || 'Untitled';
  const fields: Record<string, unknown> = { title: textScalar(title), url: textScalar(oneLine(clip.url)) };
  if (oneLine(clip.byline)) fields.author = textScalar(oneLine(clip.byline));
  if (oneLine(clip.published)) fields.published = textScalar(oneLine(clip.published));
  fields.site = textScalar(oneLine(clip.publisher));
  fields.tags = cleanTags(request.tags);
  fields.created = request.date;
  const yaml = new Document(fields).toString({ lineWidth: 0 });
  const body = cleanMarkdown(markdown);
  return { text: `---\n${yaml}---\n\n${body === '' ? '' : `${body}\n`}`, fileName: noteFileName(title) };
}

/**
 * Whether an existing note is the source note of `url` (its frontmatter `url` names the same source, by
 * `sourceKey`): clipping a page again reuses its source note instead of writing a second one. Never throws.
 */
export function isSourceNoteOf(text: string, url: string): boolean {
  try {
    const saved = parseNote(text).frontmatter?.document.get('url');
    return typeof saved === 'string' && sourceKey(saved) === sourceKey(url);
  } catch {
    return false;
  }
}
