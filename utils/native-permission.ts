import { browser, type Browser } from 'wxt/browser';

/** The optional permission the options page asks for when the person lets the browser start the companion. */
export const NATIVE_PERMISSION: Browser.permissions.Permissions = { permissions: ['nativeMessaging'] };

/** Whether the person let refclip start its companion (native messaging to `refclip host`). */
export async function nativeMessagingAllowed(): Promise<boolean> {
  try {
    return await browser.permissions.contains(NATIVE_PERMISSION);
  } catch {
    return false;
  }
}
