import type { ClipOutcome, ProtocolMap } from '../../../utils/messaging/protocol';

/** A context-menu click as the browser reports it (the fields refclip reads). */
export interface MenuClick {
  menuItemId: string;
  linkUrl?: string;
  selectionText?: string;
}

/**
 * What the worker's flow tests do to the extension, the same way in Chromium (Playwright) and Firefox
 * (puppeteer-core), so the flows are written once.
 */
export interface ExtensionDriver {
  downloadDir: string;
  /** Opens a web page in a new tab and returns the tab's id. */
  openPage(url: string): Promise<number>;
  /** Runs the worker's context-menu handler, as a click on the native menu would (those cannot be clicked headless). */
  clickMenu(click: MenuClick, tabId: number): Promise<ClipOutcome | null>;
  /** Sends a protocol message from one of the extension's own pages. */
  send<Type extends keyof ProtocolMap>(
    type: Type,
    data: Parameters<ProtocolMap[Type]>[0],
  ): Promise<ReturnType<ProtocolMap[Type]>>;
  setStorage(items: Record<string, unknown>): Promise<void>;
  removeStorage(keys: string[]): Promise<void>;
  badgeText(): Promise<string>;
  /** Stops the worker (Chromium) or reloads the extension (Firefox); storage stays. */
  restartWorker(): Promise<void>;
  /** In the pick-note tab the worker opened, picks the file at `path` as the person would; what the tab then said. */
  pickFile(path: string): Promise<{ kind: string; text: string }>;
}
