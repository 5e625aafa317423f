import { browser, type Browser } from 'wxt/browser';
import type { ClipOutcome } from '../messaging/protocol';
import { chooseNote } from './choose-note';
import { clipToNote } from './clip-to-note';
import { recentNotes } from './recent-notes';

/** Manifest `commands` name of "add the current page to the last-used note". */
export const ADD_TO_LAST_NOTE = 'add-to-last-note';

/** The shortcut: the current page into the note used last; with no note used yet, the popup to pick one. */
export async function handleCommand(command: string, tab?: Browser.tabs.Tab): Promise<ClipOutcome | null> {
  if (command !== ADD_TO_LAST_NOTE) return null;
  const activeTab = tab ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  const [last] = await recentNotes();
  if (last === undefined) {
    await chooseNote(activeTab?.id);
    return null;
  }
  return clipToNote({ path: last.path, title: last.title }, {}, activeTab);
}

export function registerShortcuts(): void {
  browser.commands.onCommand.addListener((command, tab) => void handleCommand(command, tab));
}
