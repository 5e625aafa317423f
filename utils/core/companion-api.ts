import * as v from 'valibot';
import { isIsoDate } from './date-format';
import { SERIES_CODE } from './note-options';

/**
 * The companion's HTTP contract (`refclip serve`), shared by the server and the extension.
 * JSON only, versioned under `/v1`; every route but `/v1/ping` needs `Authorization: Bearer <token>`.
 */
export const PROTOCOL_VERSION = 1;

/** Largest request body the companion reads (413 above it). */
export const MAX_BODY_BYTES = 1024 * 1024;

export const ROUTES = {
  ping: '/v1/ping',
  notes: '/v1/notes',
  tags: '/v1/tags',
  sources: '/v1/sources',
  clips: '/v1/clips',
  /** `POST`: several clips into one note, written once (`ClipBatchResponse`). */
  clipsBatch: '/v1/clips/batch',
  /** `DELETE` with body `{}`: takes a clip back (`UndoResponse`). Hono's pattern; the client fills in the id. */
  clip: '/v1/clips/:id',
  vault: '/v1/vault',
  pair: '/v1/pair',
  suggest: '/v1/suggest',
} as const;

/** `GET /v1/ping`: no token needed, no vault details, so "not running" differs from "not paired". */
export interface PingResponse {
  app: 'refclip';
  protocol: number;
}

/** `GET /v1/vault` (authorised): what the options page shows after "test connection". */
export interface VaultInfoResponse {
  name: string;
  notes: number;
  /** The vault is an Obsidian vault (it holds `.obsidian/`), so `obsidian://open` links reach its notes. */
  obsidian: boolean;
}

/**
 * `POST /v1/pair` (authorised, empty JSON body `{}`): records the request's `Origin` (a `chrome-extension://` or
 * `moz-extension://` origin) in the companion's allowlist. Firefox gives every install a random origin, so the
 * options page calls this once with the pasted token.
 */
export interface PairResponse {
  origin: string;
}

/** One note in search results (`GET /v1/notes?q=&limit=`) and in `GET /v1/sources?url=`. */
export interface NoteSummary {
  /** Vault-relative, `/`-separated, ends in `.md`. */
  path: string;
  title: string;
  tags: string[];
  /** Frontmatter `updated`, when the note has one. */
  updated: string | null;
  /** File modification time, ms since the epoch. */
  mtime: number;
}

export interface NotesResponse {
  notes: NoteSummary[];
}

export interface TagCount {
  tag: string;
  count: number;
}

export interface TagsResponse {
  tags: TagCount[];
}

export interface SourcesResponse {
  notes: NoteSummary[];
}

const shortText = (max: number) => v.pipe(v.string(), v.maxLength(max));

/** A vault-relative note path as the client sends it; the server confines it to the vault. */
const NotePath = v.pipe(v.string(), v.minLength(4), v.maxLength(1024), v.endsWith('.md'));

export const ClipBodySchema = v.object({
  url: v.pipe(v.string(), v.maxLength(8192), v.url()),
  title: shortText(200_000),
  publisher: shortText(10_000),
  why: v.optional(shortText(100_000)),
  byline: v.optional(shortText(10_000)),
  published: v.optional(shortText(100)),
  summary: v.optional(shortText(100_000)),
  /** The selection as Markdown: the callout's `{quote}` lines. */
  quote: v.optional(shortText(100_000)),
});

/** Longest article text a clip may carry: most of the 1 MB body, the rest left for the clip and the options. */
export const MAX_SOURCE_MARKDOWN = 900_000;

/**
 * The article's text to save as a source note (issue 17): written first, exclusively, into `folder` (default
 * `sources`); its path fills the callout's `{fulltext}`.
 */
export const SourceRequestSchema = v.strictObject({
  markdown: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_SOURCE_MARKDOWN)),
  folder: v.optional(v.pipe(v.string(), v.maxLength(1024))),
});

/**
 * The note engine's options as the extension's settings hold them (`noteOptionsFrom`): sent with each clip so the
 * companion writes exactly what the popup previewed. Checked strictly: a bad value is a 400, not a silent default.
 */
export const NoteOptionsSchema = v.strictObject({
  calloutTemplate: v.pipe(v.string(), v.minLength(1), v.maxLength(10_000)),
  sourcesHeading: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(200)),
  insertBefore: v.pipe(v.array(v.pipe(v.string(), v.maxLength(200))), v.maxLength(50)),
  newNoteTemplate: v.pipe(v.string(), v.minLength(1), v.maxLength(100_000)),
  seriesCode: v.pipe(v.string(), v.regex(SERIES_CODE)),
  cssclasses: v.pipe(v.array(v.pipe(v.string(), v.maxLength(200))), v.maxLength(50)),
});

export const ClipRequestBodySchema = v.object({
  note: v.union([
    v.strictObject({ path: NotePath }),
    v.strictObject({
      create: v.strictObject({
        title: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(10_000)),
        folder: v.optional(v.pipe(v.string(), v.maxLength(1024))),
      }),
    }),
  ]),
  clip: ClipBodySchema,
  tags: v.optional(v.array(v.pipe(v.string(), v.maxLength(200))), []),
  /** `YYYY-MM-DD`; the companion's local date when absent. */
  date: v.optional(v.pipe(v.string(), v.check(isIsoDate, 'date must be a real calendar date written YYYY-MM-DD'))),
  /** The note settings to write with; the companion's own (config.json `settings`) when absent. */
  options: v.optional(NoteOptionsSchema),
  /** Also save the article's text as a source note, linked from the callout (`{fulltext}`). */
  source: v.optional(SourceRequestSchema),
});

