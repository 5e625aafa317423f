import { Document, parse, Scalar, stringify } from 'yaml';
import { neutraliseValue, renderCallout } from './callout';
import type { ClipRequest } from './clip';
import { isIsoDate } from './date-format';
import { insertCallout } from './insert-callout';
import { nextNoteId } from './note-id';
import { noteFileName } from './note-file-name';
import type { NoteOptions } from './note-options';
import { cleanTags } from './tags';

/** A note built from scratch for a clip. */
export interface NewNote {
  text: string;
  noteId: string;
  fileName: string;
}

const BODY_PLACEHOLDER = /\{(title|callout|date|note_id)\}/g;

/** A value as one line of plain text: whitespace and control character runs to one space, trimmed. */
function oneLine(text: string): string {
  return text.replace(/[\s\p{Cc}]+/gu, ' ').trim();
}

/**
 * A free-text frontmatter value, double-quoted when a YAML 1.1 reader (Obsidian and most tools in front of a vault)
 * would take its plain form for something else: `yes`, `2026-03-14`, `0x1F`. Other values are written as the
 * `yaml` library chooses (plain when safe, quoted when the text holds `: `, quotes or a leading indicator).
 */
export function textScalar(text: string): Scalar<string> {
  const scalar = new Scalar(text);
  if (parse(stringify(text, { lineWidth: 0 }), { version: '1.1' }) !== text) scalar.type = Scalar.QUOTE_DOUBLE;
  return scalar;
}

/**
 * Builds a new note for a clip. The frontmatter (written by the `yaml` library, so any title is quoted correctly)
 * has the seed's keys in the seed's order: `title`, `tags` (block list, two-space indent; `[]` when none),
 * `keywords: []`, `draft: true`, `description` (the clip's summary on one line; `""` when there is none, so the
 * property stays a text),
 * `created` and `updated` (the clip date), `note_id` (see `nextNoteId`), `cssclasses` (from the options; `[]` when
 * none). A blank line follows, as in the seed, then `options.newNoteTemplate` with `{title}` (neutralised like a
 * callout value, so the heading stays one line), `{callout}`, `{date}` and `{note_id}`. A template without
 * `{callout}` gets the callout inserted as in an existing note. The file name comes from `noteFileName`.
 */
export function createNote(
  request: ClipRequest,
  options: NoteOptions,
  existingNoteIds: Iterable<string> = [],
): NewNote {
  if (!isIsoDate(request.date)) throw new RangeError(`clip date must be YYYY-MM-DD, got "${request.date}"`);
  const title = oneLine(request.clip.title) || 'Untitled';
  const noteId = nextNoteId(request.date, options.seriesCode, existingNoteIds);
  const frontmatter = new Document({
    title,
    tags: cleanTags(request.tags),
    keywords: [],
    draft: true,
    description: textScalar(oneLine(request.clip.summary ?? '')),
    created: request.date,
    updated: request.date,
    note_id: noteId,
    cssclasses: [...options.cssclasses],
  });
  const yaml = frontmatter.toString({ lineWidth: 0 });
  const callout = renderCallout(options.calloutTemplate, request.clip);
  const template = options.newNoteTemplate.replace(/\r\n?/g, '\n');
  const values: Record<string, string> = {
    title: neutraliseValue(title),
    callout,
    date: request.date,
    note_id: noteId,
  };
  let body = template.replace(BODY_PLACEHOLDER, (_whole, name: string) => values[name] ?? '');
  if (!template.includes('{callout}')) body = insertCallout(body, callout, options, '\n', true);
  return { text: `---\n${yaml}---\n\n${body}`, noteId, fileName: noteFileName(title) };
}
