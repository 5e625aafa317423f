/**
 * Fields read one by one from a JSON-LD script that does not parse (an unescaped quote in a description, single-quoted
 * strings): the article's type, headline, dates, first author name and publisher name, each from its first
 * `"key": "value"` pair.
 * Nested objects are not told apart, so only keys that articles alone carry are read.
 */
export function salvageJsonLd(source: string): Record<string, unknown> | null {
  const type = stringField(source, '@type');
  const headline = stringField(source, 'headline');
  if (!type || !headline) return null;
  const node: Record<string, unknown> = { '@type': type, headline };
  for (const key of ['datePublished', 'dateModified']) {
    const value = stringField(source, key);
    if (value) node[key] = value;
  }
  const author = nestedName(source, 'author');
  if (author) node.author = { '@type': 'Person', name: author };
  const publisher = nestedName(source, 'publisher');
  if (publisher) node.publisher = { '@type': 'Organization', name: publisher };
  return node;
}

/** The `name` of the first object under `key`, when it comes before any nested object (`logo`, `image`). */
function nestedName(source: string, key: string): string | null {
  const match = new RegExp(
    `["']${key}["']\\s*:\\s*\\[?\\s*\\{[^{}]*?["']name["']\\s*:\\s*(["'])((?:(?!\\1)[^\\\\]|\\\\.)*)\\1`,
  ).exec(source);
  return match ? unescape(match[2]!) : null;
}

function stringField(source: string, key: string): string | null {
  const match = new RegExp(`["']${key}["']\\s*:\\s*(["'])((?:(?!\\1)[^\\\\]|\\\\.)*)\\1`).exec(source);
  return match ? unescape(match[2]!) : null;
}

function unescape(value: string): string {
  try {
    // A single-quoted value may hold bare double quotes: escape those, keep escapes already written.
    return JSON.parse(`"${value.replace(/\\'/g, "'").replace(/(?<!\\)"/g, '\\"')}"`) as string;
  } catch {
    return value;
  }
}
