/**
 * Where a source note lives, apart from `source-note.ts` (which writes YAML), so the popup can preview the
 * `{fulltext}` link without loading the YAML library.
 */

/** `sources` from `sources/`, `/sources/ ` or ` sources`: a folder as a vault-relative prefix ('' for the root). */
export function sourcesFolderPath(folder: string): string {
  return folder
    .split('/')
    .map((segment) => segment.trim())
    .filter((segment) => segment !== '')
    .join('/');
}

/** The vault path of a source note without `.md`, as `{fulltext}` links it: `sources/Title`. */
export function sourceNoteLinkPath(folder: string, fileName: string): string {
  const stem = fileName.replace(/\.md$/, '');
  const prefix = sourcesFolderPath(folder);
  return prefix === '' ? stem : `${prefix}/${stem}`;
}
