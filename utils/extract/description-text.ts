/** What sites write into a page's description besides its summary, and descriptions that are no summary at all. */

import { dateInText } from './dates';
import { opensWithByline } from './page-layout';
import { looseKey } from './text';
import { SEPARATOR } from './title';

/** Shorter than this, a paragraph may be a byline, a dateline or a link rather than the story's opening. */
export const MAX_LABEL_LINE = 150;

/** Share buttons and reading times that some CMSs write into the description before the summary. */
const LEADING_WIDGETS =
  /^(?:[Ss]hare (?:this )?(?:on|via) (?:WhatsApp|Whatsapp|Facebook|Twitter|LinkedIn|Pinterest|Telegram|Reddit|[Ee]mail|X)|\d{1,2} ?(?:min(?:ute)?s?|minutos?|minuten|minuti)(?: (?:read|de leitura|de lectura|Lesezeit|leestijd|di lettura))?(?=\s*(?:[-–—:|·]\s*)?\p{Lu}))\s*(?:[-–—:|·]\s*)?/u;

/**
 * A description as a summary reads: without the share buttons, reading time, date or thanks some sites print before
 * it.
 */
export function descriptionText(text: string | null): string | null {
  if (!text) return null;
  // "…attraktiv\n Das Zentrum…": a template that escaped its line breaks once too often.
  const unescaped = text.includes('\\n') ? text.replace(/\\n(?=\s|$)/g, '').trim() : text;
  // Only text opening like a widget is matched: the Unicode pattern costs a compile on a cold page.
  const rest = /^(?:[Ss]hare|\d)/.test(unescaped)
    ? withoutDateline(unescaped.replace(LEADING_WIDGETS, '')) || null
    : unescaped;
  return withoutAcknowledgement(rest);
}

/**
 * "31.10.2023, 10.19 Uhr : Das Wetter eignet sich…": the date some sites print before the summary in their
 * description, set off by a spaced separator.
 */
function withoutDateline(text: string): string {
  const separator = /\s[:|–—-]\s/.exec(text.slice(0, 40));
  if (!separator || !dateInText(text.slice(0, separator.index))) return text;
  return text.slice(separator.index + separator[0].length);
}

/**
 * "Special thanks to John Schulman for … feedback on this post. Test time compute…": blog themes summarise a post by
 * its opening words, and a post may open by thanking its reviewers. The summary starts after that sentence.
 */
function withoutAcknowledgement(text: string | null): string | null {
  if (!text || !/^special thanks to\s/i.test(text)) return text;
  const end = /[.!?]\s+(?=\S)/.exec(text);
  return end ? text.slice(end.index + end[0].length) : text;
}

/**
 * Descriptions that name rather than summarise: a byline ("Written by HLNF Staff Report"), the title with a section
 * after it ("Lengthy Prison Sentences For Two Thanet Drug Dealers - News"), the site's name and a word ("CARTA
 * online").
 */
export function namesRatherThanSummarises(
  text: string,
  avoidKeys: ReadonlySet<string>,
  siteKeys: readonly string[],
): boolean {
  if (text.length >= MAX_LABEL_LINE) return false;
  // Only a byline: "Posted by Ada Lowe, Engineer. As we move…" goes on to summarise.
  const byline = text.replace(/^(?:written|posted|text|words|story)\s+(?=by\s)/i, '');
  if (opensWithByline(byline) && wordCount(byline) <= 6 && !/[.!?]\s/.test(byline)) return true;
  const last = Array.from(text.matchAll(SEPARATOR)).pop();
  if (last && avoidKeys.has(looseKey(text.slice(0, last.index))) && wordCount(text.slice(last.index)) <= 4) {
    return true;
  }
  const key = looseKey(text);
  return wordCount(text) <= 3 && siteKeys.some((site) => key.startsWith(site));
}

function wordCount(text: string): number {
  return text.trim().split(/\s+/).length;
}
