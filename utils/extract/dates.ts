/** Dates as ISO 8601, keeping the page's own offset when it gives one. */

import { lazy } from './lazy';
import { parseProseDate, type ProseDate } from './prose-date';

const ISO_LIKE =
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:T?(\d{2})(\d{2})(\d{2})?)?(Z)?$/i;
const EPOCH = /^\d{10}(\d{3})?$/;

/**
 * Normalises a date from the page: ISO-like values keep their fields and offset (`2024-03-05 14:02:00+0100` →
 * `2024-03-05T14:02:00+01:00`; a date alone stays a date); epoch seconds or milliseconds and English prose dates
 * become UTC. Returns null for anything that is not a plausible date.
 */
export function normalizeDate(raw: string | null | undefined): string | null {
  if (typeof raw !== 'string') return null;
  const value = raw.trim().replace(/\s+/g, ' ').slice(0, 100);
  if (!value) return null;
  const iso = ISO_LIKE.exec(value) ?? COMPACT.exec(value);
  if (iso) return fromParts(iso);
  if (EPOCH.test(value)) return toIso(new Date(value.length === 10 ? Number(value) * 1000 : Number(value)));
  return fromProse(value);
}

/**
 * The first value that is a date, in the order of trust given. A later source may make it more precise: a day alone
 * takes a full time given for that same day; a time without an offset takes the offset a later source gives for the
 * same wall-clock time (JSON-LD "2030-04-02T07:15:00", article:published_time "2030-04-02T07:15:00+02:00"), since
 * without it the instant is unknown.
 */
export function firstDate(values: readonly (string | null | undefined)[]): string | null {
  const dates = values.map(normalizeDate);
  const first = dates.find((date): date is string => !!date);
  if (first && first.length === 10) return timeOfDay(first, dates);
  if (!first || !/T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/.test(first)) return first ?? null;
  const minute = first.slice(0, 16);
  return dates.find((date) => !!date && date.startsWith(minute) && /(?:Z|[+-]\d{2}:\d{2})$/.test(date)) ?? first;
}

/**
 * A day alone yields to the full time later sources give for that same day, when they agree on the instant: a
 * WordPress site set to the wrong zone prints "14:22+00:00" in one tag and "14:22-05:00" in another.
 */
function timeOfDay(day: string, dates: readonly (string | null)[]): string {
  const timed = dates.filter((date): date is string => !!date && date.startsWith(`${day}T`));
  if (!timed.length) return day;
  const instants = new Set(timed.map((date) => Math.round(Date.parse(date) / 60_000)));
  return instants.size === 1 ? timed[0]! : day;
}

