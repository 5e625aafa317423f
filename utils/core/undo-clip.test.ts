import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyClip } from './apply-clip';
import type { ClipRequest } from './clip';
import type { NoteOptions } from './note-options';
import { DEFAULT_SETTINGS, noteOptionsFrom } from './settings';
import { undoClip } from './undo-clip';

const options: NoteOptions = noteOptionsFrom(DEFAULT_SETTINGS);

const NOTE = `---
title: Tidal energy
tags: [energy]
updated: 2025-06-30
---

# Tidal energy

Tides are predictable.

## sources

> [!ref] Shoreline Journal - Barrage plans shelved again
> https://shoreline.example/2025/barrage-shelved

## linkage
- [[Harbour projects]]
`;

const request: ClipRequest = {
  clip: { url: 'https://coastline.example/lagoon', title: 'Lagoon plan', publisher: 'Coastline', why: 'First.' },
  tags: ['marine'],
  date: '2026-12-03',
};

function clipped(before: string): string {
  const result = applyClip(before, request, options);
  expect(result.status).toBe('added');
  return result.text;
}

describe('undoClip', () => {
  it.each([
    ['LF', NOTE],
    ['CRLF with BOM', `\uFEFF${NOTE.replace(/\n/g, '\r\n')}`],
    ['no final newline', NOTE.trimEnd()],
    ['no frontmatter', NOTE.slice(NOTE.indexOf('# Tidal'))],
  ])('gives back the exact bytes of before (%s)', (_name, before) => {
    const after = clipped(before);
    expect(undoClip(after, { before, after })).toEqual({ status: 'undone', text: before });
  });

  it('keeps an outside edit elsewhere in the note and takes back exactly what refclip changed', () => {
    const after = clipped(NOTE);
    const edited = after.replace('Tides are predictable.', 'Tides are predictable years ahead.');
    expect(undoClip(edited, { before: NOTE, after })).toEqual({
      status: 'undone',
      text: NOTE.replace('Tides are predictable.', 'Tides are predictable years ahead.'),
    });
  });

  it.each([
    ['the callout reworded', (text: string) => text.replace('> Why it matters: First.', '> Why it matters: Second.')],
    ['the callout removed', (text: string) => text.replace(/> \[!ref\] Coastline[^]*?First\.\n/, '')],
    ['a line put inside the callout', (text: string) => text.replace('> Why it matters', '> note\n> Why it matters')],
    ['updated: changed by hand', (text: string) => text.replace('updated: 2026-12-03', 'updated: 2026-12-04')],
  ])('refuses when %s, leaving the text to the caller', (_name, edit) => {
    const after = clipped(NOTE);
    expect(undoClip(edit(after), { before: NOTE, after })).toEqual({ status: 'note-changed' });
  });

  it('takes back the first of two clips and keeps the second', () => {
    const after = clipped(NOTE);
    const second = applyClip(
      after,
      { ...request, clip: { url: 'https://b.example/', title: 'B', publisher: 'P' }, tags: [] },
      options,
    ).text;
    const undone = undoClip(second, { before: NOTE, after });
    expect(undone.status).toBe('undone');
    const text = undone.status === 'undone' ? undone.text : '';
    expect(text).not.toContain('coastline.example/lagoon');
    expect(text).toContain('> [!ref] P - B\n> https://b.example/');
  });

  it('keeps any outside edit to the body text and takes back only the clip (property)', () => {
    const after = clipped(NOTE);
    const paragraph = 'Tides are predictable.';
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ' ', '\n', '>', '#', '-', 'é') }), (extra) => {
        const edit = (text: string) => text.replace(paragraph, `${paragraph}${extra}`);
        expect(undoClip(edit(after), { before: NOTE, after })).toEqual({ status: 'undone', text: edit(NOTE) });
      }),
    );
  });
});
