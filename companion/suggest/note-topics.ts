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
  /** The note keeps one page (frontmatter `url`, a source note): a reference, not a topic, so never suggested. */
  sourceNote: boolean;
}

/** Enough of the opening paragraph to say what the note is about; more only costs indexing time. */
const OPENING_CHARS = 600;

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const HEADING = /^ {0,3}(#{1,6})[ \t]+(\S.*|)$/;
const CALLOUT_HEAD = /^[ \t]*>[ \t]*\[![^\]\s]+\][+-]?[ \t]*(\S.*|)$/;
const QUOTED = /^[ \t]*>[ \t]?(.*)$/;
const WHY_LABEL = /^why it matters:\s*/i;
const URL_IN_LINE = /https?:\/\/[^\s<>"[\]()]+/;

/** What a line can be, told by its first character after the indentation. */
const BLANK = 0;
const PROSE = 1;
/** Starts with `#`, `>`, a backtick or `~`: a heading, a callout line or a fence, maybe. */
const MARKED = 2;

/** A line's kind from its first characters only: most lines of a note are prose, which no pattern need try. */
function lineKind(line: string): number {
  for (let at = 0; at < line.length; at++) {
    const code = line.charCodeAt(at);
    if (code === 32 || code === 9 || code === 13) continue;
    return code === 35 || code === 62 || code === 96 || code === 126 ? MARKED : PROSE;
  }
  return BLANK;
}

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
    sourceNote: meta.url !== null,
  };
  let fence: string | null = null;
  let source: CitedSource | null = null;
  let openingDone = false;
  for (const rawLine of body.split('\n')) {
    const kind = lineKind(rawLine);
    if (fence !== null) {
      if (kind === MARKED && FENCE.exec(rawLine)?.[1]?.startsWith(fence)) fence = null;
      continue;
    }
    if (kind === MARKED) {
      const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
      const fenceMark = FENCE.exec(line)?.[1];
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
    }
    source = null;
    if (kind === BLANK) openingDone ||= topics.opening !== '';
    else if (!openingDone && topics.opening.length < OPENING_CHARS) {
      topics.opening = `${topics.opening} ${rawLine.trim()}`.trim().slice(0, OPENING_CHARS);
    }
  }
  return topics;
}

/** Joins a note's topic strings: no text field holds it (one that does makes `detachTopics` copy the slow way). */
const JOINT = '\u0000';

/**
 * The same topics in strings of their own: all joined into one and split again, so suggestion can keep them until
 * it indexes them (`deferred-index.ts`) without keeping the note's whole text alive, as slices of it would. Half
 * the CPU of `structuredClone`, which matters at startup on a 50,000-note vault.
 */
export function detachTopics(topics: NoteTopics): NoteTopics {
  const { title, aliases, tags, keywords, description, headings, opening, sources } = topics;
  const parts = [title, description, opening, ...aliases, ...tags, ...keywords, ...headings];
  for (const source of sources) parts.push(source.publisher, source.title, source.why, source.url);
  const copies = parts.join(JOINT).split(JOINT);
  if (copies.length !== parts.length) return structuredClone(topics);
  let at = 0;
  const next = () => copies[at++]!;
  return {
    title: next(),
    description: next(),
    opening: next(),
    aliases: aliases.map(next),
    tags: tags.map(next),
    keywords: keywords.map(next),
    headings: headings.map(next),
    sources: sources.map(() => ({ publisher: next(), title: next(), why: next(), url: next() })),
    sourceNote: topics.sourceNote,
  };
}
