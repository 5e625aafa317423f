import { beforeEach, describe, expect, it } from 'vitest';
import { useEnglishMessages } from '../testing/fake-i18n';
import { deliveryLabel } from './outcome-view';

beforeEach(() => useEnglishMessages());

describe('deliveryLabel', () => {
  it.each([
    [{ kind: 'ready', vaultName: 'notes', obsidian: false, delivery: 'native' }, 'started by the browser'],
    [{ kind: 'ready', vaultName: 'notes', obsidian: false, delivery: 'http' }, 'via refclip serve'],
    [{ kind: 'unpaired' }, 'clips download'],
    [{ kind: 'offline' }, null],
    [{ kind: 'refused', message: 'no' }, null],
  ] as const)('%j: %s', (state, label) => {
    expect(deliveryLabel(state)).toBe(label);
  });
});
