import { memoised } from './memo';

/** Query parameters that only track the visitor; two URLs differing only in these cite the same source. */
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'igshid',
  'mc_cid',
  'mc_eid',
  'ref_src',
  'ref_url',
  '_ga',
  '_gl',
  '_hsenc',
  '_hsmi',
  'mkt_tok',
  'oly_anon_id',
  'oly_enc_id',
  'vero_id',
]);

/** Normalised URLs kept for the next pass over the same note: a 5 MB note cites about 100,000 (some 10 MB). */
const URLS_REMEMBERED = 200_000;

function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith('utm_') || TRACKING_PARAMS.has(lower);
}

/** The decoded name of one `name=value` pair of a query. */
function paramName(pair: string): string {
  const name = pair.split('=', 1)[0]!.replaceAll('+', ' ');
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/**
 * The address a note cites: the URL without tracking parameters (the same list as `normaliseUrl`'s) and without its
 * fragment, unless the fragment is a client-side route (`#/…`, `#!…`), which names the page. Everything else (scheme,
 * host, path, the other parameters in their order) is kept as the page wrote it. Text that is not an http(s) URL comes
 * back unchanged.
 */
export function citableUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return url;
  // The query is filtered as text, not through `searchParams`: its iterators are not iterable in a Firefox content
  // script (the extractor runs there), and the parameters kept stay encoded exactly as the page wrote them.
  const kept = parsed.search
    .slice(1)
    .split('&')
    .filter((pair) => pair !== '' && !isTrackingParam(paramName(pair)));
  parsed.search = kept.length > 0 ? `?${kept.join('&')}` : '';
  if (!/^#[/!]/.test(parsed.hash)) parsed.hash = '';
  return parsed.href;
}

/**
 * The key under which two URLs count as the same source (dedupe, the companion's source index).
 * Rules: `http` and `https` are the same; scheme and host are lower-cased; a leading `www.` and default ports
 * are dropped; the fragment is dropped unless it is a client-side route (`#/…`, `#!…`); one trailing slash of the
 * path is dropped (so the bare origin has no path); tracking parameters (`utm_*`, `fbclid`, `gclid`, `mc_cid`,
 * `ref_src` and the others in `TRACKING_PARAMS`, any case) are removed and the rest are sorted by name (stable).
 * Text that is not an absolute URL comes back trimmed.
 */
export const normaliseUrl: (url: string) => string = memoised(normalise, URLS_REMEMBERED);

function normalise(url: string): string {
  const trimmed = url.trim();
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return trimmed;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    parsed.hash = '';
    return parsed.href;
  }
  const host = parsed.hostname.replace(/^www\./, '');
  const port = parsed.port === '' || parsed.port === '80' || parsed.port === '443' ? '' : `:${parsed.port}`;
  const path = parsed.pathname.replace(/\/$/, '');
  const params = [...parsed.searchParams].filter(([name]) => !isTrackingParam(name));
  params.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = params.length === 0 ? '' : `?${new URLSearchParams(params).toString()}`;
  const route = /^#[/!]/.test(parsed.hash) ? parsed.hash : '';
  return `https://${host}${port}${path}${query}${route}`;
}
