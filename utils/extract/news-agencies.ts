/** News agencies, once: every rule that recognises a wire credit (a byline, a name's suffix, a dateline) reads this. */

import { lazy } from './lazy';
import { isAscii } from './letters';

interface Agency {
  /** How credits print it; the first is how refclip writes it. */
  names: readonly string[];
  /** The short form a dateline prints in parentheses: "CAIRO (AP) —". */
  dateline?: string;
  /**
   * Names printed after a reporter's without a separator ("Tom Davies Associated Press"). Only names no person ends
   * with: "Ana Efe" is a name.
   */
  trailing?: readonly string[];
}

const AGENCIES: readonly Agency[] = [
  { names: ['Associated Press', 'AP'], dateline: 'AP', trailing: ['Associated Press'] },
  { names: ['Reuters'], dateline: 'Reuters', trailing: ['Reuters'] },
  { names: ['AFP', 'Agence France-Presse'], dateline: 'AFP', trailing: ['AFP', 'Agence France-Presse'] },
  { names: ['Bloomberg'], trailing: ['Bloomberg'] },
  { names: ['PA Media', 'Press Association'] },
  { names: ['The Canadian Press', 'Canadian Press'], dateline: 'CP' },
  { names: ['AAP', 'Australian Associated Press'], dateline: 'AAP' },
  { names: ['UPI', 'United Press International'], dateline: 'UPI' },
  { names: ['dpa'], dateline: 'dpa' },
  { names: ['Kyodo News'] },
  { names: ['Xinhua'] },
  { names: ['Yonhap'] },
  { names: ['EFE'] },
  { names: ['ANSA'] },
  { names: ['PTI'], dateline: 'PTI' },
  { names: ['IANS'], dateline: 'IANS' },
  { names: ['ANI'], dateline: 'ANI' },
];

/** Syndication desks that, like an agency, print their name after the reporter's ("Ada Lowe USA TODAY"). */
const SYNDICATION_DESKS = ['USA Today'];

const escape = (name: string) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternation = (names: readonly string[]) => names.map(escape).join('|');

/** The names in lower case, looked up: an alternation of them all costs a cold page its compile (issue 16). */
const AGENCY_KEYS = lazy(() => new Set(AGENCIES.flatMap((a) => a.names).map((name) => name.toLowerCase())));
/** The names are ASCII, compared without case: text outside ASCII is none of them. */
const isAgencyKey = (text: string) => isAscii(text) && AGENCY_KEYS().has(text.toLowerCase());

/** Whether a credit names a news agency ("Associated Press", "AFP", "the Canadian Press"). */
export function isNewsAgency(name: string): boolean {
  const trimmed = name.trim();
  return isAgencyKey(trimmed) || isAgencyKey(trimmed.replace(/^the\s+/i, ''));
}

/** An agency or syndication desk printed after a reporter's name of two words or more. */
export const TRAILING_AGENCY = lazy(
  () =>
    new RegExp(
      `(?<=\\S\\s+\\S+)\\s+(?:the\\s+)?(?:${alternation([...AGENCIES.flatMap((a) => a.trailing ?? []), ...SYNDICATION_DESKS])})$`,
      'i',
    ),
);

const BY_DATELINE = new Map(AGENCIES.filter((a) => a.dateline).map((a) => [a.dateline!, a.names[0]!]));
const AGENCY_DATELINE = lazy(
  () =>
    new RegExp(`^[\\p{Lu}][\\p{L}\\p{M} .,'’-]{1,60}\\((${alternation([...BY_DATELINE.keys()])})\\)\\s*[-–—:]`, 'u'),
);

/** "HAYWARD, Calif. (AP) — …": the wire service a dateline names. */
export function agencyInDateline(text: string | null): string | null {
  // Every dateline names its agency in parentheses: text without "(" never compiles the Unicode pattern.
  const match = text?.includes('(') ? AGENCY_DATELINE().exec(text) : null;
  return match ? BY_DATELINE.get(match[1]!)! : null;
}
