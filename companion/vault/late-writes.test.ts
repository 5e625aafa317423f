import { describe, expect, it } from 'vitest';
import { mergeOutsideSave } from './late-writes';

const BASE =
  '---\nupdated: 2026-01-01\n---\n\n# Note\n\n## sources\n> [!ref] A - One\n> https://a.example/1\n\n## linkage\n- [[X]]\n';
const CLIPPED = BASE.replace('updated: 2026-01-01', 'updated: 2026-12-03').replace(
  '\n\n## linkage',
  '\n\n> [!ref] B - Two\n> https://b.example/2\n\n## linkage',
);

describe('mergeOutsideSave', () => {
  it('adds a line an editor saved into the replaced file to the note as refclip left it', () => {
    expect(mergeOutsideSave(BASE, `${BASE}outside line\n`, CLIPPED)).toBe(`${CLIPPED}outside line\n`);
  });

  it('leaves out a change that overlaps the clip, and loses nothing the note holds', () => {
    const saved = BASE.replace('\n\n## linkage', '\n\n## linkage edited');
    const merged = mergeOutsideSave(BASE, saved, CLIPPED);
    expect(merged).toContain('> https://b.example/2');
    expect(merged).toContain('updated: 2026-12-03');
  });

  it('changes nothing when the save holds what refclip replaced', () => {
    expect(mergeOutsideSave(BASE, BASE, CLIPPED)).toBe(CLIPPED);
  });
});
