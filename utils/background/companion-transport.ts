import { t } from '../i18n';
import type { Delivery } from '../messaging/protocol';
import { CompanionError } from './companion-error';

/** One call of the companion's contract (`utils/core/companion-api.ts`), whatever carries it. */
export interface TransportRequest {
  method: 'GET' | 'POST' | 'DELETE';
  /** Route and query string, e.g. `/v1/notes?q=grid`. */
  path: string;
  body?: unknown;
  /** Whether the route needs the token (HTTP only: over native messaging the browser vouches for the caller). */
  auth: boolean;
  timeoutMs: number;
}

/** The companion's answer: its status and JSON body (`null` when the body was not JSON). */
export interface TransportAnswer {
  status: number;
  body: unknown;
}

/**
 * Carries requests to the companion. `send` rejects with a `CompanionError` of kind `offline` when the companion
 * could not be reached (the next transport may be tried), `refused` when this transport cannot be used as set up.
 */
export interface CompanionTransport {
  readonly delivery: Delivery;
  /** Where it goes, for messages (`127.0.0.1:47813`, `refclip.companion`). */
  readonly where: string;
  send(request: TransportRequest): Promise<TransportAnswer>;
}

export interface HttpTransportOptions {
  /** `http://127.0.0.1:PORT` */
  url: string;
  token: string | null;
  fetch?: typeof fetch;
}

/** `refclip serve` on 127.0.0.1: the token in the Authorization header, no cookies, no cache. */
export function httpTransport(options: HttpTransportOptions): CompanionTransport {
  const doFetch = options.fetch ?? fetch.bind(globalThis);
  const where = options.url.replace(/^http:\/\//, '');
  return {
    delivery: 'http',
    where,
    async send(request) {
      const headers: Record<string, string> = { accept: 'application/json' };
      if (request.auth) {
        if (options.token === null) throw new CompanionError('refused', t('workerCompanionNotPaired'));
        headers.authorization = `Bearer ${options.token}`;
      }
      if (request.body !== undefined) headers['content-type'] = 'application/json';
      let response: Response;
      try {
        response = await doFetch(options.url + request.path, {
          method: request.method,
          headers,
          body: request.body === undefined ? undefined : JSON.stringify(request.body),
          signal: AbortSignal.timeout(request.timeoutMs),
          credentials: 'omit',
          cache: 'no-store',
        });
      } catch {
        throw new CompanionError('offline', t('workerCompanionOffline', where));
      }
      const text = await response.text();
      let body: unknown = null;
      try {
        body = JSON.parse(text);
      } catch {
        // A non-JSON answer is judged by its status.
      }
      return { status: response.status, body };
    },
  };
}

/**
 * Tries each transport in order (native messaging first, then HTTP) and keeps to the first that answers; only a
 * companion that cannot be reached passes the request on. Repeating a clip is harmless: the note engine answers
 * `already-present` for a URL already cited.
 */
export function firstReachable(transports: CompanionTransport[]): CompanionTransport {
  let answered = transports[0]!;
  return {
    get delivery() {
      return answered.delivery;
    },
    get where() {
      return answered.where;
    },
    async send(request) {
      let failure: unknown;
      for (const transport of transports) {
        try {
          const answer = await transport.send(request);
          answered = transport;
          return answer;
        } catch (error) {
          if (!(error instanceof CompanionError) || error.kind !== 'offline') throw error;
          failure = error;
        }
      }
      throw failure;
    },
  };
}
