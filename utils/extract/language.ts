import { patternFor } from './letters';

const LANG_TAG = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i;
/** Codes that say "no language known" (undetermined, no linguistic content, several). */
const NOT_A_LANGUAGE = new Set(['und', 'zxx', 'mul', 'mis']);
/** Languages a `language` meta tag may name in words ("English", "Deutsch"), by their BCP 47 code. */
const NAMED_LANGUAGES =
  'en de fr es it pt nl sv da no nb fi pl cs sk hu ro bg el tr ru uk sr hr sl et lv lt ar he fa hi bn ur id ms vi th zh ja ko'.split(
    ' ',
  );

let languageNames: Map<string, string> | null = null;

/** "English" or "Deutsch" → "en" / "de": each language's English and native names, built once on first use. */
function codeForName(name: string): string | null {
  if (!languageNames) {
    languageNames = new Map();
    for (const code of NAMED_LANGUAGES) {
      for (const locale of ['en', code]) {
        const label = new Intl.DisplayNames([locale], { type: 'language' }).of(code);
        if (label) languageNames.set(label.toLowerCase(), code);
      }
    }
  }
  return languageNames.get(name.toLowerCase()) ?? null;
}

/**
 * The page's language as a BCP 47 tag from the first candidate that holds one (`<html lang>`, `content-language`,
 * `og:locale` with its underscore, a `language` tag naming the language in words), skipping "und" and the like.
 */
export function firstLanguage(candidates: readonly (string | null | undefined)[]): string | null {
  for (const raw of candidates) {
    const value = (raw ?? '').split(',')[0]!.trim();
    const tag = value.replace(/_/g, '-');
    if (LANG_TAG.test(tag) && !NOT_A_LANGUAGE.has(tag.toLowerCase())) return tag;
    if (patternFor(value, /^[A-Za-z]{2,20}$/, /^\p{L}{2,20}$/u).test(value)) {
      const code = codeForName(value);
      if (code) return code;
    }
  }
  return null;
}

/**
 * Languages whose numeric dates put the day before the month ("02-11-2030" is 2 November). English only where the
 * region says so: bare "en" and en-US sites put the month first. Year-first ones (Chinese, Japanese, Korean,
 * Hungarian, Lithuanian, Swedish) and those not listed are not read so.
 */
const DAY_FIRST_LANGUAGES = new Set(
  'de fr it es pt nl ru uk be pl cs sk da nb nn no fi is el tr ro bg hr sr bs sl mk et lv ca gl eu id ms vi'.split(' '),
);
const DAY_FIRST_ENGLISH_REGIONS = new Set(['gb', 'ie', 'au', 'nz', 'in']);

/** Whether a page in language `tag` ("pt-BR", "en-GB") writes its numeric dates day first. */
export function writesDayFirst(tag: string | null): boolean {
  const [language = '', region = ''] = (tag ?? '').toLowerCase().split('-');
  return language === 'en' ? DAY_FIRST_ENGLISH_REGIONS.has(region) : DAY_FIRST_LANGUAGES.has(language);
}
