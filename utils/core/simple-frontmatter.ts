/**
 * A fast reader for the frontmatter most notes have: `key: value` lines, `key:` followed by `- item` lines, and
 * `key: [a, b]`, all with plain values that mean the same as text in YAML's core schema. It returns null as soon as
 * a line is anything else (quotes, block scalars, nesting, comments after values, floats, duplicate keys…),
 * and the caller then reads the frontmatter with the `yaml` library. It exists because the companion reads the
 * frontmatter of every note of a 50,000-note vault at start; it never writes anything.
 */

/** A top-level value: text, null (`key:`, `~`, `null`), or a list of texts. */
export type SimpleValue = string | null | string[];

const KEY_LINE = /^([A-Za-z_][A-Za-z0-9_-]*):(?:[ ]+(.*?))?[ ]*$/;
const ITEM_LINE = /^([ ]*)- (.*?)[ ]*$/;
const NULL = /^(?:~|null|Null|NULL)$/;
const BOOLEAN = /^(?:true|True|TRUE|false|False|FALSE)$/;
/** Plain scalars YAML would read as numbers whose text differs from the source (floats, hex, …). */
const NOT_TEXT =
  /^(?:[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|0x[0-9a-fA-F]+|0o[0-7]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const PLAIN_START = /^[^-?:,[\]{}#&*!|>'"%@`\s]/;

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
    const item = openList ? ITEM_LINE.exec(line) : null;
    if (openList && item) {
      const text = plainValue(item[2] ?? '', false);
      if (typeof text !== 'string' || (openList.indent !== null && openList.indent !== item[1])) return null;
      openList.indent = item[1] ?? '';
      const list = values.get(openList.key);
      values.set(openList.key, Array.isArray(list) ? [...list, text] : [text]);
      continue;
    }
    const match = KEY_LINE.exec(line);
    const key = match?.[1];
    if (!match || key === undefined || values.has(key)) return null;
    const raw = match[2] ?? '';
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
