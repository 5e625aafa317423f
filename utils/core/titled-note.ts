import { renderCallout } from './callout';
import type { ClipRequest } from './clip';
import { createNote, type NewNote } from './new-note';
import type { NoteOptions } from './note-options';

/**
 * A new note titled `title` (what the person typed in "Create note") whose callout cites the clip under the
 * page's own title. `createNote` names the note after the clip's title, so the note is built with the chosen title
 * and its callout swapped for the real one. Used by the companion and the extension's download delivery.
 */
export function createTitledNote(
  title: string,
  request: ClipRequest,
  options: NoteOptions,
  existingNoteIds: Iterable<string> = [],
): NewNote {
  if (title === request.clip.title) return createNote(request, options, existingNoteIds);
  const retitled = { ...request.clip, title };
  const note = createNote({ ...request, clip: retitled }, options, existingNoteIds);
  const placeholder = renderCallout(options.calloutTemplate, retitled);
  return { ...note, text: note.text.replace(placeholder, () => renderCallout(options.calloutTemplate, request.clip)) };
}
