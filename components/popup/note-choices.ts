import type { NoteSummary, SuggestedNote } from '../../utils/core/companion-api';
import type { ClipTarget } from '../../utils/messaging/protocol';

/** A note as the list shows it: search results and recent notes are summaries, suggestions carry only these. */
export type ListedNote = Pick<NoteSummary, 'path' | 'title'> & { mtime?: number };

/**
 * One row of the target-note list: an existing note (a suggestion has `reason`, its top reason), or
 * "Create note '<typed text>'" (always last).
 */
export type NoteChoice =
  | { kind: 'note'; note: ListedNote; recent: boolean; cited: boolean; reason?: string }
  | { kind: 'create'; title: string };

/** Rows the list shows at most, so the popup never scrolls to find "Create note". */
export const MAX_NOTE_CHOICES = 5;

/**
 * The list under the search box. Empty query: the companion's suggestions for the page (best first, each with its
 * top reason), then recent targets, then the vault's most recently modified notes. Typed query: the companion's
 * fuzzy results in its order, then the create entry. Duplicates (by path) are dropped, the first row kept.
 */
export function noteChoices(
  query: string,
  recents: NoteSummary[],
  results: NoteSummary[],
  citedPaths: ReadonlySet<string>,
  suggestions: readonly SuggestedNote[] = [],
): NoteChoice[] {
  const typed = query.replace(/\s+/g, ' ').trim();
  const recentPaths = new Set(recents.map((note) => note.path));
  const reasons = new Map(typed === '' ? suggestions.map((note) => [note.path, note.reasons[0]] as const) : []);
  const candidates: ListedNote[] = typed === '' ? [...suggestions, ...recents, ...results] : results;
  const seen = new Set<string>();
  const rows: NoteChoice[] = [];
  for (const note of candidates) {
    if (seen.has(note.path)) continue;
    seen.add(note.path);
    const reason = reasons.get(note.path);
    const row: NoteChoice = {
      kind: 'note',
      note,
      recent: recentPaths.has(note.path),
      cited: citedPaths.has(note.path),
    };
    rows.push(reason === undefined ? row : { ...row, reason });
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