/** `POST /v1/clips` body. */
export type ClipRequestBody = v.InferInput<typeof ClipRequestBodySchema>;

/** `POST /v1/clips` answer (200 for added/already-present, 201 for created). */
export interface ClipResponse {
  status: 'added' | 'already-present' | 'created';
  path: string;
  /**
   * Present when `added` or `created`: 128 random bits, base64url, naming the clip for `DELETE /v1/clips/{id}`.
   * The companion keeps it in memory for `UNDO_KEEP_MS`.
   */
  clipId?: string;
  /**
   * Present when the request had a `source`: the source note's vault path and whether it was `created` or an
   * earlier one for the same URL was `reused`; or, when it could not be written, `error` (the callout was still filed,
   * without the full-text line).
   */
  source?: SourceOutcome;
}

export type SourceOutcome = { status: 'created' | 'reused'; path: string } | { status: 'failed'; error: string };
/** Most clips one batch may carry (the open tabs); the body limit bounds it too. */
export const MAX_BATCH_CLIPS = 500;

export const ClipBatchRequestBodySchema = v.object({
  /** Only an existing note: the batch is filed into the note the person picked. */
  note: v.strictObject({ path: NotePath }),
  clips: v.pipe(v.array(ClipBodySchema), v.minLength(1), v.maxLength(MAX_BATCH_CLIPS)),
  tags: v.optional(v.array(v.pipe(v.string(), v.maxLength(200))), []),
  date: v.optional(v.pipe(v.string(), v.check(isIsoDate, 'date must be a real calendar date written YYYY-MM-DD'))),
  options: v.optional(NoteOptionsSchema),
});

/** `POST /v1/clips/batch` body: every clip goes into `note` in one write, in order. */
export type ClipBatchRequestBody = v.InferInput<typeof ClipBatchRequestBodySchema>;

/**
 * `POST /v1/clips/batch` answer (200): what each clip did, in the request's order. `already-present`: the note (or
 * an earlier clip of the batch) cites its URL. The note is written once, or not at all when nothing was added.
 */
export interface ClipBatchResponse {
  path: string;
  items: { url: string; status: 'added' | 'already-present' }[];
  /** Present when something was added: `DELETE /v1/clips/{id}` takes the whole batch back. */
  clipId?: string;
}

/** How long the companion can take a clip back. */
export const UNDO_KEEP_MS = 10 * 60_000;

/**
 * `DELETE /v1/clips/{id}` (body `{}`) answer, 200: the note is byte-identical to before the clip (an outside edit
 * elsewhere in it is kept; see `undoClip`), or the note refclip created is removed. 409 `note-changed`: the lines
 * refclip wrote were edited or removed, and the note was left alone. 404 `not-found`: unknown or expired id.
 */
export interface UndoResponse {
  status: 'undone';
  path: string;
}

/** Notes `POST /v1/suggest` answers with when the body gives no `limit`. */
export const DEFAULT_SUGGEST_LIMIT = 5;

const optionalText = (max: number) => v.optional(v.nullable(shortText(max)));

/** The page a suggestion is for: what the extractor found (see `PageMetadata`). */
export const SuggestPageSchema = v.object({
  url: v.pipe(v.string(), v.maxLength(8192)),
  title: shortText(10_000),
  siteName: optionalText(1_000),
  excerpt: optionalText(100_000),
  keywords: v.optional(v.pipe(v.array(shortText(200)), v.maxLength(200))),
  lang: optionalText(100),
});

export type SuggestPage = v.InferOutput<typeof SuggestPageSchema>;

export const SuggestRequestBodySchema = v.object({
  page: SuggestPageSchema,
  limit: v.optional(
    v.pipe(
      v.number('limit must be a number'),
      v.integer('limit must be a whole number'),
      v.minValue(1),
      v.maxValue(20),
    ),
    DEFAULT_SUGGEST_LIMIT,
  ),
});

/** `POST /v1/suggest` body: which notes should this page be filed into? */
export type SuggestRequestBody = v.InferInput<typeof SuggestRequestBodySchema>;

/** One suggested target note, best first. */
export interface SuggestedNote {
  /** Vault-relative, `/`-separated. */
  path: string;
  title: string;
  /** Higher is better; only comparable within one answer. */
  score: number;
  /** One or two short phrases a person can read ("cites 3 pages from arstechnica.com", "tag: energy"). */
  reasons: string[];
}

/** `POST /v1/suggest` answer: at most `limit` notes. */
export interface SuggestResponse {
  notes: SuggestedNote[];
}

/** Machine-readable error codes; every error answer is `{ error: { code, message } }`. */
export type ErrorCode =
  | 'unauthorized'
  | 'forbidden-origin'
  | 'bad-host'
  | 'unsupported-media-type'
  | 'body-too-large'
  | 'invalid-request'
  | 'invalid-path'
  | 'not-found'
  | 'note-changed'
  | 'invalid-note'
  | 'vault-not-found'
  | 'write-failed'
  | 'internal';

export interface ErrorResponse {
  error: { code: ErrorCode; message: string };
}
