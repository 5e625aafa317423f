import { browser } from 'wxt/browser';
import type { PageMetadata } from '../../extract/metadata';
import { t } from '../../i18n';
import { loadSettings } from '../../settings-store';
import { readTab } from '../read-tab';

/** `extractTab`: reads the page in a tab for the popup, or says in plain words why it cannot. */
export async function handleExtractTab(data: {
  tabId: number;
  markdown?: boolean;
}): Promise<PageMetadata | { error: string }> {
  let url: string | undefined;
  try {
    url = (await browser.tabs.get(data.tabId)).url;
  } catch {
    return { error: t('workerPageTabGone') };
  }
  const reading = await readTab(data.tabId, url, await loadSettings(), data.markdown ?? false);
  return reading.ok ? reading.metadata : { error: reading.message };
}
