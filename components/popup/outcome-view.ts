import { t } from '../../utils/i18n';
import type { ClipOutcome, CompanionState } from '../../utils/messaging/protocol';
import { withSource } from '../../utils/source-outcome';

/**
 * How the popup shows the end of a submission in place of its Add row: a tone for the colour, one sentence, what
 * can be done next (Undo and Move when the companion gave a clip id), and the written note's path.
 */
export interface OutcomeView {
  tone: 'success' | 'info' | 'error';
  text: string;
  /** The note written to, for "Open in Obsidian". */
  notePath?: string;
  /** The companion's id of the clip, while it can be taken back. */
  clipId?: string;
}

/** The sentence for each outcome, naming the note by `label` (see `targetLabel`); errors come from the worker. */
export function describeOutcome(outcome: ClipOutcome, label: string): OutcomeView {
  switch (outcome.kind) {
    case 'added':
    case 'created': {
      const text = withSource(t(outcome.kind === 'added' ? 'outcomeAdded' : 'outcomeCreated', label), outcome);
      return {
        tone: 'success',
        text,
        notePath: outcome.notePath,
        ...(outcome.clipId ? { clipId: outcome.clipId } : {}),
      };
    }
    case 'already-present':
      return {
        tone: 'info',
        text: withSource(t('outcomeAlreadyPresent', label), outcome),
        notePath: outcome.notePath,
      };
    case 'queued':
      return {
        tone: 'info',
        text: t(
          outcome.alreadyWaiting ? 'outcomeAlreadyWaiting' : 'outcomeQueued',
          outcome.reason,
          String(outcome.waiting),
        ),
      };
    case 'downloaded':
      return {
        tone: 'success',
        text: withSource(`${t('outcomeDownloaded', outcome.filename)}. ${t('outcomeDownloadNoUndo')}`, outcome),
      };
    case 'pick-file':
      return { tone: 'info', text: withSource(t('outcomePickFile'), outcome) };
    case 'error':
      return { tone: 'error', text: outcome.message };
  }
}

/** The one-line hint under the header when clips cannot go through the companion; `null` when they can. */
export function companionHint(state: CompanionState): string | null {
  switch (state.kind) {
    case 'ready':
      return null;
    case 'unpaired':
      return t('hintUnpaired');
    case 'offline':
      return t('hintOffline');
    case 'refused':
      return t('hintRefused', state.message);
  }
}

/** The short companion state in the popup's header; the hint line says what to do about it. */
export function companionLabel(state: CompanionState): string {
  switch (state.kind) {
    case 'ready':
      return t('popupVault', state.vaultName);
    case 'unpaired':
      return t('popupUnpaired');
    case 'offline':
      return t('popupOffline');
    case 'refused':
      return t('popupRefused');
  }
}

/** Which of the three deliveries clips take now, for the header: `null` while the companion is unreachable. */
export function deliveryLabel(state: CompanionState): string | null {
  if (state.kind === 'ready') return t(state.delivery === 'native' ? 'headerDeliveryNative' : 'headerDeliveryHttp');
  return state.kind === 'unpaired' ? t('headerDeliveryDownload') : null;
}
