import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import type { Command } from 'commander';
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import type { ClipRequest } from '../../utils/core/clip';
import { applyClip, createNote, formatDate, isIsoDate, NoteFormatError, readNoteMeta } from '../../utils/core/index';
import type { NoteOptions } from '../../utils/core/note-options';
import { migrateSettings, noteOptionsFrom } from '../../utils/core/settings';
import { configDir, loadConfig } from '../config';
import { createExclusive, replaceIfUnchanged } from '../vault/atomic-file';

interface AddFlags {
  url: string;
  title: string;
  publisher: string;
  why?: string;
  tag: string[];
  date?: string;
  dryRun?: boolean;
}

/** A one-line problem `refclip add` reports (cli.ts prints it after `refclip: ` and exits 1). */
class AddError extends Error {}

/** How many times a note edited between our read and our write is re-read and the clip re-applied. */
const MAX_ATTEMPTS = 3;

/** Strict UTF-8 that keeps a BOM, so a note is never re-encoded (a stray byte would become U+FFFD on write). */
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

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
    clip: { url: flags.url, title: flags.title, publisher: flags.publisher, why: flags.why },
    tags: flags.tag,
    date,
  };
}

/** The note's text, or null when the file does not exist. */
async function readNote(path: string, shownPath: string): Promise<{ text: string; mode: number } | null> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    return { text: utf8.decode(bytes), mode: (await stat(path)).mode & 0o7777 };
  } catch {
    throw new AddError(`${shownPath}: not valid UTF-8; refclip leaves it untouched`);
  }
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
  if (!(await createExclusive(shownPath, note.text))) {
    throw new AddError(`${shownPath}: a file of that name appeared meanwhile; nothing written`);
  }
  console.log(`created: ${shownPath}`);
}

async function addClip(shownPath: string, flags: AddFlags): Promise<void> {
  const request = validate(shownPath, flags);
  // The same note settings `refclip serve` writes with, so a note looks the same whichever door a clip came through.
  const options = noteOptionsFrom(migrateSettings((await loadConfig(configDir())).settings));
  // Write through a symlinked note to its target instead of replacing the link with a file.
  const target = await realpath(shownPath).catch(() => shownPath);
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
    const note = await readNote(target, shownPath);
    if (!note) return createMissingNote(shownPath, request, options, flags.dryRun === true);
    let result: ReturnType<typeof applyClip>;
    try {
      result = applyClip(note.text, request, options);
    } catch (error) {
      if (error instanceof NoteFormatError) throw new AddError(`${shownPath}: ${error.message}; nothing written`);
      throw error;
    }
    if (result.status === 'already-present') return console.log(`already present: ${shownPath}`);
    // The rename below would bypass a read-only mode the user set on purpose.
    if ((note.mode & 0o222) === 0) throw new AddError(`${shownPath}: the note is read-only; nothing written`);
    if (flags.dryRun) return printDiff(shownPath, note.text, result.text);
    if ((await replaceIfUnchanged(target, result.text, note.text, note.mode)) === 'replaced') {
      return console.log(`added: ${shownPath}`);
    }
  }
  throw new AddError(`${shownPath}: the note keeps changing while refclip writes it; nothing written`);
}

const collect = (value: string, previous: string[]) => [...previous, value];

/** `refclip add NOTE.md --url … --title … --publisher … [--why] [--tag]… [--date] [--dry-run]`. */
export function registerAddCommand(program: Command): void {
  program
    .command('add')
    .description('Add a source callout to a note (created when missing); prints added, created or already present.')
    .argument('<note>', 'the note, a .md file')
    .requiredOption('--url <url>', 'URL of the source')
    .requiredOption('--title <title>', 'title of the source')
    .requiredOption('--publisher <name>', 'short publisher name ("BBC", "Reuters")')
    .option('--why <text>', 'why the source matters')
    .option('--tag <tag>', 'a tag to merge into the note (repeatable)', collect, [])
    .option('--date <date>', 'clip date, YYYY-MM-DD (default: today, local time)')
    .option('--dry-run', 'print a unified diff and write nothing')
    .action(async (note: string, flags: AddFlags) => addClip(note, flags));
}
