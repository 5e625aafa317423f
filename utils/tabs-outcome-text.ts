import { t } from './i18n';
import type { TabsOutcome } from './messaging/protocol';

/** What "Add all tabs in this window to note…" says, the same in the popup and in the menu's notification. */
export function tabsOutcomeText(outcome: TabsOutcome): string {
  switch (outcome.kind) {
    case 'filed':
      return t('tabsReport', String(outcome.added), String(outcome.already), String(outcome.unreadable));
    case 'queued':
      return t('tabsQueued', String(outcome.queued), String(outcome.unreadable));
    case 'pick-file':
      return t('tabsPickFile', String(outcome.unreadable));
    case 'error':
      return outcome.message;
  }
}
