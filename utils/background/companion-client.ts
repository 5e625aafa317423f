import { t } from '../i18n';
import {
  ROUTES,
  type ClipRequestBody,
  type ClipResponse,
  type ErrorResponse,
  type NoteSummary,
  type NotesResponse,
  type PairResponse,
  type PingResponse,
  type SourcesResponse,
  type SuggestedNote,
  type SuggestPage,
  type SuggestResponse,
  type TagCount,
  type TagsResponse,
  type VaultInfoResponse,
} from '../core/companion-api';

/**
 * Why a companion request failed, in the words the popup and the notifications show.
 * - `offline`: not running, unreachable, or a 5xx (the clip is worth retrying later);
 * - `refused`: the companion is there but turned the token (or this extension's origin) away;
 * - `rejected`: the request itself was refused (bad note path, malformed note); retrying cannot help.
 */
export type CompanionFailureKind = 'offline' | 'refused' | 'rejected';

export class CompanionError extends Error {
  constructor(
    readonly kind: CompanionFailureKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'CompanionError';
  }
}

export interface CompanionClientOptions {
  /** `http://127.0.0.1:PORT` */
  url: string;
  token: string | null;
  fetch?: typeof fetch;
  /** Called after every answer the companion gives (whatever its status): it is running again. */
  onReachable?: () => void;
}

const LOOKUP_TIMEOUT_MS = 5_000;
/** A write may wait behind other writes to the same note on a slow disk. */
const WRITE_TIMEOUT_MS = 30_000;

export interface CompanionClient {
  ping(): Promise<PingResponse>;
  vault(): Promise<VaultInfoResponse>;
  pair(): Promise<PairResponse>;
  searchNotes(q: string, limit?: number): Promise<NoteSummary[]>;
  listTags(): Promise<TagCount[]>;
  findSources(url: string): Promise<NoteSummary[]>;
  suggestNotes(page: SuggestPage, limit?: number): Promise<SuggestedNote[]>;
  postClip(body: ClipRequestBody): Promise<ClipResponse>;
}

/** A typed client of the companion's HTTP API (`utils/core/companion-api.ts`), mapping failures to plain words. */
export function createCompanionClient(options: CompanionClientOptions): CompanionClient {
  const doFetch = options.fetch ?? fetch.bind(globalThis);
  const where = options.url.replace(/^http:\/\//, '');

  async function request<T>(
    path: string,
    init: { method?: string; body?: unknown; auth?: boolean; timeoutMs?: number },
  ) {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (init.auth !== false) {
      if (options.token === null) {
        throw new CompanionError('refused', t('workerCompanionNotPaired'));
      }
      headers.authorization = `Bearer ${options.token}`;
    }
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await doFetch(options.url + path, {
        method: init.method ?? 'GET',
        headers,
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        signal: AbortSignal.timeout(init.timeoutMs ?? LOOKUP_TIMEOUT_MS),
        credentials: 'omit',
        cache: 'no-store',
      });
    } catch {
      throw new CompanionError('offline', t('workerCompanionOffline', where));
    }
    options.onReachable?.();
    const text = await response.text();
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      // A non-JSON answer is handled by the status checks below.
    }
    if (response.ok) {
      if (json === null) throw new CompanionError('offline', t('workerCompanionUnreadable', where));
      return json as T;
    }
    const said = (json as ErrorResponse | null)?.error?.message;
    if (response.status === 401) {
      throw new CompanionError('refused', t('workerCompanionTokenRefused'), 401);
    }
    if (response.status === 403) {
      throw new CompanionError('refused', t('workerCompanionOriginRefused', said ?? 'origin not allowed'), 403);
    }
    if (response.status >= 500) {
      throw new CompanionError('offline', said ?? t('workerCompanionFailed', String(response.status)), response.status);
    }
    throw new CompanionError(
      'rejected',
      said ?? t('workerCompanionRequestRefused', String(response.status)),
      response.status,
    );
  }

  return {
    ping: () => request<PingResponse>(ROUTES.ping, { auth: false }),
    vault: () => request<VaultInfoResponse>(ROUTES.vault, {}),
    pair: () => request<PairResponse>(ROUTES.pair, { method: 'POST', body: {} }),
    searchNotes: async (q, limit = 20) =>
      (await request<NotesResponse>(`${ROUTES.notes}?${new URLSearchParams({ q, limit: String(limit) })}`, {})).notes,
    listTags: async () => (await request<TagsResponse>(ROUTES.tags, {})).tags,
    findSources: async (url) =>
      (await request<SourcesResponse>(`${ROUTES.sources}?${new URLSearchParams({ url })}`, {})).notes,
    suggestNotes: async (page, limit) =>
      (await request<SuggestResponse>(ROUTES.suggest, { method: 'POST', body: { page, limit } })).notes,
    postClip: (body) => request<ClipResponse>(ROUTES.clips, { method: 'POST', body, timeoutMs: WRITE_TIMEOUT_MS }),
  };
}
