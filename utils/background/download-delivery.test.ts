import { useEnglishMessages } from '../../components/testing/fake-i18n';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS } from '../core/settings';
import type { ClipSubmission } from '../messaging/protocol';
import { applyToPickedNote, deliverAsDownload } from './download-delivery';
import { findPick } from './pick-store';
import { recentNotes } from './recent-notes';

const clip = {
  url: 'https://news.example.org/2026/grid',
  title: 'Grid > storage',
  publisher: 'Example',
  why: 'Cheap.',
};
const settings = { ...DEFAULT_SETTINGS, downloadFolder: 'refclip' };
const now = new Date(2026, 10, 27, 9, 30);
const createObjectURL = URL.createObjectURL;
let downloads: { filename: string; text: string; conflictAction: string }[];

function decodeDataUrl(url: string): string {
  const base64 = url.slice(url.indexOf('base64,') + 'base64,'.length);
  return new TextDecoder().decode(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
}

beforeEach(() => {
  fakeBrowser.reset();
  useEnglishMessages();
  downloads = [];
  // The Chrome worker's path: no blob URLs there, so the note travels as a data: URL.
  Object.defineProperty(URL, 'createObjectURL', { value: undefined, configurable: true, writable: true });
  fakeBrowser.downloads.download = vi.fn(async (options: { url: string; filename: string; conflictAction: string }) => {
    downloads.push({
      filename: options.filename,
      text: decodeDataUrl(options.url),
      conflictAction: options.conflictAction,
    });
    return downloads.length;
  }) as never;
});
afterEach(() => {
  URL.createObjectURL = createObjectURL;
});

const NOTE = `---
title: Grid notes
tags:
  - energy
updated: 2026-01-02
---

# Grid notes

Some prose.

## sources

> [!ref] Older - An older source
> https://old.example.com/a
`;

describe('download delivery', () => {
  it('downloads a new note whole into the download folder, titled as the person typed', async () => {
    const submission: ClipSubmission = { target: { create: { title: 'Grid storage' } }, clip, tags: ['energy'] };
    const outcome = await deliverAsDownload(submission, '2026-11-27', settings, now);
    expect(outcome).toEqual({ kind: 'downloaded', filename: 'refclip/Grid storage.md' });
    expect(downloads).toHaveLength(1);
    expect(downloads[0]?.conflictAction).toBe('uniquify');
    expect(downloads[0]?.text).toContain('title: Grid storage\n');
    expect(downloads[0]?.text).toContain(
      '> [!ref] Example - Grid > storage\n> https://news.example.org/2026/grid\n> Why it matters: Cheap.',
    );
    expect((await recentNotes())[0]).toMatchObject({ path: 'Grid storage.md', title: 'Grid storage' });
  });

  it("downloads the article's text as a source note first, and the new note linking it (issue 17)", async () => {
    const submission: ClipSubmission = {
      target: { create: { title: 'Grid storage' } },
      clip,
      tags: ['energy'],
      source: { markdown: 'The grid [stores](https://news.example.org/s) power.' },
    };
    const outcome = await deliverAsDownload(submission, '2026-11-27', settings, now);
    expect(outcome).toEqual({
      kind: 'downloaded',
      filename: 'refclip/Grid storage.md',
      sourceFilename: 'refclip/sources/Grid storage.md',
    });
    expect(downloads.map((download) => download.filename)).toEqual([
      'refclip/sources/Grid storage.md',
      'refclip/Grid storage.md',
    ]);
    expect(downloads[0]?.text).toBe(
      '---\ntitle: Grid > storage\nurl: https://news.example.org/2026/grid\nsite: Example\ntags:\n  - energy\n' +
        'created: 2026-11-27\n---\n\nThe grid [stores](https://news.example.org/s) power.\n',
    );
    expect(downloads[1]?.text).toContain(
      '> [!ref] Example - Grid > storage\n> https://news.example.org/2026/grid\n> Why it matters: Cheap.\n' +
        '> Full text: [[sources/Grid storage]]\n',
    );
  });

  it("keeps only the link to the downloaded article's text in a clip waiting for its note's file", async () => {
    const submission: ClipSubmission = {
      target: { path: 'grid-notes.md', title: 'Grid notes' },
      clip,
      tags: [],
      source: { markdown: 'Text.', folder: 'reading/' },
    };
    const outcome = await deliverAsDownload(submission, '2026-11-27', settings, now);
    expect(outcome).toMatchObject({ kind: 'pick-file', sourceFilename: 'refclip/reading/Grid storage.md' });
    const pickId = new URL((outcome as { pickerUrl: string }).pickerUrl).searchParams.get('id') ?? '';
    expect((await findPick(pickId))?.submission).toEqual({
      target: { path: 'grid-notes.md', title: 'Grid notes' },
      clip: { ...clip, fulltext: 'reading/Grid storage' },
      tags: [],
    });
    await applyToPickedNote(pickId, 'grid-notes.md', NOTE, settings, now);
    expect(downloads[1]?.text).toContain('> Why it matters: Cheap.\n> Full text: [[reading/Grid storage]]\n');
  });

  it("asks for an existing note's file, then downloads it patched under the same name", async () => {
    const submission: ClipSubmission = {
      target: { path: 'projects/grid-notes.md', title: 'Grid notes' },
      clip,
      tags: [],
    };
    const outcome = await deliverAsDownload(submission, '2026-11-27', settings, now);
    expect(outcome.kind).toBe('pick-file');
    const pickId = new URL((outcome as { pickerUrl: string }).pickerUrl).searchParams.get('id') ?? '';
    expect(await findPick(pickId)).not.toBeNull();

    const done = await applyToPickedNote(pickId, 'grid-notes.md', NOTE, settings, now);
    expect(done).toEqual({ kind: 'downloaded', filename: 'refclip/grid-notes.md' });
    expect(downloads[0]?.conflictAction).toBe('overwrite');
    expect(downloads[0]?.text).toBe(
      NOTE.replace('updated: 2026-01-02', 'updated: 2026-11-27') +
        '\n> [!ref] Example - Grid > storage\n> https://news.example.org/2026/grid\n> Why it matters: Cheap.\n',
    );
    expect(await findPick(pickId)).toBeNull();
  });

  it('leaves the pick waiting when the picked file is not a note it can edit', async () => {
    const submission: ClipSubmission = { target: { path: 'grid-notes.md' }, clip, tags: [] };
    const outcome = await deliverAsDownload(submission, '2026-11-27', settings, now);
    const pickId = new URL((outcome as { pickerUrl: string }).pickerUrl).searchParams.get('id') ?? '';
    const wrongType = await applyToPickedNote(pickId, 'photo.png', 'x', settings, now);
    expect(wrongType).toEqual({
      kind: 'error',
      message: '"photo.png" is not a Markdown note. Pick the note\'s .md file.',
    });
    const broken = await applyToPickedNote(pickId, 'grid-notes.md', '---\ntitle: [unclosed\n---\n', settings, now);
    expect(broken.kind).toBe('error');
    expect((broken as { message: string }).message).toMatch(
      /^refclip cannot edit "grid-notes.md": .+ Nothing was changed\.$/,
    );
    expect(downloads).toEqual([]);
    expect(await findPick(pickId)).not.toBeNull();
  });

  it('keeps the clip waiting when the browser refuses the download, and files it on the next try', async () => {
    const submission: ClipSubmission = { target: { path: 'grid-notes.md' }, clip, tags: [] };
    const outcome = await deliverAsDownload(submission, '2026-11-27', settings, now);
    const pickId = new URL((outcome as { pickerUrl: string }).pickerUrl).searchParams.get('id') ?? '';
    const download = fakeBrowser.downloads.download;
    fakeBrowser.downloads.download = vi.fn(async () => {
      throw new Error('Invalid URL');
    }) as never;
    const refused = await applyToPickedNote(pickId, 'grid-notes.md', NOTE, settings, now);
    expect(refused).toEqual({
      kind: 'error',
      message:
        'The browser did not save the updated note (Invalid URL). The clip is still waiting: pick the file again to retry.',
    });
    expect(await findPick(pickId)).not.toBeNull();
    expect(await recentNotes()).toEqual([]);

    fakeBrowser.downloads.download = download;
    const done = await applyToPickedNote(pickId, 'grid-notes.md', NOTE, settings, now);
    expect(done).toEqual({ kind: 'downloaded', filename: 'refclip/grid-notes.md' });
    expect(downloads[0]?.text).toContain('> [!ref] Example - Grid > storage\n');
    expect(await findPick(pickId)).toBeNull();
  });
});
