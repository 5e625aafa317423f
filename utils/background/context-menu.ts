import { t } from '../i18n';
import { browser, type Browser } from 'wxt/browser';
import type { ClipOutcome, TabsOutcome } from '../messaging/protocol';
import { chooseNote } from './choose-note';
import { clipToNote } from './clip-to-note';
import { rememberLinkChoice, type LinkChoice } from './link-choice';
import { recentNotes, watchRecentNotes } from './recent-notes';
import { buildTabsMenu, handleTabsMenuClick, isTabsMenuItem } from './tabs-menu';

export const MENU_ROOT = 'refclip-add';
export const MENU_CHOOSE = 'refclip-add:choose';
/** Recent note items carry the note's path in their id, so a click still finds its note after the list changed. */
export const MENU_NOTE_PREFIX = 'refclip-add:note:';
const CONTEXTS: ['page', 'link', 'selection'] = ['page', 'link', 'selection'];
const MAX_TITLE = 60;

/** A note title as a menu label: short, and `&` doubled (a single one marks an access key). */
function menuLabel(title: string): string {
  const short = title.length > MAX_TITLE ? `${title.slice(0, MAX_TITLE - 1)}…` : title;
  return short.replace(/&/g, '&&');
}

function create(properties: Browser.contextMenus.CreateProperties): Promise<void> {
  return new Promise((resolve) => {
    browser.contextMenus.create(properties, () => {
      if (browser.runtime.lastError) console.warn('refclip: menu item not created', browser.runtime.lastError.message);
      resolve();
    });
  });
}

let building: Promise<void> = Promise.resolve();

/** (Re)builds "Add to note" with the recent notes as a submenu, one build at a time. */
export function buildContextMenu(): Promise<void> {
  building = building.then(async () => {
    const notes = await recentNotes();
    await browser.contextMenus.removeAll();
    await create({ id: MENU_ROOT, title: t('workerMenuAddToNote'), contexts: CONTEXTS });
    for (const note of notes) {
      await create({
        id: MENU_NOTE_PREFIX + note.path,
        parentId: MENU_ROOT,
        title: menuLabel(note.title),
        contexts: CONTEXTS,
      });
    }
    if (notes.length > 0)
      await create({ id: 'refclip-add:separator', parentId: MENU_ROOT, type: 'separator', contexts: CONTEXTS });
    await create({ id: MENU_CHOOSE, parentId: MENU_ROOT, title: t('workerMenuChooseNote'), contexts: CONTEXTS });
    await buildTabsMenu(notes, create, menuLabel);
  });
  return building;
}

/** A click on a web link, as the link the popup about to open should file (`null`: it files the page). */
function linkChoiceOf(
  info: Browser.contextMenus.OnClickData,
  linkText: string | undefined,
  tabId: number | undefined,
): LinkChoice | null {
  if (tabId === undefined || !info.linkUrl || !/^https?:\/\//i.test(info.linkUrl)) return null;
  return {
    tabId,
    url: info.linkUrl,
    ...(linkText?.trim() ? { text: linkText } : {}),
    ...(info.selectionText?.trim() ? { selection: info.selectionText } : {}),
    at: Date.now(),
  };
}

/**
 * What a click on "Add to note" does: a recent note gets the page, link or selection at once; "Choose note…" opens
 * the popup (on a link, for that link). Exported (and reachable from flow tests) because a native menu cannot be clicked headless.
 */
export async function handleContextMenuClick(
  info: Browser.contextMenus.OnClickData,
  tab?: Browser.tabs.Tab,
): Promise<ClipOutcome | TabsOutcome | null> {
  const id = String(info.menuItemId);
  if (isTabsMenuItem(id)) return handleTabsMenuClick(id, tab);
  const linkText = (info as { linkText?: string }).linkText;
  if (id === MENU_CHOOSE) {
    // Firefox opens the popup only straight from the click: `chooseNote` runs before anything is awaited.
    const opening = chooseNote(tab?.id);
    await rememberLinkChoice(linkChoiceOf(info, linkText, tab?.id));
    await opening;
    return null;
  }
  if (!id.startsWith(MENU_NOTE_PREFIX)) return null;
  const path = id.slice(MENU_NOTE_PREFIX.length);
  const known = (await recentNotes()).find((note) => note.path === path);
  return clipToNote(
    { path, ...(known ? { title: known.title } : {}) },
    { linkUrl: info.linkUrl, linkText, selectionText: info.selectionText },
    tab,
  );
}

export function registerContextMenu(): void {
  browser.runtime.onInstalled.addListener(() => void buildContextMenu());
  browser.runtime.onStartup.addListener(() => void buildContextMenu());
  watchRecentNotes(() => void buildContextMenu());
  browser.contextMenus.onClicked.addListener((info, tab) => void handleContextMenuClick(info, tab));
}
