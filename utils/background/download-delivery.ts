import { t } from '../i18n';
import { browser } from 'wxt/browser';
import { applyClips, type AppliedClips } from '../core';
import { renderCallout } from '../core/callout';
import { NoteFormatError } from '../core/note-error';
import { createTitledNote } from '../core/titled-note';
import { noteOptionsFrom, type Settings } from '../core/settings';
import { createSourceNote } from '../core/source-note';
import { sourceNoteLinkPath, sourcesFolderPath } from '../core/source-note-path';
import type { ClipOutcome, ClipSubmission } from '../messaging/protocol';
import { downloadText } from './downloads';
import { targetTitle } from './note-title';
import { addPick, findPick, pickerUrl, removePick } from './pick-store';
import { rememberRecentNote } from './recent-notes';

const CREATED_IDS_KEY = 'downloadedNoteIds';

/** `note_id`s of notes refclip downloaded, so two new notes of one day never share an id. */
async function downloadedNoteIds(): Promise<string[]> {
  const stored = await browser.storage.local.get(CREATED_IDS_KEY);
  const ids = stored[CREATED_IDS_KEY];
  return Array.isArray(ids) ? (ids as string[]) : [];
}

/**
 * Downloads the article's text as a source note into the sources folder inside the download folder, and gives the
 * submission back with its callout linking that note (and without the text, which a pick need not keep).
 */
async function downloadSource(
  submission: ClipSubmission,
  date: string,
  settings: Settings,
): Promise<{ submission: ClipSubmission; sourceFilename?: string }> {
  const { source, ...rest } = submission;
  if (!source) return { submission };
  const note = createSourceNote({ clip: rest.clip, tags: rest.tags, date }, source.markdown);
  const folder = sourcesFolderPath(source.folder ?? settings.sourcesFolder);
  const sourceFilename = [settings.downloadFolder, folder, note.fileName].filter(Boolean).join('/');
  await downloadText(sourceFilename, note.text, 'uniquify');
  const clip = { ...rest.clip, fulltext: sourceNoteLinkPath(folder, note.fileName) };
  return { submission: { ...rest, clip }, sourceFilename };
}

/**
 * Delivers without the companion: the article's text first, when the clip carries it (`downloadSource`); then a new
 * note is downloaded whole, or, for an existing note, the pick-note page opens so the person can hand over that
 * note's file (see `applyToPickedNote`).
 */
export async function deliverAsDownload(
  given: ClipSubmission,
  date: string,
  settings: Settings,
  now: Date,
): Promise<ClipOutcome> {
  const { submission, sourceFilename } = await downloadSource(given, date, settings);
  const withSource = sourceFilename ? { sourceFilename } : {};
  const { target, clip, tags } = submission;
  if ('create' in target) {
    const ids = await downloadedNoteIds();
    const note = createTitledNote(target.create.title, { clip, tags, date }, noteOptionsFrom(settings), ids);
    const filename = `${settings.downloadFolder}/${note.fileName}`;
    await downloadText(filename, note.text, 'uniquify');
    await browser.storage.local.set({ [CREATED_IDS_KEY]: [...ids, note.noteId].slice(-500) });
    await rememberRecentNote({
      path: note.fileName,
      title: target.create.title,
      tags,
      updated: date,
      mtime: now.getTime(),
    });
    return { kind: 'downloaded', filename, ...withSource };
  }
  const pick = await addPick(submission, date, now.getTime());
  const url = pickerUrl(pick.id);
  await browser.tabs.create({ url, active: true });
  return { kind: 'pick-file', pickerUrl: url, ...withSource };
}

/**
 * Applies a waiting clip to the note file the person picked and downloads the result under the same name in the
 * download folder, overwriting the earlier download there. A file refclip cannot edit leaves the pick waiting.
 */
export async function applyToPickedNote(
  pickId: string,
  fileName: string,
  text: string,
  settings: Settings,
  now: Date,
): Promise<ClipOutcome> {
  const pick = await findPick(pickId);
  if (pick === null) return { kind: 'error', message: t('workerPickGone') };
  if (!/\.md$/i.test(fileName) || /[/\\]/.test(fileName)) {
    return { kind: 'error', message: t('workerPickNotMarkdown', fileName) };
  }
  const { submission, date } = pick;
  const noteTitle = targetTitle(submission.target);
  let applied: AppliedClips;
  try {
    // A batch's clips ("Add all tabs…") all go into the one download.
    const clips = [submission.clip, ...(pick.more ?? [])];
    applied = applyClips(text, clips, { tags: submission.tags, date }, noteOptionsFrom(settings));
  } catch (error) {
    if (error instanceof NoteFormatError) {
      return { kind: 'error', message: t('workerPickCannotEdit', fileName, error.message) };
    }
    throw error;
  }
  const added = applied.statuses.includes('added');
  if (added) {
    const filename = `${settings.downloadFolder}/${fileName}`;
    try {
      await downloadText(filename, applied.text, 'overwrite');
    } catch (error) {
      // The pick stays, so the person can try again: the clip exists nowhere else.
      return {
        kind: 'error',
        message: t('workerPickDownloadFailed', error instanceof Error ? error.message : String(error)),
      };
    }
  }
  await removePick(pickId);
  await rememberRecentNote({
    path: fileName,
    title: noteTitle,
    tags: submission.tags,
    updated: date,
    mtime: now.getTime(),
  });
  if (!added) {
    return {
      kind: 'already-present',
      notePath: fileName,
      noteTitle,
      callout: renderCallout(settings.calloutTemplate, submission.clip),
    };
  }
  return { kind: 'downloaded', filename: `${settings.downloadFolder}/${fileName}` };
}
