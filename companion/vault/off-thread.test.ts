import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ClipRequest } from '../../utils/core/clip';
import { clipRewrite, type NoteTransform, type Rewrite } from '../../utils/core/index';
import { DEFAULT_SETTINGS, noteOptionsFrom } from '../../utils/core/settings';
import { recordNote } from './note-record';
import { rewriteNote } from './note-writer';
import { LARGE_NOTE, offThread, warmNoteWorker } from './off-thread';
import { preparedTransform } from './prepared-transform';

const options = noteOptionsFrom(DEFAULT_SETTINGS);
const dir = mkdtempSync(join(tmpdir(), 'refclip-off-thread-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const request = (date = '2026-03-14'): ClipRequest => ({
  clip: { url: 'https://new.example/story', title: 'Story', publisher: 'Wire', why: 'Size.' },
  tags: ['big'],
  date,
});

/** A note of `count` callouts under `## sources`, with frontmatter, tags and a heading to index. */
function bigNote(count: number): string {
  const callouts = Array.from({ length: count }, (_, n) => `> [!ref] W - S${n}\n> https://w.example/${n}\n> Why: r.`);
  return `---\ntitle: Big\ntags: [a]\n---\n# Big #inline\n\n## sources\n\n${callouts.join('\n\n')}\n\n## linkage\n`;
}

const big = bigNote(6000);

describe('the note worker', () => {
  it('answers a clip job with the rewrite this thread computes', async () => {
    expect(big.length).toBeGreaterThan(LARGE_NOTE);
    const rewrite = await offThread<Rewrite>({ kind: 'clip', text: big, request: request(), options });
    expect(rewrite).toEqual(clipRewrite(request(), options)(big));
    expect(rewrite?.kind).toBe('replace');
  }, 60_000);

  it('answers a record job with the record this thread computes', async () => {
    const record = await offThread({ kind: 'record', path: 'big.md', text: big, mtime: 42 });
    expect(record).toEqual(recordNote('big.md', big, 42));
  }, 60_000);

  it('warms up with a clip the clip code accepts, and answers jobs after it as before', async () => {
    expect(await offThread({ kind: 'warm' })).toBe('replace');
    warmNoteWorker();
    const rewrite = await offThread<Rewrite>({ kind: 'clip', text: big, request: request(), options });
    expect(rewrite).toEqual(clipRewrite(request(), options)(big));
  }, 60_000);

  it('answers undefined for a job that throws, so the caller runs it and sees the error', async () => {
    const job = { kind: 'clip', text: big, request: request('14/03/2026'), options } as const;
    expect(await offThread(job)).toBeUndefined();
    expect(() => clipRewrite(job.request, options)(big)).toThrow(RangeError);
  }, 60_000);
});

describe('preparedTransform', () => {
  /** `clipRewrite`, counting the texts it is run on. */
  function counting(): { transform: NoteTransform; runs: string[] } {
    const runs: string[] = [];
    const inner = clipRewrite(request(), options);
    return {
      runs,
      transform: (text) => {
        runs.push(text);
        return inner(text);
      },
    };
  }

  /** The clip of `request()` into the note at `path`, prepared on the note worker. */
  const prepareClip = (path: string, transform: NoteTransform) =>
    preparedTransform({ path }, path, transform, (text) => ({ kind: 'clip', text, request: request(), options }));

  it('has the result for the note as read ready, and computes any other text on this thread', async () => {
    const path = join(dir, 'big.md');
    writeFileSync(path, big);
    const { transform, runs } = counting();
    const prepared = await prepareClip(path, transform);
    expect(prepared.transform(big)).toEqual(clipRewrite(request(), options)(big));
    expect(runs).toEqual([]);
    const edited = big.replace('# Big', '# Bigger');
    expect(prepared.transform(edited)).toEqual(clipRewrite(request(), options)(edited));
    expect(runs).toEqual([edited]);
    expect(prepared.read?.text).toBe(big);
  }, 60_000);

  it('hands its read to the write path, which starts from it while the file is unchanged and reads again after', async () => {
    const path = join(dir, 'handed.md');
    writeFileSync(path, big);
    const { transform, runs } = counting();
    const prepared = await prepareClip(path, transform);
    // A read that differs from the file's bytes shows which one the write path started from.
    const marked = { ...prepared.read!, text: big.replace('# Big', '# Marked') };
    await rewriteNote({ path }, transform, marked);
    expect(runs).toEqual([marked.text]);
    // Changed since the read: the write path reads the file again (same size, new time), and the final check holds.
    writeFileSync(path, big.replace('# Big', '# Gib'));
    await rewriteNote({ path }, transform, marked);
    expect(runs).toEqual([marked.text, big.replace('# Big', '# Gib')]);
    expect(readFileSync(path, 'utf8')).toBe(
      (clipRewrite(request(), options)(big.replace('# Big', '# Gib')) as { text: string }).text,
    );
  }, 60_000);

  it('leaves a small note to the transform itself', async () => {
    const path = join(dir, 'small.md');
    writeFileSync(path, bigNote(3));
    const { transform } = counting();
    const prepared = await preparedTransform({ path }, path, transform, () => {
      throw new Error('no job for a small note');
    });
    expect(prepared).toEqual({ transform });
  });
});
