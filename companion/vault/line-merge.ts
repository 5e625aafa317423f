/** One changed region of a text: `base.slice(start, end)` became `insert`; whole lines unless at the very end. */
interface Change {
  start: number;
  end: number;
  insert: string;
}

/** The smallest run of whole lines of `base` that `edited` changed, found in one pass from each end. */
function changedLines(base: string, edited: string): Change | null {
  if (base === edited) return null;
  const shorter = Math.min(base.length, edited.length);
  let prefix = 0;
  while (prefix < shorter && base.charCodeAt(prefix) === edited.charCodeAt(prefix)) prefix++;
  // Back to the start of the line (a change inside a line claims the whole line, so two edits of one line always
  // collide instead of interleaving), before the suffix is matched: a line inserted above one it shares its start with
  // ("outside line 264" above "outside line 256") would otherwise read as a change of that line, and collide with
  // an edit right after it.
  prefix = base.lastIndexOf('\n', prefix - 1) + 1;
  let suffix = 0;
  while (
    suffix < shorter - prefix &&
    base.charCodeAt(base.length - 1 - suffix) === edited.charCodeAt(edited.length - 1 - suffix)
  ) {
    suffix++;
  }
  const start = prefix;
  let end = base.length - suffix;
  if (start < end && base[end - 1] !== '\n') {
    const newline = base.indexOf('\n', end);
    end = newline === -1 ? base.length : newline + 1;
  }
  return { start, end, insert: edited.slice(start, edited.length - (base.length - end)) };
}

/**
 * `base` with both `ours` and `theirs` applied, when each changed a different run of lines (two insertions at one
 * place keep both, theirs first); `null` when they touched the same or adjoining lines. Linear in the texts, unlike a diff3 of
 * the lines, which is quadratic on notes of many identical lines (blank lines, `> Why it matters:` lines).
 */
export function mergeLineEdits(base: string, ours: string, theirs: string): string | null {
  const mine = changedLines(base, ours);
  const other = changedLines(base, theirs);
  if (!mine) return theirs;
  if (!other) return ours;
  const [first, second] = other.start <= mine.start ? [other, mine] : [mine, other];
  // An insertion right at the edge of a replaced run is ambiguous (before or after?); two insertions keep both.
  const insertions = [first, second].filter((change) => change.start === change.end).length;
  if (first.end > second.start || (first.end === second.start && insertions === 1)) return null;
  return (
    base.slice(0, first.start) +
    first.insert +
    base.slice(first.end, second.start) +
    second.insert +
    base.slice(second.end)
  );
}
