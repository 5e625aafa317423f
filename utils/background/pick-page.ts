import { t } from '../i18n';
import type { ClipOutcome, PickInfo } from '../messaging/protocol';
import { outcomeMessage } from './notify';

/** The pick-note page's opening line about the waiting clip. */
export function describePick(pick: PickInfo | null): string {
  if (pick === null) return t('workerPickGone');
  return pick.expectedFileName
    ? t('workerPickAboutFile', pick.clipTitle, pick.noteTitle, pick.expectedFileName)
    : t('workerPickAbout', pick.clipTitle, pick.noteTitle);
}

/** Shows how filing the picked note ended, as text (page text is never parsed as HTML). */
export function showPickedNoteResult(element: HTMLElement, outcome: ClipOutcome): void {
  element.dataset.kind = outcome.kind === 'error' ? 'error' : 'done';
  element.textContent = outcome.kind === 'downloaded' ? t('workerPickDone', outcome.filename) : outcomeMessage(outcome);
}
