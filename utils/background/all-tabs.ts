import { browser, type Browser } from 'wxt/browser';
import { noteOptionsFrom, type Settings } from '../core/settings';
import { tabsBatch, tabsReport, type TabReading, type TabsBatch } from '../core/tabs-batch';
import { t } from '../i18n';
import type { TabsOutcome } from '../messaging/protocol';
import { tabsPermissionHeld } from '../tabs-permission';
import { pairedCompanion } from './companion';
import { CompanionError, type CompanionClient } from './companion-client';
import { localIsoDate } from './local-date';
import { readPageInTab } from './menu-clip';
import { targetTitle } from './note-title';
import { queueClip } from './outbox';
import { addPick, pickerUrl } from './pick-store';
import { rememberRecentNote } from './recent-notes';
import { workerSettings } from './stored-state';

/** The note "Add all tabs in this window to note…" files into: an existing one (the batch route takes no creation). */
export interface TabsTarget {
  path: string;
  title?: string;
}

/**
 * One tab for the batch. A page that is not on the web, a discarded tab (its page is not loaded, and reading it
 * would load it) and a tab the extractor cannot run in are "could not read".
 */
async function readForBatch(tab: Browser.tabs.Tab, settings: Settings): Promise<TabReading> {
  const facts = { url: tab.url, title: tab.title };
  if (tab.discarded || !/^https?:\/\//i.test(tab.url ?? '')) return { tab: facts, page: null };
  const reading = await readPageInTab(tab, settings);
  return { tab: facts, page: reading.ok ? reading.page : null };
}

/**
 * Files every tab of the window into one note (issue 17 §3), for the popup and the context menu alike: one
 * companion request for the whole batch, written once. When the companion cannot take it, each clip waits in the
 * outbox; with download delivery, the pick-note page takes the note's file and downloads it once, with every clip.
 */
export async function fileAllTabs(
  target: TabsTarget,
  windowId: number | undefined,
  now: Date = new Date(),
): Promise<TabsOutcome> {
  if (!(await tabsPermissionHeld())) return { kind: 'error', message: t('workerTabsNoPermission') };
  const settings = await workerSettings();
  const tabs = await browser.tabs.query(windowId === undefined ? { lastFocusedWindow: true } : { windowId });
  const readings: TabReading[] = [];
  // One tab at a time: reading injects a script into each page, and the machine may hold a hundred tabs.
  for (const tab of tabs) readings.push(await readForBatch(tab, settings));
  const batch = tabsBatch(readings, settings, now);
  const noteTitle = targetTitle(target);
  if (batch.clips.length === 0) {
    return { kind: 'filed', notePath: target.path, noteTitle, ...tabsReport([], batch.unreadable) };
  }
  const date = localIsoDate(now);
  const client = settings.deliveryMode === 'download' ? null : await pairedCompanion();
  if (client === null) {
    const [first, ...more] = batch.clips;
    const pick = await addPick({ target, clip: first!, tags: batch.tags }, date, now.getTime(), more);
    const url = pickerUrl(pick.id);
    await browser.tabs.create({ url, active: true });
    return { kind: 'pick-file', pickerUrl: url, unreadable: batch.unreadable };
  }
  return deliverBatch(client, target, batch, date, settings, now);
}

async function deliverBatch(
  client: CompanionClient,
  target: TabsTarget,
  batch: TabsBatch,
  date: string,
  settings: Settings,
  now: Date,
): Promise<TabsOutcome> {
  const noteTitle = targetTitle(target);
  try {
    const answer = await client.postClipBatch({
      note: { path: target.path },
      clips: batch.clips,
      tags: batch.tags,
      date,
      options: noteOptionsFrom(settings),
    });
    await rememberRecentNote({
      path: answer.path,
      title: noteTitle,
      tags: batch.tags,
      updated: date,
      mtime: now.getTime(),
    });
    const statuses = answer.items.map((item) => item.status);
    return { kind: 'filed', notePath: answer.path, noteTitle, ...tabsReport(statuses, batch.unreadable) };
  } catch (error) {
    if (!(error instanceof CompanionError)) throw error;
    if (error.kind === 'rejected') return { kind: 'error', message: error.message };
    // The outbox keeps clips one by one (one per URL and note), so none of the batch is lost.
    for (const clip of batch.clips) {
      await queueClip({ target, clip, tags: batch.tags }, date, error.message, now.getTime());
    }
    return { kind: 'queued', queued: batch.clips.length, unreadable: batch.unreadable, reason: error.message };
  }
}
