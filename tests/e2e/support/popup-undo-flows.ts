import { expect, it } from 'vitest';
import { formatDate } from '../../../utils/core/date-format';
import { DEFAULT_CALLOUT_TEMPLATE } from '../../../utils/core/settings-defaults';
import { LONG_SUMMARY, LONG_TITLE, OTHER_NOTES } from './popup-fixtures';
import { pickNoteByKeyboard, waitForText, type ExtensionPage } from './popup-driver';
import type { PopupSession } from './popup-session';

const today = () => formatDate(new Date(), 'YYYY-MM-DD');

/** A note of `OTHER_NOTES` as a clip leaves it in the frontmatter: `updated: <today>` added as its last line. */
function withUpdated(path: string): string {
  return OTHER_NOTES[path]!.replace('\n---\n', `\nupdated: ${today()}\n---\n`);
}

function click(popup: ExtensionPage, testId: string): Promise<void> {
  return popup.evaluate((testId) => document.querySelector<HTMLElement>(`[data-testid="${testId}"]`)?.click(), testId);
}

/** Is the page free of a scrollbar, and is the outcome (when shown) inside the viewport? */
function layout(popup: ExtensionPage) {
  return popup.evaluate(() => {
    const outcome = document.querySelector('[data-testid="outcome"]')?.getBoundingClientRect();
    return {
      fits: document.scrollingElement!.scrollHeight <= innerHeight,
      outcomeVisible: outcome ? outcome.top >= 0 && outcome.bottom <= innerHeight : null,
    };
  }, undefined);
}

/**
 * Issue 13's flows against the real companion: the highlighted row is the target, the popup fits a popup's size,
 * Undo and Move put notes back byte for byte, and the popup and the context menu write the same callout.
 */
