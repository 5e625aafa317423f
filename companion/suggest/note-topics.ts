import type { NoteMeta } from '../../utils/core/note-meta';

/** One source a note cites, as its callout shows it (`> [!ref] Publisher - Title` / URL / `Why it matters: …`). */
export interface CitedSource {
  publisher: string;
  title: string;
  /** The callout's other text lines (the why line first). */
  why: string;
  /** The first URL of the callout, or `''`. */
  url: string;
}

/** What target-note suggestion reads of a note, one entry per ranked field. */
export interface NoteTopics {
  title: string;
  aliases: string[];
  tags: string[];
  keywords: string[];
  description: string;
  /** Headings below the top level (`##` and deeper). */
  headings: string[];
  /** The note's first paragraph of prose, cut at `OPENING_CHARS`. */
  opening: string;
  sources: CitedSource[];
}

/** Enough of the opening paragraph to say what the note is about; more only costs indexing time. */
const OPENING_CHARS = 600;

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const HEADING = /^ {0,3}(#{1,6})[ \t]+(\S.*|)$/;
const CALLOUT_HEAD = /^[ \t]*>[ \t]*\[![^\]\s]+\][+-]?[ \t]*(\S.*|)$/;
const QUOTED = /^[ \t]*>[ \t]?(.*)$/;
const WHY_LABEL = /^why it matters:\s*/i;
const URL_IN_LINE = /https?:\/\/[^\s<>"[\]()]+/;

/** Splits a callout's first line at its first ` - ` (the default template's `{publisher} - {title}`). */
function newSource(head: string): CitedSource {
  const dash = head.indexOf(' - ');
  return dash === -1
    ? { publisher: '', title: head.trim(), why: '', url: '' }
    : { publisher: head.slice(0, dash).trim(), title: head.slice(dash + 3).trim(), why: '', url: '' };
}

function addCalloutLine(source: CitedSource, line: string): void {
  const url = source.url === '' ? URL_IN_LINE.exec(line) : null;
  if (url) {
    source.url = url[0];
    return;
  }
  const text = line.replace(WHY_LABEL, '').trim();
  if (text !== '') source.why = source.why === '' ? text : `${source.why} ${text}`;
}

/**
 * Reads a note body line by line (one pass, no Markdown parse: this runs for every note of a 50,000-note vault at
 * startup): headings, the first paragraph of prose, and the reference callouts with their publisher, title, why
 * line and URL. Fenced code is skipped.
 */
export function readNoteTopics(title: string, meta: NoteMeta, body: string): NoteTopics {
  const topics: NoteTopics = {
    title,
    aliases: meta.aliases,
    tags: meta.tags,
    keywords: meta.keywords,
    description: meta.description ?? '',
    headings: [],
    opening: '',
    sources: [],
  };
  let fence: string | null = null;
  let source: CitedSource | null = null;
  let openingDone = false;
  for (const rawLine of body.split('\n')) {
    const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    const fenceMark = FENCE.exec(line)?.[1];
    if (fence !== null) {
      if (fenceMark?.startsWith(fence)) fence = null;
      continue;
    }
    if (fenceMark) {
      fence = fenceMark.slice(0, 3);
      source = null;
      continue;
    }
    const head = CALLOUT_HEAD.exec(line);
    if (head) {
      source = newSource(head[1]!);
      topics.sources.push(source);
      openingDone ||= topics.opening !== '';
      continue;
    }
    const quoted = source ? QUOTED.exec(line) : null;
    if (source && quoted) {
      addCalloutLine(source, quoted[1]!);
      continue;
    }
    source = null;
    const heading = HEADING.exec(line);
    if (heading) {
      if (heading[1]!.length > 1) topics.headings.push(heading[2]!.trim());
      openingDone ||= topics.opening !== '';
      continue;
    }
    const text = line.trim();
    if (text === '') openingDone ||= topics.opening !== '';
    else if (!openingDone && topics.opening.length < OPENING_CHARS) {
      topics.opening = `${topics.opening} ${text}`.trim().slice(0, OPENING_CHARS);
    }
  }
  return topics;
}
