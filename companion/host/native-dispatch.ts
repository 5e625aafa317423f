import type { Hono } from 'hono';
import * as v from 'valibot';
import type { ErrorCode, ErrorResponse } from '../../utils/core/companion-api';
import {
  MAX_NATIVE_ANSWER_BYTES,
  NativeRequestSchema,
  type NativeAnswer,
  type NativeRequest,
} from '../../utils/core/native-protocol';
import type { Frame } from './native-framing';

/** Requests reach the app under this origin; the host guard that would check it is HTTP-only and not installed. */
const NATIVE_BASE = 'http://refclip.native';

function failure(id: string, status: number, code: ErrorCode, message: string): NativeAnswer {
  return { id, status, body: { error: { code, message } } satisfies ErrorResponse };
}

function requestOf(frame: Buffer): NativeRequest | NativeAnswer {
  let json: unknown;
  try {
    json = JSON.parse(frame.toString('utf8'));
  } catch {
    return failure('', 400, 'invalid-request', 'the message is not valid JSON');
  }
  const parsed = v.safeParse(NativeRequestSchema, json);
  if (parsed.success) return parsed.output;
  const id = typeof (json as { id?: unknown })?.id === 'string' ? (json as { id: string }).id : '';
  return failure(id, 400, 'invalid-request', `not a refclip request: ${v.summarize(parsed.issues)}`);
}

/**
 * One native message through the same Hono app `refclip serve` runs: the answer holds the status and JSON body
 * the call gets over HTTP. Writes always carry a JSON body (`{}` when the caller sent none), as the app demands.
 */
export async function answerFrame(app: Hono, frame: Frame, maxRequestBytes: number): Promise<NativeAnswer> {
  if ('oversize' in frame) {
    return failure('', 413, 'body-too-large', `message of ${frame.oversize} bytes is larger than ${maxRequestBytes}`);
  }
  const request = requestOf(frame.bytes);
  if ('status' in request) return request;
  const init: RequestInit = { method: request.method };
  if (request.method !== 'GET') {
    init.headers = { 'content-type': 'application/json' };
    init.body = JSON.stringify(request.body ?? {});
  }
  const response = await app.request(NATIVE_BASE + request.path, init);
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return failure(request.id, 500, 'internal', `the companion answered ${response.status} without JSON`);
  }
  const answer: NativeAnswer = { id: request.id, status: response.status, body };
  if (Buffer.byteLength(JSON.stringify(answer), 'utf8') > MAX_NATIVE_ANSWER_BYTES) {
    return failure(request.id, 500, 'internal', 'the answer is larger than native messaging allows (1 MB)');
  }
  return answer;
}
