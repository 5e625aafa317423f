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

/** "Quote in note" (issue 17): on a selection only, the selection as the callout's quote; same submenu. */
export const MENU_QUOTE_ROOT = 'refclip-quote';
export const MENU_QUOTE_CHOOSE = 'refclip-quote:choose';
export const MENU_QUOTE_NOTE_PREFIX = 'refclip-quote:note:';
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

/** One root item with the recent notes, a separator and "Choose note…" below it. */
async function createNoteMenu(
  root: { id: string; title: string; choose: string; notePrefix: string },
  contexts: Browser.contextMenus.CreateProperties['contexts'],
  notes: { path: string; title: string }[],
): Promise<void> {
  await create({ id: root.id, title: root.title, contexts });
  for (const note of notes) {
    await create({ id: root.notePrefix + note.path, parentId: root.id, title: menuLabel(note.title), contexts });
  }
  if (notes.length > 0) await create({ id: `${root.id}:separator`, parentId: root.id, type: 'separator', contexts });
  await create({ id: root.choose, parentId: root.id, title: t('workerMenuChooseNote'), contexts });
}

/** (Re)builds "Add to note" and "Quote in note" with the recent notes as submenus, one build at a time. */
export function buildContextMenu(): Promise<void> {
  building = building.then(async () => {
    const notes = await recentNotes();
    await browser.contextMenus.removeAll();
    const add = { id: MENU_ROOT, title: t('workerMenuAddToNote'), choose: MENU_CHOOSE, notePrefix: MENU_NOTE_PREFIX };
    await createNoteMenu(add, CONTEXTS, notes);
    const quote = {
      id: MENU_QUOTE_ROOT,
      title: t('workerMenuQuoteInNote'),
      choose: MENU_QUOTE_CHOOSE,
      notePrefix: MENU_QUOTE_NOTE_PREFIX,
    };
    await createNoteMenu(quote, ['selection'], notes);
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
  // "Choose note…" under "Quote in note" opens the same popup, which quotes a selection by itself.
  if (id === MENU_CHOOSE || id === MENU_QUOTE_CHOOSE) {
    // Firefox opens the popup only straight from the click: `chooseNote` runs before anything is awaited.
    const opening = chooseNote(tab?.id);
    await rememberLinkChoice(linkChoiceOf(info, linkText, tab?.id));
    await opening;
    return null;
  }
  const quote = id.startsWith(MENU_QUOTE_NOTE_PREFIX);
  if (!quote && !id.startsWith(MENU_NOTE_PREFIX)) return null;
  const path = id.slice((quote ? MENU_QUOTE_NOTE_PREFIX : MENU_NOTE_PREFIX).length);
  const known = (await recentNotes()).find((note) => note.path === path);
  // A quote is of the page's text, not of a link the selection happens to include.
  const context = quote
    ? { selectionText: info.selectionText, quote }
    : { linkUrl: info.linkUrl, linkText, selectionText: info.selectionText };
  return clipToNote({ path, ...(known ? { title: known.title } : {}) }, context, tab);
}

export function registerContextMenu(): void {
  browser.runtime.onInstalled.addListener(() => void buildContextMenu());
  browser.runtime.onStartup.addListener(() => void buildContextMenu());
  watchRecentNotes(() => void buildContextMenu());
  browser.contextMenus.onClicked.addListener((info, tab) => void handleContextMenuClick(info, tab));
}
