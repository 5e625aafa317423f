/**
 * One of refclip's pages (popup or options) open in a tab, driven the same way in Chromium (Playwright) and Firefox
 * (puppeteer-core), so the popup and options flows are written once.
 */
export interface ExtensionPage {
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** Types into the focused element, key by key. */
  type(text: string): Promise<void>;
  /** Clicks the element matching `selector` with the mouse, as a person would (a user gesture). */
  click(selector: string): Promise<void>;
  /** A key with optional modifiers, Playwright style: `Enter`, `ArrowDown`, `Control+Enter`. */
  press(key: string): Promise<void>;
  /** Writes a PNG of the page's `main` element. */
  screenshot(path: string): Promise<void>;
  /** Sizes the page's viewport, e.g. to the largest popup a browser shows (800x600). */
  setViewport(width: number, height: number): Promise<void>;
  close(): Promise<void>;
}

export interface PopupBrowser {
  /** Where the browser saves downloads, under their own names. */
  downloadDir: string;
  /** Opens an article in a tab and returns the tab's id. */
  openArticle(url: string): Promise<number>;
  /** Opens `path` (with query and fragment) of the extension in a new tab, once its document is there. */
  openExtensionPage(path: string): Promise<ExtensionPage>;
  /**
   * Runs the worker's context-menu handler for `menuItemId` on the page in `tabId`, as a click on the native menu
   * would (those cannot be clicked headless); the outcome as JSON.
   */
  clickMenu(menuItemId: string, tabId: number): Promise<unknown>;
  close(): Promise<void>;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls the page until `check(arg)` is truthy; fails with `what` after 30 s. */
export async function waitInPage<A>(
  page: ExtensionPage,
  check: (arg: A) => unknown,
  arg: A,
  what: string,
): Promise<void> {
  for (let tries = 0; tries < 300; tries++) {
    if (await page.evaluate(check, arg).catch(() => false)) return;
    await pause(100);
  }
  throw new Error(`gave up waiting for ${what}`);
}

/** Waits until an element matching `selector` contains `text`; on failure, says what the page shows instead. */
export async function waitForText(page: ExtensionPage, selector: string, text: string): Promise<void> {
  try {
    await waitInPage(
      page,
      ([selector, text]) => [...document.querySelectorAll(selector)].some((node) => node.textContent?.includes(text)),
      [selector, text] as const,
      `"${text}" in ${selector}`,
    );
  } catch (error) {
    const shown = await page
      .evaluate(() => document.querySelector('main')?.innerText.slice(0, 2000), undefined)
      .catch(() => '(page gone)');
    throw new Error(`${(error as Error).message}; the page shows:\n${shown}`);
  }
}

export function textOf(page: ExtensionPage, selector: string): Promise<string | null> {
  return page.evaluate((selector) => document.querySelector(selector)?.textContent ?? null, selector);
}

export function activeElementId(page: ExtensionPage): Promise<string | undefined> {
  return page.evaluate(() => document.activeElement?.id, undefined);
}

/** Presses ArrowDown until the active note choice contains `text`, then Enter: picking by keyboard only. */
export async function pickNoteByKeyboard(page: ExtensionPage, text: string): Promise<void> {
  await waitForText(page, '#note-choices [role="option"]', text);
  for (let step = 0; step < 10; step++) {
    if ((await textOf(page, '#note-choices [role="option"].active'))?.includes(text)) {
      await page.press('Enter');
      return;
    }
    await page.press('ArrowDown');
  }
  throw new Error(`no note choice reads ${text}`);
}

/** Focuses a field and replaces its value by typing, as a person would after selecting its text. */
export async function retype(page: ExtensionPage, selector: string, text: string): Promise<void> {
  await page.evaluate((selector) => {
    const field = document.querySelector<HTMLInputElement>(selector);
    field?.focus();
    field?.select();
  }, selector);
  await page.press('Backspace');
  await page.type(text);
}
