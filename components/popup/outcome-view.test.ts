import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { useEnglishMessages } from '../testing/fake-i18n';
import { companionHint, companionLabel, describeOutcome } from './outcome-view';

beforeEach(() => {
  fakeBrowser.reset();
  useEnglishMessages();
});

describe('describeOutcome', () => {
  const callout = '> [!ref] P - T\n> https://a.example/';
  const offline = 'The refclip companion is not answering at 127.0.0.1:47813. Start it with "refclip serve".';

  it.each([
    [
      { kind: 'added', notePath: 'a/Tides.md', noteTitle: 'Tides', callout, clipId: 'abc' },
      { tone: 'success', text: 'Added to Tides in a/', notePath: 'a/Tides.md', clipId: 'abc' },
    ],
    [
      { kind: 'created', notePath: 'New.md', noteTitle: 'New', callout },
      { tone: 'success', text: 'Created Tides in a/ with this source', notePath: 'New.md' },
    ],
    [
      { kind: 'already-present', notePath: 'a/Tides.md', noteTitle: 'Tides', callout },
      { tone: 'info', text: 'Already in Tides in a/: the note was left as it was.', notePath: 'a/Tides.md' },
    ],
    [
      { kind: 'queued', waiting: 2, reason: offline, alreadyWaiting: false },
      {
        tone: 'info',
        text: `Queued: refclip adds it when the companion answers again (2 waiting). ${offline}`,
      },
    ],
    [
      { kind: 'queued', waiting: 1, reason: offline, alreadyWaiting: true },
      {
        tone: 'info',
        text: `Already waiting: this page was queued for this note before, and stays queued once, with your latest changes (1 waiting). ${offline}`,
      },
    ],
    [
      { kind: 'downloaded', filename: 'refclip/New.md' },
      {
        tone: 'success',
        text: 'Downloaded refclip/New.md. A download cannot be undone: delete the file if you did not mean it.',
      },
    ],
    [
      { kind: 'error', message: 'The note changed on disk meanwhile; try again.' },
      { tone: 'error', text: 'The note changed on disk meanwhile; try again.' },
    ],
  ] as const)('%j', (outcome, view) => {
    expect(describeOutcome(outcome, 'Tides in a/')).toEqual(view);
  });

  it('never puts two full stops after the reason', () => {
    const view = describeOutcome({ kind: 'queued', waiting: 1, reason: offline, alreadyWaiting: false }, 'T');
    expect(view.text).not.toMatch(/\.\./);
  });
});

describe('companionHint', () => {
  it('says how to start the companion when none is paired or running, and nothing when it is ready', () => {
    const ready = { kind: 'ready', vaultName: 'notes', obsidian: false } as const;
    expect(companionHint({ kind: 'unpaired' })).toContain('npx refclip serve');
    expect(companionHint({ kind: 'offline' })).toContain('npx refclip serve');
    expect(companionHint({ kind: 'refused', message: 'token rejected' })).toContain('(token rejected)');
    expect(companionHint(ready)).toBeNull();
    expect(companionLabel(ready)).toBe('Vault: notes');
    expect(companionLabel({ kind: 'offline' })).toBe('Companion offline');
  });
});
