import { browser } from 'wxt/browser';
import type { Clip } from '../core/clip';
import type { ClipSubmission } from '../messaging/protocol';

export const PICKS_KEY = 'pendingPicks';
/** Old picks the person never finished are dropped past this many (the newest are kept). */
const MAX_PICKS = 50;

/** A clip for an existing note, waiting until the person picks that note's file in the pick-note page. */
export interface PendingPick {
  id: string;
  submission: ClipSubmission;
  /** `YYYY-MM-DD` of the moment the person clipped. */
  date: string;
  createdAt: number;
  /** The other clips of a batch ("Add all tabs…"), filed after `submission.clip` in the same download. */
  more?: Clip[];
}

async function readPicks(): Promise<PendingPick[]> {
  const stored = await browser.storage.local.get(PICKS_KEY);
  const picks = stored[PICKS_KEY];
  return Array.isArray(picks) ? (picks as PendingPick[]) : [];
}

export async function addPick(
  submission: ClipSubmission,
  date: string,
  now: number,
  more: Clip[] = [],
): Promise<PendingPick> {
  const pick: PendingPick = {
    id: crypto.randomUUID(),
    submission,
    date,
    createdAt: now,
    ...(more.length > 0 ? { more } : {}),
  };
  await browser.storage.local.set({ [PICKS_KEY]: [...(await readPicks()), pick].slice(-MAX_PICKS) });
  return pick;
}

export async function findPick(id: string): Promise<PendingPick | null> {
  return (await readPicks()).find((pick) => pick.id === id) ?? null;
}

export async function removePick(id: string): Promise<void> {
  await browser.storage.local.set({ [PICKS_KEY]: (await readPicks()).filter((pick) => pick.id !== id) });
}

/** The refclip page where the person picks the note's file (a file dialog would close the popup). */
export function pickerUrl(id: string): string {
  return `${browser.runtime.getURL('/pick-note.html')}?id=${encodeURIComponent(id)}`;
}
