import { browser } from 'wxt/browser';
import type { Settings } from '../core/settings';
import { COMPANION_TOKEN_KEY, loadCompanionToken, loadSettings, SETTINGS_KEY } from '../settings-store';

let settings: Promise<Settings> | null = null;
let token: Promise<string | null> | null = null;
let watching = false;

/**
 * Keeps the settings and the companion's token in the worker's memory between messages (the popup's start asks
 * for them on every open), dropped whenever `storage.local` changes them. Called once by the worker; until then,
 * and in unit tests that never call it, every read goes to storage.
 */
export function cacheStoredState(): void {
  if (watching) return;
  watching = true;
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local') return;
    if (SETTINGS_KEY in changes) settings = null;
    if (COMPANION_TOKEN_KEY in changes) token = null;
  });
}

function remembered<T>(current: Promise<T> | null, load: () => Promise<T>, keep: (value: Promise<T> | null) => void) {
  if (!watching) return load();
  if (current !== null) return current;
  const loading = load();
  keep(loading);
  // A failed read is not remembered: the next message tries storage again.
  loading.catch(() => keep(null));
  return loading;
}

/** The stored settings (repaired), from memory when nothing changed since the last read. */
export function workerSettings(): Promise<Settings> {
  return remembered(settings, loadSettings, (value) => (settings = value));
}

/** The companion's token, or `null` before pairing, from memory when nothing changed since the last read. */
export function workerCompanionToken(): Promise<string | null> {
  return remembered(token, loadCompanionToken, (value) => (token = value));
}
