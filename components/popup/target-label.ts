import type { NoteSummary } from '../../utils/core/companion-api';
import { t } from '../../utils/i18n';
import type { ClipTarget } from '../../utils/messaging/protocol';

function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '' : path.slice(0, slash + 1);
}

function fileTitle(path: string): string {
  return (path.split('/').pop() ?? path).replace(/\.md$/i, '');
}

/**
 * The name the popup gives a target in its button and messages: the note's title, with its folder when another
 * note the popup knows of (in the list or the recent notes) has the same title, so two look different (issue 13 §1).
 */
export function targetLabel(target: ClipTarget, known: readonly Pick<NoteSummary, 'path' | 'title'>[]): string {
  if ('create' in target) return target.create.title;
  const title = target.title ?? fileTitle(target.path);
  const clash = known.some((note) => note.path !== target.path && note.title.toLowerCase() === title.toLowerCase());
  if (!clash) return title;
  const folder = folderOf(target.path);
  return t('popupNoteInFolder', title, folder === '' ? t('popupTopFolder') : folder);
}

/** `obsidian://open` for a note of an Obsidian vault: the vault by its folder name, the file without `.md`. */
export function obsidianLink(vaultName: string, path: string): string {
  const query = new URLSearchParams({ vault: vaultName, file: path.replace(/\.md$/i, '') });
  // Obsidian reads `%20`, not the `+` URLSearchParams writes for a space.
  return `obsidian://open?${query.toString().replace(/\+/g, '%20')}`;
}
