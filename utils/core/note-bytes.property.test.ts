import { isUtf8 } from 'node:buffer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { citedUrls, sourceKey } from './cited-urls';
import type { ClipRequest } from './clip';
import { parseNote } from './note';
import { decodeNoteBytes, NoteEncodingError } from './note-bytes';
import { clipRewrite } from './note-rewrite';
import { DEFAULT_SETTINGS, noteOptionsFrom } from './settings';

/**
 * Issue 14, item 2: whatever bytes a `.md` file holds, the write path either refuses it or makes a correct edit:
 * the clip is cited once, and nothing of the note is lost or changed but the frontmatter's `updated` and `tags`.
 */
const options = noteOptionsFrom(DEFAULT_SETTINGS);
const request: ClipRequest = {
  clip: { url: 'https://news.example/a?utm_source=x', title: 'A report', publisher: 'Wire', why: 'Scale.' },
  tags: ['energy'],
  date: '2026-03-14',
};

const encoder = new TextEncoder();
const FRAGMENTS = [
  '---\n',
  '---\r\n',
  '---\r',
  'title: Note\n',
  'tags: [sea]\n',
  'tags:\n  - sea\n',
  'updated: 2020-01-01\n',
  'key: "value"\r\n',
  '# Heading\n',
  '## sources\n',
  '## sources\r',
  '## linkage\n',
  '\n',
  '\r',
  '\r\n',
  '\uFEFF',
  '> [!ref] Wire - A report\n> https://news.example/a\n',
  '```\n',
  'café ',
  '\u2028',
  '\t',
  'prose ',
].map((fragment) => encoder.encode(fragment));

const noteBytes = fc
  .array(fc.oneof(fc.uint8Array({ maxLength: 6 }), fc.constantFrom(...FRAGMENTS), fc.constantFrom(...FRAGMENTS)), {
    maxLength: 30,
  })
  .map((parts) => Buffer.concat(parts));

const isCrOnly = (text: string) => text.includes('\r') && !text.includes('\n');

/** The text as the engine reads it (a CR-only note is edited as LF): its frontmatter lines and its body. */
function parts(text: string): { yamlLines: string[]; body: string } {
  const lf = isCrOnly(text) ? text.replaceAll('\r', '\n') : text;
  const note = parseNote(lf);
  const yaml = note.frontmatter?.yaml ?? '';
  return { yamlLines: yaml === '' ? [] : yaml.split('\n'), body: lf.slice(note.bodyStart) };
}

/** Whether `inner` can be had from `outer` by deleting characters (the edit only inserted), in one pass. */
function isSubsequence(inner: string, outer: string): boolean {
  let at = 0;
  for (let i = 0; i < outer.length && at < inner.length; i++) if (outer[i] === inner[at]) at++;
  return at === inner.length;
}

describe('the write path on arbitrary bytes', () => {
  it('refuses at the first bad byte, or decodes losslessly', () => {
    fc.assert(
      fc.property(noteBytes, (bytes) => {
        let text: string;
        try {
          text = decodeNoteBytes(bytes);
        } catch (error) {
          expect(error).toBeInstanceOf(NoteEncodingError);
          const offset = (error as NoteEncodingError).offset;
          const before = bytes.subarray(0, offset);
          expect(isUtf8(before) && !before.includes(0)).toBe(true);
          expect(offset).toBeLessThan(bytes.length);
          return;
        }
        expect(isUtf8(bytes) && !bytes.includes(0)).toBe(true);
        expect(Buffer.from(text, 'utf8').equals(bytes)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('makes a correct edit or refuses, never any other change', { timeout: 30_000 }, () => {
    const key = sourceKey(request.clip.url);
    fc.assert(
      fc.property(noteBytes, (bytes) => {
        let text: string;
        try {
          text = decodeNoteBytes(bytes);
        } catch {
          return;
        }
        const change = clipRewrite(request, options)(text);
        if (change.kind === 'refuse') return;
        if (change.kind === 'unchanged') {
          expect(citedUrls(text, options)).toContain(key);
          return;
        }
        const after = change.text;
        expect(citedUrls(after, options).filter((url) => url === key)).toHaveLength(1);
        expect(clipRewrite(request, options)(after)).toEqual({ kind: 'unchanged' });
        if (isCrOnly(text)) expect(after.includes('\n')).toBe(false);
        if (text.startsWith('\uFEFF')) expect(after.startsWith('\uFEFF')).toBe(true);
        const [old, now] = [parts(text), parts(after)];
        expect(isSubsequence(old.body, now.body)).toBe(true);
        const kept = old.yamlLines.filter((line) => !/^(updated|tags)\b|^\s+- /.test(line));
        for (const line of kept) expect(now.yamlLines).toContain(line);
      }),
      { numRuns: 500 },
    );
  });
});
