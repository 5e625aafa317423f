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

export const DEFAULT_CALLOUT_TEMPLATE = '> [!ref] {publisher} - {title}\n> {url}\n> Why it matters: {why}';

/** Body of a new note, after the frontmatter the engine builds (see `new-note.ts`). */
export const DEFAULT_NEW_NOTE_TEMPLATE = '# {title}\n\n## sources\n\n{callout}\n';
