import { isMap, isNode, isScalar, isSeq, parseDocument, Scalar } from 'yaml';
import type { Document, Node, YAMLSeq } from 'yaml';
import { lineStartOf, type LineEnding } from './note';
import { NoteFormatError } from './note-error';
import { cleanTags, splitScalarTags, tagKey } from './tags';
import { listItemSource } from './yaml-scalar';

/** What a clip changes in the frontmatter. */
export interface FrontmatterPatch {
  /** Tags to merge (cleaned by `cleanTags`). */
  tags: string[];
  /** `YYYY-MM-DD`, written to `updated`. */
  date: string;
}

/** One splice of the YAML text. */
interface Edit {
  at: number;
  /** Characters removed from `at` on. */
  remove: number;
  insert: string;
}

/** Indentation of a new block list under a key (the seed's two spaces). */
const LIST_INDENT = '  ';

function applyEdits(text: string, edits: Edit[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.at - a.at)) {
    result = result.slice(0, edit.at) + edit.insert + result.slice(edit.at + edit.remove);
  }
  return result;
}

/** Offset of the line ending that ends the line holding `offset` (the text length on the last line). */
function lineEndOf(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  if (newline === -1) return text.length;
  return newline > 0 && text[newline - 1] === '\r' ? newline - 1 : newline;
}

function lineNumberAt(yaml: string, offset: number): number {
  // The YAML starts on the note's second line (after the opening `---`).
  return yaml.slice(0, offset).split('\n').length + 1;
}

function rangeOf(node: Node): [number, number] {
  const range = node.range;
  if (!range) throw new Error('yaml node without source range');
  return [range[0], range[1]];
}

/** A top-level key of the frontmatter with its scalar key node (for the key's offsets). */
interface KeyPair {
  key: Scalar;
  value: Node | null;
}

function findPair(document: Document.Parsed, key: string): KeyPair | undefined {
  if (!isMap(document.contents)) return undefined;
  for (const pair of document.contents.items) {
    if (isScalar(pair.key) && pair.key.value === key) return { key: pair.key, value: pair.value };
  }
  return undefined;
}

/** Offset just after the `:` that follows a pair's key. */
function afterColon(yaml: string, pair: KeyPair): number {
  const keyEnd = rangeOf(pair.key)[1];
  return yaml.indexOf(':', keyEnd) + 1;
}

/** Indentation of the top-level keys (so keys appended at the end line up with the others). */
function keyIndent(yaml: string, document: Document.Parsed): string {
  if (!isMap(document.contents)) return '';
  const first = document.contents.items[0];
  if (!first || !isScalar(first.key)) return '';
  const keyStart = rangeOf(first.key)[0];
  return yaml.slice(lineStartOf(yaml, keyStart), keyStart);
}

function blockListLines(indent: string, tags: string[]): string[] {
  return tags.map((tag) => `${indent}${LIST_INDENT}- ${listItemSource(tag, 'block')}`);
}

/** Appends tags to a block list, after its last item, with the list's own indentation and dash spacing. */
function appendToBlockList(yaml: string, list: YAMLSeq, tags: string[], eol: LineEnding): Edit {
  const [listStart] = rangeOf(list);
  const indent = yaml.slice(lineStartOf(yaml, listStart), listStart);
  const first = list.items[0];
  const firstStart = isScalar(first) ? rangeOf(first)[0] : listStart + 2;
  const dash = yaml.slice(listStart, firstStart).includes('\n') ? '- ' : yaml.slice(listStart, firstStart);
  const last = list.items[list.items.length - 1];
  const lastEnd = isNode(last) ? rangeOf(last)[1] : rangeOf(list)[1];
  const items = tags.map((tag) => `${indent}${dash}${listItemSource(tag, 'block')}`);
  if (yaml[lastEnd - 1] === '\n') return { at: lastEnd, remove: 0, insert: items.map((item) => item + eol).join('') };
  return { at: lineEndOf(yaml, lastEnd), remove: 0, insert: items.map((item) => eol + item).join('') };
}

/** Appends tags inside a flow list, after its last item, with the list's own separator. */
function appendToFlowList(yaml: string, list: YAMLSeq, tags: string[]): Edit {
  const items = tags.map((tag) => listItemSource(tag, 'flow'));
  const [first, second] = list.items;
  const last = list.items[list.items.length - 1];
  if (!isNode(last)) return { at: yaml.lastIndexOf(']', rangeOf(list)[1]), remove: 0, insert: items.join(', ') };
  const between = isNode(first) && isNode(second) ? yaml.slice(rangeOf(first)[1], rangeOf(second)[0]) : '';
  const separator = /^\s*,\s*$/.test(between) ? between : ', ';
  return { at: rangeOf(last)[1], remove: 0, insert: items.map((item) => separator + item).join('') };
}

function existingTags(value: Node | null): string[] {
  if (value === null) return [];
  if (isSeq(value)) return value.items.map((item) => (isScalar(item) && item.value !== null ? String(item.value) : ''));
  if (isScalar(value)) return value.value === null ? [] : splitScalarTags(String(value.value));
  return [];
}

