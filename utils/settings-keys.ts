/**
 * `storage.local` keys: the settings live under one key, the companion's token under another. Apart from
 * `settings-store.ts` so the popup can read its few settings without loading the settings schema.
 */
export const SETTINGS_KEY = 'settings';
export const COMPANION_TOKEN_KEY = 'companionToken';
