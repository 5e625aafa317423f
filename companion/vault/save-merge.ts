import { diffLines } from 'diff';

/** Lines of context a change is matched by, so it lands beside the same lines in a note that has changed since. */
const CONTEXT_LINES = 3;
/** A diff that takes longer than this is given up (a save far from what refclip replaced): nothing is merged. */
const DIFF_TIMEOUT_MS = 2_000;

/** What `mergeOutsideSave` made of a save: the merged text, and one line for each change it could not apply as saved. */
export interface OutsideMerge {
  text: string;
  /** Each change placed elsewhere than its own lines, or left out, said for a log line. */
  notes: string[];
}

/** One run of lines the save changed: `removed` (lines of `base` from line `at`) became `added`. */
interface Change {
  at: number;
  removed: string[];
  added: string[];
}

/** `text`'s lines, each with its line ending (the last may have none). */
function linesOf(text: string): string[] {
  const lines: string[] = [];
  for (let start = 0; start < text.length;) {
    const end = text.indexOf('\n', start);
    const next = end === -1 ? text.length : end + 1;
    lines.push(text.slice(start, next));
    start = next;
  }
  return lines;
}

/** The save's changes to `base`, in order; `null` when the diff took too long. */
function changesOf(base: string, saved: string): Change[] | null {
  const parts = diffLines(base, saved, { timeout: DIFF_TIMEOUT_MS });
  if (!parts) return null;
  const changes: Change[] = [];
  let at = 0;
  let open: Change | null = null;
  for (const part of parts) {
    const lines = linesOf(part.value);
    if (!part.added && !part.removed) {
      open = null;
      at += lines.length;
      continue;
    }
    if (!open) {
      open = { at, removed: [], added: [] };
      changes.push(open);
    }
    const into = part.removed ? open.removed : open.added;
    for (const line of lines) into.push(line);
    if (part.removed) at += lines.length;
  }
  return changes;
}

/** Whether `lines` holds `run` from index `at`. */
function holds(lines: string[], at: number, run: string[]): boolean {
  if (at < 0 || at + run.length > lines.length) return false;
  return run.every((line, n) => lines[at + n] === line);
}

/**
 * The index in `from`..`count`, nearest to `near` and at most `reach` away, where `fits` holds; -1 when none does.
 * A `fits` that compares k lines is given a reach of `count / k`, so each search stays linear in the note.
 */
function nearest(count: number, from: number, near: number, fits: (at: number) => boolean, reach = count): number {
  const start = Math.min(Math.max(near, from), count);
  for (let distance = 0; distance <= reach && (start - distance >= from || start + distance <= count); distance++) {
    if (start + distance <= count && fits(start + distance)) return start + distance;
    if (distance > 0 && start - distance >= from && fits(start - distance)) return start - distance;
  }
  return -1;
}

/** A line as a log names it: quoted, without its line ending, cut to 60 characters. */
const quoted = (line: string | undefined) => JSON.stringify((line ?? '').trimEnd().slice(0, 60));

/**
 * Where a change that no longer fits keeps its added lines: right after the last of the lines it followed that the
 * note still holds, else right before the first of the lines that followed it, else at the end of the note.
 */
function fallbackPlace(lines: string[], from: number, near: number, before: string[], after: string[]) {
  for (let count = before.length; count > 0; count--) {
    const lead = before.slice(-count);
    const at = nearest(lines.length, from, near, (index) => holds(lines, index - count, lead));
    if (at !== -1) return { at, where: `after ${quoted(lead.at(-1))}` };
  }
  for (let count = after.length; count > 0; count--) {
    const trail = after.slice(0, count);
    const at = nearest(lines.length, from, near, (index) => holds(lines, index, trail));
    if (at !== -1) return { at, where: `before ${quoted(trail[0])}` };
  }
  return { at: lines.length, where: 'at the end of the note' };
}

/**
 * `current` with the changes an outside save made to `base` (`saved`), each change on its own, in order. A change
 * whose lines and neighbours the note still holds is applied there. One that no longer fits (its neighbours changed
 * since: a clip landed beside it, or another save moved them) never loses what the person wrote: its added lines are
 * placed beside the nearest of its neighbours the note still holds, and the lines it removed or replaced stay
 * (a line kept twice is visible and easy to delete; a line lost is not). Only a pure deletion that no longer fits is
 * left out, so the note loses nothing it holds. Each such case is said in `notes`. Myers' diff (the `diff`
 * package), O((n + m) · d) for d changed lines and capped in time; each change is then found in O(n) line compares.
 */
export function mergeOutsideSave(base: string, saved: string, current: string): OutsideMerge {
  const changes = changesOf(base, saved);
  if (changes === null) return { text: current, notes: ['it differs too much from the note to be merged'] };
  const baseLines = linesOf(base);
  let lines = linesOf(current);
  const notes: string[] = [];
  // Where the note stands relative to `base` after the changes placed so far, and where the next one may start.
  let shift = 0;
  let from = 0;
  for (const { at, removed, added } of changes) {
    const before = baseLines.slice(Math.max(0, at - CONTEXT_LINES), at);
    const after = baseLines.slice(at + removed.length, at + removed.length + CONTEXT_LINES);
    const near = at + shift;
    const fitsWith = (middle: string[]) => (index: number) =>
      holds(lines, index - before.length, before) &&
      holds(lines, index, middle) &&
      holds(lines, index + middle.length, after);
    const find = (middle: string[]) => {
      const compared = before.length + middle.length + after.length;
      return nearest(lines.length, from, near, fitsWith(middle), Math.ceil(lines.length / Math.max(1, compared)));
    };
    let place = find(removed);
    let drop = removed.length;
    if (place === -1) {
      // Already in the note (the same save merged by another path): nothing to add twice.
      const present = added.length > 0 ? find(added) : -1;
      if (present !== -1) {
        shift = present + added.length - (at + removed.length);
        from = present + added.length;
        continue;
      }
      if (added.length === 0) {
        notes.push(`left out the deletion of ${removed.length} line(s) from ${quoted(removed[0])}: they changed since`);
        continue;
      }
      const fallback = fallbackPlace(lines, from, near, before, after);
      place = fallback.at;
      drop = 0;
      notes.push(
        `kept ${added.length} line(s) from ${quoted(added[0])} ${fallback.where}: the lines around them changed since` +
          (removed.length > 0 ? `; the ${removed.length} line(s) they replaced are kept too` : ''),
      );
    }
    // concat, not splice(...added): a save of 100,000 new lines would overflow the call's arguments.
    lines = lines.slice(0, place).concat(added, lines.slice(place + drop));
    shift = place + added.length - (at + removed.length);
    from = place + added.length;
  }
  return { text: lines.join(''), notes };
}
