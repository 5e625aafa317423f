import { sendOutboxAsDownloads } from '../outbox';

/** `sendOutboxAsDownloads`: the person gave up waiting for the companion; every queued clip becomes a download. */
export function handleSendOutboxAsDownloads(): Promise<{ downloaded: number }> {
  return sendOutboxAsDownloads(new Date());
}
