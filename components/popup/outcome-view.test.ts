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

  it.each([
    [
      { kind: 'added', notePath: 'a/Tides.md', noteTitle: 'Tides', callout },
      { tone: 'success', text: 'Added to Tides', callout },
    ],
    [
      { kind: 'created', notePath: 'New.md', noteTitle: 'New', callout },
      { tone: 'success', text: 'Created New with this source', callout },
    ],
    [
      { kind: 'already-present', notePath: 'a/Tides.md', noteTitle: 'Tides', callout },
      { tone: 'info', text: 'Already in Tides: the note was left as it was.' },
    ],
    [
      { kind: 'queued', waiting: 2, reason: 'companion offline' },
      {
        tone: 'info',
        text: 'Queued: companion offline. refclip adds it when the companion answers again (2 waiting).',
      },
    ],
    [
      { kind: 'downloaded', filename: 'refclip/New.md' },
      { tone: 'success', text: 'Downloaded refclip/New.md' },
    ],
    [
      { kind: 'error', message: 'The note changed on disk meanwhile; try again.' },
      { tone: 'error', text: 'The note changed on disk meanwhile; try again.' },
    ],
  ] as const)('%j', (outcome, view) => {
    expect(describeOutcome(outcome)).toEqual(view);
  });
});

describe('companionHint', () => {
  it('says how to start the companion when none is paired or running, and nothing when it is ready', () => {
    expect(companionHint({ kind: 'unpaired' })).toContain('npx refclip serve');
    expect(companionHint({ kind: 'offline' })).toContain('npx refclip serve');
    expect(companionHint({ kind: 'refused', message: 'token rejected' })).toContain('(token rejected)');
    expect(companionHint({ kind: 'ready', vaultName: 'notes' })).toBeNull();
    expect(companionLabel({ kind: 'ready', vaultName: 'notes' })).toBe('Vault: notes');
    expect(companionLabel({ kind: 'offline' })).toBe('Companion offline');
  });
});