export function defineTargetAndUndoFlows(session: PopupSession): void {
  const callout = (path: string, title: string) => `> [!ref] Coastline Weekly - ${title}\n> ${session.site.url(path)}`;

  it('files into the highlighted note on Ctrl+Enter, and the last-used note stays byte-identical', async () => {
    const recent = { path: 'Tidal energy.md', title: 'Tidal energy', tags: [], updated: null, mtime: 0 };
    await session.store({ recentNotes: [recent] });
    const tidal = session.readNote('Tidal energy.md');
    const { popup } = await session.openPopupOn('/wave.html');
    // The first row (a suggestion for the page, else the last-used note) is the target until the person types.
    await waitForText(popup, '[data-testid="add"]', 'Add to ');
    await popup.type('wave f');
    await waitForText(popup, '[data-testid="add"]', 'Add to Wave farms');
    await popup.press('Control+Enter');

    await waitForText(popup, '[data-testid="outcome"]', 'Added to Wave farms');
    expect(session.readNote('Wave farms.md')).toBe(
      `${withUpdated('Wave farms.md')}\n${callout('/wave.html', 'Wave buoys ride out the winter storms')}\n`,
    );
    expect(session.readNote('Tidal energy.md')).toBe(tidal);
  });

  it('fits an 800x600 popup with a 300-character title and summary, and shows the outcome without scrolling', async () => {
    const { popup } = await session.openPopupOn('/long.html');
    await popup.setViewport(500, 600);
    const fields = await popup.evaluate(
      () => [
        document.querySelector<HTMLInputElement>('#field-title')?.value,
        document.querySelector<HTMLTextAreaElement>('#field-summary')?.value,
      ],
      undefined,
    );
    expect(fields).toEqual([LONG_TITLE, LONG_SUMMARY]);
    expect(await layout(popup)).toEqual({ fits: true, outcomeVisible: null });
    await click(popup, 'source-summary');
    expect(await layout(popup)).toEqual({ fits: true, outcomeVisible: null });
    await click(popup, 'source-summary');
    await popup.type('offshore');
    await popup.press('Control+Enter');

    await waitForText(popup, '[data-testid="outcome"]', 'Added to Offshore wind');
    expect(await layout(popup)).toEqual({ fits: true, outcomeVisible: true });
  });

  it('Undo leaves the note byte-identical to before', async () => {
    const before = session.readNote('Seagrass meadows.md');
    const { popup } = await session.openPopupOn('/undo.html');
    await popup.type('seagrass');
    await popup.press('Control+Enter');
    await waitForText(popup, '[data-testid="outcome"]', 'Added to Seagrass meadows');
    expect(session.readNote('Seagrass meadows.md')).toBe(
      before.replace('updated: 2025-01-05', `updated: ${today()}`) +
        `\n${callout('/undo.html', 'Seagrass recovers where boats slow down')}\n`,
    );

    await click(popup, 'undo');
    await waitForText(popup, '[data-testid="outcome"]', 'Undone: Seagrass meadows is as it was before.');
    expect(session.readNote('Seagrass meadows.md')).toBe(before);
  });

  it('Move leaves the first note restored and the second with the callout, telling same-titled notes apart', async () => {
    const kelp = session.readNote('Kelp forests.md');
    const rootBirds = session.readNote('Estuary birds.md');
    const { popup } = await session.openPopupOn('/move.html');
    await popup.type('kelp');
    await popup.press('Control+Enter');
    await waitForText(popup, '[data-testid="outcome"]', 'Added to Kelp forests');

    await click(popup, 'move');
    await popup.type('estuary');
    await pickNoteByKeyboard(popup, 'archive/Estuary birds.md');
    await waitForText(popup, '[data-testid="add"]', 'Move to Estuary birds in archive/');
    await popup.press('Control+Enter');

    await waitForText(
      popup,
      '[data-testid="outcome"]',
      'Moved to Estuary birds in archive/; Kelp forests is as it was',
    );
    expect(session.readNote('Kelp forests.md')).toBe(kelp);
    expect(session.readNote('archive/Estuary birds.md')).toBe(
      `${withUpdated('archive/Estuary birds.md')}\n## sources\n\n${callout('/move.html', 'Kelp returns after the urchin cull')}\n`,
    );
    expect(session.readNote('Estuary birds.md')).toBe(rootBirds);
  });

  it('Undo after an outside edit to the callout refuses and leaves the note alone', async () => {
    const { popup } = await session.openPopupOn('/refuse.html');
    await popup.type('salt marsh');
    await popup.press('Control+Enter');
    await waitForText(popup, '[data-testid="outcome"]', 'Added to Salt marsh');
    const edited = session.readNote('Salt marsh.md').replace('grows back on its own', 'grows back, slowly');
    session.writeNote('Salt marsh.md', edited);

    await click(popup, 'undo');
    await waitForText(popup, '[data-testid="outcome"]', 'Salt marsh.md no longer holds the callout refclip added');
    expect(session.readNote('Salt marsh.md')).toBe(edited);
  });

  it('writes the same callout bytes through the popup and the context menu, with {published} in the template', async () => {
    const template = '> [!ref] {publisher} - {title} ({published})\n> {url}\n> By {byline}';
    await session.store({}, { calloutTemplate: template });
    try {
      const { popup, tabId } = await session.openPopupOn('/doors.html');
      await popup.type('popup picks');
      await popup.press('Control+Enter');
      await waitForText(popup, '[data-testid="outcome"]', 'Added to Popup picks');
      expect(await session.browser.clickMenu('refclip-add:note:Menu picks.md', tabId)).toMatchObject({
        kind: 'added',
      });

      const written = [
        '> [!ref] Coastline Weekly - Oyster reefs return to the estuary (2026-10-08)',
        `> ${session.site.url('/doors.html')}`,
        '> By Ines Calloway',
      ].join('\n');
      const note = (title: string) => `---\nupdated: ${today()}\n---\n# ${title}\n\n## sources\n\n${written}\n`;
      expect(session.readNote('Popup picks.md')).toBe(note('Popup picks'));
      expect(session.readNote('Menu picks.md')).toBe(note('Menu picks'));
    } finally {
      await session.store({}, { calloutTemplate: DEFAULT_CALLOUT_TEMPLATE });
    }
  });
}
