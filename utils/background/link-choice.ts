import { browser } from 'wxt/browser';

/** A link the person chose "Choose note…" on: the popup opened next over its tab files the link, not the page. */
export interface LinkChoice {
  tabId: number;
  url: string;
  /** The link's text when the browser gave it with the click (Firefox); Chrome's is read from the page later. */
  text?: string;
  /** The selection at the click, the "why it matters" line to offer. */
  selection?: string;
  at: number;
}

/** `storage.session`: gone with the browser session, and never in the pages' reach. */
const KEY = 'linkChoice';
/** A choice whose popup never opened (the browser refused both the popup and the window) goes stale. */
const FRESH_MS = 60_000;

let writing: Promise<void> = Promise.resolve();

function isLinkChoice(value: unknown): value is LinkChoice {
  const choice = value as Partial<LinkChoice> | null;
  return (
    typeof choice === 'object' &&
    choice !== null &&
    typeof choice.tabId === 'number' &&
    typeof choice.url === 'string' &&
    typeof choice.at === 'number'
  );
}

/**
 * Records the link (or, with `null`, that the next popup files the page). Only one choice waits at a time: the
 * person's latest click. The popup asks for its page right away, so `takeLinkChoice` waits for this write.
 */
export function rememberLinkChoice(choice: LinkChoice | null): Promise<void> {
  writing = choice === null ? browser.storage.session.remove(KEY) : browser.storage.session.set({ [KEY]: choice });
  return writing;
}

/** The choice waiting for the next popup, if any (read alongside the popup's other look-ups). */
export async function waitingLinkChoice(): Promise<LinkChoice | null> {
  await writing.catch(() => undefined);
  const stored: unknown = (await browser.storage.session.get(KEY))[KEY];
  return isLinkChoice(stored) ? stored : null;
}

/**
 * The waiting choice when it was made on this tab, and taken (the popup after this one files the page again); `null`
 * for another tab's choice, which stays, or one older than a minute, which is dropped.
 */
export async function claimLinkChoice(
  choice: LinkChoice | null,
  tabId: number,
  now: number = Date.now(),
): Promise<LinkChoice | null> {
  if (choice === null || choice.tabId !== tabId) return null;
  await rememberLinkChoice(null);
  return now - choice.at <= FRESH_MS ? choice : null;
}
