import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { NoteSummary } from '../../utils/core/companion-api';
import { useEnglishMessages } from '../testing/fake-i18n';
import { obsidianLink, targetLabel } from './target-label';

beforeEach(() => {
  fakeBrowser.reset();
  useEnglishMessages();
});

const note = (path: string, title: string): NoteSummary => ({ path, title, tags: [], updated: null, mtime: 0 });

describe('targetLabel', () => {
  const known = [note('Reading.md', 'Reading'), note('archive/Reading.md', 'reading'), note('Tides.md', 'Tides')];

  it.each([
    [{ path: 'Tides.md', title: 'Tides' }, 'Tides'],
    [{ path: 'archive/Reading.md', title: 'Reading' }, 'Reading in archive/'],
    [{ path: 'Reading.md', title: 'Reading' }, "Reading in the vault's top folder"],
    [{ path: 'deep/Untitled note.md' }, 'Untitled note'],
    [{ create: { title: 'Reading' } }, 'Reading'],
  ])('%j reads %s', (target, label) => {
    expect(targetLabel(target, known)).toBe(label);
  });
});

describe('obsidianLink', () => {
  it('names the vault and the file without .md, spaces as %20', () => {
    expect(obsidianLink('coast notes', 'archive/Tidal energy & more.md')).toBe(
      'obsidian://open?vault=coast%20notes&file=archive%2FTidal%20energy%20%26%20more',
    );
  });
});
