import * as v from 'valibot';

/**
 * The companion over native messaging (`refclip host`, issue 15): the browser starts the host and exchanges
 * length-prefixed JSON messages with it. Each request carries one call of the HTTP contract (`companion-api.ts`)
 * and gets the status and JSON body that call would get over HTTP.
 */

/** The name the host is registered under, in the manifests `refclip install` writes. */
export const NATIVE_HOST_NAME = 'refclip.companion';

/** The most the host sends in one message (Chrome's limit for messages to the browser). */
export const MAX_NATIVE_ANSWER_BYTES = 1024 * 1024;

export const NativeRequestSchema = v.object({
  /** Chosen by the caller; echoed in the answer, so answers may come back in any order. */
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  method: v.picklist(['GET', 'POST', 'DELETE']),
  /** A contract route with its query string, e.g. `/v1/notes?q=grid&limit=20`. */
  path: v.pipe(v.string(), v.startsWith('/v1/'), v.maxLength(16_384)),
  body: v.optional(v.record(v.string(), v.unknown())),
});

export type NativeRequest = v.InferOutput<typeof NativeRequestSchema>;

export interface NativeAnswer {
  /** The request's id; empty when the request was unreadable. */
  id: string;
  /** The HTTP status the same call gets from `refclip serve`. */
  status: number;
  body: unknown;
}
