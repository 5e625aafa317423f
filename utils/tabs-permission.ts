import { browser, type Browser } from 'wxt/browser';
import { TABS_ORIGINS } from './tabs-origins';

/** Reading every tab of a window needs host access to web pages: activeTab covers only the tab clicked. */
export const TABS_PERMISSION: Browser.permissions.Permissions = { origins: TABS_ORIGINS };

/**
 * Asks for `TABS_PERMISSION`; call it first thing in a click handler, before any `await`, or the browser refuses.
 * Outside a click (the request throws) it answers whether the permission is held already.
 */
export async function requestTabsPermission(): Promise<boolean> {
  try {
    if (await browser.permissions.request(TABS_PERMISSION)) return true;
  } catch {
    // Not from a user gesture: a permission granted earlier still counts.
  }
  return tabsPermissionHeld();
}

/** Whether the person granted `TABS_PERMISSION`. */
export async function tabsPermissionHeld(): Promise<boolean> {
  try {
    return await browser.permissions.contains(TABS_PERMISSION);
  } catch {
    return false;
  }
}
