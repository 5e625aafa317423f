import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import * as v from 'valibot';
import type { ClipRequest } from '../../utils/core/clip';
import {
  ClipBatchRequestBodySchema,
  ClipRequestBodySchema,
  PROTOCOL_VERSION,
  ROUTES,
  type ClipBatchResponse,
  type ClipResponse,
  type NotesResponse,
  type PairResponse,
  type PingResponse,
  type SourcesResponse,
  SuggestRequestBodySchema,
  type SuggestResponse,
  type TagsResponse,
  type UndoResponse,
  type VaultInfoResponse,
} from '../../utils/core/companion-api';
import { formatDate } from '../../utils/core/date-format';
import type { NoteClipper } from '../vault/note-clipper';
import type { Vault } from '../vault/vault';
import { ApiError, errorResponse } from './api-error';
import { vaultGuard } from './vault-guard';
import {
  corsForAllowed,
  hostGuard,
  isExtensionOrigin,
  jsonOnly,
  limitedBody,
  originGuard,
  tokenGuard,
  type OriginPolicy,
} from './guards';

interface RouteDeps {
  vault: Vault;
  clipper: NoteClipper;
  /** The clip date when the request has none (the companion's local date). */
  today?: () => Date;
  /** Settles once the vault is searchable; every route but ping and vault waits for it (the host answers before). */
  indexed?: Promise<void>;
  /** Settles once suggestion knows every note's topics, which the host loads after making the notes searchable. */
  suggestable?: Promise<void>;
  /** Settles once the notes are found, before they are indexed: all the vault route waits for. */
  counted?: Promise<void>;
}

/** What only the HTTP transport checks: the Host header, the Origin allowlist and the token. */
interface HttpDeps {
  /** The token in force for this request (the server follows its token file). */
  token: () => Promise<string>;
  /** The port actually listened on (known only after listening when started with `--port 0`). */
  port: () => number;
  origins: OriginPolicy & { record(origin: string): Promise<void> };
}

/**
 * `refclip serve` passes the HTTP guards' needs; `refclip host` passes `transport: 'native'`, since the browser
 * itself lets only the extensions named in the host manifest talk to it (no socket, no other caller).
 */
export type CompanionDeps = RouteDeps & (HttpDeps | { transport: 'native' });

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 200;

const LimitSchema = v.pipe(
  v.optional(v.string(), String(DEFAULT_LIMIT)),
  v.regex(/^\d{1,4}$/, 'limit must be a whole number'),
  v.transform(Number),
  v.minValue(1, 'limit must be at least 1'),
  v.maxValue(MAX_LIMIT, `limit must be at most ${MAX_LIMIT}`),
);

function parsed<T extends v.GenericSchema>(schema: T, input: unknown): v.InferOutput<T> {
  const result = v.safeParse(schema, input);
  if (!result.success) throw new ApiError(400, 'invalid-request', v.summarize(result.issues));
  return result.output;
}

async function jsonBody(request: Request): Promise<unknown> {
  const text = await request.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError(400, 'invalid-request', 'the body is not valid JSON');
  }
}

