import { isScalar, isSeq, parseDocument, stringify } from 'yaml';

/** Where a scalar goes: an item of a block list (`- x`) or of a flow list (`[x]`). */
export type ListContext = 'block' | 'flow';

/** Whether `source` placed as the only item of a list in `context` reads back as exactly `value`. */
function readsBackAs(source: string, value: string, context: ListContext): boolean {
  const document = parseDocument(context === 'block' ? `- ${source}\n` : `[${source}]\n`);
  if (document.errors.length > 0 || !isSeq(document.contents)) return false;
  const items = document.contents.items;
  const item = items[0];
  return items.length === 1 && isScalar(item) && item.value !== null && String(item.value) === value;
}

/**
 * The YAML text of a string list item (a tag), written as the user would: plain when it reads back as the same text
 * (so `2021` stays `2021`, as in the seed), else quoted by the `yaml` library.
 */
export function listItemSource(value: string, context: ListContext): string {
  if (value !== '' && readsBackAs(value, value, context)) return value;
  const quoted = stringify(value, { lineWidth: 0 }).replace(/\n$/, '');
  if (readsBackAs(quoted, value, context)) return quoted;
  return stringify(value, { lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE' }).replace(/\n$/, '');
}
