import { t } from '../i18n';
import {
  ROUTES,
  type ClipBatchRequestBody,
  type ClipBatchResponse,
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
  type UndoResponse,
  type VaultInfoResponse,
} from '../core/companion-api';
import { CompanionError } from './companion-error';
import type { Delivery } from '../messaging/protocol';
import { httpTransport, type CompanionTransport, type HttpTransportOptions } from './companion-transport';

export { CompanionError, type CompanionFailureKind } from './companion-error';

export type CompanionClientOptions = {
  /** Called after every answer the companion gives (whatever its status): it is running again. */
  onReachable?: () => void;
} & ({ transport: CompanionTransport } | HttpTransportOptions);

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
  postClipBatch(body: ClipBatchRequestBody): Promise<ClipBatchResponse>;
  undoClip(clipId: string): Promise<UndoResponse>;
  /** How the last answer came: `null` before any. */
  delivery(): Delivery | null;
}

/**
 * A typed client of the companion's contract (`utils/core/companion-api.ts`), mapping failures to plain words.
 * Requests go through a `CompanionTransport` (native messaging or HTTP), so each call is written once for both.
 */
export function createCompanionClient(options: CompanionClientOptions): CompanionClient {
  const transport = 'transport' in options ? options.transport : httpTransport(options);
  let answeredBy: Delivery | null = null;

  async function request<T>(
    path: string,
    init: { method?: 'GET' | 'POST' | 'DELETE'; body?: unknown; auth?: boolean; timeoutMs?: number },
  ) {
    const answer = await transport.send({
      method: init.method ?? 'GET',
      path,
      body: init.body,
      auth: init.auth !== false,
      timeoutMs: init.timeoutMs ?? LOOKUP_TIMEOUT_MS,
    });
    answeredBy = transport.delivery;
    options.onReachable?.();
    const { status, body: json } = answer;
    if (status >= 200 && status < 300) {
      if (json === null) throw new CompanionError('offline', t('workerCompanionUnreadable', transport.where));
      return json as T;
    }
    const said = (json as ErrorResponse | null)?.error?.message;
    if (status === 401) {
      throw new CompanionError('refused', t('workerCompanionTokenRefused'), 401);
    }
    if (status === 403) {
      throw new CompanionError('refused', t('workerCompanionOriginRefused', said ?? 'HTTP 403'), 403);
    }
    if (status >= 500) {
      throw new CompanionError('offline', said ?? t('workerCompanionFailed', String(status)), status);
    }
    throw new CompanionError('rejected', said ?? t('workerCompanionRequestRefused', String(status)), status);
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
    postClipBatch: (body) =>
      request<ClipBatchResponse>(ROUTES.clipsBatch, { method: 'POST', body, timeoutMs: WRITE_TIMEOUT_MS }),
    undoClip: (clipId) =>
      request<UndoResponse>(ROUTES.clip.replace(':id', encodeURIComponent(clipId)), {
        method: 'DELETE',
        body: {},
        timeoutMs: WRITE_TIMEOUT_MS,
      }),
    delivery: () => answeredBy,
  };
}