/** The companion's HTTP app: guards first (Host, Origin, CORS, token, JSON, size), then the contract's routes. */
export function createApp(deps: CompanionDeps): Hono {
  const app = new Hono();
  const today = deps.today ?? (() => new Date());
  const http = 'transport' in deps ? null : deps;

  if (http) {
    app.use('*', hostGuard(http.port));
    app.use('*', originGuard(http.origins));
    app.use('*', corsForAllowed(http.origins));
  }

  app.get(ROUTES.ping, (c) => c.json({ app: 'refclip', protocol: PROTOCOL_VERSION } satisfies PingResponse));

  if (http) app.use('*', tokenGuard(http.token));
  if (deps.indexed) {
    const indexed = deps.indexed;
    const counted = deps.counted ?? indexed;
    app.use('*', async (c, next) => {
      await (c.req.path === ROUTES.vault ? counted : indexed);
      await next();
    });
  }
  app.on(['POST', 'PUT', 'PATCH', 'DELETE'], '*', jsonOnly, limitedBody);

  app.post(ROUTES.pair, async (c) => {
    await jsonBody(c.req.raw);
    const origin = c.req.header('origin');
    if (http === null || origin === undefined || !isExtensionOrigin(origin)) {
      throw new ApiError(
        400,
        'invalid-request',
        'pairing records the Origin of an extension page; this request has none',
      );
    }
    await http.origins.record(origin);
    return c.json({ origin } satisfies PairResponse);
  });

  for (const route of [ROUTES.vault, ROUTES.notes, ROUTES.tags, ROUTES.sources, ROUTES.clips, `${ROUTES.clips}/*`]) {
    app.use(route, vaultGuard(deps.vault));
  }

  app.get(ROUTES.vault, async (c) =>
    c.json({
      name: deps.vault.name,
      notes: deps.vault.noteCount,
      obsidian: await deps.vault.isObsidianVault(),
    } satisfies VaultInfoResponse),
  );

  app.get(ROUTES.notes, async (c) => {
    await deps.vault.indexed();
    const limit = parsed(LimitSchema, c.req.query('limit'));
    const query = parsed(v.pipe(v.optional(v.string(), ''), v.maxLength(500)), c.req.query('q'));
    return c.json({ notes: deps.vault.index.search(query, limit) } satisfies NotesResponse);
  });

  app.get(ROUTES.tags, async (c) => {
    await deps.vault.indexed();
    return c.json({ tags: deps.vault.index.tags() } satisfies TagsResponse);
  });

  app.get(ROUTES.sources, async (c) => {
    const url = parsed(v.pipe(v.string('url is required'), v.minLength(1), v.maxLength(8192)), c.req.query('url'));
    return c.json({ notes: await deps.vault.sources(url) } satisfies SourcesResponse);
  });

  app.post(ROUTES.suggest, async (c) => {
    await deps.suggestable;
    await deps.vault.indexed();
    const body = parsed(SuggestRequestBodySchema, await jsonBody(c.req.raw));
    return c.json({ notes: deps.vault.index.suggest(body.page, body.limit) } satisfies SuggestResponse);
  });

  app.post(ROUTES.clips, async (c) => {
    const body = parsed(ClipRequestBodySchema, await jsonBody(c.req.raw));
    const request: ClipRequest = {
      clip: body.clip,
      tags: body.tags,
      date: body.date ?? formatDate(today(), 'YYYY-MM-DD'),
    };
    const result: ClipResponse = await deps.clipper.clip(body.note, request, body.options, body.source);
    return c.json(result, result.status === 'created' ? 201 : 200);
  });

  app.post(ROUTES.clipsBatch, async (c) => {
    const body = parsed(ClipBatchRequestBodySchema, await jsonBody(c.req.raw));
    const patch = { tags: body.tags, date: body.date ?? formatDate(today(), 'YYYY-MM-DD') };
    const result: ClipBatchResponse = await deps.clipper.clipBatch(body.note.path, body.clips, patch, body.options);
    return c.json(result);
  });

  app.delete(ROUTES.clip, async (c) => {
    parsed(v.strictObject({}), await jsonBody(c.req.raw));
    return c.json((await deps.clipper.undo(c.req.param('id'))) satisfies UndoResponse);
  });

  app.notFound(() => errorResponse(404, 'not-found', 'no such route'));
  app.onError((error) => {
    if (error instanceof ApiError) return errorResponse(error.status, error.code, error.message);
    if (error instanceof HTTPException) return error.getResponse();
    console.error(`refclip: ${error instanceof Error ? error.message : String(error)}`);
    return errorResponse(500, 'internal', 'internal error; the companion log has details');
  });
  return app;
}
