import uFuzzy from '@leeoniya/ufuzzy';
import type { NoteSummary, TagCount } from '../../utils/core/companion-api';

/** What the index keeps of one note: enough to search, list tags and find cited URLs without reading it. */
export interface IndexedNote {
  /** Vault-relative, `/`-separated. */
  path: string;
  /** Frontmatter `title`, else the file name without `.md`. */
  title: string;
  aliases: string[];
  /** Frontmatter tags. */
  tags: string[];
  /** Frontmatter tags and inline `#tags`, as counted by `GET /v1/tags`. */
  allTags: string[];
  updated: string | null;
  noteId: string | null;
  mtime: number;
  /** Normalised URLs that may be cited (a superset; `GET /v1/sources` confirms with the note engine). */
  urls: string[];
}

/** Latin letters with Latin-1 accents: uFuzzy's fast mode, used for every query written in them. */
const latinFuzzy = new uFuzzy({ alpha: 'a-zà-öø-ÿ', intraMode: 1 });

/** uFuzzy's universal settings from its README (about twice as slow), for queries in other scripts. */
const unicodeFuzzy = new uFuzzy({
  unicode: true,
  interSplit: "[^\\p{L}\\d']+",
  intraSplit: '\\p{Ll}\\p{Lu}',
  intraBound: '\\p{L}\\d|\\d\\p{L}|\\p{Ll}\\p{Lu}',
  intraChars: "[\\p{L}\\d']",
  intraContr: "'\\p{L}{1,2}\\b",
  intraMode: 1,
});

/** More candidates than this are ranked by recency instead of by match quality (uFuzzy's info threshold). */
const RANK_THRESHOLD = 1000;

/** Queries written in Latin-1 only (ASCII and Western accents) can use the fast matcher. */
const LATIN_QUERY = /^[ -\u00ff]*$/;

/** Title, aliases and path; the file name is left out when it only repeats the title, to keep entries short. */
function haystackEntry(note: IndexedNote): string {
  const fileStem = note.path.slice(0, -'.md'.length);
  const slash = fileStem.lastIndexOf('/');
  const where = fileStem.slice(slash + 1) === note.title ? fileStem.slice(0, slash + 1) : fileStem;
  return [note.title, ...note.aliases, where].filter((part) => part !== '').join(' · ');
}

export function summarise(note: IndexedNote): NoteSummary {
  return { path: note.path, title: note.title, tags: note.tags, updated: note.updated, mtime: Math.floor(note.mtime) };
}

/** Keeps the `limit` newest of `candidates`, newest first, without sorting all of them. */
function newest(notes: IndexedNote[], candidates: Iterable<number>, limit: number): IndexedNote[] {
  const top: IndexedNote[] = [];
  for (const position of candidates) {
    const note = notes[position];
    if (!note) continue;
    if (top.length === limit && note.mtime <= top[top.length - 1]!.mtime) continue;
    let at = top.length;
    while (at > 0 && top[at - 1]!.mtime < note.mtime) at--;
    top.splice(at, 0, note);
    if (top.length > limit) top.pop();
  }
  return top;
}

function* range(count: number): Generator<number> {
  for (let i = 0; i < count; i++) yield i;
}

/**
 * The in-memory vault index: notes by path, a fuzzy-search haystack (title, aliases, path), tag counts and a
 * URL → notes map. Updated one note at a time by the scanner, the watcher and the writer.
 */
export class VaultIndex {
  private readonly notes: IndexedNote[] = [];
  private readonly haystack: string[] = [];
  private readonly positions = new Map<string, number>();
  private readonly tagCounts = new Map<string, TagCount>();
  private readonly urlNotes = new Map<string, Set<string>>();

  get size(): number {
    return this.notes.length;
  }

  get(path: string): IndexedNote | undefined {
    const position = this.positions.get(path);
    return position === undefined ? undefined : this.notes[position];
  }

  paths(): string[] {
    return this.notes.map((note) => note.path);
  }

  noteIds(): Set<string> {
    const ids = new Set<string>();
    for (const note of this.notes) if (note.noteId) ids.add(note.noteId);
    return ids;
  }

  upsert(note: IndexedNote): void {
    const position = this.positions.get(note.path);
    if (position === undefined) {
      this.positions.set(note.path, this.notes.length);
      this.notes.push(note);
      this.haystack.push(haystackEntry(note));
    } else {
      this.forget(this.notes[position]!);
      this.notes[position] = note;
      this.haystack[position] = haystackEntry(note);
    }
    this.remember(note);
  }

  remove(path: string): void {
    const position = this.positions.get(path);
    if (position === undefined) return;
    this.forget(this.notes[position]!);
    const last = this.notes.length - 1;
    if (position !== last) {
      this.notes[position] = this.notes[last]!;
      this.haystack[position] = this.haystack[last]!;
      this.positions.set(this.notes[position].path, position);
    }
    this.notes.pop();
    this.haystack.pop();
    this.positions.delete(path);
  }

  /** Removes every note under a folder that disappeared. */
  removeFolder(folder: string): void {
    const prefix = folder + '/';
    for (const path of this.paths()) if (path.startsWith(prefix)) this.remove(path);
  }

  /** Fuzzy search on title, aliases and path; an empty query lists the most recently modified notes. */
  search(query: string, limit: number): NoteSummary[] {
    const needle = query.trim();
    if (needle === '') return newest(this.notes, range(this.notes.length), limit).map(summarise);
    const fuzzy = LATIN_QUERY.test(needle) ? latinFuzzy : unicodeFuzzy;
    const [idxs, info, order] = fuzzy.search(this.haystack, needle, 0, RANK_THRESHOLD);
    if (!idxs || idxs.length === 0) return [];
    if (!info || !order) return newest(this.notes, idxs, limit).map(summarise);
    return order.slice(0, limit).map((rank) => summarise(this.notes[info.idx[rank]!]!));
  }

  tags(): TagCount[] {
    return [...this.tagCounts.values()]
      .map((entry) => ({ ...entry }))
      .sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
  }

  /** Notes that may cite a normalised URL. */
  citing(normalisedUrl: string): IndexedNote[] {
    const paths = this.urlNotes.get(normalisedUrl);
    return paths ? [...paths].map((path) => this.get(path)!).filter(Boolean) : [];
  }

  private remember(note: IndexedNote): void {
    for (const tag of note.allTags) {
      const key = tag.toLowerCase();
      const entry = this.tagCounts.get(key);
      if (entry) entry.count++;
      else this.tagCounts.set(key, { tag, count: 1 });
    }
    for (const url of note.urls) {
      const paths = this.urlNotes.get(url);
      if (paths) paths.add(note.path);
      else this.urlNotes.set(url, new Set([note.path]));
    }
  }

  private forget(note: IndexedNote): void {
    for (const tag of note.allTags) {
      const key = tag.toLowerCase();
      const entry = this.tagCounts.get(key);
      if (!entry) continue;
      entry.count--;
      if (entry.count <= 0) this.tagCounts.delete(key);
    }
    for (const url of note.urls) {
      const paths = this.urlNotes.get(url);
      paths?.delete(note.path);
      if (paths?.size === 0) this.urlNotes.delete(url);
    }
  }
}
