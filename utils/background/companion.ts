import { createCompanionClient, type CompanionClient } from './companion-client';
import { firstReachable, httpTransport, type CompanionTransport } from './companion-transport';
import { nativeMessagingAllowed } from '../native-permission';
import { nativeTransport } from './native-transport';
import { workerCompanionToken, workerSettings } from './stored-state';

let onAnswer: (() => void) | undefined;

/** Registers what happens whenever the companion answers a request (the outbox retries then). */
export function whenCompanionAnswers(hook: () => void): void {
  onAnswer = hook;
}

/**
 * A client for the companion: native messaging first when the person allowed it (the browser starts
 * `refclip host`), then the paired `refclip serve` over HTTP; `null` when neither is set up (clips download).
 */
export async function pairedCompanion(): Promise<CompanionClient | null> {
  const [settings, token, native] = await Promise.all([
    workerSettings(),
    workerCompanionToken(),
    nativeMessagingAllowed(),
  ]);
  const transports: CompanionTransport[] = [];
  if (native) transports.push(nativeTransport);
  if (token !== null) transports.push(httpTransport({ url: settings.companionUrl, token }));
  if (transports.length === 0) return null;
  return createCompanionClient({
    transport: transports.length === 1 ? transports[0]! : firstReachable(transports),
    onReachable: () => onAnswer?.(),
  });
}
