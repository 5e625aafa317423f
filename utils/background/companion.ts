import { createCompanionClient, type CompanionClient } from './companion-client';
import { workerCompanionToken, workerSettings } from './stored-state';

let onAnswer: (() => void) | undefined;

/** Registers what happens whenever the companion answers a request (the outbox retries then). */
export function whenCompanionAnswers(hook: () => void): void {
  onAnswer = hook;
}

/** A client for the paired companion, or `null` before pairing (no token stored). */
export async function pairedCompanion(): Promise<CompanionClient | null> {
  const [settings, token] = await Promise.all([workerSettings(), workerCompanionToken()]);
  if (token === null) return null;
  return createCompanionClient({ url: settings.companionUrl, token, onReachable: () => onAnswer?.() });
}
