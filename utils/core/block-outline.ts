import {
  atxHeading,
  closesFence,
  fenceOpening,
  isThematicBreak,
  readListMarker,
  setextLevel,
  type ListMarker,
} from './block-starts';
import { endsHtmlBlock, htmlBlockStart, type HtmlBlockKind } from './html-block';
import { forEachLine, LineCursor } from './line-cursor';

/** A block at the top level of a body, as CommonMark's block structure has it. */
export interface OutlineBlock {
  kind: 'heading' | 'code' | 'html' | 'other';
  /** Offset of the block's first character (after its indentation). */
  start: number;
  /** Offset just after its last non-blank line's last character. */
  end: number;
  /** Headings only: level and text as written (no `#` marks, closing sequence or underline). */
  depth?: number;
  text?: string;
}

/** The parts of a body's block structure the note engine uses. */
export interface BodyOutline {
  blocks: OutlineBlock[];
  /** `[start, end)` of every blockquote opening with `> [!type]`, at any depth, except those inside another. */
  callouts: [number, number][];
}

type Kind = 'document' | 'blockquote' | 'list' | 'item' | 'paragraph' | 'code' | 'html' | 'heading' | 'break';

interface Block {
  kind: Kind;
  parent: Block | null;
  lastChild: Block | null;
  open: boolean;
  start: number;
  end: number;
  depth?: number;
  text?: string;
  /** Top-level paragraphs: their lines, with the line endings between them, for a setext heading's text. */
  lines?: string[];
  fence?: { char: string; length: number; offset: number };
  html?: HtmlBlockKind;
  list?: ListMarker;
  callout?: boolean;
  oneLine?: boolean;
}

/** What `continues` answers: the block goes on, does not, or took the whole line (a closing fence). */
const enum Match {
  Yes,
  No,
  WholeLine,
}

