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
  /**
   * The note's prose from its first paragraph on, cut at `OPENING_CHARS`: paragraphs and list items, without HTML
   * tags (their text kept), links to other notes, or lines of nothing but such links (`see also: [[A]] · [[B]]`).
   */
  opening: string;
  sources: CitedSource[];
  /** The note keeps one page (frontmatter `url`, a source note): a reference, not a topic, so never suggested. */
  sourceNote: boolean;
}

/**
 * Enough of a note's prose to say what it is about (its first paragraph or two); more only costs indexing time and
 * the memory of the topics waiting to be indexed.
 */
const OPENING_CHARS = 600;

/** A line that, without its wiki links, keeps fewer characters than this is a list of links, not prose. */
const LINK_LINE_REST = 20;

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

/** `[`, `<`, and what may follow `<` in a tag: a letter, `/` or `!` (a comment). */
const BRACKET = 91;
const ANGLE = 60;
const isTagStart = (code: number) =>
  (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 47 || code === 33;

/**
 * A line of prose without its markup, in one scan (linear time): wiki links (`[[Other note]]`: they name other
 * notes' topics) and HTML tags (`<span class="claim">`: their words are every note's) are left out, their text
 * between tags kept. `''` for a line with no prose: only markup, or links with at most a label
 * (`*see also:* [[A]] · [[B]]`).
 */
function proseOf(line: string): string {
  const text = line.trim();
  // Most lines hold neither: the scan below is for the few that do.
  if (!text.includes('[[') && !text.includes('<')) return text;
  const pieces: string[] = [];
  let from = 0;
  let linked = false;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    let close = -1;
    if (code === BRACKET && text.charCodeAt(at + 1) === BRACKET) close = text.indexOf(']]', at + 2) + 1;
    else if (code === ANGLE && isTagStart(text.charCodeAt(at + 1))) close = text.indexOf('>', at + 2);
    else continue;
    // Unclosed: the rest of the line is text.
    if (close <= 0) break;
    linked ||= code === BRACKET;
    pieces.push(text.slice(from, at).trim());
    from = close + 1;
    at = close;
  }
  pieces.push(text.slice(from).trim());
  const prose = pieces.filter((piece) => piece !== '').join(' ');
  return linked && prose.length < LINK_LINE_REST ? '' : prose;
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
 * startup): headings, the prose from the first paragraph on, and the reference callouts with their publisher, title,
 * why line and URL. Fenced code is skipped.
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
  // Joined once at the end: a string grown line by line leaves a copy per line for the collector, at startup.
  const prose: string[] = [];
  let proseLength = 0;
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
        continue;
      }
    }
    source = null;
    if (kind !== BLANK && proseLength < OPENING_CHARS) {
      const line = proseOf(rawLine);
      if (line !== '') {
        prose.push(line);
        proseLength += line.length + 1;
      }
    }
  }
  topics.opening = prose.join(' ').slice(0, OPENING_CHARS);
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
