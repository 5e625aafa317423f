import { t } from '../../utils/i18n';
import type { ClipOutcome, CompanionState } from '../../utils/messaging/protocol';

/** How the popup shows the end of a submission: a tone for the colour, one sentence, and the callout when written. */
export interface OutcomeView {
  tone: 'success' | 'info' | 'error';
  text: string;
  callout?: string;
}

/** The sentence for each outcome; errors come from the worker already in plain words. */
export function describeOutcome(outcome: ClipOutcome): OutcomeView {
  switch (outcome.kind) {
    case 'added':
      return { tone: 'success', text: t('outcomeAdded', outcome.noteTitle), callout: outcome.callout };
    case 'created':
      return { tone: 'success', text: t('outcomeCreated', outcome.noteTitle), callout: outcome.callout };
    case 'already-present':
      return { tone: 'info', text: t('outcomeAlreadyPresent', outcome.noteTitle) };
    case 'queued':
      return { tone: 'info', text: t('outcomeQueued', outcome.reason, String(outcome.waiting)) };
    case 'downloaded':
      return { tone: 'success', text: t('outcomeDownloaded', outcome.filename) };
    case 'pick-file':
      return { tone: 'info', text: t('outcomePickFile') };
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
