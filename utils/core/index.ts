/** The note engine's public API, shared by the extension, the companion and the CLI. */
export { applyClip } from './apply-clip';
export type { AppliedClip } from './apply-clip';
export { neutraliseValue, renderCallout, CALLOUT_PLACEHOLDERS } from './callout';
export { citedUrls, sourceKey } from './cited-urls';
export type { Clip, ClipRequest, ClipStatus } from './clip';
export { formatDate, isIsoDate } from './date-format';
export { createNote } from './new-note';
export type { NewNote } from './new-note';
export { NoteFormatError } from './note-error';
export { noteFileName } from './note-file-name';
export { nextNoteId } from './note-id';
export { readNoteMeta } from './note-meta';
export type { NoteMeta } from './note-meta';
export type { NoteOptions } from './note-options';
export { lineEndingOf, parseNote } from './note';
export { normaliseUrl } from './url';
export { cleanTags } from './tags';
export { createTitledNote } from './titled-note';
