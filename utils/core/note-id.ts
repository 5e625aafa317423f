/**
 * The `note_id` of a new note: `YYMMDD` of the clip date, the series code, and a two-digit sequence (three digits
 * past 99), the lowest not already used by `existingNoteIds` for that day and code (`01` when none are known).
 */
export function nextNoteId(date: string, seriesCode: string, existingNoteIds: Iterable<string> = []): string {
  const prefix = `${date.slice(2, 4)}${date.slice(5, 7)}${date.slice(8, 10)}${seriesCode}`;
  const used = new Set<number>();
  for (const id of existingNoteIds) {
    if (id.startsWith(prefix) && /^\d+$/.test(id.slice(prefix.length))) used.add(Number(id.slice(prefix.length)));
  }
  let sequence = 1;
  while (used.has(sequence)) sequence += 1;
  return `${prefix}${String(sequence).padStart(2, '0')}`;
}
