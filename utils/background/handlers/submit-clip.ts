import type { ClipOutcome, ClipSubmission } from '../../messaging/protocol';
import { submitClip } from '../clip-service';

/** `submitClip`: files what the popup composed; the popup shows the outcome itself. */
export function handleSubmitClip(data: ClipSubmission): Promise<ClipOutcome> {
  return submitClip(data);
}
