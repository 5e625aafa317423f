import type { NoteSummary } from '../../utils/core/companion-api';
import type { ClipTarget } from '../../utils/messaging/protocol';

/** One row of the target-note list: an existing note, or "Create note '<typed text>'" (always last). */
export type NoteChoice =
  { kind: 'note'; note: NoteSummary; recent: boolean; cited: boolean } | { kind: 'create'; title: string };

/** Rows the list shows at most, so the popup never scrolls to find "Create note". */
export const MAX_NOTE_CHOICES = 5;

/**
 * The list under the search box. Empty query: recent targets first, then the vault's most recently modified notes.
 * Typed query: the companion's fuzzy results in its order, then the create entry. Duplicates (by path) are dropped.
 */
export function noteChoices(
  query: string,
  recents: NoteSummary[],
  results: NoteSummary[],
  citedPaths: ReadonlySet<string>,
): NoteChoice[] {
  const typed = query.replace(/\s+/g, ' ').trim();
  const recentPaths = new Set(recents.map((note) => note.path));
  const candidates = typed === '' ? [...recents, ...results] : results;
  const seen = new Set<string>();
  const rows: NoteChoice[] = [];
  for (const note of candidates) {
    if (seen.has(note.path)) continue;
    seen.add(note.path);
    rows.push({ kind: 'note', note, recent: recentPaths.has(note.path), cited: citedPaths.has(note.path) });
  }
  const notes = rows.slice(0, typed === '' ? MAX_NOTE_CHOICES : MAX_NOTE_CHOICES - 1);
  return typed === '' ? notes : [...notes, { kind: 'create', title: typed }];
}

/** The target a row stands for: the highlighted row is where Enter and Ctrl+Enter file (issue 13 §1). */
export function choiceTarget(choice: NoteChoice): ClipTarget {
  return choice.kind === 'note'
    ? { path: choice.note.path, title: choice.note.title }
    : { create: { title: choice.title } };
}

/**
 * Notes matching a query without the companion (offline or unpaired): the recent targets whose title or path
 * contains every typed word, case-insensitively.
 */
export function filterNotesLocally(query: string, notes: NoteSummary[]): NoteSummary[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return notes.filter((note) => {
    const haystack = `${note.title} ${note.path}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}
