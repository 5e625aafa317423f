import { createRequire } from 'node:module';
import { defineConfig } from 'wxt';
import { compileHints } from './scripts/compile-hints';
import { regexpFromStrings } from './scripts/regexp-from-strings';
import { CHROME_EXTENSION_KEY, GECKO_ID } from './utils/extension-ids';
import { TABS_ORIGINS } from './utils/tabs-origins';

export default defineConfig({
  modules: ['@wxt-dev/module-svelte', '@wxt-dev/webextension-polyfill'],
  imports: false,
  vite: () => ({
    // The scripts injected into the page being clipped run cold every time: their regexes are parsed only when used,
    // and the metadata extractor's functions are compiled in the file's one parse.
    plugins: [regexpFromStrings(['extractor', 'extractor-markdown', 'quote-extractor']), compileHints(['extractor'])],
    resolve: {
      alias: {
        // The "browser" build of this micromark dependency decodes entities through `document`, which Chrome's
        // service worker lacks (the worker runs the note engine for download delivery); the table build works
        // everywhere.
        'decode-named-character-reference': createRequire(import.meta.url).resolve('decode-named-character-reference'),
      },
    },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['activeTab', 'scripting', 'contextMenus', 'storage', 'downloads', 'alarms', 'notifications'],
    // nativeMessaging: asked for on the options page when the person lets the browser start the companion
    // (`refclip install`). Web pages: asked for at the first "Add all tabs in this window" (`utils/tabs-permission.ts`);
    // Firefox's MV2 lists optional hosts among the optional permissions.
    optional_permissions: ['nativeMessaging', ...(browser === 'firefox' ? TABS_ORIGINS : [])],
    ...(browser === 'firefox' ? {} : { optional_host_permissions: TABS_ORIGINS }),
    host_permissions: ['http://127.0.0.1/*', 'http://localhost/*'],
    commands: {
      // Firefox's MV2 build names the toolbar popup's command after `browser_action`.
      [browser === 'firefox' ? '_execute_browser_action' : '_execute_action']: {
        suggested_key: { default: 'Alt+Shift+R' },
      },
      'add-to-last-note': {
        suggested_key: { default: 'Alt+Shift+L' },
        description: '__MSG_workerCommandAddToLastNote__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              strict_min_version: '115.0',
              // refclip sends nothing anywhere but the companion on this computer.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : { key: CHROME_EXTENSION_KEY }),
  }),
});
