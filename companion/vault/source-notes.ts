import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ClipRequest } from '../../utils/core/clip';
import { DEFAULT_SOURCES_FOLDER } from '../../utils/core/settings-defaults';
import { createSourceNote, isSourceNoteOf } from '../../utils/core/source-note';
import { sourcesFolderPath } from '../../utils/core/source-note-path';
import { createExclusive } from './atomic-file';
import { prepareFolder } from './note-path';
import { readNote } from './note-writer';
import type { Vault } from './vault';

/** Names tried (`Title.md`, `Title-2.md`, …) before giving up: each clash is another page of the same title. */
const MAX_COPIES = 100;

export interface SavedSource {
  status: 'created' | 'reused';
  /** Vault-relative, `/`-separated. */
  path: string;
  /** The file and the bytes written, when `created`: an Undo of the clip takes the note back while it holds them. */
  written?: { absolute: string; text: string };
}

/** Whether the file at `absolute` is already the source note of `url` (unreadable or not text: no). */
async function holdsSourceOf(vault: Vault, absolute: string, url: string): Promise<boolean> {
  try {
    return isSourceNoteOf((await readNote({ path: absolute, confinedTo: vault.root })).text, url);
  } catch {
    return false;
  }
}

/**
 * Saves the article's text as a source note in `folder` (inside the vault; created when missing). The note is
 * created whole or not at all (`createExclusive`: a temp file linked under its name, never over an existing file).
 * When the name is taken by the source note of the same URL, that note is reused unchanged; by any other file, the
 * next name is tried (`Title-2.md`, …). The caller runs this in the queue that names new notes.
 */
export async function saveSourceNote(
  vault: Vault,
  request: ClipRequest,
  markdown: string,
  folder = DEFAULT_SOURCES_FOLDER,
): Promise<SavedSource> {
  const directory = await prepareFolder(vault.root, sourcesFolderPath(folder));
  const note = createSourceNote(request, markdown);
  const stem = note.fileName.slice(0, -'.md'.length);
  for (let copy = 1; copy <= MAX_COPIES; copy++) {
    const name = copy === 1 ? note.fileName : `${stem}-${copy}.md`;
    const created = await createExclusive({ folder: directory, name, confinedTo: vault.root }, note.text);
    if (created !== null) {
      const path = vault.relativePath(created);
      vault.indexNote(path, note.text, await stat(created, { bigint: true }));
      return { status: 'created', path, written: { absolute: created, text: note.text } };
    }
    const absolute = join(directory, name);
    if (await holdsSourceOf(vault, absolute, request.clip.url))
      return { status: 'reused', path: vault.relativePath(absolute) };
  }
  throw new Error(`${MAX_COPIES} notes named after "${stem}" already exist in ${folder}`);
}
