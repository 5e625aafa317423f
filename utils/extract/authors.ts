import { withoutAffiliation } from './byline-affiliation';
import { isNewsAgency, TRAILING_AGENCY } from './news-agencies';
import { hasLetter, hasLowerCase, isAcronym, isAscii, patternFor } from './letters';
import { cleanText, looseKey } from './text';

const MAX_AUTHORS = 20;
const BY_PREFIX =
  /^(?:(?:written|posted|reported|story|words|text|photos?)\s+)?(?:by|von|par|por|di|door|av|af)\s*[:\-–]?\s+/i;
/** "Author:", "Texto:", "Текст:": one word and a colon before the names. */
const LABEL_PREFIX = /^\p{L}{2,12}\s*[:：]\s*/u;
const LABEL_PREFIX_ASCII = /^[A-Za-z]{2,12}\s*[:：]\s*/;
/** "著者：", "文：", "作者 ", "記者": Chinese, Japanese and Korean labels before a name, the colon optional. */
const CJK_LABEL = /^(?:著者|作者|文|記者|记者|撰文|执笔|執筆|기자)(?:\s*[:：]\s*|\s+)/u;
/** "田中宏昌記者", "김민수 기자": the role after the name. */
const CJK_ROLE_AFTER = /(?<!\s)\s*(?:記者|记者|特派員|特派员|기자|특파원)$/u;
/** "翻訳者：…", "译者：…", "写真：…": a translator's or a photographer's credit after the authors. */
const CJK_OTHER_CREDIT = /(?<!\s)\s*(?:翻訳者|翻訳|译者|翻译|写真|摄影|攝影|編集|编辑|责任编辑)\s*[:：].*$/u;
/** Brackets around a printed byline, "[ 田中宏昌，" when the closing one went to another element. */
const BRACKETS = /^[\s[【［〔(（「]+|(?<![\s\]】］〕)）」])[\s\]】］〕)）」]+$/gu;
const MONTH_NAME = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)';
const MONTH = `${MONTH_NAME}[a-z]*\\.?`;
/** Where a dateline or credit starts inside a printed byline ("Jane Doe | Updated 4 May"). */
// Linear: every alternative is followed by `[\s\S]*$`, which cannot fail, so the first position where one matches
// ends the search; the plugin cannot see that. The input is also cut to 400 characters by `cleanText` first.
const TRAILING_NOISE = new RegExp(
  // eslint-disable-next-line regexp/no-super-linear-move
  `(?<!\\s)\\s*(?:${[
    '[|•·]',
    // A spaced dash, not the hyphen inside "O'Neil-Smith": "Tim Childers - Contributor".
    '\\s[—–-]\\s',
    '\\b(?:last\\s+)?(?:updated|published|posted|modified|aktualisiert|veröffentlicht|mis à jour|publié)\\b',
    '\\b(?:edited|photographs?|photos?|illustrations?|additional reporting|reporting|video|styl(?:ing|ed)|set design|hair|make-?up|props|produced)\\s+by\\b',
    // "Ada Lowe can be reached at …", "Ada Lowe Profile Follow": a sentence about the author, or buttons.
    '\\s(?:can be reached|is (?:a|an|the)\\s|writes|covers|reports on|profile|follow|unfollow|subscribe)\\b',
    `\\bon\\s+(?:\\d|${MONTH_NAME})`,
    `\\s${MONTH}\\s+\\d{1,2}\\b`,
    `\\s\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}\\s`,
    '\\s\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}',
    '\\s\\d{4}-\\d{2}-\\d{2}',
    '\\s(?:mon|tues|wednes|thurs|fri|satur|sun)day\\b',
    // "Jane Doe. Example Wire": a full stop after a word (not an initial) ends the name.
    '(?<=[a-z\\u00c0-\\u024f\\u0400-\\u04ff]{2})\\.\\s',
  ].join('|')})[\\s\\S]*$`,
  'i',
);
const ROLE_WORDS =
  /\b(?:reporter|correspondent|editor|writer|staff|contributor|columnist|journalist|producer|photographer|analyst|bureau|chief|senior|contributing|special to|for the|president|director|manager|officer|founder|ceo|cto|engineer|head of|team lead)\b/i;
