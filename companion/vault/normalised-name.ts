import { lstat, readdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Whether something (a file, a folder, a symlink, even a dangling one) has this name. */
const exists = (path: string) =>
  lstat(path).then(
    () => true,
    () => false,
  );

/**
 * The name in `folder` that equals `name` once both are NFC-normalised, or `null`. macOS stores file names
 * decomposed (NFD) while typed and URL paths usually come composed (NFC); on disks that keep bytes as given
 * (Linux, a synced vault) the two spellings of "café.md" are different names, and a lookup must match either.
 * Reads the folder only when the exact name is missing, and compares each entry once (linear in the folder).
 */
export async function findNormalisedName(folder: string, name: string): Promise<string | null> {
  const wanted = name.normalize('NFC');
  let entries: string[];
  try {
    entries = await readdir(folder);
  } catch {
    return null;
  }
  return entries.find((entry) => entry !== name && entry.normalize('NFC') === wanted) ?? null;
}

/**
 * `segments` below `root` with each one that does not exist replaced by its NFC/NFD twin found on disk; `null`
 * when some segment has neither spelling.
 */
export async function onDiskSegments(root: string, segments: string[]): Promise<string[] | null> {
  const found: string[] = [];
  let folder = root;
  for (const segment of segments) {
    const name = (await exists(join(folder, segment))) ? segment : await findNormalisedName(folder, segment);
    if (name === null) return null;
    found.push(name);
    folder = join(folder, name);
  }
  return found;
}

/** `path` with its file name as stored when only the other spelling exists (`refclip add café.md`). */
export async function storedSpelling(path: string): Promise<string> {
  if (await exists(path)) return path;
  const twin = await findNormalisedName(dirname(path), basename(path));
  return twin === null ? path : join(dirname(path), twin);
}
