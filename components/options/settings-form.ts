import * as v from 'valibot';
import { SettingsSchema, type DeliveryMode, type Settings } from '../../utils/core/settings';
import type { MessageKey } from '../../utils/i18n';
import { normaliseTag } from '../popup/tag-suggestions';

/** The options page's fields as a person edits them: lists as one item per line or comma-separated text. */
export interface SettingsForm {
  companionUrl: string;
  deliveryMode: DeliveryMode;
  calloutTemplate: string;
  sourcesHeading: string;
  /** One heading per line. */
  insertBefore: string;
  newNoteTemplate: string;
  seriesCode: string;
  /** Comma-separated. */
  cssclasses: string;
  dateFormat: string;
  /** One `Name = Alias` per line. */
  publisherAliases: string;
  /** Comma- or space-separated, `#` optional. */
  defaultTags: string;
  downloadFolder: string;
  saveFullText: boolean;
  sourcesFolder: string;
}

export type FormErrors = Partial<Record<keyof SettingsForm, MessageKey>>;

/** What each invalid field says; the wording tells what a valid value looks like. */
const ERROR_MESSAGES: Partial<Record<keyof Settings, MessageKey>> = {
  companionUrl: 'invalidCompanionUrl',
  sourcesHeading: 'invalidSourcesHeading',
  seriesCode: 'invalidSeriesCode',
  dateFormat: 'invalidDateFormat',
  downloadFolder: 'invalidDownloadFolder',
  sourcesFolder: 'invalidSourcesFolder',
};

export function formFromSettings(settings: Settings): SettingsForm {
  return {
    companionUrl: settings.companionUrl,
    deliveryMode: settings.deliveryMode,
    calloutTemplate: settings.calloutTemplate,
    sourcesHeading: settings.sourcesHeading,
    insertBefore: settings.insertBefore.join('\n'),
    newNoteTemplate: settings.newNoteTemplate,
    seriesCode: settings.seriesCode,
    cssclasses: settings.cssclasses.join(', '),
    dateFormat: settings.dateFormat,
    publisherAliases: Object.entries(settings.publisherAliases)
      .map(([name, alias]) => `${name} = ${alias}`)
      .join('\n'),
    defaultTags: settings.defaultTags.join(', '),
    downloadFolder: settings.downloadFolder,
    saveFullText: settings.saveFullText,
    sourcesFolder: settings.sourcesFolder,
  };
}

function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

function commaList(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

function parseAliases(text: string): Record<string, string> | null {
  const aliases: Record<string, string> = {};
  for (const line of lines(text)) {
    const separator = line.indexOf('=');
    const name = line.slice(0, separator).trim();
    const alias = line.slice(separator + 1).trim();
    if (separator < 0 || name === '' || alias === '') return null;
    aliases[name] = alias;
  }
  return aliases;
}

/**
 * Validates the form against the one settings schema. The schema repairs an invalid field by falling back to its
 * default, so a field is invalid exactly when the schema's output differs from what was typed.
 */
export function settingsFromForm(form: SettingsForm): { settings: Settings; errors: FormErrors } {
  const aliases = parseAliases(form.publisherAliases);
  const candidate: Settings = {
    version: 1,
    companionUrl: form.companionUrl.trim().replace(/\/+$/, ''),
    deliveryMode: form.deliveryMode,
    calloutTemplate: form.calloutTemplate,
    sourcesHeading: form.sourcesHeading.trim(),
    insertBefore: lines(form.insertBefore),
    newNoteTemplate: form.newNoteTemplate,
    seriesCode: form.seriesCode.trim(),
    cssclasses: commaList(form.cssclasses),
    dateFormat: form.dateFormat.trim(),
    publisherAliases: aliases ?? {},
    defaultTags: [
      ...new Set(
        form.defaultTags
          .split(/[\s,]+/)
          .map(normaliseTag)
          .filter(Boolean),
      ),
    ],
    downloadFolder: form.downloadFolder.trim().replace(/^\/+|\/+$/g, ''),
    saveFullText: form.saveFullText,
    sourcesFolder: form.sourcesFolder.trim().replace(/^\/+|\/+$/g, ''),
  };
  const settings = v.parse(SettingsSchema, candidate);
  const errors: FormErrors = {};
  for (const [field, message] of Object.entries(ERROR_MESSAGES) as [keyof Settings, MessageKey][]) {
    if (JSON.stringify(settings[field]) !== JSON.stringify(candidate[field]))
      errors[field as keyof SettingsForm] = message;
  }
  if (aliases === null) errors.publisherAliases = 'invalidPublisherAliases';
  // The URL is what makes a second clip of the same page a no-op (the engine dedupes callouts by URL).
  if (!candidate.calloutTemplate.includes('{url}')) errors.calloutTemplate = 'invalidCalloutTemplate';
  if (!candidate.newNoteTemplate.includes('{callout}')) errors.newNoteTemplate = 'invalidNewNoteTemplate';
  return { settings, errors };
}
