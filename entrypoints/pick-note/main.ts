import { markPageLanguage, t, type MessageKey } from '../../utils/i18n';
import { sendMessage, type ClipOutcome } from '../../utils/messaging/protocol';
import { showPickedNoteResult, describePick } from '../../utils/background/pick-page';

markPageLanguage(document);
for (const element of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
  element.textContent = t(element.dataset.i18n as MessageKey);
}

const pickId = new URLSearchParams(location.search).get('id') ?? '';
const about = document.querySelector<HTMLParagraphElement>('#about')!;
const input = document.querySelector<HTMLInputElement>('#note-file')!;
const result = document.querySelector<HTMLParagraphElement>('#result')!;

void sendMessage('getPick', { id: pickId }).then((pick) => {
  about.textContent = describePick(pick);
  input.disabled = pick === null;
});

input.addEventListener('change', async () => {
  const file = input.files?.[0];
  if (!file) return;
  input.disabled = true;
  let outcome: ClipOutcome;
  try {
    outcome = await sendMessage('applyToPickedNote', { pickId, fileName: file.name, text: await file.text() });
  } catch (error) {
    // A file the page cannot read or a worker that stopped: the clip is still waiting, so say so and allow a retry.
    outcome = {
      kind: 'error',
      message: t('errorSubmitFailed', error instanceof Error ? error.message : String(error)),
    };
  }
  showPickedNoteResult(result, outcome);
  input.disabled = outcome.kind !== 'error';
});
