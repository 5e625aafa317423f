import type { Settings } from '../core/settings';
import type { PageMetadata } from '../extract/metadata';
import { extractFromTab } from '../extract/run-in-tab';
import { scriptingErrorMessage, unreadablePageReason } from './readable-page';

export type TabReading = { ok: true; metadata: PageMetadata } | { ok: false; message: string };

/** Injects the extractor into the tab (only now, on the person's request) and reads the page's metadata. */
export async function readTab(
  tabId: number,
  url: string | undefined,
  settings: Settings,
  markdown = false,
): Promise<TabReading> {
  const unreadable = unreadablePageReason(url);
  if (unreadable !== null) return { ok: false, message: unreadable };
  try {
    const metadata = await extractFromTab(tabId, { markdown, publisherAliases: settings.publisherAliases });
    return { ok: true, metadata };
  } catch (error) {
    return { ok: false, message: scriptingErrorMessage(error) };
  }
}
