/**
 * What bylines print after a reporter's name with no separator: the publication ("Ada Lowe Washington Post", "Ada
 * Lowe The Daily Harbour", "Ada Lowe CNN"), the section the post is filed in ("Ada Lowe in Politics"). Judged word by word, and only where the split is plain:
 * two words of name before it.
 */

import { hasLowerCase, isAcronym, isCapitalised } from './letters';

/** Words a publication's name ends with: after a name, they make the words before them an outlet. */
const PUBLICATION_WORDS = new Set(
  (
    'Post Times News Journal Tribune Herald Gazette Press Magazine Telegraph Guardian Chronicle Review Daily ' +
    'Independent Observer Examiner Inquirer Globe Mail Mirror Express Standard Bulletin Courier Register Dispatch ' +
    'Record Wire Insider Today Network Media Zeitung Nachrichten Tagblatt Rundschau Allgemeine Journal Gazzetta ' +
    'Corriere Diario Noticias Periódico Krant Dagblad Avis Tidning'
  ).split(' '),
);
/** "Ada Lowe in Politics", "Ana Ruiz en Política", "Jean Roy dans Société": the category a blog files the post in. */
const FILED_IN = new Set(['in', 'en', 'dans', 'em', 'nel', 'im']);
const ROMAN_NUMERAL = /^(?:I{1,3}|IV|VI{0,3}|IX|X)$/;

/** The name without the publication, section or role glued after it; the name unchanged when the split is unclear. */
export function withoutAffiliation(name: string): string {
  const words = name.split(' ');
  // "The Wall Street Journal" credited as the author: a name opening with "The" is the outlet's, no one's before it.
  if (words[0] === 'The') return name;
  const last = words[words.length - 1]!;
  for (let i = 2; i < words.length - 1; i++) {
    if (FILED_IN.has(words[i]!) && isCapitalised(words[i + 1]!)) return words.slice(0, i).join(' ');
    // "Ada Lowe The Washington Post": a "The" inside a name opens the outlet's.
    if (words[i] === 'The' && PUBLICATION_WORDS.has(last) && words.slice(i).every(isCapitalised)) {
      return words.slice(0, i).join(' ');
    }
  }
  // "Ada Lowe Washington Post": two words of outlet after two of name. With more words the line between them is a
  // guess ("Mary Ann Lee Washington Post", "Ada Lowe New York Times"), so the credit is left whole.
  if (words.length === 4 && PUBLICATION_WORDS.has(last) && isCapitalised(words[2]!)) {
    return words.slice(0, 2).join(' ');
  }
  // "Ada Lowe CNN", but not "Ada Lowe III" nor a name printed in capitals ("MEG KINNARD AP" keeps the rule above).
  const shouted = words.slice(0, -1).every((w) => !hasLowerCase(w));
  if (words.length >= 3 && isAcronym(last) && !ROMAN_NUMERAL.test(last) && !shouted) {
    return words.slice(0, -1).join(' ');
  }
  return name;
}