/** A word holding `x@y.z`, judged word by word: `/\S+@\S+\.\S+/` backtracked polynomially on long words. */
function isEmailWord(word: string): boolean {
  const at = word.indexOf('@', 1);
  const dot = word.lastIndexOf('.');
  return at !== -1 && dot >= at + 2 && dot <= word.length - 2;
}
/** Interface labels and CMS accounts that byline-looking elements often hold instead of a name. */
const UI_LABEL =
  /^(?:sign|log)\s*(?:in|out|up)$|^(?:follow|subscribe|share|menu|search|register|more|comments?|contact|about)(?:\s+(?:us|the\s+)?author|\s+\w+)?$|^(?:(?:view|see|read|show|more|all)\s+)+(?:articles?|posts?|stories|profile|bio)(?:\s+by\b.*)?$|^(?:view|visit|get|see)\s+(?:the\s+)?author(?:['’]s)?\s+(?:archive|page|rss(?:\s+feed)?|feed|profile)$|^(?:\w*admin\w*|webmaster|root|guest|user\d*)$|^(?:full\s+)?(?:bio(?:graphy)?|profile|author page|e-?mail|twitter|facebook|linkedin|instagram|rss)$|^(?:by|von|par|por|di|door|av|af)$/i;
/** "Ana Ruiz @anaruiz": a social handle printed after the name. */
const HANDLE = /(?:^|\s)@[\w.]{2,40}\b/g;
/** A link written after the name ("Jane Doe (https://jane.example/)"). */
const EMBEDDED_URL = /\bhttps?:\/\/[^\s)]+/gi;
const URL_LIKE = /^(?:https?:\/\/|www\.)\S+$/i;
const SLUG = /^[a-z0-9]+(?:[-_][a-z0-9]+)+$/;

/**
 * Cleans raw author values from one source into display names: no "By", no e-mail addresses, URLs, handles or
 * profile slugs, no role or dateline after the name; "A, B and C" split into names; deduplicated.
 */
export function cleanAuthors(raw: readonly string[], options: { onePerValue?: boolean } = {}): string[] {
  const names: string[] = [];
  const seen = new Set<string>();
  for (const value of raw.slice(0, 100)) {
    const inverted = options.onePerValue ? invertedName(value) : null;
    for (const name of inverted ? [inverted] : splitNames(value)) {
      const key = looseKey(name);
      if (!key || seen.has(key)) continue;
      seen.add(key);
      names.push(name);
      if (names.length >= MAX_AUTHORS) return names;
    }
  }
  return names;
}

/**
 * "Okafor, Ada" → "Ada Okafor", "Jong, Michiel de" → "Michiel de Jong", for sources that hold one author per value
 * in citation order (Highwire, Dublin Core). A family name is one word, maybe after particles ("van der Berg"); two
 * full names ("Ada Okafor, Per Lind") are not inverted but split.
 */
function invertedName(value: string): string | null {
  const match = /^\s*([^\s,;&][^,;&]*),\s*([^\s,;&][^,;&]*)$/.exec(value);
  if (!match || /\band\b/i.test(value)) return null;
  const family = match[1]!.trim();
  if (!/^(?:\p{Ll}+\s+)*\S+$/u.test(family)) return null;
  return cleanName(`${match[2]!.trim()} ${family}`);
}

/** A domain credited as the author ("example.com"). */
const DOMAIN_CREDIT = /\.(?:com|net|org|co\.uk|com\.au)$/i;

/** Whether a credit names an outlet, not a person: a news agency or a domain ("Associated Press", "example.com"). */
export function isAgencyOrDomain(name: string): boolean {
  return isNewsAgency(name) || DOMAIN_CREDIT.test(name.trim());
}

/**
 * Drops the outlet credited beside its reporters ("Jill Doe, CNN Business", "Troy Lee and Example.com",
 * "MEG KINNARD and Associated Press", "Ana Ruiz and Futurism"): a news agency, a domain, an acronym, a single word, or
 * a name that begins with the site's or publisher's name. An outlet credited alone is kept: it is all the page says.
 */
export function withoutOutlets(names: readonly string[], siteNames: readonly string[]): string[] {
  const siteKeys = siteKeysOf(siteNames);
  const people = names
    .map((name) => withoutSiteSuffix(name, siteKeys))
    .filter((name) => !oneWord(name) && !isOutlet(name, siteKeys))
    .map(unshouted);
  return people.length ? people : [...names];
}

const ROMAN_NUMERAL = /^(?:I{1,3}|IV|VI{0,3}|IX|X)$/;

/**
 * "TOM KRISHER" → "Tom Krisher", "MARY O'NEIL-SMITH III" → "Mary O'Neil-Smith III": wire copy and some CMSs print
 * names in capitals, a style, not the name. Names with any lower-case letter are left as written ("Ada McLeod").
 */
function unshouted(name: string): string {
  if (hasLowerCase(name) || !patternFor(name, /[A-Z]{2}/, /\p{Lu}{2}/u).test(name)) return name;
  return name
    .split(' ')
    .map((word) =>
      ROMAN_NUMERAL.test(word)
        ? word
        : word
            .toLowerCase()
            .replace(/(^|[-'’])(\p{Ll})/gu, (_, lead: string, letter: string) => lead + letter.toUpperCase()),
    )
    .join(' ');
}

/** Whether some name is a person's: two words or more, not an outlet ("Washington" after "Reuters," is a dateline). */
export function namesAPerson(names: readonly string[], siteNames: readonly string[]): boolean {
  const siteKeys = siteKeysOf(siteNames);
  return names.some((name) => !oneWord(name) && !isOutlet(name, siteKeys));
}

/** Whether every name is the site itself, a news agency, a domain or an acronym ("BBC News", "Reuters", "CNN"). */
export function onlyOutlets(names: readonly string[], siteNames: readonly string[]): boolean {
  const siteKeys = siteKeysOf(siteNames);
  return names.length > 0 && names.every((name) => isOutlet(name, siteKeys));
}

function siteKeysOf(siteNames: readonly string[]): Set<string> {
  return new Set(siteNames.map((name) => looseKey(name.replace(/^the\s+/i, ''))).filter((key) => key.length >= 2));
}

/** Scripts written without spaces (Chinese, Japanese, Thai) have one-word names. */
function oneWord(name: string): boolean {
  return patternFor(name, /^[A-Za-z.'-]+$/, /^[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}.'’-]+$/u).test(name);
}

function isOutlet(name: string, siteKeys: ReadonlySet<string>): boolean {
  if (isAgencyOrDomain(name) || isAcronym(name)) return true;
  const words = name.replace(/^the\s+/i, '').split(/\s+/);
  return words.some((_, i) => siteKeys.has(looseKey(words.slice(0, i + 1).join(' '))));
}

/** "Ada Lowe Harbour Post": the site's name printed after the reporter's, without a separator. */
function withoutSiteSuffix(name: string, siteKeys: ReadonlySet<string>): string {
  const words = name.split(/\s+/);
  for (let i = 2; i < words.length; i++) {
    if (
      siteKeys.has(
        looseKey(
          words
            .slice(i)
            .join(' ')
            .replace(/^the\s+/i, ''),
        ),
      )
    )
      return words.slice(0, i).join(' ');
  }
  return name;
}

/** "Ana Ruiz (avec Per Lind et Jo Ek)": co-authors in a parenthesis after the lead reporter's name. */
const CO_AUTHORS = /(?<!\s)\s*\(\s*(?:con la collaborazione di|with|avec|mit|con|com|met|med|z)\s+([^()\s][^()]*)\)/iu;
/** "and" in the languages bylines use it in, between the names of a co-author note only ("Ortega y Gasset" is one name). */
const CO_AUTHOR_AND = /(?<!\s)\s+(?:and|et|und|y|e|en|og|och|i|a)\s+/giu;

/** The co-authors a byline names in a "(with A and B)" note, as one comma-separated value, or null. */
export function coAuthorNote(text: string): string | null {
  // The note is in parentheses: a byline without "(" never compiles the Unicode pattern (a cold run).
  const match = text.includes('(') ? CO_AUTHORS.exec(text) : null;
  return match ? match[1]!.replace(CO_AUTHOR_AND, ', ') : null;
}

function splitNames(value: string): string[] {
  let text = cleanText(value, 400);
  if (!text) return [];
  if (URL_LIKE.test(text)) return [];
  const coAuthors = coAuthorNote(text);
  if (coAuthors) text = `${text.replace(CO_AUTHORS, '')}, ${coAuthors}`;
  text = text
    .replace(/\S+/g, (word) => (isEmailWord(word) ? ' ' : word))
    .replace(EMBEDDED_URL, ' ')
    .replace(HANDLE, ' ')
    .replace(/\(\s*\)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  // CJK credits and labels are written in CJK characters: ASCII text has none to remove.
  const ascii = isAscii(text);
  text = text.replace(BRACKETS, '');
  if (!ascii) text = text.replace(CJK_OTHER_CREDIT, '').replace(CJK_LABEL, '');
  text = text
    .replace(ascii ? LABEL_PREFIX_ASCII : LABEL_PREFIX, '')
    .replace(BY_PREFIX, '')
    .replace(TRAILING_NOISE, '')
    .trim();
  const names: string[] = [];
  // "Le Monde with AFP", "Ada Lowe with Per Lind": "with" joins the credits like "and" (a news agency after it is
  // still dropped, not left dangling as "Le Monde with").
  for (const part of text.split(/(?<!\s)\s*(?:[,;/&，、；]|\band\b|\bund\b|\bwith\b)\s*/i)) {
    // "Jane Doe, Vice President of Cloud": what follows a role describes the person, it is not another author.
    // Without a comma the name before a role is not told apart from a desk's ("Our Foreign Staff", "AP Auto Writer").
    if (ROLE_WORDS.test(part)) break;
    const name = cleanName(part);
    if (name) names.push(name);
  }
  return names;
}

function cleanName(part: string): string | null {
  const bare = part
    .replace(BY_PREFIX, '')
    .replace(TRAILING_AGENCY(), '')
    .replace(/^[\s"'“”(]+|(?<![\s"'“”).:])[\s"'“”).:]+$/g, '')
    .replace(BRACKETS, '');
  // A CJK role is written in CJK characters: an ASCII name has none.
  const name = withoutAffiliation((isAscii(bare) ? bare : bare.replace(CJK_ROLE_AFTER, '')).trim());
  if (!name || name.length > 80 || !hasLetter(name)) return null;
  // "作者：" with the name elsewhere, "CAIRO —": a label or a dateline, not a name.
  if (/[:：—–-]$/.test(name)) return null;
  if (name.startsWith('@') || URL_LIKE.test(name) || SLUG.test(name)) return null;
  if (/\d/.test(name) || ROLE_WORDS.test(name) || UI_LABEL.test(name)) return null;
  const words = name.split(' ');
  if (words.length > 6) return null;
  // "Ada Lowe Ada Lowe": a name printed twice (an avatar's label, then the link).
  const half = words.length / 2;
  if (words.length % 2 === 0 && words.slice(0, half).join(' ') === words.slice(half).join(' ')) {
    return words.slice(0, half).join(' ');
  }
  return name;
}

/** Joins names the way a citation writes them: "A", "A and B", "A, B and C". */
export function joinByline(names: readonly string[]): string | null {
  if (!names.length) return null;
  if (names.length === 1) return names[0]!;
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
