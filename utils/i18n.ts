import { browser } from 'wxt/browser';
import type messages from '../public/_locales/en/messages.json';

/** A key of the English message file; every other locale has exactly the same keys (`tests/locales.test.ts`). */
export type MessageKey = keyof typeof messages;

/**
 * A visible string from the locale files (`browser.i18n`). Falls back to the key itself so a missing translation
 * shows up as an odd word in the UI instead of an empty label.
 */
export function t(key: MessageKey, ...substitutions: string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}

/**
 * Marks a page with the language of the message file the browser chose (not the UI language, which may have no
 * file), so screen readers pick the right voice and CJK text gets the right glyphs.
 */
export function markPageLanguage(page: Document): void {
  page.documentElement.lang = t('htmlLang');
}

/**
 * A date as the popup shows it, in the browser's language ("Dec 3, 2026", "03.12.2026", "2026/12/03"). Dates written
 * into notes never go through this: they follow the settings' date format (`utils/core/date-format`).
 */
export function shownDate(when: Date | number, language: string = browser.i18n.getUILanguage()): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(when);
}
