/**
 * A note the engine refuses to change: its frontmatter is not valid YAML (tabs, bad indentation, duplicate keys)
 * or holds a value the engine cannot patch. Nothing is written when this is thrown.
 */
export class NoteFormatError extends Error {
  /** 1-based line of the note (BOM and frontmatter `---` included) where the problem is, when known. */
  readonly line: number | null;

  constructor(message: string, line: number | null) {
    super(line === null ? message : `line ${line}: ${message}`);
    this.name = 'NoteFormatError';
    this.line = line;
  }
}
