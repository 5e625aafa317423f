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

  it("says what became of the article's text (issue 17)", () => {
    const added = { kind: 'added', notePath: 'a.md', noteTitle: 'Harbours', callout: '' } as const;
    expect(outcomeMessage({ ...added, source: { status: 'created', path: 'sources/Cranes.md' } })).toBe(
      'Added to Harbours. Article text in sources/Cranes.md.',
    );
    expect(outcomeMessage({ ...added, source: { status: 'failed', error: 'the disk is full' } })).toBe(
      'Added to Harbours. The callout was filed without the article text: the disk is full',
    );
    expect(
      outcomeMessage({ kind: 'downloaded', filename: 'refclip/New.md', sourceFilename: 'refclip/sources/Cranes.md' }),
    ).toBe('Downloaded refclip/New.md. Article text downloaded as refclip/sources/Cranes.md.');
  });
});
