import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { MAX_BODY_BYTES, ROUTES } from '../../utils/core/companion-api';
import { errorResponse } from './api-error';

/** Origins of extension pages; only these can ever be allowed, and only these may pair. */
export function isExtensionOrigin(origin: string): boolean {
  return /^(chrome-extension:\/\/[a-p]{32}|moz-extension:\/\/[0-9a-f-]{36})$/.test(origin);
}

/** Routes an extension page may call before its origin is recorded: ping (no secrets) and pair (needs the token). */
const PAIRING_ROUTES: string[] = [ROUTES.ping, ROUTES.pair];

export interface OriginPolicy {
  isAllowed(origin: string): boolean;
}

function originAccepted(policy: OriginPolicy, origin: string, path: string): boolean {
  return policy.isAllowed(origin) || (isExtensionOrigin(origin) && PAIRING_ROUTES.includes(path));
}

/**
 * DNS rebinding guard: a page on evil.example that resolves its name to 127.0.0.1 still sends
 * `Host: evil.example`. Only the exact loopback names with our port pass; others get 421 Misdirected Request.
 */
export function hostGuard(port: () => number): MiddlewareHandler {
  return async (c, next) => {
    const host = c.req.header('host');
    if (host !== `127.0.0.1:${port()}` && host !== `localhost:${port()}`) {
      return errorResponse(421, 'bad-host', 'refclip answers only to 127.0.0.1 and localhost on its own port');
    }
    await next();
  };
}

/**
 * Exact-match Origin allowlist. A request without `Origin` (the CLI, curl) passes here and still needs the token;
 * a web page's origin gets 403 before any CORS header is set, preflights included.
 */
export function originGuard(policy: OriginPolicy): MiddlewareHandler {
  return async (c, next) => {
    const origin = c.req.header('origin');
    if (origin !== undefined && !originAccepted(policy, origin, c.req.path)) {
      return errorResponse(403, 'forbidden-origin', 'this origin is not a paired refclip extension');
    }
    await next();
  };
}

/** CORS headers (and preflight answers) for origins the guard let through; never a wildcard. */
export function corsForAllowed(policy: OriginPolicy): MiddlewareHandler {
  return cors({
    origin: (origin, c) => (originAccepted(policy, origin, c.req.path) ? origin : null),
    allowMethods: ['GET', 'POST', 'DELETE', 'OPTIONS'],
    allowHeaders: ['Authorization', 'Content-Type'],
    maxAge: 600,
  });
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/**
 * `Authorization: Bearer <token>` on every route it guards, compared in constant time (equal-length digests) with
 * the token in force at that moment (see `TokenFile`).
 * Only the header counts: a token in the query string is ignored, so it never lands in logs or history.
 */
export function tokenGuard(token: () => Promise<string>): MiddlewareHandler {
  const unauthorized = () =>
    errorResponse(401, 'unauthorized', 'missing or wrong token: pair the extension (refclip pair prints the token)');
  return bearerAuth({
    verifyToken: async (candidate) => timingSafeEqual(digest(candidate), digest(await token())),
    noAuthenticationHeader: { message: unauthorized },
    invalidAuthenticationHeader: { message: unauthorized },
    invalidToken: { message: unauthorized },
  });
}

/** Bodies must be JSON: a form or `text/plain` is a CORS "simple request" a web page could send without preflight. */
export const jsonOnly: MiddlewareHandler = async (c, next) => {
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') {
    return errorResponse(415, 'unsupported-media-type', 'request bodies must be application/json');
  }
  await next();
};

export const limitedBody: MiddlewareHandler = bodyLimit({
  maxSize: MAX_BODY_BYTES,
  onError: () =>
    errorResponse(
      413,
      'body-too-large',
      `request body larger than ${MAX_BODY_BYTES} bytes (1 MB); nothing was written`,
    ),
});
