/**
 * Whether a page's description is the site's, repeated on every page (the home page's tagline), rather than the
 * article's summary — judged from the page alone, without fetching another page of the site.
 */

import { looseKey } from './text';

/**
 * Words of four letters or more that say nothing about a topic: function words, and the words sites describe
 * themselves with ("latest news", "breaking stories"), which an article's title can share with a tagline by chance.
 */
const FILLER = new Set(
  (
    'about above after again also among around away back been before being below between both came come does done ' +
    'down each even ever from have here into just last like made make many more most much must near next only ' +
    'other over said same says should some such than that their them then there these they this those through ' +
    'under until upon very want were what when where which while whom will with within without would your yours ' +
    'news latest breaking stories story today daily home page site website online official world read find best ' +
    'information info updates update every week'
  ).split(' '),
);
/** Words shorter than this are mostly grammar; their likeness across texts means nothing. */
const MIN_WORD = 4;
/** "allergy" and "allergies", "tide" and "tides": words compared by their first letters. */
const STEM = 5;
/** A summary's topic shows in its opening: a lead or a hostile value is read no further. */
const MAX_READ = 2000;
/** Below this many topic words a title is too short ("Colophon", "Home") to judge what is off its topic. */
const MIN_TITLE_WORDS = 2;

/** The stems of a text's topic words, or null for text not written with spaces (Chinese, Japanese), which this cannot judge. */
function topicStems(text: string): Set<string> | null {
  const words =
    text
      .slice(0, MAX_READ)
      .toLowerCase()
      .match(/\p{L}+/gu) ?? [];
  if (words.length < 2) return null;
  return new Set(words.filter((word) => word.length >= MIN_WORD && !FILLER.has(word)).map((w) => w.slice(0, STEM)));
}

function shares(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  for (const stem of a) if (b.has(stem)) return true;
  return false;
}

/** What a page says of itself beside the article: the title, the site's own descriptions, the article's lead. */
export interface SiteWideEvidence {
  /** The article's title, without the site's name. */
  title: string | null;
  /** Descriptions of the whole site: its WebSite or Organization node's, the tagline it prints in its header. */
  siteDescriptions: readonly (string | null)[];
  /** The names the site goes by: its declared name, the publisher, the name its `<title>` ends with. */
  siteNames: readonly string[];
  /** The summary printed under the headline or the first paragraph, read only when needed. */
  lead: () => string | null;
}

/** Shorter names ("BBC", "Sky") are too likely to be inside other words of a description. */
const MIN_NAME_KEY = 4;

/**
 * A description is the site's when it is one of the site's own descriptions, or when it names the site ("Ada Lowe's
 * homepage", "The Harbour Post brings you…") and shares no topic word with the title nor with the article's lead,
 * while that lead shares one with the title. Each part is needed: summaries often share no word with a punning
 * headline ("The Portuguese boss…" under "Mourinho agrees deal"), and an on-topic lead shows the description is off
 * topic, not just worded differently. Text that cannot be judged (no spaces, short titles) counts as the article's.
 */
export function isSiteWideDescription(description: string, evidence: SiteWideEvidence): boolean {
  const key = looseKey(description.slice(0, MAX_READ));
  if (evidence.siteDescriptions.some((site) => site && looseKey(site.slice(0, MAX_READ)) === key)) return true;
  const named = evidence.siteNames.some((name) => {
    const site = looseKey(name);
    return site.length >= MIN_NAME_KEY && key.includes(site);
  });
  if (!named) return false;
  const title = evidence.title ? topicStems(evidence.title) : null;
  const own = topicStems(description);
  if (!title || !own || title.size < MIN_TITLE_WORDS || shares(own, title)) return false;
  const leadText = evidence.lead();
  const lead = leadText ? topicStems(leadText) : null;
  return !!lead && shares(lead, title) && !shares(own, lead);
}
