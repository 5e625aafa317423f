import { useEnglishMessages } from '../../components/testing/fake-i18n';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleContextMenuClick, MENU_CHOOSE } from './context-menu';
import { handleExtractTab } from './handlers/extract-tab';
import { claimLinkChoice, rememberLinkChoice, waitingLinkChoice } from './link-choice';

const ARTICLE = 'https://harbour.example/blog/cranes';
const LINK = 'https://www.bbc.co.uk/news/ferry-strike';
const executeScript = vi.fn();
let tabId: number;

beforeEach(async () => {
  fakeBrowser.reset();
  useEnglishMessages();
  executeScript.mockReset();
  // fakeBrowser has no `scripting`; the stub answers Chrome's look-up of the link's text, and refuses page reads.
  Object.assign(browser, { scripting: { executeScript } });
  fakeBrowser.action.openPopup = vi.fn(async () => {}) as never;
  tabId = (await fakeBrowser.tabs.create({ url: ARTICLE, active: true })).id!;
});

function chooseNoteOn(extra: Record<string, unknown>) {
  return handleContextMenuClick({ menuItemId: MENU_CHOOSE, editable: false, pageUrl: ARTICLE, ...extra }, {
    id: tabId,
    url: ARTICLE,
  } as never);
}

describe('"Choose note…" on a link', () => {
  it('opens the popup on the link: its text as title, its host as publisher, the selection as why', async () => {
    await chooseNoteOn({ linkUrl: LINK, linkText: ' Ferry\n strike called off ', selectionText: 'Ports shut.' });
    expect(fakeBrowser.action.openPopup).toHaveBeenCalledOnce();
    expect(await handleExtractTab({ tabId })).toEqual({
      title: 'Ferry strike called off',
      citationTitle: 'Ferry strike called off',
      siteName: null,
      publisher: 'BBC',
      byline: null,
      authors: [],
      published: null,
      modified: null,
      canonicalUrl: LINK,
      excerpt: null,
      lang: null,
      image: null,
      type: null,
      selection: 'Ports shut.',
      warnings: [],
    });
    expect(executeScript).not.toHaveBeenCalled();
  });

  it("reads the link's text from the page where the click does not carry it (Chrome)", async () => {
    executeScript.mockResolvedValueOnce([{ result: 'Ferry strike called off' }]);
    await chooseNoteOn({ linkUrl: LINK });
    const shown = await handleExtractTab({ tabId });
    expect(shown).toMatchObject({ title: 'Ferry strike called off', publisher: 'BBC', canonicalUrl: LINK });
    expect(executeScript.mock.calls[0]?.[0]).toMatchObject({ target: { tabId }, args: [LINK] });
  });

  it('is taken by one popup: the next one reads the page again', async () => {
    await chooseNoteOn({ linkUrl: LINK, linkText: 'Ferry strike' });
    await handleExtractTab({ tabId });
    executeScript.mockRejectedValueOnce(new Error('Cannot access contents of the page'));
    expect(await handleExtractTab({ tabId })).toEqual({
      error: expect.stringContaining("doesn't let refclip read this page") as unknown as string,
    });
    expect(executeScript.mock.calls[0]?.[0]).toMatchObject({ files: ['/extractor.js'] });
  });

  it('files the page after "Choose note…" on the page itself, or on a link that is not a web address', async () => {
    await chooseNoteOn({ linkUrl: LINK, linkText: 'Ferry strike' });
    await chooseNoteOn({});
    expect(await waitingLinkChoice()).toBeNull();
    await chooseNoteOn({ linkUrl: 'mailto:desk@harbour.example', linkText: 'Write to us' });
    expect(await waitingLinkChoice()).toBeNull();
  });

  it("leaves another tab's choice waiting and drops one older than a minute", async () => {
    const choice = { tabId, url: LINK, at: 1_000 };
    await rememberLinkChoice(choice);
    expect(await claimLinkChoice(await waitingLinkChoice(), tabId + 1, 2_000)).toBeNull();
    expect(await waitingLinkChoice()).toEqual(choice);
    expect(await claimLinkChoice(choice, tabId, 62_000)).toBeNull();
    expect(await waitingLinkChoice()).toBeNull();
  });
});
