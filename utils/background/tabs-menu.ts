import { browser, type Browser } from 'wxt/browser';
import type { NoteSummary } from '../core/companion-api';
import { t } from '../i18n';
import type { TabsOutcome } from '../messaging/protocol';
import { tabsOutcomeText } from '../tabs-outcome-text';
import { requestTabsPermission } from '../tabs-permission';
import { fileAllTabs } from './all-tabs';
import { chooseNote } from './choose-note';
import { recentNotes } from './recent-notes';

export const MENU_TABS_ROOT = 'refclip-tabs';
export const MENU_TABS_CHOOSE = 'refclip-tabs:choose';
/** Like "Add to note": a recent note's path is in the item's id. */
export const MENU_TABS_NOTE_PREFIX = 'refclip-tabs:note:';
const CONTEXTS: ['page'] = ['page'];

type CreateItem = (properties: Browser.contextMenus.CreateProperties) => Promise<void>;

/** "Add all tabs in this window to note…" with the same recent notes as "Add to note", then "Choose note…". */
export async function buildTabsMenu(notes: NoteSummary[], create: CreateItem, label: (title: string) => string) {
  await create({ id: MENU_TABS_ROOT, title: t('workerMenuAddAllTabs'), contexts: CONTEXTS });
  for (const note of notes) {
    const id = MENU_TABS_NOTE_PREFIX + note.path;
    await create({ id, parentId: MENU_TABS_ROOT, title: label(note.title), contexts: CONTEXTS });
  }
  if (notes.length > 0) {
    await create({ id: 'refclip-tabs:separator', parentId: MENU_TABS_ROOT, type: 'separator', contexts: CONTEXTS });
  }
  await create({
    id: MENU_TABS_CHOOSE,
    parentId: MENU_TABS_ROOT,
    title: t('workerMenuChooseNote'),
    contexts: CONTEXTS,
  });
}

export function isTabsMenuItem(id: string): boolean {
  return id === MENU_TABS_CHOOSE || id.startsWith(MENU_TABS_NOTE_PREFIX);
}

/**
 * A click under "Add all tabs…": a recent note gets every tab of the clicked tab's window, reported in a
 * notification; "Choose note…" opens the popup, whose button files them into the note picked there. The permission
 * is asked for before anything is awaited (Firefox grants it only straight from the click).
 */
export async function handleTabsMenuClick(id: string, tab?: Browser.tabs.Tab): Promise<TabsOutcome | null> {
  if (id === MENU_TABS_CHOOSE) {
    await chooseNote(tab?.id);
    return null;
  }
  const allowed = requestTabsPermission();
  const path = id.slice(MENU_TABS_NOTE_PREFIX.length);
  const known = (await recentNotes()).find((note) => note.path === path);
  const outcome: TabsOutcome = (await allowed)
    ? await fileAllTabs({ path, ...(known ? { title: known.title } : {}) }, tab?.windowId)
    : { kind: 'error', message: t('workerTabsNoPermission') };
  try {
    await browser.notifications.create({
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: outcome.kind === 'filed' ? `${t('extName')}: ${outcome.noteTitle}` : t('extName'),
      message: tabsOutcomeText(outcome),
    });
  } catch (error) {
    console.warn('refclip: notification not shown', error);
  }
  return outcome;
}
