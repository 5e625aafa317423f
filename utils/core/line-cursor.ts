/** Calls `visit` with each line's start and end (before its line ending); `\n`, `\r\n` and a lone `\r` end a line,
 * as in CommonMark. */
export function forEachLine(text: string, visit: (start: number, end: number) => void): void {
  let start = 0;
  // The next `\r` is searched again only once passed: searching from every line would cost quadratic time.
  let carriageReturn = -1;
  while (start < text.length) {
    const newline = text.indexOf('\n', start);
    const lineFeedEnd = newline === -1 ? text.length : newline;
    if (carriageReturn !== text.length && carriageReturn < start) {
      carriageReturn = text.indexOf('\r', start);
      if (carriageReturn === -1) carriageReturn = text.length;
    }
    const end = Math.min(carriageReturn, lineFeedEnd);
    visit(start, end);
    start = text[end] === '\r' && text[end + 1] === '\n' ? end + 2 : end + 1;
  }
}

export function isSpaceOrTab(char: string | undefined): boolean {
  return char === ' ' || char === '\t';
}

/**
 * A position inside one line, counted both in characters and in columns (a tab advances to the next multiple of
 * 4), the way CommonMark measures indentation; a tab can be consumed partly (`> \tcode`).
 */
export class LineCursor {
  text = '';
  /** Offset of the line's start in the body, so positions can be reported as body offsets. */
  base = 0;
  offset = 0;
  column = 0;
  partiallyConsumedTab = false;
  nextNonspace = 0;
  nextNonspaceColumn = 0;
  indent = 0;
  indented = false;
  blank = false;

  reset(text: string, base: number): void {
    this.text = text;
    this.base = base;
    this.offset = 0;
    this.column = 0;
    this.partiallyConsumedTab = false;
  }

  char(at = this.offset): string | undefined {
    return this.text[at];
  }

  findNextNonspace(): void {
    let index = this.offset;
    let column = this.column;
    for (let char = this.text[index]; char === ' ' || char === '\t'; char = this.text[index]) {
      column += char === ' ' ? 1 : 4 - (column % 4);
      index += 1;
    }
    this.blank = index === this.text.length;
    this.nextNonspace = index;
    this.nextNonspaceColumn = column;
    this.indent = column - this.column;
    this.indented = this.indent >= 4;
  }

  advanceNextNonspace(): void {
    this.offset = this.nextNonspace;
    this.column = this.nextNonspaceColumn;
    this.partiallyConsumedTab = false;
  }

  /** Moves `count` characters on, or `count` columns when `columns` (splitting a tab when needed). */
  advanceOffset(count: number, columns: boolean): void {
    let left = count;
    while (left > 0 && this.offset < this.text.length) {
      const char = this.text[this.offset];
      if (char === '\t') {
        const width = 4 - (this.column % 4);
        if (columns) {
          this.partiallyConsumedTab = width > left;
          const step = Math.min(width, left);
          this.column += step;
          this.offset += this.partiallyConsumedTab ? 0 : 1;
          left -= step;
        } else {
          this.partiallyConsumedTab = false;
          this.column += width;
          this.offset += 1;
          left -= 1;
        }
      } else {
        this.partiallyConsumedTab = false;
        this.offset += 1;
        this.column += 1;
        left -= 1;
      }
    }
  }

  /** The rest of the line from `at`. */
  rest(at = this.offset): string {
    return this.text.slice(at);
  }
}
