/**
 * A fast reader for the frontmatter most notes have: `key: value` lines, `key:` followed by `- item` lines, and
 * `key: [a, b]`, all with plain values that mean the same as text in YAML's core schema. It returns null as soon as
 * a line is anything else (quotes, block scalars, nesting, comments after values, floats, duplicate keys…),
 * and the caller then reads the frontmatter with the `yaml` library. It exists because the companion reads the
 * frontmatter of every note of a 50,000-note vault at start; it never writes anything.
 */

/** A top-level value: text, null (`key:`, `~`, `null`), or a list of texts. */
export type SimpleValue = string | null | string[];

const KEY = /^[A-Za-z_][A-Za-z0-9_-]*:/;
/** Line terminators other than `\n` (which split the lines): `.` never matched them, so such a line is not simple. */
const OTHER_LINE_BREAK = /[\r\u2028\u2029]/;
const NULL = /^(?:~|null|Null|NULL)$/;
const BOOLEAN = /^(?:true|True|TRUE|false|False|FALSE)$/;
/** Plain scalars YAML would read as numbers whose text differs from the source (floats, hex, …). */
const NOT_TEXT =
  /^(?:[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?|0x[0-9a-fA-F]+|0o[0-7]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const PLAIN_START = /^[^-?:,[\]{}#&*!|>'"%@`\s]/;

/** `text` without the spaces at its ends (tabs kept). */
function trimSpaces(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text[start] === ' ') start += 1;
  while (end > start && text[end - 1] === ' ') end -= 1;
  return text.slice(start, end);
}

/**
 * A `key: value` line split into key and value (spaces around the value dropped), or null. Index walks, not one
 * regex: `/^(key):(?: +(.*?))? *$/` backtracked cubically on a key, thousands of spaces and a U+2028 (issue 14).
 */
function keyLine(line: string): { key: string; raw: string } | null {
  const key = KEY.exec(line)?.[0];
  if (key === undefined || OTHER_LINE_BREAK.test(line)) return null;
  const rest = line.slice(key.length);
  const raw = trimSpaces(rest);
  if (raw !== '' && rest[0] !== ' ') return null;
  return { key: key.slice(0, -1), raw };
}

/** A `- item` line of a block list split into its indentation and item text, or null. */
function itemLine(line: string): { indent: string; text: string } | null {
  let indent = 0;
  while (line[indent] === ' ') indent += 1;
  if (line[indent] !== '-' || line[indent + 1] !== ' ' || OTHER_LINE_BREAK.test(line)) return null;
  return { indent: line.slice(0, indent), text: trimSpaces(line.slice(indent + 2)) };
}

/** The text of a plain scalar, null for YAML's null, or undefined when it is not a simple plain value. */
function plainValue(value: string, inFlow: boolean): string | null | undefined {
  if (NULL.test(value)) return null;
  if (!PLAIN_START.test(value) || /: |:$| #|\t/.test(value)) return undefined;
  if (inFlow && /[,[\]{}]/.test(value)) return undefined;
  if (/^(?:0|[1-9]\d{0,14})$/.test(value)) return value;
  if (BOOLEAN.test(value)) return value.toLowerCase();
  return NOT_TEXT.test(value) ? undefined : value;
}

function flowList(value: string): string[] | undefined {
  const inner = value.slice(1, -1).trim();
  if (inner === '') return [];
  const items: string[] = [];
  for (const raw of inner.split(',')) {
    const item = plainValue(raw.trim(), true);
    if (typeof item !== 'string') return undefined;
    items.push(item);
  }
  return items;
}

/** The top-level values of simple frontmatter YAML, or null when the YAML needs the real parser. */
export function readSimpleFrontmatter(yaml: string): Map<string, SimpleValue> | null {
  const values = new Map<string, SimpleValue>();
  let openList: { key: string; indent: string | null } | null = null;
  for (const rawLine of yaml.split('\n')) {
    const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    if (line.trim() === '' || line.startsWith('#')) continue;
    const item = openList ? itemLine(line) : null;
    if (openList && item) {
      const text = plainValue(item.text, false);
      if (typeof text !== 'string' || (openList.indent !== null && openList.indent !== item.indent)) return null;
      openList.indent = item.indent;
      const list = values.get(openList.key);
      values.set(openList.key, Array.isArray(list) ? [...list, text] : [text]);
      continue;
    }
    const match = keyLine(line);
    if (!match || values.has(match.key)) return null;
    const { key, raw } = match;
    openList = raw === '' ? { key, indent: null } : null;
    if (raw.startsWith('[') && raw.endsWith(']')) {
      const list = flowList(raw);
      if (!list) return null;
      values.set(key, list);
      continue;
    }
    const text = raw === '' ? null : plainValue(raw, false);
    if (text === undefined) return null;
    values.set(key, text);
  }
  return values;
}
