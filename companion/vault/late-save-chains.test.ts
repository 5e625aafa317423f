import {
  closeSync,
  ftruncateSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { NoteTransform } from '../../utils/core/index';
import type { LateWriteRescue } from './late-writes';
import { rewriteNote } from './note-writer';
import { WriteQueue } from './write-queue';

/**
 * Chains of in-place saves around refclip's writes, placed at exact steps of the write path through its test seams
 * rather than by timing: the residual of tests/companion/outside-writers.test.ts (one outside line lost in about one
 * saturated run in three), reproduced with real files.
 */

const dir = mkdtempSync(join(tmpdir(), 'refclip-chains-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const NOTE = '---\nupdated: 1\n---\n# Note\n\n## sources\n> [!ref] old\n\n## linkage\noutside line 1\n';

/** A clip's callout, filed at the top of the sources. */
const callout =
  (name: string): NoteTransform =>
  (text) => ({ kind: 'replace', text: text.replace('## sources\n', `## sources\n> [!ref] ${name}\n`) });

/** A clip's frontmatter change alone (the first clip of a day moves `updated:`), far from the sources. */
const updated =
  (day: number): NoteTransform =>
  (text) => {
    const next = text.replace(/^updated: \d+$/m, `updated: ${day}`);
    return next === text ? { kind: 'unchanged' } : { kind: 'replace', text: next };
  };

/** An editor saving in place as tests/companion/support/outside-writer.mjs does, one step at a time. */
class InPlaceEditor {
  readonly lines: string[] = [];
  /** Its own lines it dropped by writing back a copy read before they reached the file it wrote (its own loss). */
  readonly dropped = new Set<string>();
  private stale = '';
  private fd: number | null = null;

  constructor(private readonly path: string) {}

  /** Reads the note by its path: the text it will write back. */
  read(): void {
    this.stale = readFileSync(this.path, 'utf8');
  }

  /** Opens whatever file the path names now. */
  open(): void {
    this.fd = openSync(this.path, 'r+');
  }

  /** Truncates the file it opened and writes the text it read plus `outside line N`. */
  save(): void {
    const line = `outside line ${this.lines.length + 2}`;
    const held = new Set(readFileSync(this.fd!, 'utf8').split('\n'));
    for (const own of this.stale.split('\n')) held.delete(own);
    for (const own of held) if (own.startsWith('outside line ')) this.dropped.add(own);
    ftruncateSync(this.fd!, 0);
    writeSync(this.fd!, `${this.stale}${line}\n`, 0);
    closeSync(this.fd!);
    this.fd = null;
    this.lines.push(line);
  }

  /** The three steps at once. */
  saveNow(): void {
    this.read();
    this.open();
    this.save();
  }
}

/** Where the editor acts: before a run, before the final check, between the check and the rename, after a run. */
type Seam = 'start' | 'before-check' | 'after-check' | 'returned';
type Step = [Seam, (editor: InPlaceEditor) => void];

/**
 * Runs `transforms` one after the other in one write queue, as `refclip serve` does, with each late save's rescue
 * queued behind them; the editor takes each step of `steps` at the next seam of its kind, in order (steps left over
 * run after the last write). Resolves with the note once every line the editor saved is in it and the queue is idle.
 */
async function play(name: string, transforms: NoteTransform[], steps: Step[]): Promise<{ text: string }> {
  const path = join(dir, `${name}.md`);
  writeFileSync(path, NOTE);
  const editor = new InPlaceEditor(path);
  const script = [...steps];
  const at = async (seam: Seam) => {
    while (script[0]?.[0] === seam) script.shift()![1](editor);
  };
  const queue = new WriteQueue();
  const run = async (transform: NoteTransform) => {
    const target = { path, confinedTo: dir, lateWrites: rescue, beforeCommit: () => at('before-check') };
    await rewriteNote({ ...target, afterCheck: () => at('after-check') }, transform);
    await at('returned');
  };
  const rescue: LateWriteRescue = (transform) => void queue.run(path, () => run(transform));
  await at('start');
  for (const transform of transforms) await queue.run(path, () => run(transform));
  for (const [, step] of script.splice(0)) step(editor);
  const missing = () => {
    const lines = new Set(readFileSync(path, 'utf8').split('\n'));
    return editor.lines.filter((line) => !lines.has(line) && !editor.dropped.has(line));
  };
  // Rescues are handed over by the watch on the replaced file; a line never rescued fails here.
  await expect.poll(missing, { timeout: 10_000, interval: 20 }).toEqual([]);
  await queue.run(path, async () => undefined);
  return { text: readFileSync(path, 'utf8') };
}

describe('in-place saves around refclip writes', { timeout: 30_000 }, () => {
  it('keeps a save into the replaced file when the next save in place makes the write start over', async () => {
    // The editor reads the note before clip A lands and opens it after (it holds A); its save, a copy without A
    // plus line 2, lands between the check and the rename of the next write, in the file that write replaces. The
    // write path used to merge it into that write (the frontmatter change and the save's, A dropped and line 2
    // added, are far apart) and tell the watch it was done. Before the merged text was written, the editor saved
    // line 3 in place: the merged change (A to the end) and that save (at the end) touch, so the write started over
    // from its transform alone, and line 2 was lost without a word. The watch now merges line 2 on its own.
    const { text } = await play(
      'merged-late-save',
      [callout('A'), updated(2)],
      [
        ['start', (editor) => editor.read()],
        ['returned', (editor) => editor.open()],
        ['after-check', (editor) => editor.save()],
        ['before-check', (editor) => editor.saveNow()],
      ],
    );
    // A is gone: the editor wrote back a copy without it, its own loss; both of its lines are kept.
    expect(text).toBe(NOTE.replace('updated: 1', 'updated: 2') + 'outside line 2\noutside line 3\n');
  });

  it('keeps saves into replaced files when the next save in place lands right after them', async () => {
    // Saves with no stale copy at all, the shape the saturated outside-writer runs left (…263, 256, 265: 264 lost).
    // Before: line 2 landed in the replaced file and was merged into the write; line 3 in place started it over (2
    // kept after 3); line 4 landed in the next replaced file and was merged before 2 (two insertions at one place,
    // the save's first); over the written …3, 2, that change read as the line "outside line 2" replaced (the lines
    // differ by one character), so line 5 saved in place right after it collided, the transform alone ran again,
    // and line 4 was lost.
    const { text } = await play(
      'merged-beside',
      [callout('A')],
      [
        ['after-check', (editor) => editor.saveNow()],
        ['before-check', (editor) => editor.saveNow()],
        ['after-check', (editor) => editor.saveNow()],
        ['before-check', (editor) => editor.saveNow()],
      ],
    );
    const outside = [2, 3, 4, 5].map((n) => `outside line ${n}\n`).join('');
    expect(text).toBe(NOTE.replace('## sources\n', '## sources\n> [!ref] A\n') + outside);
  });

  it('loses no line wherever the steps of two saves fall around two clips and the rescues they cause', async () => {
    // Each save's read, open and write at one of the write path's seams (steps at the same seam in a row happen at
    // one point): 3^6 = 729 interleavings, eight notes at a time.
    const seams: Seam[] = ['before-check', 'after-check', 'returned'];
    const placements = Array.from({ length: 3 ** 6 }, (_, n) =>
      Array.from({ length: 6 }, (_step, k) => seams[Math.floor(n / 3 ** k) % 3]!),
    );
    const actions = [
      (editor: InPlaceEditor) => editor.read(),
      (editor: InPlaceEditor) => editor.open(),
      (editor: InPlaceEditor) => editor.save(),
    ];
    const losing: string[] = [];
    for (let first = 0; first < placements.length; first += 8) {
      const batch = placements.slice(first, first + 8).map(async (placement, n) => {
        const steps = placement.map((seam, k): Step => [seam, actions[k % 3]!]);
        await play(`every-${first + n}`, [callout('A'), callout('B')], steps).catch(() => {
          losing.push(placement.join(' '));
        });
      });
      await Promise.all(batch);
    }
    expect(losing).toEqual([]);
  }, 600_000);
});
