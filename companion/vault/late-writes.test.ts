import type { BigIntStats } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { settledText } from './late-writes';
import type { Snapshot } from './note-snapshot';
import { mergeOutsideSave } from './save-merge';

const BASE =
  '---\nupdated: 2026-01-01\n---\n\n# Note\n\n## sources\n> [!ref] A - One\n> https://a.example/1\n\n## linkage\n- [[X]]\n';
const CLIPPED = BASE.replace('updated: 2026-01-01', 'updated: 2026-12-03').replace(
  '\n\n## linkage',
  '\n\n> [!ref] B - Two\n> https://b.example/2\n\n## linkage',
);
/** A note ending in lines an in-place rewriter appended, as in tests/companion/outside-writers.test.ts. */
const APPENDED = `${BASE}outside line 1\noutside line 2\noutside line 3\n`;

describe('mergeOutsideSave', () => {
  it('adds a line an editor saved into the replaced file to the note as refclip left it', () => {
    expect(mergeOutsideSave(BASE, `${BASE}outside line\n`, CLIPPED)).toEqual({
      text: `${CLIPPED}outside line\n`,
      notes: [],
    });
  });

  it('changes nothing when the save holds what refclip replaced', () => {
    expect(mergeOutsideSave(BASE, BASE, CLIPPED)).toEqual({ text: CLIPPED, notes: [] });
  });

  it('keeps an appended line whose preceding lines changed since, after the nearest one the note still holds', () => {
    // The rescue of an earlier late save placed "outside line 2b" between the lines this append followed.
    const current = APPENDED.replace('outside line 2\n', 'outside line 2\noutside line 2b\n');
    const merged = mergeOutsideSave(APPENDED, `${APPENDED}outside line 4\n`, current);
    expect(merged.text).toBe(`${current}outside line 4\n`);
    expect(merged.notes).toEqual([
      'kept 1 line(s) from "outside line 4" after "outside line 3": the lines around them changed since',
    ]);
  });

  it('keeps an appended line when every line it followed is gone, at the end of the note', () => {
    const current = CLIPPED;
    const merged = mergeOutsideSave(APPENDED, `${APPENDED}outside line 4\n`, current);
    expect(merged.text).toBe(`${CLIPPED}outside line 4\n`);
    expect(merged.notes).toEqual([
      'kept 1 line(s) from "outside line 4" at the end of the note: the lines around them changed since',
    ]);
  });

  it('keeps both an edited line and the line it replaced when that line changed since', () => {
    const merged = mergeOutsideSave('a\nb\nc\n', 'a\nB\nc\n', 'a\nb2\nc\n');
    expect(merged.text).toBe('a\nB\nb2\nc\n');
    expect(merged.notes).toEqual([
      'kept 1 line(s) from "B" after "a": the lines around them changed since; the 1 line(s) they replaced are kept too',
    ]);
  });

  it('leaves out a deletion of lines that changed since, and says so', () => {
    const merged = mergeOutsideSave('a\nb\nc\nd\n', 'a\nd\n', 'a\nb\nc2\nd\n');
    expect(merged).toEqual({
      text: 'a\nb\nc2\nd\n',
      notes: ['left out the deletion of 2 line(s) from "b": they changed since'],
    });
  });

  it('applies each change on its own: one that fits lands even when the other does not', () => {
    const base = 'a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n';
    const saved = base.replace('b\n', 'B\n').replace('j\n', 'j\nk\n');
    const merged = mergeOutsideSave(base, saved, base.replace('b\n', 'b2\n'));
    expect(merged.text).toBe('a\nB\nb2\nc\nd\ne\nf\ng\nh\ni\nj\nk\n');
    expect(merged.notes).toHaveLength(1);
  });

  it('does not add lines twice that the note already holds where the save put them', () => {
    expect(mergeOutsideSave('a\nb\n', 'a\nx\nb\n', 'a\nx\nb\n')).toEqual({ text: 'a\nx\nb\n', notes: [] });
  });

  it('applies the deletion of a clip the editor saved back a stale copy without (the editor’s own loss)', () => {
    const stale = `${BASE}outside line 1\n`;
    const merged = mergeOutsideSave(CLIPPED, stale, CLIPPED);
    expect(merged).toEqual({ text: stale, notes: [] });
  });
});

/** A file handle over texts that change on a schedule: `texts[n]` from the n-th whole read on, same size and times. */
function changingHandle(texts: string[]): FileHandle {
  let reads = 0;
  const current = () => Buffer.from(texts[Math.min(reads, texts.length - 1)]!);
  const stats = (): BigIntStats =>
    ({
      isFile: () => true,
      size: BigInt(current().length),
      // Written long ago as far as the times tell: coarse timestamps miss a rewrite of the same size.
      mtimeNs: 1_000_000_000n,
      ctimeNs: 1_000_000_000n,
      dev: 1n,
      ino: 1n,
    }) as unknown as BigIntStats;
  return {
    stat: async () => stats(),
    read: async (buffer: Buffer, offset: number, length: number, position: number) => {
      const bytes = current().subarray(position, position + length);
      bytes.copy(buffer, offset);
      if (bytes.length === 0) reads++;
      return { bytesRead: bytes.length, buffer };
    },
  } as unknown as FileHandle;
}

describe('settledText', () => {
  it('does not take a file rewritten in place between its two reads, then takes it once two reads agree', async () => {
    const handle = changingHandle(['a\nb\nc\n', 'a\nX\nc\n']);
    const old: Snapshot = { handle, bytes: Buffer.alloc(0), stats: await handle.stat({ bigint: true }) };
    expect(await settledText(old, old.stats)).toBeNull();
    expect(await settledText(old, old.stats)).toBe('a\nX\nc\n');
  });
});
