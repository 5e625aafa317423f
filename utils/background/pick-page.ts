import type { ClipOutcome, PickInfo } from '../messaging/protocol';
import { outcomeMessage } from './notify';

/** The pick-note page's opening line about the waiting clip. */
export function describePick(pick: PickInfo | null): string {
  if (pick === null) return 'This clip was already filed, or it is too old. Clip the page again.';
  const file = pick.expectedFileName ? ` (${pick.expectedFileName})` : '';
  return `"${pick.clipTitle}" goes into ${pick.noteTitle}${file}.`;
}

/** Shows how filing the picked note ended, as text (page text is never parsed as HTML). */
export function showPickedNoteResult(element: HTMLElement, outcome: ClipOutcome): void {
  element.dataset.kind = outcome.kind === 'error' ? 'error' : 'done';
  element.textContent =
    outcome.kind === 'downloaded'
      ? `Done: the updated note is in your Downloads as ${outcome.filename}. Move it back into your vault.`
      : outcomeMessage(outcome);
}
