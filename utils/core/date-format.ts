/**
 * Formats a date in local time with the tokens `YYYY`, `YY`, `MM`, `DD` (other characters are kept), e.g.
 * `formatDate(now, 'YYYY-MM-DD')` → `2026-03-14`. Local time because the clip date is the user's day, not UTC's.
 */
export function formatDate(date: Date, format: string): string {
  const year = String(date.getFullYear()).padStart(4, '0');
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  return format.replace(/YYYY|YY|MM|DD/g, (token) => {
    if (token === 'YYYY') return year;
    if (token === 'YY') return year.slice(-2);
    return token === 'MM' ? month : day;
  });
}

/** Whether `text` is a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
