import { useEnglishMessages } from '../../../components/testing/fake-i18n';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadCompanionToken, loadSettings } from '../../settings-store';
import { fakeCompanion } from '../testing/fake-companion';
import { handlePairCompanion } from './pair-companion';

const TOKEN = 'Zq7'.repeat(15);

beforeEach(() => {
  fakeBrowser.reset();
  useEnglishMessages();
  vi.stubGlobal('fetch', fakeCompanion(TOKEN).fetch);
});
afterEach(() => vi.unstubAllGlobals());

describe('pairCompanion', () => {
  it('stores address and token once the companion accepts them', async () => {
    expect(await handlePairCompanion({ url: 'http://127.0.0.1:50123/', token: ` ${TOKEN} ` })).toEqual({
      kind: 'ready',
      vaultName: 'vault',
      obsidian: false,
    });
    expect((await loadSettings()).companionUrl).toBe('http://127.0.0.1:50123');
    expect(await loadCompanionToken()).toBe(TOKEN);
  });

  it('stores nothing when the token is refused, and says what to do', async () => {
    const state = await handlePairCompanion({ url: 'http://127.0.0.1:50123', token: 'W'.repeat(43) });
    expect(state).toEqual({
      kind: 'refused',
      message: 'The companion refused this token. Run "refclip pair" and use the token it prints.',
    });
    expect(await loadCompanionToken()).toBeNull();
  });

  it('refuses addresses off this computer and text that is not a token', async () => {
    expect((await handlePairCompanion({ url: 'http://evil.example:80', token: TOKEN })).kind).toBe('refused');
    expect((await handlePairCompanion({ url: 'http://127.0.0.1:1', token: 'hello' })).kind).toBe('refused');
    expect(await loadCompanionToken()).toBeNull();
  });
});
