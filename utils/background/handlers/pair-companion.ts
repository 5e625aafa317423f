import { t } from '../../i18n';
import { isTokenShaped } from '../../core/pairing';
import type { CompanionState } from '../../messaging/protocol';
import { saveCompanionToken, saveSettings } from '../../settings-store';
import { CompanionError, createCompanionClient, type CompanionClient } from '../companion-client';
import { flushOutboxAndNotify } from '../outbox';

const LOOPBACK = /^http:\/\/(127\.0\.0\.1|localhost):\d{1,5}$/;

/**
 * Asks the companion to allow this browser's extension origin. A browser that sends no `Origin` from the worker
 * gets a 400 here, and needs no allowlist entry either: the companion lets origin-less requests through to the
 * token check.
 */
async function recordOrigin(client: CompanionClient): Promise<void> {
  try {
    await client.pair();
  } catch (error) {
    if (!(error instanceof CompanionError) || error.status !== 400) throw error;
  }
}

/**
 * `pairCompanion`: checks the address and token with the companion itself (ping, then `POST /v1/pair` so it
 * records this browser's extension origin, then the vault), and stores them only when all of that worked.
 */
export async function handlePairCompanion(data: { url: string; token: string }): Promise<CompanionState> {
  const url = data.url.trim().replace(/\/+$/, '');
  const token = data.token.trim();
  if (!LOOPBACK.test(url)) {
    return {
      kind: 'refused',
      message: t('workerPairBadAddress'),
    };
  }
  if (!isTokenShaped(token)) {
    return {
      kind: 'refused',
      message: t('workerPairNotToken'),
    };
  }
  const client = createCompanionClient({ url, token });
  try {
    const ping = await client.ping();
    if (ping.app !== 'refclip') {
      return { kind: 'refused', message: t('workerPairNotRefclip', url) };
    }
    await recordOrigin(client);
    const vault = await client.vault();
    await saveSettings({ companionUrl: url });
    await saveCompanionToken(token);
    void flushOutboxAndNotify(true);
    return { kind: 'ready', vaultName: vault.name, obsidian: vault.obsidian === true };
  } catch (error) {
    if (!(error instanceof CompanionError)) throw error;
    if (error.kind === 'offline') return { kind: 'offline' };
    if (error.status === 401) {
      return {
        kind: 'refused',
        message: t('workerPairTokenRefused'),
      };
    }
    return { kind: 'refused', message: error.message };
  }
}
