import { ROUTES, type PingResponse } from '../../utils/core/companion-api';
import { isTokenShaped } from '../../utils/core/pairing';
import { sendMessage, type CompanionState } from '../../utils/messaging/protocol';

/** How long "Test connection" waits for the companion before calling it not running. */
const PING_TIMEOUT_MS = 3000;

/** The three checks the options page shows: is it running, does it take the token, which vault. */
export interface ConnectionReport {
  /** Round trip of `GET /v1/ping` in ms, or `null` when nothing (or something else) answered. */
  pingMs: number | null;
  /** What pairing answered; `null` when it was not tried (no companion running, or a token of the wrong shape). */
  pairing: CompanionState | null;
  tokenMalformed: boolean;
}

async function ping(url: string): Promise<number | null> {
  const started = performance.now();
  try {
    const response = await fetch(url + ROUTES.ping, { signal: AbortSignal.timeout(PING_TIMEOUT_MS) });
    const body = (await response.json()) as Partial<PingResponse>;
    return response.ok && body.app === 'refclip' ? Math.round(performance.now() - started) : null;
  } catch {
    return null;
  }
}

/** Pings the companion, then pairs through the worker (which stores the token when the companion accepts it). */
export async function testConnection(url: string, token: string): Promise<ConnectionReport> {
  const tokenMalformed = !isTokenShaped(token.trim());
  const pingMs = await ping(url);
  if (pingMs === null || tokenMalformed) return { pingMs, pairing: null, tokenMalformed };
  const pairing = await sendMessage('pairCompanion', { url, token: token.trim() });
  return { pingMs, pairing, tokenMalformed };
}
