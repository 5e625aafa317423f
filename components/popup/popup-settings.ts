import { browser } from 'wxt/browser';
import {
  currentCalloutTemplate,
  DEFAULT_CALLOUT_TEMPLATE,
  DEFAULT_DELIVERY_MODE,
  DEFAULT_SOURCES_FOLDER,
  DELIVERY_MODES,
  type DeliveryMode,
} from '../../utils/core/settings-defaults';
import { SETTINGS_KEY } from '../../utils/settings-keys';

/** The few settings the popup shows or acts on. */
export interface PopupSettings {
  calloutTemplate: string;
  deliveryMode: DeliveryMode;
  defaultTags: string[];
  /** The "Save the article's text" box, as last left. */
  saveFullText: boolean;
  sourcesFolder: string;
}

export const DEFAULT_POPUP_SETTINGS: PopupSettings = {
  calloutTemplate: DEFAULT_CALLOUT_TEMPLATE,
  deliveryMode: DEFAULT_DELIVERY_MODE,
  defaultTags: [],
  saveFullText: false,
  sourcesFolder: DEFAULT_SOURCES_FOLDER,
};

/**
 * The popup's settings, read straight from storage on every open. Stored settings were validated when saved (the
 * options page and the worker save through the schema), so a type check per field is enough here, and the popup
 * does not load the schema library on its way to showing the page's fields. Anything else falls back to the
 * schema's defaults.
 */
export async function loadPopupSettings(): Promise<PopupSettings> {
  const stored: unknown = (await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
  const given = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  const { calloutTemplate, deliveryMode, defaultTags, saveFullText, sourcesFolder } = given;
  return {
    calloutTemplate:
      typeof calloutTemplate === 'string'
        ? currentCalloutTemplate(calloutTemplate)
        : DEFAULT_POPUP_SETTINGS.calloutTemplate,
    deliveryMode: DELIVERY_MODES.find((mode) => mode === deliveryMode) ?? DEFAULT_POPUP_SETTINGS.deliveryMode,
    defaultTags:
      Array.isArray(defaultTags) && defaultTags.every((tag) => typeof tag === 'string')
        ? (defaultTags as string[])
        : [],
    saveFullText: saveFullText === true,
    sourcesFolder: typeof sourcesFolder === 'string' ? sourcesFolder : DEFAULT_POPUP_SETTINGS.sourcesFolder,
  };
}

/**
 * Remembers the popup's "Save the article's text" box in the settings (the same `saveFullText` the options page
 * shows), changing that one field of what is stored.
 */
export async function rememberSaveFullText(on: boolean): Promise<void> {
  const stored: unknown = (await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
  const given = typeof stored === 'object' && stored !== null ? stored : {};
  await browser.storage.local.set({ [SETTINGS_KEY]: { ...given, saveFullText: on } });
}
