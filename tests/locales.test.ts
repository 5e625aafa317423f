import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The locales issue 17 asks for, besides the default `en`. */
const LOCALES = ['de', 'fr', 'es', 'it', 'pt_BR', 'nl', 'ru', 'ja', 'zh_CN', 'ko'];

interface MessageEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
type Messages = Record<string, MessageEntry>;

const LOCALES_DIR = resolve(import.meta.dirname, '../public/_locales');
const read = (locale: string): Messages =>
  JSON.parse(readFileSync(join(LOCALES_DIR, locale, 'messages.json'), 'utf8')) as Messages;
const english = read('en');
const translated = LOCALES.map((locale) => [locale, read(locale)] as const);

/** `$NAME$` references in a message, lower-cased (browsers match placeholder names case-insensitively). */
const usedPlaceholders = (message: string) =>
  [...message.replaceAll('$$', '').matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map(([, name]) => name!.toLowerCase()).sort();

/** Text a translation must keep verbatim: template tokens (`{title}`), commands and the companion's addresses. */
const verbatim = (message: string) =>
  [...message.matchAll(/\{[a-z]+\}|(?:npx )?refclip (?:serve|pair)\b|https?:\/\/[\w.:/-]*[\w/]/g)]
    .map(([token]) => token)
    .sort();

/** One line per locale and key that breaks the rule, so a failure lists exactly what to fix. */
function problems(check: (key: string, entry: MessageEntry, messages: Messages) => string | null): string[] {
  const found: string[] = [];
  for (const [locale, messages] of [['en', english] as const, ...translated])
    for (const [key, entry] of Object.entries(messages)) {
      const problem = check(key, entry, messages);
      if (problem !== null) found.push(`${locale} ${key}: ${problem}`);
    }
  return found;
}

describe('the locale files', () => {
  it('are exactly en and the ten translations', () => {
    expect(readdirSync(LOCALES_DIR).sort()).toEqual(['en', ...LOCALES].sort());
  });

  it('have every key of en and no other', () => {
    const englishKeys = Object.keys(english);
    const gaps = translated.flatMap(([locale, messages]) => {
      const missing = englishKeys.filter((key) => !(key in messages));
      const extra = Object.keys(messages).filter((key) => !(key in english));
      return [
        ...(missing.length > 0 ? [`${locale} is missing: ${missing.join(', ')}`] : []),
        ...(extra.length > 0 ? [`${locale} has keys en lacks: ${extra.join(', ')}`] : []),
      ];
    });
    expect(gaps).toEqual([]);
  });

  it('declare the same placeholders as en, with the same $n contents', () => {
    const differ = problems((key, entry) => {
      const wanted = english[key]?.placeholders;
      if (wanted === undefined) return null;
      const contents = (declared: MessageEntry['placeholders']) =>
        JSON.stringify(Object.entries(declared ?? {}).map(([name, { content }]) => [name, content]));
      return contents(entry.placeholders) === contents(wanted)
        ? null
        : `placeholders ${contents(entry.placeholders)}, en has ${contents(wanted)}`;
    });
    expect(differ).toEqual([]);
  });

  it('use every placeholder they declare and no other', () => {
    const misused = problems((_key, entry) => {
      const declared = Object.keys(entry.placeholders ?? {}).sort();
      const used = [...new Set(usedPlaceholders(entry.message))].sort();
      return JSON.stringify(used) === JSON.stringify(declared)
        ? null
        : `uses ${used.join(' ') || 'none'}, declares ${declared.join(' ') || 'none'}`;
    });
    expect(misused).toEqual([]);
  });

  it('keep template tokens, commands and addresses as en has them', () => {
    const changed = problems((key, entry) => {
      const wanted = verbatim(english[key]?.message ?? '');
      const kept = verbatim(entry.message);
      return JSON.stringify(kept) === JSON.stringify(wanted)
        ? null
        : `has ${kept.join(' ')}, en has ${wanted.join(' ')}`;
    });
    expect(changed).toEqual([]);
  });

  it('keep the name refclip untranslated and translate the rest', () => {
    const lost = problems((key, entry, messages) => {
      if (messages === english) return null;
      if (/refclip/.test(english[key]?.message ?? '') && !entry.message.includes('refclip')) return 'lost "refclip"';
      return entry.message.trim() === '' ? 'empty' : null;
    });
    expect(lost).toEqual([]);
  });
});
