import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { useEnglishMessages } from '../components/testing/fake-i18n';
import { markPageLanguage, shownDate } from './i18n';

// Noon UTC is the same calendar day in every time zone the tests may run in.
const DECEMBER_3 = Date.UTC(2026, 11, 3, 12);

describe('shownDate', () => {
  it.each([
    ['en-US', 'Dec 3, 2026'],
    ['de', '03.12.2026'],
    ['fr', '3 déc. 2026'],
    ['pt-BR', '3 de dez. de 2026'],
    ['ru', '3 дек. 2026 г.'],
    ['ja', '2026/12/03'],
    ['zh-CN', '2026年12月3日'],
    ['ko', '2026. 12. 3.'],
  ])('writes a date the way %s readers expect', (language, shown) => {
    expect(shownDate(DECEMBER_3, language)).toBe(shown);
  });

  it("follows the browser's UI language when none is given", () => {
    fakeBrowser.i18n.getUILanguage = () => 'de';
    expect(shownDate(new Date(DECEMBER_3))).toBe('03.12.2026');
  });
});

describe('markPageLanguage', () => {
  beforeEach(useEnglishMessages);

  it("sets the page's lang to the language of the message file in use", () => {
    const page = { documentElement: { lang: '' } } as Document;
    markPageLanguage(page);
    expect(page.documentElement.lang).toBe('en');
  });
});
