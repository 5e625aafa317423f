import type { ClipOutcome, PickInfo } from '../../messaging/protocol';
import { loadSettings } from '../../settings-store';
import { flashResult } from '../badge';
import { applyToPickedNote } from '../download-delivery';
import { targetTitle } from '../note-title';
import { findPick } from '../pick-store';

/** `getPick`: what the pick-note page shows about the clip waiting for a file. */
export async function handleGetPick(data: { id: string }): Promise<PickInfo | null> {
  const pick = await findPick(data.id);
  if (pick === null) return null;
  const { target, clip } = pick.submission;
  const path = 'path' in target ? target.path : '';
  return {
    noteTitle: targetTitle(target),
    expectedFileName: path.split('/').pop() ?? path,
    clipTitle: clip.title,
    url: clip.url,
  };
}

/** `applyToPickedNote`: patches the picked note file and downloads it under the same name. */
export async function handleApplyToPickedNote(data: {
  pickId: string;
  fileName: string;
  text: string;
}): Promise<ClipOutcome> {
  const outcome = await applyToPickedNote(data.pickId, data.fileName, data.text, await loadSettings(), new Date());
  await flashResult(outcome);
  return outcome;
}
