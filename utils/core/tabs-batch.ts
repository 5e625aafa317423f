import type { Clip } from './clip';
import { clipFromPage, type PageFacts, type TabFacts } from './clip-from-page';
import type { Settings } from './settings';

/** One open tab, as the worker read it: the page's facts, or `null` when it could not be read. */
export interface TabReading {
  tab: TabFacts;
  page: PageFacts | null;
}

/** What "Add all tabs…" sends: the clips in tab order, and how many tabs gave none. */
export interface TabsBatch {
  clips: Clip[];
  /** The settings' default tags, as a single clip gets them. */
  tags: string[];
  unreadable: number;
}

/** The report both doors (popup, context menu) give: "added N, already there M, could not read K". */
export interface TabsReport {
  added: number;
  already: number;
  unreadable: number;
}

/**
 * The clips of the open tabs (issue 17 §3), made by `clipFromPage` as for one page, so a tab gives the callout it
 * would give alone. No "why it matters": a selection left in a background tab was not made for this note.
 */
export function tabsBatch(
  readings: readonly TabReading[],
  settings: Pick<Settings, 'defaultTags'>,
  now: Date,
): TabsBatch {
  const clips = readings.flatMap(({ tab, page }) =>
    page === null ? [] : [clipFromPage({ ...page, selection: null }, tab, settings, now).clip],
  );
  return { clips, tags: [...settings.defaultTags], unreadable: readings.length - clips.length };
}

/** Counts the companion's answer per clip into the report. */
export function tabsReport(statuses: readonly ('added' | 'already-present')[], unreadable: number): TabsReport {
  const added = statuses.filter((status) => status === 'added').length;
  return { added, already: statuses.length - added, unreadable };
}
