import { readSimpleFrontmatter } from './simple-frontmatter';

/**
 * Frontmatter longer than this is given to the `yaml` library only when it is plain `key: value` lines (those
 * `readSimpleFrontmatter` reads). The library's time grows faster than the text on crafted YAML: 100 KB of `[`
 * took 1.3 s, of `!t ` 9 s, where issue 14 allows 100 ms; at 8 KB its worst case measured about 100 ms.
 */
export const YAML_LIBRARY_CHARS = 8 * 1024;

/** Whether frontmatter YAML may be given to the `yaml` library (see `YAML_LIBRARY_CHARS`). */
export function yamlLibraryMayRead(yaml: string): boolean {
  return yaml.length <= YAML_LIBRARY_CHARS || readSimpleFrontmatter(yaml) !== null;
}
