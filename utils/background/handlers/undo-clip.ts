import { t } from '../../i18n';
import type { UndoOutcome } from '../../messaging/protocol';
import { pairedCompanion } from '../companion';
import { CompanionError } from '../companion-client';

/** `undoClip`: asks the companion to take a clip back; its refusal (note changed, too late) comes back in words. */
export async function handleUndoClip(data: { clipId: string }): Promise<UndoOutcome> {
  const client = await pairedCompanion();
  if (client === null) return { kind: 'error', message: t('undoNoCompanion') };
  try {
    return { kind: 'undone', notePath: (await client.undoClip(data.clipId)).path };
  } catch (error) {
    if (error instanceof CompanionError) return { kind: 'error', message: error.message };
    throw error;
  }
}
