import { t } from './i18n';
import type { ClipOutcome } from './messaging/protocol';

/** `sentence` after `text`, which gets a full stop first when it ends without one ("Added to X" has none). */
export function appendSentence(text: string, sentence: string): string {
  return `${text}${/[.!?。！？]$/u.test(text) ? '' : '.'} ${sentence}`;
}

/**
 * `text` (what the popup or a notification says about a clip) followed by what became of the article's text, when the
 * clip carried it: saved, reused, downloaded, or not saved and why (issue 17: the person is told).
 */
export function withSource(text: string, outcome: ClipOutcome): string {
  let sentence: string | null = null;
  if ('sourceFilename' in outcome && outcome.sourceFilename) {
    sentence = t('outcomeSourceDownloaded', outcome.sourceFilename);
  } else if ('source' in outcome && outcome.source) {
    const { source } = outcome;
    sentence =
      source.status === 'failed' ? t('outcomeSourceFailed', source.error) : t('outcomeSourceSaved', source.path);
  }
  return sentence === null ? text : appendSentence(text, sentence);
}
