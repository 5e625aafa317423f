import type { ExtractOptions } from './metadata';

/**
 * How options reach the injected extractor. `scripting.executeScript({ files })` cannot pass arguments, so the
 * caller first runs a tiny `func` with `args` that stores the options on the isolated world's global under this key
 * (the same isolated world the file then runs in; the page's own scripts cannot see it), and the extractor takes
 * them off again. See `extractFromTab` in run-in-tab.ts.
 */
export const EXTRACT_OPTIONS_GLOBAL = '__refclipExtractOptions';

/** Runs in the page (serialised by `executeScript`): it may reference nothing outside its own body. */
export function storeInjectedOptions(key: string, options: ExtractOptions): void {
  (globalThis as Record<string, unknown>)[key] = options;
}

/** Reads and removes the options stored for this run; anything malformed is ignored, field by field. */
export function takeInjectedOptions(scope: Record<string, unknown>): ExtractOptions {
  const raw = scope[EXTRACT_OPTIONS_GLOBAL];
  delete scope[EXTRACT_OPTIONS_GLOBAL];
  if (!raw || typeof raw !== 'object') return {};
  const given = raw as Record<string, unknown>;
  const options: ExtractOptions = {};
  if (typeof given.markdown === 'boolean') options.markdown = given.markdown;
  if (typeof given.selection === 'string') options.selection = given.selection;
  if (given.publisherAliases && typeof given.publisherAliases === 'object') {
    options.publisherAliases = Object.fromEntries(
      Object.entries(given.publisherAliases as Record<string, unknown>).filter(
        (entry): entry is [string, string] => typeof entry[1] === 'string',
      ),
    );
  }
  return options;
}
