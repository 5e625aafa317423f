import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import type { Command } from 'commander';
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import type { ClipRequest } from '../../utils/core/clip';
import { clipRewrite, createNote, formatDate, isIsoDate, readNoteMeta } from '../../utils/core/index';
import type { NoteOptions } from '../../utils/core/note-options';
import { migrateSettings, noteOptionsFrom } from '../../utils/core/settings';
import { configDir, loadConfig } from '../config';
import { createExclusive } from '../vault/atomic-file';
import { storedSpelling } from '../vault/normalised-name';
import { NoteWriteError } from '../vault/note-write-error';
import type { LateWriteRescue } from '../vault/late-writes';
import { readNote, rewriteNote } from '../vault/note-writer';
import { WriteQueue } from '../vault/write-queue';

interface AddFlags {
  url: string;
  title: string;
  publisher: string;
  why?: string;
  quote?: string;
  tag: string[];
  date?: string;
  dryRun?: boolean;
}

/** A one-line problem `refclip add` reports (cli.ts prints it after `refclip: ` and exits 1). */
class AddError extends Error {}

function validate(notePath: string, flags: AddFlags): ClipRequest {
  if (extname(notePath).toLowerCase() !== '.md') throw new AddError(`${notePath}: the note must be a .md file`);
  let url: URL | null = null;
  try {
    url = new URL(flags.url);
  } catch {
    url = null;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new AddError(`--url must be an http(s) URL, got "${flags.url}"`);
  }
  for (const [flag, value] of [
    ['--title', flags.title],
    ['--publisher', flags.publisher],
  ] as const) {
    if (value.trim() === '') throw new AddError(`${flag} must not be empty`);
  }
  const date = flags.date ?? formatDate(new Date(), 'YYYY-MM-DD');
  if (!isIsoDate(date)) throw new AddError(`--date must be a real date written YYYY-MM-DD, got "${date}"`);
  return {
    clip: { url: flags.url, title: flags.title, publisher: flags.publisher, why: flags.why, quote: flags.quote },
    tags: flags.tag,
    date,
  };
}

/** `note_id`s of the other notes in the folder, so a new note gets the next free sequence of the day. */
async function siblingNoteIds(folder: string, except: string): Promise<string[]> {
  const names = (await readdir(folder)).filter((name) => name.toLowerCase().endsWith('.md') && name !== except);
  const ids = await Promise.all(
    names.map(async (name) => {
      const text = await readFile(join(folder, name), 'utf8').catch(() => '');
      return readNoteMeta(text).noteId;
    }),
  );
  return ids.filter((id): id is string => id !== null);
}

function printDiff(shownPath: string, before: string | null, after: string): void {
  const patch = createTwoFilesPatch(before === null ? '/dev/null' : shownPath, shownPath, before ?? '', after, '', '', {
    headerOptions: FILE_HEADERS_ONLY,
  });
  process.stdout.write(patch);
}

async function createMissingNote(shownPath: string, request: ClipRequest, options: NoteOptions, dryRun: boolean) {
  const folder = dirname(shownPath);
  const folderStat = await stat(folder).catch(() => null);
  if (!folderStat?.isDirectory()) throw new AddError(`${shownPath}: folder "${folder}" does not exist`);
  const note = createNote(request, options, await siblingNoteIds(folder, basename(shownPath)));
  if (dryRun) return printDiff(shownPath, null, note.text);
  if ((await createExclusive({ folder, name: basename(shownPath) }, note.text)) === null) {
    throw new AddError(`${shownPath}: a file of that name appeared meanwhile; nothing written`);
  }
  console.log(`created: ${shownPath}`);
}

/** Shows a diff of what the clip would do, without writing (`--dry-run`). */
async function previewClip(
  shownPath: string,
  notePath: string,
  request: ClipRequest,
  options: NoteOptions,
): Promise<void> {
  const note = await readNote({ path: notePath });
  const change = clipRewrite(request, options)(note.text);
  if (change.kind === 'refuse') throw new NoteWriteError('refused', change.reason);
  if (change.kind === 'unchanged') return console.log(`already present: ${shownPath}`);
  if (note.readOnly) throw new NoteWriteError('read-only', 'the note is read-only');
  printDiff(shownPath, note.text, change.text);
}

/**
 * Merges an editor's in-place save that landed in the file `refclip add` just replaced (`late-writes.ts`), one at a
 * time, as `refclip serve` does. The process lives on until the watch is over (its timers and the replaced file's
 * handle keep it alive): up to 3 seconds after the answer is printed. A save that cannot be merged is reported on
 * stderr and makes the exit code 1, the clip itself being written already.
 */
function lateWriteRescue(shownPath: string, notePath: string): LateWriteRescue {
  const queue = new WriteQueue();
  const rescue: LateWriteRescue = (transform) =>
    void queue.run(notePath, async () => {
      try {
        await rewriteNote({ path: notePath, lateWrites: rescue }, transform);
      } catch (error) {
        process.exitCode = 1;
        const why = error instanceof Error ? error.message : String(error);
        console.error(`refclip: ${shownPath}: an edit saved into it during the clip was not merged: ${why}`);
      }
    });
  return rescue;
}

async function addClip(shownPath: string, flags: AddFlags): Promise<void> {
  const request = validate(shownPath, flags);
  const notePath = await storedSpelling(shownPath);
  // The same note settings `refclip serve` writes with, so a note looks the same whichever door a clip came through.
  const options = noteOptionsFrom(migrateSettings((await loadConfig(configDir())).settings));
  try {
    if (flags.dryRun) return await previewClip(shownPath, notePath, request, options);
    // A symlinked note is written through to its target, the link itself stays.
    const target = { path: notePath, lateWrites: lateWriteRescue(shownPath, notePath) };
    const result = await rewriteNote(target, clipRewrite(request, options));
    console.log(`${result.outcome === 'replaced' ? 'added' : 'already present'}: ${shownPath}`);
  } catch (error) {
    if (!(error instanceof NoteWriteError)) throw error;
    if (error.problem === 'not-found') return createMissingNote(shownPath, request, options, flags.dryRun === true);
    throw new AddError(`${shownPath}: ${error.message}; nothing written`);
  }
}

const collect = (value: string, previous: string[]) => [...previous, value];

/** `refclip add NOTE.md --url … --title … --publisher … [--why] [--quote] [--tag]… [--date] [--dry-run]`. */
export function registerAddCommand(program: Command): void {
  program
    .command('add')
    .description('Add a source callout to a note (created when missing); prints added, created or already present.')
    .argument('<note>', 'the note, a .md file')
    .requiredOption('--url <url>', 'URL of the source')
    .requiredOption('--title <title>', 'title of the source')
    .requiredOption('--publisher <name>', 'short publisher name ("BBC", "Reuters")')
    .option('--why <text>', 'why the source matters')
    .option('--quote <markdown>', "a quote from the source, as Markdown (the callout's {quote} lines)")
    .option('--tag <tag>', 'a tag to merge into the note (repeatable)', collect, [])
    .option('--date <date>', 'clip date, YYYY-MM-DD (default: today, local time)')
    .option('--dry-run', 'print a unified diff and write nothing')
    .action(async (note: string, flags: AddFlags) => addClip(note, flags));
}
