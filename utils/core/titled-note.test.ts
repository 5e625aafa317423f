import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, noteOptionsFrom } from './settings';
import { createTitledNote } from './titled-note';

const request = {
  clip: { url: 'https://tides.example/cranes', title: 'Cranes go electric', publisher: 'Tides' },
  tags: ['ports'],
  date: '2026-11-27',
};

describe('createTitledNote', () => {
  it('titles the note as typed while the callout cites the page under its own title', () => {
    const note = createTitledNote('Harbour noise', request, noteOptionsFrom(DEFAULT_SETTINGS), ['261127RC01']);
    expect(note.fileName).toBe('Harbour noise.md');
    expect(note.noteId).toBe('261127RC02');
    expect(note.text).toContain('title: Harbour noise\n');
    expect(note.text).toContain('\n# Harbour noise\n');
    expect(note.text).toContain('\n> [!ref] Tides - Cranes go electric\n> https://tides.example/cranes\n');
    expect(note.text).not.toContain('[!ref] Tides - Harbour noise');
  });
});
