import { beforeEach, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { saveCompanionToken, saveSettings } from '../settings-store';
import { cacheStoredState, workerCompanionToken, workerSettings } from './stored-state';

beforeEach(() => {
  fakeBrowser.reset();
  cacheStoredState();
});

it('reads storage once, then answers from memory until the settings or the token change', async () => {
  await saveSettings({ seriesCode: 'AB' });
  await saveCompanionToken('first');
  const get = vi.spyOn(browser.storage.local, 'get');
  expect((await workerSettings()).seriesCode).toBe('AB');
  expect(await workerCompanionToken()).toBe('first');
  expect((await workerSettings()).seriesCode).toBe('AB');
  expect(await workerCompanionToken()).toBe('first');
  expect(get).toHaveBeenCalledTimes(2);

  await saveSettings({ seriesCode: 'CD' });
  await saveCompanionToken(null);
  expect((await workerSettings()).seriesCode).toBe('CD');
  expect(await workerCompanionToken()).toBeNull();
  get.mockRestore();
});
