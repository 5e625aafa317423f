/**
 * English prose dates read by our own rules, not `Date.parse`, whose answer for anything but ISO 8601 depends on the
 * JavaScript engine (V8 and SpiderMonkey disagree on "Mar. 5, 2024 2:02pm") and on the machine's time zone (issue 16).
 */

/** A date as printed: its fields, the time when printed, and the offset in minutes when a zone is printed. */
export interface ProseDate {
  year: number;
  month: number;
  day: number;
  time: { hour: number; minute: number; second: number } | null;
  offsetMinutes: number | null;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/**
 * "March 5, 2024", "Tue, 05 Mar 2024 14:02:00 GMT", "March 5, 2024 2:02 pm +0100", "3/5/2024": a month (by name, or
 * first in a slashed date), a day, a four-digit year, then an optional time, am/pm and zone (`Z`, `UTC`, `GMT`, or a
 * numeric offset). Words before the first number are ignored ("Posted Tuesday, …"); any other word makes it no date.
 */
export function parseProseDate(text: string): ProseDate | null {
  const tokens = text
    .toLowerCase()
    .replace(/\([^()]*\)/g, ' ')
    .split(/[\s,]+/)
    .filter(Boolean);
  let year: number | null = null;
  let month: number | null = null;
  let day: number | null = null;
  let time: ProseDate['time'] = null;
  let offsetMinutes: number | null = null;
  let seenNumber = false;
  // A month is any word opening with its first three letters, as reader views have always read them: "Sept",
  // "novembre" and "Dezember" too.
  for (const token of tokens) {
    const word = token.replace(/\.$/, '');
    const monthIndex = /^[a-z]{3,9}$/.test(word) ? MONTHS.indexOf(word.slice(0, 3)) : -1;
    const clock = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(am|pm)?$/.exec(word);
    const slashed = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(word);
    const zone = /^(?:gmt|utc)?([+-])(\d{2}):?(\d{2})$/.exec(word);
    if (monthIndex >= 0 && month === null) month = monthIndex + 1;
    else if (/^\d{4}$/.test(word) && year === null) year = Number(word);
    else if (/^\d{1,2}$/.test(word) && day === null) day = Number(word);
    else if (slashed && month === null && day === null && year === null) {
      [month, day, year] = [Number(slashed[1]), Number(slashed[2]), Number(slashed[3])];
    } else if (clock && !time) {
      time = { hour: Number(clock[1]), minute: Number(clock[2]), second: Number(clock[3] ?? 0) };
      if (clock[4] && !meridiem(time, clock[4])) return null;
    } else if ((word === 'am' || word === 'pm') && time) {
      if (!meridiem(time, word)) return null;
    } else if ((word === 'z' || word === 'gmt' || word === 'utc') && offsetMinutes === null) offsetMinutes = 0;
    else if (zone && offsetMinutes === null && (time || seenNumber)) {
      offsetMinutes = (zone[1] === '-' ? -1 : 1) * (Number(zone[2]) * 60 + Number(zone[3]));
    } else if (seenNumber || /\d/.test(word)) {
      if (!WEEKDAYS.includes(word.slice(0, 3)) || /\d/.test(word)) return null;
    } else continue;
    if (/\d/.test(word)) seenNumber = true;
  }
  if (year === null || month === null || day === null || day < 1 || day > daysIn(year, month)) return null;
  if (time && (time.hour > 23 || time.minute > 59 || time.second > 59)) return null;
  return { year, month, day, time, offsetMinutes: time ? offsetMinutes : null };
}

function meridiem(time: NonNullable<ProseDate['time']>, marker: string): boolean {
  if (time.hour < 1 || time.hour > 12) return false;
  time.hour = (time.hour % 12) + (marker === 'pm' ? 12 : 0);
  return true;
}

function daysIn(year: number, month: number): number {
  return month < 1 || month > 12 ? 0 : new Date(Date.UTC(year, month, 0)).getUTCDate();
}