const CALLOUT_START = /^>[ \t]*\[![^\]\s]+\]/;
const MAYBE_SPECIAL = /^[#`~*+_=<>0-9-]/;

/**
 * The block structure of a Markdown body in one pass over its lines, following CommonMark's parsing strategy
 * (containers first, then new block starts, then lazy continuation). Linear in the body's length, unlike the full
 * parser, whose cost grew faster than the note (issue 14: a 5 MB note of 100,000 callouts never finished); a
 * property test checks it against mdast-util-from-markdown. Link reference definitions are read as paragraphs.
 */
export function outlineBody(body: string): BodyOutline {
  return new OutlineScanner(body).run();
}

class OutlineScanner {
  private readonly document: Block = newBlock('document', null, 0);
  private readonly topLevel: Block[] = [];
  private readonly callouts: [number, number][] = [];
  private readonly cursor = new LineCursor();
  private tip: Block = this.document;
  private oldTip: Block = this.document;
  private lastMatched: Block = this.document;
  private allClosed = true;
  /** micromark's `interrupt`: every container matched and a paragraph or indented code ran on; it holds for the
   * whole line, in containers started on it too (an ordered item not at 1 cannot start then). */
  private interrupt = false;
  private containersMatched = true;

  constructor(private readonly body: string) {}

  run(): BodyOutline {
    forEachLine(this.body, (start, end) => this.addLine(this.body.slice(start, end), start));
    while (this.tip !== this.document) this.finalize(this.tip);
    return { blocks: this.topLevel.map(toOutlineBlock), callouts: this.callouts };
  }

  private addLine(text: string, base: number): void {
    const cursor = this.cursor;
    cursor.reset(text, base);
    this.oldTip = this.tip;
    let container = this.document;
    let allMatched = true;
    let containersMatched = true;
    for (let child = container.lastChild; child?.open; child = container.lastChild) {
      container = child;
      cursor.findNextNonspace();
      const match = this.continues(container);
      if (match === Match.WholeLine) {
        this.extendOpenBlocks(base + text.length);
        this.finalize(container);
        return;
      }
      if (match === Match.No) {
        containersMatched = acceptsLines(container.kind) || container.kind === 'heading' || container.kind === 'break';
        container = container.parent!;
        allMatched = false;
        break;
      }
    }
    const leafRanOn =
      this.oldTip.kind === 'paragraph' || (this.oldTip.kind === 'code' && !this.oldTip.fence && !this.oldTip.oneLine);
    this.interrupt = leafRanOn && containersMatched;
    this.containersMatched = containersMatched;
    this.allClosed = allMatched && container === this.oldTip;
    this.lastMatched = container;
    let matchedLeaf = container.kind !== 'paragraph' && acceptsLines(container.kind);
    while (!matchedLeaf) {
      cursor.findNextNonspace();
      if (!cursor.indented && !MAYBE_SPECIAL.test(cursor.rest(cursor.nextNonspace))) {
        cursor.advanceNextNonspace();
        break;
      }
      const started = this.startBlock(container);
      if (started === Match.No) {
        cursor.advanceNextNonspace();
        break;
      }
      container = this.tip;
      matchedLeaf = started === Match.WholeLine;
    }
    this.finishLine(container, text, base);
  }

  private finishLine(container: Block, text: string, base: number): void {
    const cursor = this.cursor;
    if (!this.allClosed && !cursor.blank && this.tip.kind === 'paragraph') {
      this.tip.lines?.push(this.eolBefore(base), cursor.rest());
    } else {
      this.closeUnmatched();
      if (container.kind === 'html' || container.kind === 'code') {
        if (container.kind === 'html' && container.html! <= 5 && endsHtmlBlock(container.html!, cursor.rest())) {
          this.extendOpenBlocks(base + text.length);
          this.finalize(container);
          return;
        }
      } else if (container.kind === 'paragraph') {
        container.lines?.push(this.eolBefore(base), cursor.rest());
      } else if (!cursor.blank && container.kind !== 'heading' && container.kind !== 'break') {
        cursor.advanceNextNonspace();
        const paragraph = this.addChild('paragraph', base + cursor.offset);
        // Only a top-level paragraph can become a heading the engine reads; others keep no text.
        if (paragraph.parent === this.document) paragraph.lines = [cursor.rest()];
      }
    }
    if (!isBlank(text)) this.extendOpenBlocks(base + text.length);
  }

  private continues(block: Block): Match {
    const cursor = this.cursor;
    switch (block.kind) {
      case 'blockquote':
        if (cursor.indented || cursor.char(cursor.nextNonspace) !== '>') return Match.No;
        cursor.advanceNextNonspace();
        cursor.advanceOffset(1, false);
        if (cursor.char() === ' ' || cursor.char() === '\t') cursor.advanceOffset(1, true);
        return Match.Yes;
      case 'item':
        if (cursor.blank) {
          if (block.lastChild === null) return Match.No;
          cursor.advanceNextNonspace();
        } else if (cursor.indent >= block.list!.markerOffset + block.list!.padding) {
          cursor.advanceOffset(block.list!.markerOffset + block.list!.padding, true);
        } else return Match.No;
        return Match.Yes;
      case 'code':
        return this.continuesCode(block);
      case 'html':
        return cursor.blank && block.html! >= 6 ? Match.No : Match.Yes;
      case 'paragraph':
        return cursor.blank ? Match.No : Match.Yes;
      case 'heading':
      case 'break':
        return Match.No;
      default:
        return Match.Yes;
    }
  }

  private continuesCode(block: Block): Match {
    const cursor = this.cursor;
    const fence = block.fence;
    if (fence) {
      const line = cursor.rest(cursor.nextNonspace);
      if (cursor.indent <= 3 && closesFence(line, fence.char, fence.length)) return Match.WholeLine;
      for (let left = fence.offset; left > 0 && (cursor.char() === ' ' || cursor.char() === '\t'); left -= 1) {
        cursor.advanceOffset(1, true);
      }
      return Match.Yes;
    }
    if (block.oneLine) return Match.No;
    if (cursor.indent >= 4) cursor.advanceOffset(4, true);
    else if (cursor.blank) cursor.advanceNextNonspace();
    else return Match.No;
    return Match.Yes;
  }

  /** Tries each block start at the cursor, in CommonMark's order; `Match.No` when none starts here. */
  private startBlock(container: Block): Match {
    const cursor = this.cursor;
    const inParagraph = container.kind === 'paragraph';
    const lazyParagraph = inParagraph || (!this.allClosed && this.tip.kind === 'paragraph');
    const at = cursor.base + cursor.nextNonspace;
    const line = cursor.rest(cursor.nextNonspace);
    if (!cursor.indented) {
      if (line[0] === '>') {
        cursor.advanceNextNonspace();
        cursor.advanceOffset(1, false);
        if (cursor.char() === ' ' || cursor.char() === '\t') cursor.advanceOffset(1, true);
        this.closeUnmatched();
        this.addChild('blockquote', at).callout = this.isCalloutStart(at);
        return Match.Yes;
      }
      const heading = atxHeading(line);
      if (heading) {
        this.closeUnmatched();
        Object.assign(this.addChild('heading', at), heading);
        cursor.advanceOffset(cursor.text.length - cursor.offset, false);
        return Match.WholeLine;
      }
      const fence = fenceOpening(line);
      if (fence) {
        this.closeUnmatched();
        this.addChild('code', at).fence = { ...fence, offset: cursor.indent };
        cursor.advanceNextNonspace();
        cursor.advanceOffset(fence.length, false);
        return Match.WholeLine;
      }
      const html = line[0] === '<' ? htmlBlockStart(line) : null;
      if (html === 7 && lazyParagraph && !inParagraph) {
        // micromark's reading (the reference): the tag line ends the lazy paragraph but opens its HTML block in
        // the paragraph's own container, which stays open.
        this.finalize(this.tip);
        this.addChild('html', cursor.base + cursor.offset).html = html;
        this.allClosed = true;
        return Match.WholeLine;
      }
      if (html !== null && (html < 7 || !lazyParagraph)) {
        this.closeUnmatched();
        this.addChild('html', cursor.base + cursor.offset).html = html;
        return Match.WholeLine;
      }
      const level = container.kind === 'paragraph' ? setextLevel(line) : 0;
      if (level > 0) {
        this.closeUnmatched();
        Object.assign(container, { kind: 'heading', depth: level, text: setextText(container.lines ?? []) });
        cursor.advanceOffset(cursor.text.length - cursor.offset, false);
        return Match.WholeLine;
      }
      if (isThematicBreak(line)) {
        this.closeUnmatched();
        this.addChild('break', at);
        cursor.advanceOffset(cursor.text.length - cursor.offset, false);
        return Match.WholeLine;
      }
    }
    if (!cursor.indented || container.kind === 'list') {
      const marker = readListMarker(cursor, this.interrupt);
      if (marker) {
        this.closeUnmatched();
        if (this.tip.kind !== 'list' || !sameList(this.tip.list!, marker)) this.addChild('list', at).list = marker;
        this.addChild('item', at).list = marker;
        return Match.Yes;
      }
    }
    if (cursor.indented && this.tip.kind !== 'paragraph' && !cursor.blank) {
      cursor.advanceOffset(4, true);
      this.closeUnmatched();
      // micromark ends an indented code block after its first line when that line closed a container.
      this.addChild('code', cursor.base + cursor.offset).oneLine = !this.containersMatched;
      return Match.WholeLine;
    }
    return Match.No;
  }

  /** The line ending just before `lineStart` (empty at the body's start). */
  private eolBefore(lineStart: number): string {
    if (this.body[lineStart - 1] !== '\n') return lineStart > 0 ? '\r' : '';
    return this.body[lineStart - 2] === '\r' ? '\r\n' : '\n';
  }

  private isCalloutStart(at: number): boolean {
    for (let block: Block | null = this.tip; block; block = block.parent) if (block.callout) return false;
    return CALLOUT_START.test(this.body.slice(at, at + 200));
  }

  private closeUnmatched(): void {
    if (this.allClosed) return;
    while (this.oldTip !== this.lastMatched) {
      const parent = this.oldTip.parent!;
      this.finalize(this.oldTip);
      this.oldTip = parent;
    }
    this.allClosed = true;
  }

  private addChild(kind: Kind, start: number): Block {
    while (!canContain(this.tip.kind, kind)) this.finalize(this.tip);
    const block = newBlock(kind, this.tip, start);
    this.tip.lastChild = block;
    if (this.tip === this.document) this.topLevel.push(block);
    this.tip = block;
    return block;
  }

  private finalize(block: Block): void {
    block.open = false;
    this.tip = block.parent!;
    if (block.callout) this.callouts.push([block.start, block.end]);
  }

  /** Every open block holds the current line: it ends at this line's end (blank lines excepted). */
  private extendOpenBlocks(end: number): void {
    for (let block: Block | null = this.tip; block && block.end < end; block = block.parent) block.end = end;
  }
}

function isBlank(text: string): boolean {
  for (const char of text) if (char !== ' ' && char !== '\t') return false;
  return true;
}

function newBlock(kind: Kind, parent: Block | null, start: number): Block {
  return { kind, parent, lastChild: null, open: true, start, end: start };
}

function acceptsLines(kind: Kind): boolean {
  return kind === 'paragraph' || kind === 'code' || kind === 'html';
}

function canContain(parent: Kind, child: Kind): boolean {
  if (parent === 'list') return child === 'item';
  return (parent === 'document' || parent === 'blockquote' || parent === 'item') && child !== 'item';
}

function sameList(list: ListMarker, item: ListMarker): boolean {
  return list.ordered === item.ordered && list.delimiter === item.delimiter;
}

/**
 * A setext heading's text as the parser's text nodes hold it: its lines without surrounding whitespace, with the
 * line endings between them, except after two or more trailing spaces (a hard line break, which holds no text).
 */
function setextText(parts: string[]): string {
  return parts
    .map((part, index) => {
      if (index % 2 === 0) return part.trim();
      return parts[index - 1]!.endsWith('  ') ? '' : part;
    })
    .join('');
}

function toOutlineBlock(block: Block): OutlineBlock {
  const kind = block.kind === 'heading' || block.kind === 'code' || block.kind === 'html' ? block.kind : 'other';
  const outline: OutlineBlock = { kind, start: block.start, end: block.end };
  if (block.kind === 'heading') Object.assign(outline, { depth: block.depth, text: block.text });
  return outline;
}