function tagsEdit(yaml: string, document: Document.Parsed, tags: string[], eol: LineEnding): Edit | 'append' | null {
  const pair = findPair(document, 'tags');
  const value = pair?.value ?? null;
  const present = new Set(existingTags(value).map(tagKey));
  const missing = tags.filter((tag) => !present.has(tagKey(tag)));
  if (missing.length === 0) return null;
  if (!pair) return 'append';
  if (isSeq(value))
    return value.flow ? appendToFlowList(yaml, value, missing) : appendToBlockList(yaml, value, missing, eol);
  if (value !== null && !isScalar(value)) {
    throw new NoteFormatError('`tags` is neither a list nor a single value', lineNumberAt(yaml, rangeOf(value)[0]));
  }
  // A scalar (or empty) `tags` becomes a block list: its own tags first, then the missing ones.
  const colon = afterColon(yaml, pair);
  const end = value === null || rangeOf(value)[0] === rangeOf(value)[1] ? colon : rangeOf(value)[1];
  const lines = blockListLines(keyIndent(yaml, document), [...existingTags(value), ...missing]);
  const trailing = yaml[end - 1] === '\n' ? eol : '';
  return { at: colon, remove: end - colon, insert: lines.map((line) => eol + line).join('') + trailing };
}

function updatedEdit(yaml: string, document: Document.Parsed, date: string): Edit | 'append' | null {
  const pair = findPair(document, 'updated');
  if (!pair) return 'append';
  const value = pair.value;
  if (value !== null && !isScalar(value)) {
    throw new NoteFormatError('`updated` is not a single value', lineNumberAt(yaml, rangeOf(value)[0]));
  }
  if (value === null || rangeOf(value)[0] === rangeOf(value)[1]) {
    return { at: afterColon(yaml, pair), remove: 0, insert: ` ${date}` };
  }
  const [start, end] = rangeOf(value);
  const quoted =
    value.type === Scalar.QUOTE_DOUBLE ? `"${date}"` : value.type === Scalar.QUOTE_SINGLE ? `'${date}'` : date;
  const replacement = quoted + (yaml[end - 1] === '\n' ? yaml.slice(lineEndOf(yaml, end - 1), end) : '');
  if (yaml.slice(start, end) === replacement) return null;
  return { at: start, remove: end - start, insert: replacement };
}

/** Checks the patched YAML reads back with the merged tags and the date; refuses to write otherwise. */
function verify(yaml: string, patch: FrontmatterPatch): void {
  const document = parseDocument(yaml, { uniqueKeys: true });
  const updated = findPair(document, 'updated')?.value;
  const tags = new Set(existingTags(findPair(document, 'tags')?.value ?? null).map(tagKey));
  const ok =
    document.errors.length === 0 &&
    isScalar(updated) &&
    String(updated.value) === patch.date &&
    patch.tags.every((tag) => tags.has(tagKey(tag)));
  if (!ok) throw new NoteFormatError('the frontmatter could not be updated safely', null);
}

/**
 * Patches frontmatter YAML in place: `updated` is set to the date (keeping its quote style), missing tags are
 * appended to `tags` in that list's own style (block list with its indentation and dash spacing, or flow list with
 * its separator); a scalar or empty `tags` becomes a block list (two-space indent) only when a tag must be added;
 * absent `tags`/`updated` are added at the end, lined up with the other keys. Every other byte stays as it was, and
 * YAML whose patch changes nothing comes back as the identical string. The `yaml` Document gives the nodes and
 * their offsets; the edits are spliced into the original text so nothing is re-quoted, re-indented or re-folded.
 */
export function patchFrontmatterYaml(
  yaml: string,
  document: Document.Parsed,
  patch: FrontmatterPatch,
  eol: LineEnding,
): string {
  const tags = cleanTags(patch.tags);
  const edits: Edit[] = [];
  const appended: string[] = [];
  const indent = keyIndent(yaml, document);
  const tagsChange = tagsEdit(yaml, document, tags, eol);
  if (tagsChange === 'append') appended.push(`${indent}tags:`, ...blockListLines(indent, tags));
  else if (tagsChange) edits.push(tagsChange);
  const updatedChange = updatedEdit(yaml, document, patch.date);
  if (updatedChange === 'append') appended.push(`${indent}updated: ${patch.date}`);
  else if (updatedChange) edits.push(updatedChange);
  if (appended.length > 0) {
    const needsEol = yaml.length > 0 && !yaml.endsWith('\n');
    edits.push({ at: yaml.length, remove: 0, insert: (needsEol ? eol : '') + appended.map((l) => l + eol).join('') });
  }
  if (edits.length === 0) return yaml;
  const patched = applyEdits(yaml, edits);
  verify(patched, { tags, date: patch.date });
  return patched;
}

/** A new frontmatter block for a note that has none: `tags` (when there are any) and `updated`. */
export function createFrontmatterBlock(patch: FrontmatterPatch, eol: LineEnding): string {
  const tags = cleanTags(patch.tags);
  const lines = ['---', ...(tags.length > 0 ? ['tags:', ...blockListLines('', tags)] : []), `updated: ${patch.date}`];
  return [...lines, '---'].map((line) => line + eol).join('');
}
