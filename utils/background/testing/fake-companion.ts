import { normaliseUrl } from '../../core/url';
import type { ClipBatchRequestBody, ClipRequestBody } from '../../core/companion-api';

export interface FakeCompanion {
  fetch: typeof fetch;
  /** Requests received, as `METHOD /path`. */
  requests: string[];
  /** Clip bodies the companion applied (not those it answered `already-present` to). */
  applied: ClipRequestBody[];
  /** Batch bodies (`POST /v1/clips/batch`) the companion received. */
  batches: ClipBatchRequestBody[];
  /** `offline`: connection refused; a number: that HTTP status for every route. */
  state: 'up' | 'offline' | number;
  /** Answer this many successful clip writes as a dropped connection after applying them. */
  loseAnswers: number;
}

/**
 * An in-memory stand-in for `refclip serve` in unit tests: token check, URL dedupe per note, created notes listed
 * by `/v1/sources`. The flow tests use the real companion.
 */
export function fakeCompanion(token: string): FakeCompanion {
  const cited = new Map<string, Set<string>>();
  const titles = new Map<string, string>();
  const companion: FakeCompanion = {
    requests: [],
    applied: [],
    batches: [],
    state: 'up',
    loseAnswers: 0,
    fetch: async (input, init) => {
      const url = new URL(String(input));
      companion.requests.push(`${init?.method ?? 'GET'} ${url.pathname}`);
      if (companion.state === 'offline') throw new TypeError('Failed to fetch');
      const json = (status: number, body: unknown) =>
        new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
      if (typeof companion.state === 'number') {
        return json(companion.state, { error: { code: 'write-failed', message: 'the disk is full' } });
      }
      if (url.pathname === '/v1/ping') return json(200, { app: 'refclip', protocol: 1 });
      const headers = new Headers(init?.headers);
      if (headers.get('authorization') !== `Bearer ${token}`) {
        return json(401, { error: { code: 'unauthorized', message: 'missing or wrong token' } });
      }
      if (url.pathname === '/v1/vault') return json(200, { name: 'vault', notes: cited.size });
      if (url.pathname === '/v1/pair') {
        // As the real companion: pairing records the caller's extension Origin, and a caller without one gets 400.
        const origin = headers.get('origin');
        if (origin === null) return json(400, { error: { code: 'invalid-request', message: 'no Origin' } });
        return json(200, { origin });
      }
      if (url.pathname === '/v1/sources') {
        const key = normaliseUrl(url.searchParams.get('url') ?? '');
        const notes = [...cited].filter(([, urls]) => urls.has(key)).map(([path]) => path);
        return json(200, {
          notes: notes.map((path) => ({ path, title: titles.get(path) ?? path, tags: [], updated: null, mtime: 0 })),
        });
      }
      if (url.pathname === '/v1/clips/batch') {
        const body = JSON.parse(String(init?.body)) as ClipBatchRequestBody;
        companion.batches.push(body);
        const urls = cited.get(body.note.path) ?? new Set<string>();
        const items = body.clips.map((clip) => {
          const key = normaliseUrl(clip.url);
          const status = urls.has(key) ? 'already-present' : 'added';
          urls.add(key);
          return { url: clip.url, status };
        });
        cited.set(body.note.path, urls);
        return json(200, { path: body.note.path, items });
      }
      if (url.pathname === '/v1/clips') {
        const body = JSON.parse(String(init?.body)) as ClipRequestBody;
        const path = 'path' in body.note ? body.note.path : `${body.note.create.title}.md`;
        if ('create' in body.note) titles.set(path, body.note.create.title);
        const urls = cited.get(path) ?? new Set<string>();
        const key = normaliseUrl(body.clip.url);
        const status = urls.has(key) ? 'already-present' : 'create' in body.note ? 'created' : 'added';
        if (status !== 'already-present') companion.applied.push(body);
        urls.add(key);
        cited.set(path, urls);
        if (companion.loseAnswers > 0) {
          companion.loseAnswers -= 1;
          throw new TypeError('Failed to fetch');
        }
        return json(status === 'created' ? 201 : 200, { status, path });
      }
      return json(404, { error: { code: 'not-found', message: 'no such route' } });
    },
  };
  return companion;
}