function fromParts(m: RegExpExecArray): string | null {
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const month = Number(mo);
  const day = Number(d);
  if (!plausibleYear(Number(y)) || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = `${y}-${pad(month)}-${pad(day)}`;
  if (h === undefined) return date;
  if (Number(h) > 23 || Number(mi) > 59) return null;
  const time = `${pad(Number(h))}:${mi}:${s ?? '00'}${frac ? frac.slice(0, 4) : ''}`;
  return `${date}T${time}${offset(zone)}`;
}

function offset(zone: string | undefined): string {
  if (!zone) return '';
  if (/^(Z|UTC|GMT)$/i.test(zone)) return 'Z';
  const digits = zone.replace(':', '');
  return `${digits.slice(0, 3)}:${digits.slice(3, 5) || '00'}`;
}

/**
 * A UTC timestamp told in the site's own zone, so its day is the one the site printed. The zone comes from another
 * declared date of the article with a non-zero offset (`zoned`: "2030-11-19T02:00:00Z" beside a modified date in
 * -08:00 is "2030-11-18T18:00:00-08:00"), else from a time printed for the same minute (`printed`: a `<time>`, or a
 * wall-clock `sailthru.date` "2030-11-18 18:00:00" or "November 18, 2030 6:00 PM" whole quarter hours apart). A day
 * printed without a time, the day before or after the UTC one, is the site's local day and the answer.
 */
export function inSiteZone(
  date: string | null,
  zoned: () => readonly (string | null | undefined)[],
  printed: () => Iterable<string | null | undefined> = () => [],
): string | null {
  if (!date || !/T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|\+00:00)$/.test(date)) return date;
  const instant = Date.parse(date);
  for (const other of zoned()) {
    const zone = nonZeroOffset(normalizeDate(other));
    if (zone) return withOffset(instant, ...zone) ?? date;
  }
  let dayRead = false;
  for (const other of printed()) {
    const wallClock = normalizeDate(other);
    // The first day printed without a time is the page's own: the local day a UTC time falls on, or not about it.
    if (wallClock && !dayRead && DAY_ONLY.test(wallClock)) {
      dayRead = true;
      if (localDay(instant, wallClock)) return wallClock;
      continue;
    }
    const zone = nonZeroOffset(wallClock);
    // "9:24 pm ET" printed for the same minute: its zone.
    if (zone && Math.abs(Date.parse(wallClock!) - instant) < 60_000) return withOffset(instant, ...zone) ?? date;
    if (!wallClock || !/T\d{2}:\d{2}(?::\d{2})?$/.test(wallClock)) continue;
    // Printed times often drop the seconds: compare to the minute.
    const difference = Date.parse(`${wallClock}Z`) - instant;
    const minutes = Math.round(difference / 60_000);
    if (Math.abs(difference - minutes * 60_000) >= 60_000) continue;
    if (minutes === 0 || Math.abs(minutes) > 14 * 60 || minutes % 15 !== 0) continue;
    const hours = Math.floor(Math.abs(minutes) / 60);
    return withOffset(instant, minutes < 0 ? '-' : '+', pad(hours), pad(Math.abs(minutes) % 60)) ?? date;
  }
  return date;
}

const DAY_ONLY = /^\d{4}-\d{2}-\d{2}$/;
/** The widest offsets in use: UTC-12 and UTC+14. */
const WEST_HOURS = 12;
const EAST_HOURS = 14;

/**
 * Whether a day printed without a time is the local day of a UTC instant on the day before or after it: "March 6"
 * printed for 23:30Z on March 5 by a site east of Greenwich. Only an offset in use can move the day that far.
 */
function localDay(instant: number, day: string): boolean {
  const start = Date.parse(`${day}T00:00:00Z`);
  const hours = (instant - start) / 3_600_000;
  const sameDay = hours >= 0 && hours < 24;
  return !sameDay && hours >= -EAST_HOURS && hours < 24 + WEST_HOURS;
}

/**
 * Zone abbreviations as offsets, for the regions whose news sites print them, so the page's offset can be kept.
 * IST is India's: Irish and Israeli sites write offsets.
 */
const ZONES: Record<string, string> = {
  EST: '-0500',
  EDT: '-0400',
  CST: '-0600',
  CDT: '-0500',
  MST: '-0700',
  MDT: '-0600',
  PST: '-0800',
  PDT: '-0700',
  IST: '+0530',
  BST: '+0100',
  CET: '+0100',
  CEST: '+0200',
  EET: '+0200',
  EEST: '+0300',
  MSK: '+0300',
  PKT: '+0500',
  SGT: '+0800',
  HKT: '+0800',
  JST: '+0900',
  KST: '+0900',
  AEST: '+1000',
  AEDT: '+1100',
  NZST: '+1200',
  NZDT: '+1300',
};
/** "01:38:07 PM IST Nov 20, 2019": the time written before the date. */
const TIME_FIRST = /^(\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]m)?)(\s+[A-Z]{2,5})?\s+(\S.*\d{4})$/i;

/** Standard-time offsets of the US zones that news sites print without saying standard or daylight ("9:24 pm ET"). */
const US_ZONES: Record<string, number> = { ET: -5, CT: -6, MT: -7, PT: -8 };

