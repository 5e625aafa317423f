import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { NoteTransform } from '../../utils/core/index';
import { mayBeHalfSaved } from './note-snapshot';
import { NoteWriteError } from './note-write-error';
import { rewriteNote } from './note-writer';

const dir = mkdtempSync(join(tmpdir(), 'refclip-writer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const NOTE = '# Note\n\n## sources\n\n## linkage\n';

/** Adds a callout line under `## sources`, counting how often it ran. */
function counted(): { transform: NoteTransform; runs: () => number } {
  let runs = 0;
  return {
    transform: (text) => {
      runs++;
      return { kind: 'replace', text: text.replace('## sources\n', '## sources\n\n> callout\n') };
    },
    runs: () => runs,
  };
}

function note(name: string, text = NOTE): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('rewriteNote', () => {
  it('merges an append made between the read and the rename without running the transform again', async () => {
    const path = note('append.md');
    const { transform, runs } = counted();
    let appended = false;
    const beforeCommit = async () => {
      if (!appended) appendFileSync(path, 'outside\n');
      appended = true;
    };
    const result = await rewriteNote({ path, confinedTo: dir, beforeCommit }, transform);
    expect(result.outcome).toBe('replaced');
    expect(readFileSync(path, 'utf8')).toBe('# Note\n\n## sources\n\n> callout\n\n## linkage\noutside\n');
    expect(runs()).toBe(1);
  });

  it('runs the transform again on the newest text when the outside edit touches the same lines', async () => {
    const path = note('same-lines.md');
    const { transform, runs } = counted();
    let edited = false;
    const beforeCommit = async () => {
      if (!edited) writeFileSync(path, NOTE.replace('## linkage', '## links'));
      edited = true;
    };
    await rewriteNote({ path, confinedTo: dir, beforeCommit }, transform);
    expect(readFileSync(path, 'utf8')).toBe('# Note\n\n## sources\n\n> callout\n\n## links\n');
    expect(runs()).toBe(2);
  });

  it.each([
    // An editor saving in place between its truncate and its write.
    ['truncated', '', 5],
    // What a read sees when the editor is held off the CPU inside its write: a prefix ending inside a line.
    ['half written', NOTE.slice(0, NOTE.indexOf('sources') + 3), 20],
  ])(
    'never applies the change to a note caught %s by an editor saving in place',
    async (name, caught, savedAfterMs) => {
      const path = note(`${name.replace(' ', '-')}.md`, caught);
      setTimeout(() => writeFileSync(path, NOTE), savedAfterMs);
      const seen: string[] = [];
      await rewriteNote({ path, confinedTo: dir }, (text) => {
        seen.push(text);
        return { kind: 'replace', text: text + 'clip\n' };
      });
      expect(seen).toEqual([NOTE]);
      expect(readFileSync(path, 'utf8')).toBe(NOTE + 'clip\n');
    },
  );

  it('takes a note without a final newline that it wrote itself as whole, with no wait before the next clip', async () => {
    const path = note('no-final-newline.md', '# Note\n\n## sources');
    await rewriteNote({ path, confinedTo: dir }, (text) => ({ kind: 'replace', text: `${text}\none` }));
    const bytes = readFileSync(path);
    expect(bytes.toString()).toBe('# Note\n\n## sources\none');
    expect(mayBeHalfSaved(bytes, statSync(path, { bigint: true }))).toBe(false);
    // The same bytes written in place by another program may be a save caught half done.
    writeFileSync(path, bytes);
    expect(mayBeHalfSaved(bytes, statSync(path, { bigint: true }))).toBe(true);
  });

  it('leaves the note untouched when the transform refuses', async () => {
    const path = note('refused.md');
    await expect(rewriteNote({ path }, () => ({ kind: 'refuse', reason: 'no' }))).rejects.toEqual(
      new NoteWriteError('refused', 'no'),
    );
    expect(readFileSync(path, 'utf8')).toBe(NOTE);
  });

  it('refuses a note whose real path leaves the confining folder', async () => {
    const path = note('outside.md');
    await expect(rewriteNote({ path, confinedTo: join(dir, 'vault') }, counted().transform)).rejects.toMatchObject({
      problem: 'outside-vault',
    });
  });
});
