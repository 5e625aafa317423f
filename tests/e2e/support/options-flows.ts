import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { pairingFragment } from '../../../utils/core/pairing';
import { startCompanion, type CompanionProcess } from './companion-process';
import { retype, textOf, waitForText, waitInPage, type PopupBrowser } from './popup-driver';

const REPORT = '[data-testid="connection-report"]';
const VAULT = 'field-notes';

/** The options page's pairing against a real `refclip serve` (issue 6, "Must show"), for both browsers. */
export function defineOptionsFlows(launch: () => Promise<PopupBrowser>): void {
  let browser: PopupBrowser | undefined;
  let companion: CompanionProcess | undefined;
  let vault: string;

  beforeAll(async () => {
    vault = join(mkdtempSync(join(tmpdir(), 'refclip-options-')), VAULT);
    mkdirSync(vault);
    writeFileSync(join(vault, 'Moss.md'), '---\ntitle: Moss\n---\n\n# Moss\n');
    [companion, browser] = await Promise.all([startCompanion({ vault }), launch()]);
  });

  afterAll(async () => {
    await browser?.close();
    await companion?.stop();
    if (vault) rmSync(join(vault, '..'), { recursive: true, force: true });
  });

  it('says a wrong token is wrong, and shows the vault once the right one is pasted', async () => {
    const options = await browser!.openExtensionPage('/options.html');
    await waitInPage(options, () => !!document.querySelector('main[data-loaded="true"]'), undefined, 'stored settings');
    await retype(options, '#companion-url', companion!.origin);
    await retype(options, '#companion-token', 'A'.repeat(43));
    await options.evaluate(() => document.querySelector<HTMLButtonElement>('#test-connection')?.click(), undefined);
    await waitForText(options, REPORT, 'Not paired');
    expect(await textOf(options, REPORT)).toMatch(
      /Companion running \(ping \d+ ms\)\s*Not paired: .*refused this token/,
    );

    await retype(options, '#companion-token', companion!.token);
    await options.evaluate(() => document.querySelector<HTMLButtonElement>('#test-connection')?.click(), undefined);
    await waitForText(options, REPORT, `Token accepted. Vault: ${VAULT}`);
  });

  it('pairs from the link refclip serve prints, then takes the token out of the address', async () => {
    const options = await browser!.openExtensionPage(
      `/options.html${pairingFragment(companion!.port, companion!.token)}`,
    );
    await waitForText(options, REPORT, `Token accepted. Vault: ${VAULT}`);
    expect(await options.evaluate(() => location.hash, undefined)).toBe('');
  });

  it('names an invalid field, refuses to save it, and stores the corrected settings', async () => {
    const options = await browser!.openExtensionPage('/options.html');
    await waitInPage(options, () => !!document.querySelector('main[data-loaded="true"]'), undefined, 'stored settings');
    await retype(options, '[data-field="seriesCode"]', 'R C');
    await waitForText(options, '#seriesCode-help', 'Use 1 to 8 letters or digits.');
    await options.evaluate(() => document.querySelector<HTMLButtonElement>('footer.save button')?.click(), undefined);
    await waitForText(options, 'footer.save', 'Some fields need fixing first');

    await retype(options, '[data-field="seriesCode"]', 'EN');
    await retype(options, '[data-field="defaultTags"]', '#energy, grid storage');
    await options.evaluate(() => document.querySelector<HTMLButtonElement>('footer.save button')?.click(), undefined);
    await waitForText(options, 'footer.save', 'Saved.');
    const stored = await options.evaluate(async () => {
      // Firefox's MV2 `chrome.*` takes callbacks; its promise API is `browser.*`.
      const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
      return ((await api.storage.local.get('settings')) as { settings: Record<string, unknown> }).settings;
    }, undefined);
    expect(stored).toMatchObject({ seriesCode: 'EN', defaultTags: ['energy', 'grid', 'storage'] });
  });
}
