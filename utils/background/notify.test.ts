import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { useEnglishMessages } from '../../components/testing/fake-i18n';
import { outcomeMessage } from './notify';

beforeEach(() => {
  fakeBrowser.reset();
  useEnglishMessages();
});

describe('outcomeMessage', () => {
  it('says when a clip of the context menu or the shortcut was already waiting', () => {
    const reason = 'The companion failed (HTTP 503).';
    expect(outcomeMessage({ kind: 'queued', waiting: 1, reason, alreadyWaiting: true })).toBe(
      `Already waiting: this page was queued for this note before and stays queued once (1 waiting). ${reason}`,
    );
    expect(outcomeMessage({ kind: 'queued', waiting: 2, reason, alreadyWaiting: false })).toBe(
      `Queued: companion offline. ${reason} refclip retries on its own (2 waiting).`,
    );
  });
});
