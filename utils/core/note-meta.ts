import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { Node } from 'yaml';
import { locateFrontmatter } from './note';
import { readSimpleFrontmatter } from './simple-frontmatter';
import type { SimpleValue } from './simple-frontmatter';
import { splitScalarTags } from './tags';
import { YAML_LIBRARY_CHARS } from './yaml-budget';

/** What the companion's vault index keeps of a note, from its frontmatter. */
export interface NoteMeta {
  title: string | null;
  tags: string[];
  aliases: string[];
  updated: string | null;
  noteId: string | null;
  /** Frontmatter `description` (target-note suggestion ranks by it). */
  description: string | null;
  /** Frontmatter `keywords`, split like tags. */
  keywords: string[];
  /** Frontmatter `url`: the note keeps one page (a source note, issue 17), so it is never suggested as a target. */
  url: string | null;
}

const EMPTY_META: NoteMeta = {
  title: null,
  tags: [],
  aliases: [],
  updated: null,
  noteId: null,
  description: null,
  keywords: [],
  url: null,
};

function text(node: unknown): string | null {
  return isScalar(node) && node.value !== null ? String(node.value) : null;
}

function list(node: unknown, split: boolean): string[] {
  if (isSeq(node)) return node.items.map(text).filter((item): item is string => item !== null && item !== '');
  const single = text(node);
  if (single === null) return [];
  return split ? splitScalarTags(single) : [single];
}

function metaFromSimple(values: Map<string, SimpleValue>): NoteMeta {
  const one = (key: string): string | null => {
    const value = values.get(key);
    return typeof value === 'string' ? value : null;
  };
  const many = (key: string, split: boolean): string[] => {
    const value = values.get(key);
    if (Array.isArray(value)) return value.filter((item) => item !== '');
    if (typeof value !== 'string') return [];
    return split ? splitScalarTags(value) : [value];
  };
  return {
    title: one('title'),
    tags: many('tags', true).map((tag) => tag.replace(/^#+/, '')),
    aliases: many('aliases', false),
    updated: one('updated'),
    noteId: one('note_id'),
    description: one('description'),
    keywords: many('keywords', true),
    url: one('url'),
  };
}

/** Reads the meta with the `yaml` library (any YAML); nulls when it has errors or is not a mapping. */
export function metaFromYaml(yaml: string): NoteMeta {
  const document = parseDocument(yaml, { prettyErrors: false });
  if (document.errors.length > 0 || !isMap(document.contents)) return { ...EMPTY_META };
  const value = (key: string): Node | null => {
    const found = document.get(key, true);
    return found === undefined ? null : (found as Node);
  };
  return {
    title: text(value('title')),
    tags: list(value('tags'), true).map((tag) => tag.replace(/^#+/, '')),
    aliases: list(value('aliases'), false),
    updated: text(value('updated')),
    noteId: text(value('note_id')),
    description: text(value('description')),
    keywords: list(value('keywords'), true),
    url: text(value('url')),
  };
}

/**
 * Reads `title`, `tags` (without a leading `#`; a scalar is split like Obsidian does), `aliases`, `updated`,
 * `note_id`, `description`, `keywords` (split like tags) and `url` from a note's frontmatter for the vault index. Never throws: a note without frontmatter, or whose YAML
 * has errors, gets nulls and empty lists. Simple frontmatter is read by `readSimpleFrontmatter` (same result, a
 * fraction of the cost), anything else by the `yaml` library, up to `YAML_LIBRARY_CHARS`: longer frontmatter that
 * is not simple gets nulls too (the note is listed by its file name).
 */
export function readNoteMeta(noteText: string): NoteMeta {
  const block = locateFrontmatter(noteText);
  if (!block) return { ...EMPTY_META };
  const yaml = noteText.slice(block.yamlStart, block.yamlEnd);
  const simple = readSimpleFrontmatter(yaml);
  if (simple) return metaFromSimple(simple);
  return yaml.length <= YAML_LIBRARY_CHARS ? metaFromYaml(yaml) : { ...EMPTY_META };
}
