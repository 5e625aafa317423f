import { browser } from 'wxt/browser';
import { migrateSettings, type Settings } from './core/settings';
import { COMPANION_TOKEN_KEY, SETTINGS_KEY } from './settings-keys';

export { COMPANION_TOKEN_KEY, SETTINGS_KEY } from './settings-keys';

/** The stored settings, repaired field by field (a damaged store never crashes a page or the worker). */
export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  return migrateSettings(stored[SETTINGS_KEY]);
}

/** Stores the settings after validating them; returns what was stored (invalid fields back to their defaults). */
export async function saveSettings(settings: Partial<Settings>): Promise<Settings> {
  const current = await loadSettings();
  const next = migrateSettings({ ...current, ...settings });
  await browser.storage.local.set({ [SETTINGS_KEY]: next });
  return next;
}

/** The companion's bearer token, or `null` before pairing. */
export async function loadCompanionToken(): Promise<string | null> {
  const stored = await browser.storage.local.get(COMPANION_TOKEN_KEY);
  const token = stored[COMPANION_TOKEN_KEY];
  return typeof token === 'string' && token.length > 0 ? token : null;
}

export async function saveCompanionToken(token: string | null): Promise<void> {
  if (token === null) await browser.storage.local.remove(COMPANION_TOKEN_KEY);
  else await browser.storage.local.set({ [COMPANION_TOKEN_KEY]: token });
}