/** "Nov 18, 2030 9:24 pm ET" → "… -0500", or -0400 from the second Sunday of March to the first Sunday of November. */
function withUsZone(value: string): string {
  const match = /\s(ET|CT|MT|PT)\b/.exec(value);
  if (!match) return value;
  const rest = value.replace(match[0], '');
  const local = parseProseDate(rest);
  if (!local) return value;
  const hours = US_ZONES[match[1]!]! + (inUsDaylightTime(local) ? 1 : 0);
  return `${rest} ${hours < 0 ? '-' : '+'}${pad(Math.abs(hours))}00`;
}

/** From the second Sunday of March to the first Sunday of November, by the printed day. */
function inUsDaylightTime({ year, month, day }: ProseDate): boolean {
  const nthSunday = (month: number, n: number) => {
    const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
    return 1 + ((7 - first) % 7) + (n - 1) * 7;
  };
  const at = month * 100 + day;
  return at >= 300 + nthSunday(3, 2) && at < 1100 + nthSunday(11, 1);
}

/** Prose dates ("March 5, 2024", "Tue, 05 Mar 2024 14:02:00 GMT"); a date without a time stays a date. */
function fromProse(value: string): string | null {
  const spelled = value
    .replace(/^(?:published|posted|updated|on)\s*:?\s*/i, '')
    .replace(/(\d)(st|nd|rd|th)\b/gi, '$1')
    .replace(/\bat\b/gi, ' ')
    .replace(/\b(a\.m\.|p\.m\.)/gi, (x) => x.replace(/\./g, ''))
    .replace(/(\d)([ap]m)\b/gi, '$1 $2')
    .replace(TIME_FIRST, (_, time: string, zone = '', date: string) => `${date} ${time}${zone}`)
    .replace(/\b([A-Z]{3,4})\b/g, (zone: string) => ZONES[zone] ?? zone);
  const cleaned = withUsZone(spelled);
  const printed = parseProseDate(cleaned);
  if (!printed || !plausibleYear(printed.year)) return null;
  const day = `${printed.year}-${pad(printed.month)}-${pad(printed.day)}`;
  if (!printed.time) return day;
  const { hour, minute, second } = printed.time;
  const wallClock = `${day}T${pad(hour)}:${pad(minute)}:${pad(second)}`;
  const offset = printed.offsetMinutes;
  if (offset === null) return wallClock;
  if (offset === 0 && !NUMERIC_OFFSET.test(cleaned)) return `${wallClock}Z`;
  const minutes = Math.abs(offset);
  return `${wallClock}${offset < 0 ? '-' : '+'}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** A normalised date's offset as sign, hours and minutes, unless it has none or it is UTC. */
function nonZeroOffset(date: string | null): [string, string, string] | null {
  const zone = /([+-])(\d{2}):(\d{2})$/.exec(date ?? '');
  return zone && `${zone[2]}${zone[3]}` !== '0000' ? [zone[1]!, zone[2]!, zone[3]!] : null;
}

const NUMERIC_OFFSET = /(?:^|\s|\d)([+-])(\d{2}):?(\d{2})\b(?!.*\d:\d)/;

/** The instant as the page's own wall-clock time and offset ("11:11 PM EST" stays 23:11-05:00). */
function withOffset(time: number, sign: string, hours: string, minutes: string): string | null {
  const offsetMinutes = (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes));
  const local = new Date(time + offsetMinutes * 60_000);
  if (!plausibleYear(local.getUTCFullYear())) return null;
  return `${local.toISOString().slice(0, 19)}${sign}${hours}:${minutes}`;
}

function toIso(date: Date): string | null {
  if (Number.isNaN(date.getTime()) || !plausibleYear(date.getUTCFullYear())) return null;
  return date.toISOString().replace('.000Z', 'Z');
}

function plausibleYear(year: number): boolean {
  return year >= 1900 && year <= 2200;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
const DATE_IN_TEXT = new RegExp(
  [
    '\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?',
    // "11:11 PM EST Nov 19, 2030": some sites print the time first.
    `(?:\\d{1,2}:\\d{2}(?:\\s*[ap]\\.?m\\.?)?\\s+(?:[A-Z]{2,4}\\s+)?)?${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}(?:,?\\s+(?:at\\s+)?\\d{1,2}:\\d{2}(?:\\s*[ap]\\.?m\\.?)?(?:\\s+[A-Z]{2,4}\\b)?)?`,
    `\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}\\s+\\d{4}(?:,?\\s+\\d{1,2}:\\d{2}(?:\\s+[A-Z]{2,4}\\b)?)?`,
  ].join('|'),
  'i',
);

/**
 * The Gregorian months as Arabic (Egypt and the Gulf, then the Levant and Iraq) and Persian print them. Hijri and
 * Solar Hijri months ("رمضان", "اسفند") name another calendar's days: not read, so no wrong day is given.
 */
const ARABIC_SCRIPT_MONTHS = [
  'يناير|كانون الثاني|ژانویه',
  'فبراير|شباط|فوریه',
  'مارس|آذار',
  'أبريل|ابريل|نيسان|آوریل',
  'مايو|أيار|مه',
  'يونيو|يونيه|حزيران|ژوئن',
  'يوليو|يوليه|تموز|ژوئیه',
  'أغسطس|اغسطس|آب|اوت',
  'سبتمبر|أيلول|سپتامبر',
  'أكتوبر|اكتوبر|تشرين الأول|اکتبر',
  'نوفمبر|تشرين الثاني|نوامبر',
  'ديسمبر|كانون الأول|دسامبر',
];
/** Arabic-Indic (U+0660…) and Persian (U+06F0…) digits, which Arabic and Persian sites print dates in: each block
 * starts at a multiple of 16, so a digit's value is its code point modulo 16. */
const EASTERN_DIGITS = /[\u0660-\u0669\u06f0-\u06f9]/g;

/** Month names of the languages most news sites write dates in, by month number. */
const MONTH_NAMES: Record<string, number> = Object.fromEntries(
  [
    'januar jänner janvier enero janeiro gennaio januari января',
    'februar février febrero fevereiro febbraio februari февраля',
    'märz mars marzo março maart марта',
    'april avril abril aprile апреля',
    'mai mayo maio maggio mei мая',
    'juni juin junio junho giugno июня',
    'juli juillet julio julho luglio июля',
    'august août agosto augustus августа',
    'september septembre septiembre setiembre setembro settembre сентября',
    'oktober octobre octubre outubro ottobre октября',
    'november novembre noviembre novembro ноября',
    'dezember décembre diciembre dezembro dicembre december декабря',
  ].flatMap((names, i) =>
    [...names.split(' '), ...ARABIC_SCRIPT_MONTHS[i]!.split('|')].map((name) => [name, i + 1] as const),
  ),
);
const OPENS_WITH_MONTH = lazy(
  () =>
    new RegExp(
      `^\\s*(?:${MONTH}|${Object.keys(MONTH_NAMES)
        .sort((a, b) => b.length - a.length)
        .join('|')})(?![\\p{L}])`,
      'iu',
    ),
);

/** Whether text opens with a month's name, in English or a language MONTH_NAMES knows ("Mai 2030", "September"). */
export function opensWithMonthName(text: string): boolean {
  return OPENS_WITH_MONTH().test(text);
}

/**
 * "25. September 2018", "18 novembre 2019", "18 de noviembre de 2019": day, month name, year; "8.Dezember 2010" too,
 * as a theme prints it when the month is a link to its archive ("8.<a>Dezember 2010</a>").
 */
const FOREIGN_DATE = lazy(
  () =>
    new RegExp(
      `(?<![\\p{L}\\d])(\\d{1,2})(?:\\.\\s*|\\s+)(?:de\\s+)?(${Object.keys(MONTH_NAMES)
        .sort((a, b) => b.length - a.length)
        .join('|')})\\.?\\s+(?:de\\s+)?(\\d{4})(?!\\d)`,
      'iu',
    ),
);
/** "2016年10月14日07:17", "2018년 8월 25일": Chinese, Japanese and Korean dates, with the time when printed. */
const CJK_DATE =
  /(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일](?:\s*(?:\([^)]{1,3}\)\s*)?(\d{1,2}):(\d{2}))?/u;
/** "2030.08.25 15:24", "2030/08/25": the year first, as Korea, China and Japan print dates, with the time if printed. */
const YEAR_FIRST_DATE = /(?<![\d./])((?:19|20)\d{2})[./](\d{1,2})[./](\d{1,2})(?![\d/])\.?(?:\s+(\d{1,2}):(\d{2}))?/;
const FOUR_DIGITS = /\d{4}/;
/**
 * "18.11.2019", "11/19/2019", "11/18/19": day and month as numbers, then the year. Europe writes the day first, the
 * United States the month: only a number over 12 tells which, and a date it does not tell is not read. A full stop
 * after the year ends the sentence; a digit after it makes a version number ("1.2.2030.5").
 */
const NUMERIC_DATE = /(?<![\d./])(\d{1,2})([./])(\d{1,2})\2(\d{4}|\d{2})(?!\d|[./]\d)/;

/** Further into a title than this, a separator does not set off a date that opens it. */
const MAX_TITLE_DATE = 30;
/** A date opening a title is at most a day, a month, a year and a time: more words make a phrase. */
const MAX_TITLE_DATE_WORDS = 4;
/** What sets a title's parts apart: " | ", " - ", " – ", " — ", ": ". */
const TITLE_SEPARATOR = /\s[|\u2013\u2014-]\s|:\s/;

/**
 * The day a title opens with, set off by a separator ("08.11.2030 | Online-Fachtag…", "23.01.2030 - Wierer
 * jubelt"), as press offices and small sites title their news; a title that only mentions a day is not read.
 */
export function dateOpeningTitle(title: string | null): string | null {
  const separator = TITLE_SEPARATOR.exec(title ?? '');
  if (!title || !separator || separator.index > MAX_TITLE_DATE) return null;
  const head = title.slice(0, separator.index).trim();
  // The day opens it ("08.11.2030", "8. November 2030"): "Fachtag am 08.11.2030" only names one.
  return /^\d/.test(head) && head.split(/\s+/).length <= MAX_TITLE_DATE_WORDS ? dateInText(head) : null;
}

/** How a line of text is read: `shortYear` reads "8.5.30" as 2030-05-08, which only a byline's context tells apart. */
export interface TextDateOptions {
  shortYear?: boolean;
}

/** The first date written in a line of text ("Published March 5, 2024 at 9:10 am · 4 min read", "am 25. März 2024"). */
export function dateInText(text: string, { shortYear = false }: TextDateOptions = {}): string | null {
  const head = text.slice(0, 300).replace(EASTERN_DIGITS, (digit) => String(digit.charCodeAt(0) % 16));
  const match = DATE_IN_TEXT.exec(head);
  // The zone after a time is matched in any case: "10:00 am and is filed under" takes "and" for one, so without it.
  if (match) return normalizeDate(match[0]) ?? normalizeDate(match[0].replace(/\s[a-z]{2,4}$/, ''));
  // Its year has four digits: text without them never compiles the Unicode pattern.
  const foreign = FOUR_DIGITS.test(head) ? FOREIGN_DATE().exec(head) : null;
  if (foreign) return dayMonthYear(foreign[1]!, MONTH_NAMES[foreign[2]!.toLowerCase()]!, foreign[3]!);
  // Both give year, month, day, then the time when printed.
  const yearFirst = CJK_DATE.exec(head) ?? YEAR_FIRST_DATE.exec(head);
  if (yearFirst) {
    const day = dayMonthYear(yearFirst[3]!, Number(yearFirst[2]), yearFirst[1]!);
    return day && yearFirst[4] !== undefined
      ? normalizeDate(`${day}T${pad(Number(yearFirst[4]))}:${yearFirst[5]}`)
      : day;
  }
  const numeric = NUMERIC_DATE.exec(head);
  return numeric ? numericDate(Number(numeric[1]), numeric[2]!, Number(numeric[3]), numeric[4]!, shortYear) : null;
}

function numericDate(
  first: number,
  separator: string,
  second: number,
  year: string,
  shortYear: boolean,
): string | null {
  // "1.2.30" elsewhere is as likely a version or a score as a day.
  if (separator === '.' && year.length === 2 && !shortYear) return null;
  const monthFirst = second > 12 && first <= 12;
  // Both could be months: dots are Europe's day-first order; slashes say nothing.
  if (!monthFirst && first <= 12 && separator === '/') return null;
  const [day, month] = monthFirst ? [second, first] : [first, second];
  return dayMonthYear(String(day), month, year.length === 2 ? `20${year}` : year);
}

function dayMonthYear(day: string, month: number, year: string): string | null {
  return normalizeDate(`${year}-${pad(month)}-${pad(Number(day))}`);
}

/**
 * A date in a news URL's path, the way most news sites file their stories: `/2030/04/02/`, `/2030/4/2/`,
 * `/2030-04-02/`, a slug's `…_22.04.2030_…` (dots: written day first), or a slug's `…-23-01-2030-…` when a number
 * over 12 tells the day from the month (or both are the same number).
 */
export function dateInUrl(url: string | null): string | null {
  const path = urlPath(url);
  const yearFirst = /\/((?:19|20)\d{2})([/-])(\d{1,2})\2(\d{1,2})(?:[/-]|$)/.exec(path);
  if (yearFirst) return urlDay(yearFirst[1]!, Number(yearFirst[3]), Number(yearFirst[4]));
  const dotted = /[/_-](\d{2})\.(\d{2})\.((?:19|20)\d{2})(?:[/_-]|\.html?$|$)/.exec(path);
  if (dotted) return urlDay(dotted[3]!, Number(dotted[2]), Number(dotted[1]));
  const slug = slugDate(path);
  if (!slug) return null;
  const { year, first, second } = slug;
  if (first !== second && first > 12 === second > 12) return null;
  return first > 12 ? urlDay(year, second, first) : urlDay(year, first, second);
}

/**
 * A slug's `…-02-11-2030-…` read day first (2 November 2030), where both numbers could be the month: only the page's
 * language tells the order, so the caller reads it so only for a language written day first, on a page that
 * declares no date.
 */
export function dayFirstDateInUrl(url: string | null): string | null {
  const slug = slugDate(urlPath(url));
  if (!slug || slug.first === slug.second || slug.first > 12 || slug.second > 12) return null;
  return urlDay(slug.year, slug.second, slug.first);
}

/** A slug's `-NN-NN-YYYY` date, its two numbers in the order printed. */
function slugDate(path: string): { year: string; first: number; second: number } | null {
  const match = /[/-](\d{2})-(\d{2})-((?:19|20)\d{2})(?:[/-]|\.html?$|$)/.exec(path);
  return match ? { year: match[3]!, first: Number(match[1]), second: Number(match[2]) } : null;
}

/** The URL without its query and fragment. */
function urlPath(url: string | null): string {
  const address = url ?? '';
  const query = address.search(/[?#]/);
  return query < 0 ? address : address.slice(0, query);
}

/**
 * A day written as eight digits between a slug's separators (`…-20300402_a1b2…`, `/4060503-20300402-ferry`): many
 * sites stamp their stories so, but an id can look the same, so it is read only when the page declares no date.
 */
export function compactDateInUrl(url: string | null): string | null {
  const stamp = /[/_-]((?:19|20)\d{2})(\d{2})(\d{2})(?:[/_-]|\.html?$|$)/.exec(urlPath(url));
  return stamp ? urlDay(stamp[1]!, Number(stamp[2]), Number(stamp[3])) : null;
}

function urlDay(year: string, month: number, day: number): string | null {
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 ? `${year}-${pad(month)}-${pad(day)}` : null;
}
