import { browser } from 'wxt/browser';
import type messages from '../public/_locales/en/messages.json';

/** A key of the English message file, which is complete: other locales may lack keys, never add them. */
export type MessageKey = keyof typeof messages;

/**
 * A visible string from the locale files (`browser.i18n`). Falls back to the key itself so a missing translation
 * shows up as an odd word in the UI instead of an empty label.
 */
export function t(key: MessageKey, ...substitutions: string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}
