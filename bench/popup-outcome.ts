/**
 * The "outcome shown" part of `npm run bench:popup` (issue 13 §7): from Ctrl+Enter to the outcome in place of the
 * Add row, companion on. The popup page opens in a tab told to clip the article tab (keys cannot be typed into the
 * toolbar popup headless); each run files the page into the highlighted note, then Undo puts the note back, so every
 * run is a real add. Times are the page's own clock: the keydown event's time to the `refclip:outcome-ready` mark.
 */
import type { BrowserContext } from 'playwright-core';

export async function measureOutcomeShown(context: BrowserContext, popupUrl: string, runs: number): Promise<number[]> {
  const samples: number[] = [];
  for (let run = 0; run <= runs; run++) {
    const popup = await context.newPage();
    await popup.setViewportSize({ width: 500, height: 600 });
    await popup.goto(popupUrl);
    await popup.waitForFunction(() => document.documentElement.dataset.notesReady === 'true');
    await popup.evaluate(() =>
      addEventListener(
        'keydown',
        (event) => {
          if (event.key === 'Enter' && event.ctrlKey) Object.assign(globalThis, { pressedAt: event.timeStamp });
        },
        { capture: true },
      ),
    );
    await popup.keyboard.press('Control+Enter');
    await popup.waitForFunction(() => document.documentElement.dataset.outcomeReady === 'true');
    const took = await popup.evaluate(() => {
      const shown = performance.getEntriesByName('refclip:outcome-ready').at(-1)!.startTime;
      return shown - (globalThis as unknown as { pressedAt: number }).pressedAt;
    });
    const outcome = await popup.locator('[data-testid="outcome"]').innerText();
    if (!outcome.includes('Added to')) throw new Error(`not an add, so not a real run: ${outcome}`);
    await popup.locator('[data-testid="undo"]').click();
    await popup.locator('[data-testid="outcome"]', { hasText: 'Undone' }).waitFor();
    await popup.close();
    if (run > 0) samples.push(took);
  }
  return samples;
}
