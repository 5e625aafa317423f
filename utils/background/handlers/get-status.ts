import type { CompanionState, StatusReply } from '../../messaging/protocol';
import { pairedCompanion } from '../companion';
import { CompanionError, type CompanionClient } from '../companion-client';
import { readOutbox } from '../outbox-store';
import { recentNotes } from '../recent-notes';

/**
 * Whether the companion runs, knows our token, and which vault it serves: one authenticated request answers all
 * three (the popup asks on every open, so no separate ping first).
 */
export async function companionState(client: CompanionClient | null): Promise<CompanionState> {
  if (client === null) return { kind: 'unpaired' };
  try {
    const vault = await client.vault();
    return {
      kind: 'ready',
      vaultName: vault.name,
      obsidian: vault.obsidian === true,
      delivery: client.delivery() ?? undefined,
    };
  } catch (error) {
    if (!(error instanceof CompanionError)) throw error;
    if (error.kind === 'offline') return { kind: 'offline' };
    return { kind: 'refused', message: error.message };
  }
}

/** `getStatus`: the companion, the outbox and the recent notes, for the popup and the options page. */
export async function handleGetStatus(): Promise<StatusReply> {
  const [companion, outbox, recent] = await Promise.all([
    pairedCompanion().then(companionState),
    readOutbox(),
    recentNotes(),
  ]);
  return { companion, outbox: outbox.length, recentNotes: recent };
}
