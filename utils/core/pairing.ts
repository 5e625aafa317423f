import * as v from 'valibot';

/** Where a paired extension reaches the companion, and the secret it sends as `Authorization: Bearer`. */
export interface Pairing {
  /** `http://127.0.0.1:PORT` (or `localhost`). */
  url: string;
  token: string;
}

/** At least 128 bits of base64url; the companion makes 256. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{22,128}$/;

const PairingSchema = v.object({
  url: v.pipe(v.string(), v.regex(/^http:\/\/(127\.0\.0\.1|localhost):\d{1,5}$/)),
  token: v.pipe(v.string(), v.regex(TOKEN_PATTERN)),
});

/** Whether a string has the shape of a companion token (what a person pastes into the options page). */
export function isTokenShaped(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}

function toBase64Url(text: string): string {
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=/g, '');
}

function fromBase64Url(encoded: string): string | null {
  if (!/^[A-Za-z0-9_-]*$/.test(encoded)) return null;
  const padded = encoded.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (encoded.length % 4)) % 4);
  try {
    return atob(padded);
  } catch {
    return null;
  }
}

/**
 * The fragment `#pair=<base64url of {"url","token"}>` that `refclip serve` prints. A fragment never reaches a
 * server or a Referer header, so the token stays on the machine.
 */
export function pairingFragment(port: number, token: string): string {
  return `#pair=${toBase64Url(JSON.stringify({ url: `http://127.0.0.1:${port}`, token }))}`;
}

/**
 * Link that opens the Chrome build's options page and pairs it in one click. The extension id comes from the
 * caller (`utils/extension-ids.ts`) because the core imports only its siblings.
 */
export function pairingLink(port: number, token: string, chromeExtensionId: string): string {
  return `chrome-extension://${chromeExtensionId}/options.html${pairingFragment(port, token)}`;
}

/** Reads `location.hash` of the options page; `null` when it carries no (valid) pairing. */
export function parsePairingFragment(hash: string): Pairing | null {
  const match = /^#?pair=([A-Za-z0-9_-]+)$/.exec(hash.trim());
  if (!match?.[1]) return null;
  const json = fromBase64Url(match[1]);
  if (json === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return null;
  }
  const result = v.safeParse(PairingSchema, parsed);
  return result.success ? { url: result.output.url, token: result.output.token } : null;
}
