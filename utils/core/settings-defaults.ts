/**
 * The settings' plain defaults, apart from the schema in `settings.ts` so a page that only reads a few settings
 * (the popup, on every open) need not load the schema library.
 */

/** Port the companion listens on unless told otherwise (`refclip serve --port`). */
export const DEFAULT_COMPANION_PORT = 47813;

/** How a clip reaches the vault. `ask`: the popup offers both. */
export const DELIVERY_MODES = ['companion', 'download', 'ask'] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];
export const DEFAULT_DELIVERY_MODE: DeliveryMode = 'companion';

/**
 * The quote goes last: a `> Full text:` line after the `> > ` quote lines would be read as a lazy continuation of
 * the quote's paragraph (CommonMark), not as a line of the callout.
 */
export const DEFAULT_CALLOUT_TEMPLATE =
  '> [!ref] {publisher} - {title}\n> {url}\n> Why it matters: {why}\n> Full text: {fulltext}\n> > {quote}';

/**
 * The default callout template before issue 17 added `{fulltext}` and `{quote}`. Settings saved with it meant "the
 * default", so they are read as the current one; a template a person wrote stays as written.
 */
const EARLIER_DEFAULT_CALLOUT_TEMPLATE = '> [!ref] {publisher} - {title}\n> {url}\n> Why it matters: {why}';

/** A stored callout template, with an earlier default read as today's. */
export function currentCalloutTemplate(stored: string): string {
  return stored === EARLIER_DEFAULT_CALLOUT_TEMPLATE ? DEFAULT_CALLOUT_TEMPLATE : stored;
}

/** Folder of the vault (and of the download folder) where the articles' text is saved as source notes. */
export const DEFAULT_SOURCES_FOLDER = 'sources';

/** Body of a new note, after the frontmatter the engine builds (see `new-note.ts`). */
export const DEFAULT_NEW_NOTE_TEMPLATE = '# {title}\n\n## sources\n\n{callout}\n';
