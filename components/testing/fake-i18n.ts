import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fakeBrowser } from 'wxt/testing/fake-browser';

interface MessageEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

const messages = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../../public/_locales/en/messages.json'), 'utf8'),
) as Record<string, MessageEntry>;

/**
 * `browser.i18n.getMessage` over the real English message file, resolving named placeholders the way browsers do,
 * so unit tests read the exact sentences a person sees (fakeBrowser leaves i18n unimplemented).
 */
export function useEnglishMessages(): void {
  fakeBrowser.i18n.getMessage = ((key: string, substitutions?: string | string[]) => {
    const entry = messages[key];
    if (!entry) return '';
    const values = typeof substitutions === 'string' ? [substitutions] : (substitutions ?? []);
    return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (_whole, name: string) => {
      const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
      return content.replace(/\$(\d)/g, (_d, index: string) => values[Number(index) - 1] ?? '');
    });
  }) as typeof fakeBrowser.i18n.getMessage;
}
