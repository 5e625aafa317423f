import { useEnglishMessages } from '../../components/testing/fake-i18n';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../core/settings';
import { clipFromLink } from './menu-clip';
import { unreadablePageReason } from './readable-page';

beforeEach(() => useEnglishMessages());

describe('clipFromLink', () => {
  it("uses the link text as title and the target host's publisher", () => {
    expect(clipFromLink('https://www.bbc.co.uk/news/x', '  Ferry\n strike ', DEFAULT_SETTINGS)).toEqual({
      url: 'https://www.bbc.co.uk/news/x',
      title: 'Ferry strike',
      publisher: 'BBC',
    });
  });

  it('prefers a publisher alias and falls back to the URL as title', () => {
    const settings = { ...DEFAULT_SETTINGS, publisherAliases: { 'nytimes.com': 'NYT' } };
    expect(clipFromLink('https://www.nytimes.com/a', '', settings)).toEqual({
      url: 'https://www.nytimes.com/a',
      title: 'https://www.nytimes.com/a',
      publisher: 'NYT',
    });
  });
});

describe('unreadablePageReason', () => {
  it.each([
    ['chrome://settings/', "refclip can't read the browser's own pages. Open the article itself and clip it there."],
    ['about:addons', "refclip can't read the browser's own pages. Open the article itself and clip it there."],
    [
      'https://chromewebstore.google.com/detail/x',
      "The browser doesn't let extensions read its add-on store. Fill in the fields by hand.",
    ],
    [
      'https://addons.mozilla.org/en-US/firefox/',
      "The browser doesn't let extensions read its add-on store. Fill in the fields by hand.",
    ],
    [
      'https://example.org/report.PDF',
      "refclip can't read inside PDFs: the title and publisher come from the address. Check them.",
    ],
    [
      'file:///home/me/a.html',
      'refclip can read files on this computer only with "Allow access to file URLs" on in its extension settings.',
    ],
    ['https://example.org/article', null],
  ])('%s', (url, reason) => {
    expect(unreadablePageReason(url)).toBe(reason);
  });
});
