import { describe, expect, it } from 'vitest';
import { clipFromDraft, draftFromClip, EMPTY_DRAFT } from './clip-draft';

describe('draftFromClip', () => {
  it('gives back the same clip when nothing is edited', () => {
    const clip = {
      url: 'https://valley.example/a',
      title: 'T',
      publisher: 'P',
      published: '2026-02-03',
      summary: 'S.',
    };
    expect(draftFromClip(clip)).toEqual({ ...EMPTY_DRAFT, ...clip });
    expect(clipFromDraft(draftFromClip(clip))).toEqual(clip);
  });
});

describe('clipFromDraft', () => {
  it('trims the fields and leaves empty optional ones out', () => {
    const draft = {
      ...EMPTY_DRAFT,
      url: ' https://a.example/x ',
      title: ' T ',
      publisher: 'P',
      why: '  ',
      byline: ' B ',
    };
    expect(clipFromDraft(draft)).toEqual({ url: 'https://a.example/x', title: 'T', publisher: 'P', byline: 'B' });
  });

  it('keeps why and the date when given', () => {
    const draft = {
      ...EMPTY_DRAFT,
      url: 'https://a.example/',
      title: 'T',
      publisher: 'P',
      why: 'w',
      published: '2026',
      summary: ' The edited summary. ',
    };
    expect(clipFromDraft(draft)).toEqual({
      url: 'https://a.example/',
      title: 'T',
      publisher: 'P',
      why: 'w',
      published: '2026',
      summary: 'The edited summary.',
    });
  });
});
