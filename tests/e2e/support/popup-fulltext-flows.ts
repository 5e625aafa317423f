import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { formatDate } from '../../../utils/core/date-format';
import { TIDAL_NOTE } from './popup-fixtures';
import { pickNoteByKeyboard, textOf, waitForText, waitInPage, type PopupBrowser } from './popup-driver';
import { usePopupSession } from './popup-session';

const TITLE = 'Lagoon hearings set for the spring';

/**
 * Issue 17 in the popup, against a real `refclip serve`: a selection pre-fills the quote (its link and emphasis as
 * Markdown), and "Save the article's text", once ticked, is remembered and files the text as a source note.
 */
export function definePopupFullTextFlows(launch: () => Promise<PopupBrowser>): void {
  const session = usePopupSession(launch);

  it("pre-fills the quote from the selection and saves the article's text, linked from the callout", async () => {
    const { popup } = await session.openPopupOn('/quoted.html');
    const site = session.site;
    const quote = `The wall would _outlast_ two offshore wind farms, says the [backers' report](${site.url('/reports/lagoon')}).`;
    await waitInPage(
      popup,
      (expected) => document.querySelector<HTMLTextAreaElement>('[data-testid="quote"]')?.value === expected,
      quote,
      'the quote to be pre-filled',
    );
    await popup.evaluate(
      () => document.querySelector<HTMLInputElement>('[data-testid="save-full-text"]')?.click(),
      undefined,
    );
    await popup.evaluate(() => document.getElementById('note-search')?.focus(), undefined);
    await popup.type('tidal en');
    await pickNoteByKeyboard(popup, 'Tidal energy');
    const preview = await textOf(popup, '[data-testid="callout-preview"]');
    await popup.press('Control+Enter');

    await waitForText(popup, '[data-testid="outcome"]', `Added to Tidal energy. Article text in sources/${TITLE}.md.`);
    const callout = [
      `> [!ref] Coastline Weekly - ${TITLE}`,
      `> ${site.url('/quoted.html')}`,
      `> Full text: [[sources/${TITLE}]]`,
      `> > ${quote}`,
    ].join('\n');
    expect(preview).toBe(callout);
    const today = formatDate(new Date(), 'YYYY-MM-DD');
    expect(session.readNote('Tidal energy.md')).toBe(
      TIDAL_NOTE.replace('updated: 2025-06-30', `updated: ${today}`).replace(
        'losing to lagoons.\n',
        `losing to lagoons.\n\n${callout}\n`,
      ),
    );
    expect(readFileSync(join(session.vault, 'sources', `${TITLE}.md`), 'utf8')).toBe(
      [
        '---',
        `title: ${TITLE}`,
        `url: ${site.url('/quoted.html')}`,
        'author: Ines Calloway',
        'published: "2026-10-08"',
        'site: Coastline Weekly',
        'tags: []',
        `created: ${today}`,
        '---',
        '',
        // The article's own byline paragraph: Readability keeps it on a page this short.
        'By Ines Calloway · 8 October 2026',
        '',
        'The planning inspectorate will hold hearings on the eleven-kilometre lagoon wall in the spring, with a ' +
          'decision not expected before late next year.',
        '',
        quote,
        '',
      ].join('\n'),
    );

    // Remembered: the next popup opens with the box ticked.
    const { popup: again } = await session.openPopupOn('/turbines.html');
    expect(
      await again.evaluate(
        () => document.querySelector<HTMLInputElement>('[data-testid="save-full-text"]')?.checked,
        undefined,
      ),
    ).toBe(true);
  });
}
