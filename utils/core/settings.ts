import * as v from 'valibot';
import { SERIES_CODE, type NoteOptions } from './note-options';
import {
  DEFAULT_CALLOUT_TEMPLATE,
  currentCalloutTemplate,
  DEFAULT_COMPANION_PORT,
  DEFAULT_DELIVERY_MODE,
  DEFAULT_NEW_NOTE_TEMPLATE,
  DEFAULT_SOURCES_FOLDER,
  DELIVERY_MODES,
} from './settings-defaults';

/** A `/`-separated relative folder: no `\\:*?"<>|`, no empty, `.` or `..` segment (a trailing `/` is allowed). */
const RELATIVE_FOLDER = v.pipe(
  v.string(),
  v.regex(/^[^/\\:*?"<>|]+(\/[^/\\:*?"<>|]+)*\/?$/),
  v.check((s) => !s.split('/').some((segment) => segment.trim() === '.' || segment.trim() === '..')),
);

export {
  DEFAULT_CALLOUT_TEMPLATE,
  DEFAULT_COMPANION_PORT,
  DEFAULT_NEW_NOTE_TEMPLATE,
  DEFAULT_SOURCES_FOLDER,
  DELIVERY_MODES,
  type DeliveryMode,
} from './settings-defaults';

const text = (fallback: string) => v.fallback(v.string(), fallback);
const list = (fallback: string[]) => v.fallback(v.array(v.string()), () => [...fallback]);

/**
 * The settings, one schema with defaults. Every field falls back to its default when the stored value is
 * missing or invalid, so a damaged store is repaired field by field instead of crashing the extension.
 */
export const SettingsSchema = v.object({
  /** Schema version, for migrations (`migrateSettings`). */
  version: v.fallback(v.literal(1), 1),
  /** Base URL of the companion, loopback only. */
  companionUrl: v.fallback(
    v.pipe(v.string(), v.regex(/^http:\/\/(127\.0\.0\.1|localhost):\d{1,5}$/)),
    `http://127.0.0.1:${DEFAULT_COMPANION_PORT}`,
  ),
  /** Where clips go: the companion, a download, or ask each time. */
  deliveryMode: v.fallback(v.picklist(DELIVERY_MODES), DEFAULT_DELIVERY_MODE),
  /** Template of the reference callout; see `renderCallout` for the placeholders and escaping rules. */
  calloutTemplate: v.fallback(v.pipe(v.string(), v.transform(currentCalloutTemplate)), DEFAULT_CALLOUT_TEMPLATE),
  /** Heading text (level 2) of the section that holds the callouts. */
  sourcesHeading: v.fallback(v.pipe(v.string(), v.trim(), v.minLength(1)), 'sources'),
  /** Headings before which a missing sources section is created. */
  insertBefore: list(['linkage']),
  /** Body template of a new note. */
  newNoteTemplate: text(DEFAULT_NEW_NOTE_TEMPLATE),
  /** Series code of a new note's `note_id` (`YYMMDD` + code + two-digit sequence). */
  seriesCode: v.fallback(v.pipe(v.string(), v.regex(SERIES_CODE)), 'RC'),
  /** `cssclasses` of a new note. */
  cssclasses: list([]),
  /** Format of the dates refclip writes (`updated:`, `created:`); tokens YYYY, YY, MM, DD. */
  dateFormat: v.fallback(v.pipe(v.string(), v.regex(/^(?=.*YY)(?=.*MM)(?=.*DD)[YMD\-./ ]+$/)), 'YYYY-MM-DD'),
  /** Publisher names by site name or host, applied after the general rules ("BBC News" → "BBC"). */
  publisherAliases: v.fallback(
    // A stored array is an object too; without the check `['x']` would come back as the alias `0 = x`.
    v.pipe(
      v.custom<Record<string, string>>((input) => !Array.isArray(input)),
      v.record(v.string(), v.string()),
    ),
    () => ({}),
  ),
  /** Tags offered on every clip. */
  defaultTags: list([]),
  /** Folder inside Downloads where download deliveries land. */
  downloadFolder: v.fallback(
    v.pipe(
      v.string(),
      v.regex(/^[^/\\:*?"<>|]+(\/[^/\\:*?"<>|]+)*$/),
      v.check((s) => !s.split('/').includes('..')),
    ),
    'refclip',
  ),
  /**
   * Save the article's text (Readability + turndown) as a source note linked from the callout (`{fulltext}`). The
   * popup's "Save the article's text" box shows and changes it; the context menu and the shortcut follow it.
   */
  saveFullText: v.fallback(v.boolean(), false),
  /** Vault folder of the source notes (also their folder inside the download folder). */
  sourcesFolder: v.fallback(RELATIVE_FOLDER, DEFAULT_SOURCES_FOLDER),
});

export type Settings = v.InferOutput<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = v.parse(SettingsSchema, {});

/** Brings stored settings of any earlier version to the current schema, repairing invalid fields. */
export function migrateSettings(stored: unknown): Settings {
  const input = typeof stored === 'object' && stored !== null ? stored : {};
  return v.parse(SettingsSchema, input);
}

/** The note engine's options from the settings. */
export function noteOptionsFrom(settings: Settings): NoteOptions {
  return {
    calloutTemplate: settings.calloutTemplate,
    sourcesHeading: settings.sourcesHeading,
    insertBefore: settings.insertBefore,
    newNoteTemplate: settings.newNoteTemplate,
    seriesCode: settings.seriesCode,
    cssclasses: settings.cssclasses,
  };
}
