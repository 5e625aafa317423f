import { browser } from 'wxt/browser';
import type { NoteSummary } from '../core/companion-api';

export const RECENT_NOTES_KEY = 'recentNotes';
const MAX_RECENT = 5;

/** The most recent target notes, newest first (at most 5). */
export async function recentNotes(): Promise<NoteSummary[]> {
  const stored = await browser.storage.local.get(RECENT_NOTES_KEY);
  const notes = stored[RECENT_NOTES_KEY];
  return Array.isArray(notes) ? (notes as NoteSummary[]).slice(0, MAX_RECENT) : [];
}

/** Puts a note first in the recent list (once), dropping the oldest beyond five. */
export async function rememberRecentNote(note: NoteSummary): Promise<void> {
  const others = (await recentNotes()).filter((known) => known.path !== note.path);
  await browser.storage.local.set({ [RECENT_NOTES_KEY]: [note, ...others].slice(0, MAX_RECENT) });
}

/** Calls `listener` whenever the recent list changes. */
export function watchRecentNotes(listener: () => void): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && RECENT_NOTES_KEY in changes) listener();
  });
}
