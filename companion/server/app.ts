import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import * as v from 'valibot';
import type { ClipRequest } from '../../utils/core/clip';
import {
  ClipRequestBodySchema,
  PROTOCOL_VERSION,
  ROUTES,
  type ClipResponse,
  type NotesResponse,
  type PairResponse,
  type PingResponse,
  type SourcesResponse,
  SuggestRequestBodySchema,
  type SuggestResponse,
  type TagsResponse,
  type VaultInfoResponse,
} from '../../utils/core/companion-api';
import { formatDate } from '../../utils/core/date-format';
import type { NoteClipper } from '../vault/note-clipper';
import type { Vault } from '../vault/vault';
import { ApiError, errorResponse } from './api-error';
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

export interface CompanionDeps {
  vault: Vault;
  clipper: NoteClipper;
  token: string;
  /** The port actually listened on (known only after listening when started with `--port 0`). */
  port: () => number;
  origins: OriginPolicy & { record(origin: string): Promise<void> };
  /** The clip date when the request has none (the companion's local date). */
  today?: () => Date;
}

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

  app.use('*', hostGuard(deps.port));
  app.use('*', originGuard(deps.origins));
  app.use('*', corsForAllowed(deps.origins));

  app.get(ROUTES.ping, (c) => c.json({ app: 'refclip', protocol: PROTOCOL_VERSION } satisfies PingResponse));

  app.use('*', tokenGuard(deps.token));
  app.on(['POST', 'PUT', 'PATCH', 'DELETE'], '*', jsonOnly, limitedBody);

  app.post(ROUTES.pair, async (c) => {
    await jsonBody(c.req.raw);
    const origin = c.req.header('origin');
    if (origin === undefined || !isExtensionOrigin(origin)) {
      throw new ApiError(
        400,
        'invalid-request',
        'pairing records the Origin of an extension page; this request has none',
      );
    }
    await deps.origins.record(origin);
    return c.json({ origin } satisfies PairResponse);
  });

  app.get(ROUTES.vault, (c) =>
    c.json({ name: deps.vault.name, notes: deps.vault.index.size } satisfies VaultInfoResponse),
  );

  app.get(ROUTES.notes, (c) => {
    const limit = parsed(LimitSchema, c.req.query('limit'));
    const query = parsed(v.pipe(v.optional(v.string(), ''), v.maxLength(500)), c.req.query('q'));
    return c.json({ notes: deps.vault.index.search(query, limit) } satisfies NotesResponse);
  });

  app.get(ROUTES.tags, (c) => c.json({ tags: deps.vault.index.tags() } satisfies TagsResponse));

  app.get(ROUTES.sources, async (c) => {
    const url = parsed(v.pipe(v.string('url is required'), v.minLength(1), v.maxLength(8192)), c.req.query('url'));
    return c.json({ notes: await deps.vault.sources(url) } satisfies SourcesResponse);
  });

  app.post(ROUTES.suggest, async (c) => {
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
    const result: ClipResponse = await deps.clipper.clip(body.note, request, body.options);
    return c.json(result, result.status === 'created' ? 201 : 200);
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
