/** A `note_id` series code: one to eight letters or digits. */
export const SERIES_CODE = /^[A-Za-z0-9]{1,8}$/;

/**
 * Options of the note engine, derived from the settings (see `settings.ts`); passed in so the engine stays pure.
 */
export interface NoteOptions {
  /** Callout template with `{publisher}`, `{title}`, `{url}`, `{why}`, `{byline}`, `{published}` placeholders. */
  calloutTemplate: string;
  /** Text of the level-2 heading that holds the callouts, matched case-insensitively (default `sources`). */
  sourcesHeading: string;
  /** Headings (text, level 2) before which a missing sources section is created (default `['linkage']`). */
  insertBefore: string[];
  /** Template of a new note (see `new-note.ts` for its placeholders). */
  newNoteTemplate: string;
  /** Two-letter (or longer) series code of `note_id`. */
  seriesCode: string;
  /** `cssclasses` of a new note. */
  cssclasses: string[];
}
