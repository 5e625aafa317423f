import type uFuzzy from '@leeoniya/ufuzzy';
import type { NoteSummary, SuggestedNote, SuggestPage, TagCount } from '../../utils/core/companion-api';
import type { NoteTopics } from '../suggest/note-topics';
import { DeferredSuggestIndex } from '../suggest/deferred-index';
import { LATIN_QUERY, latinExact, latinFuzzy, unicodeFuzzy } from './fuzzy-matchers';
import { BigramSets } from './bigram-sets';
import { candidates, letterMask } from './letter-mask';

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

/** A note as read from disk: what the index keeps, and what suggestion ranks it by (indexed, then dropped). */
export interface NoteRecord {
  note: IndexedNote;
  topics: NoteTopics;
}

/** More candidates than this are ranked by recency instead of by match quality (uFuzzy's info threshold). */
const RANK_THRESHOLD = 1000;

/** uFuzzy's exclusions (`-word`) and exact phrases (`"a b"`), which the letter pre-filter does not model. */
const QUERY_SYNTAX = /(?:^|\s)-|"/;

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

/**
 * Positions of the `limit` newest of `candidates`, newest first, in one pass over the packed modification times
 * (tens of thousands of candidates for a two-letter query): a min-heap of the best so far, so a vault whose files
 * happen to be listed oldest first costs no more than any other.
 */
function newest(mtimes: number[], candidates: Iterable<number>, limit: number): number[] {
  const heap: number[] = [];
  const swap = (a: number, b: number) => ([heap[a], heap[b]] = [heap[b]!, heap[a]!]);
  for (const position of candidates) {
    const mtime = mtimes[position]!;
    if (heap.length < limit) {
      heap.push(position);
      for (let at = heap.length - 1; at > 0;) {
        const parent = (at - 1) >> 1;
        if (mtimes[heap[parent]!]! <= mtimes[heap[at]!]!) break;
        swap(at, parent);
        at = parent;
      }
    } else if (limit > 0 && mtime > mtimes[heap[0]!]!) {
      heap[0] = position;
      for (let at = 0; ;) {
        const left = 2 * at + 1;
        let least = at;
        if (left < heap.length && mtimes[heap[left]!]! < mtimes[heap[least]!]!) least = left;
        if (left + 1 < heap.length && mtimes[heap[left + 1]!]! < mtimes[heap[least]!]!) least = left + 1;
        if (least === at) break;
        swap(at, least);
        at = least;
      }
    }
  }
  return heap.sort((a, b) => mtimes[b]! - mtimes[a]!);
}

function* range(count: number): Generator<number> {
  for (let i = 0; i < count; i++) yield i;
}

/**
 * The in-memory vault index: notes by path, a fuzzy-search haystack (title, aliases, path), tag counts, a
 * URL → notes map and the target-note suggestion index. Updated one note at a time by the scanner, the watcher
 * and the writer.
 */
export class VaultIndex {
  private readonly notes: IndexedNote[] = [];
  private readonly haystack: string[] = [];
  private readonly masks: number[] = [];
  private readonly pairs = new BigramSets();
  private readonly mtimes: number[] = [];
  private readonly positions = new Map<string, number>();
  /** Built on first use (a cold start need not wait for them), then kept current note by note. */
  private tagCounts: Map<string, TagCount> | null = null;
  private urlNotes: Map<string, Set<string>> | null = null;
  private readonly suggestions = new DeferredSuggestIndex();
  /** Notes searchable from the index cache whose topics are still being loaded (see `upsertNote`). */
  private readonly awaitingTopics = new Set<string>();

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

  /** Makes room for `count` notes ahead of a bulk load. */
  reserve(count: number): void {
    this.pairs.reserve(count);
  }

  upsert({ note, topics }: NoteRecord): void {
    this.awaitingTopics.delete(note.path);
    this.suggestions.upsert(note.path, topics, note.mtime, note.tags);
    this.place(note);
  }

  /**
   * Makes a note searchable before its topics are known (a cold start from the index cache); suggestion leaves it
   * out until `addTopics` brings them, unless a fresher `upsert` came first.
   */
  upsertNote(note: IndexedNote): void {
    this.suggestions.remove(note.path);
    this.awaitingTopics.add(note.path);
    this.place(note);
  }

  addTopics(path: string, topics: NoteTopics): void {
    if (!this.awaitingTopics.delete(path)) return;
    const note = this.get(path)!;
    this.suggestions.upsert(path, topics, note.mtime, note.tags);
  }

  /** The note's search entry, tag counts and cited URLs. */
  private place(note: IndexedNote): void {
    const position = this.positions.get(note.path);
    if (position === undefined) {
      this.positions.set(note.path, this.notes.length);
      this.notes.push(note);
      const entry = haystackEntry(note);
      this.pairs.set(this.haystack.length, entry);
      this.haystack.push(entry);
      this.masks.push(letterMask(entry));
      this.mtimes.push(note.mtime);
    } else {
      this.forget(this.notes[position]!);
      this.notes[position] = note;
      const entry = haystackEntry(note);
      this.pairs.set(position, entry, this.haystack[position]);
      this.haystack[position] = entry;
      this.masks[position] = letterMask(entry);
      this.mtimes[position] = note.mtime;
    }
    this.remember(note);
  }

  remove(path: string): void {
    const position = this.positions.get(path);
    if (position === undefined) return;
    this.awaitingTopics.delete(path);
    this.suggestions.remove(path);
    this.forget(this.notes[position]!);
    const last = this.notes.length - 1;
    this.pairs.clear(position, this.haystack[position]!);
    if (position !== last) {
      this.pairs.clear(last, this.haystack[last]!);
      this.pairs.set(position, this.haystack[last]!);
      this.notes[position] = this.notes[last]!;
      this.haystack[position] = this.haystack[last]!;
      this.masks[position] = this.masks[last]!;
      this.mtimes[position] = this.mtimes[last]!;
      this.positions.set(this.notes[position].path, position);
    }
    this.notes.pop();
    this.haystack.pop();
    this.masks.pop();
    this.mtimes.pop();
    this.positions.delete(path);
  }

  /** Forgets every note (the vault folder disappeared). */
  clear(): void {
    for (const path of this.paths()) this.remove(path);
  }

  /** Removes every note under a folder that disappeared. */
  removeFolder(folder: string): void {
    const prefix = folder + '/';
    for (const path of this.paths()) if (path.startsWith(prefix)) this.remove(path);
  }

  /** Holds suggestion's background indexing until the returned release is called (`DeferredSuggestIndex.hold`). */
  holdSuggestions(): () => void {
    return this.suggestions.hold();
  }

  /** Fuzzy search on title, aliases and path; an empty query lists the most recently modified notes. */
  search(query: string, limit: number): NoteSummary[] {
    this.suggestions.busy();
    const needle = query.trim();
    if (needle === '') return this.summaries(newest(this.mtimes, range(this.notes.length), limit));
    const exact = this.exactMatches(needle);
    if (exact !== null && exact.length >= limit) return this.rank(latinExact, exact, needle, limit);
    const fuzzy = LATIN_QUERY.test(needle) ? latinFuzzy : unicodeFuzzy;
    return this.rank(fuzzy, this.matches(needle), needle, limit);
  }

  private rank(fuzzy: uFuzzy, idxs: number[], needle: string, limit: number): NoteSummary[] {
    if (idxs.length === 0) return [];
    if (idxs.length > RANK_THRESHOLD) return this.summaries(newest(this.mtimes, idxs, limit));
    const info = fuzzy.info(idxs, this.haystack, needle);
    const order = fuzzy.sort(info, this.haystack, needle);
    return order.slice(0, limit).map((rank) => summarise(this.notes[info.idx[rank]!]!));
  }

  /** Typo-free matches of a plain Latin query (`null` for other queries), tried first because they are cheap. */
  private exactMatches(needle: string): number[] | null {
    if (!LATIN_QUERY.test(needle) || QUERY_SYNTAX.test(needle)) return null;
    const terms = latinExact.split(needle);
    if (terms.length === 0) return [];
    const possible = this.candidates(terms, 0);
    if (possible === null) return latinExact.filter(this.haystack, needle) ?? [];
    return possible.length === 0 ? [] : (latinExact.filter(this.haystack, needle, possible) ?? []);
  }

  /** Entries that may match every term, from the letter pairs then the letter masks; `null` as for the masks. */
  private candidates(terms: string[], allowedErrors: 0 | 1): number[] | null {
    return candidates(this.masks, this.pairs.candidates(this.masks.length, terms, allowedErrors), terms, allowedErrors);
  }

  private summaries(positions: number[]): NoteSummary[] {
    return positions.map((position) => summarise(this.notes[position]!));
  }

  /** Positions of the entries matching `needle`, unranked. */
  private matches(needle: string): number[] {
    if (!LATIN_QUERY.test(needle)) return unicodeFuzzy.search(this.haystack, needle, 0, 0)[0] ?? [];
    if (QUERY_SYNTAX.test(needle)) return latinFuzzy.search(this.haystack, needle, 0, 0)[0] ?? [];
    const terms = latinFuzzy.split(needle);
    if (terms.length === 0) return [];
    const possible = this.candidates(terms, 1);
    if (possible === null) return latinFuzzy.filter(this.haystack, needle) ?? [];
    return possible.length === 0 ? [] : (latinFuzzy.filter(this.haystack, needle, possible) ?? []);
  }

  /** The notes a page most likely belongs in, best first (`POST /v1/suggest`). */
  suggest(page: SuggestPage, limit: number): SuggestedNote[] {
    return this.suggestions.suggest(page, limit).map((found) => ({
      path: found.path,
      title: this.get(found.path)!.title,
      score: found.score,
      reasons: found.reasons,
    }));
  }

  tags(): TagCount[] {
    if (this.tagCounts === null) {
      this.tagCounts = new Map();
      for (const note of this.notes) this.countTags(note, 1);
    }
    return [...this.tagCounts.values()]
      .map((entry) => ({ ...entry }))
      .sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
  }

  /** Notes that may cite a normalised URL. */
  citing(normalisedUrl: string): IndexedNote[] {
    if (this.urlNotes === null) {
      this.urlNotes = new Map();
      for (const note of this.notes) this.addUrls(note);
    }
    const paths = this.urlNotes.get(normalisedUrl);
    return paths ? [...paths].map((path) => this.get(path)!).filter(Boolean) : [];
  }

  private remember(note: IndexedNote): void {
    if (this.tagCounts !== null) this.countTags(note, 1);
    if (this.urlNotes !== null) this.addUrls(note);
  }

  private forget(note: IndexedNote): void {
    if (this.tagCounts !== null) this.countTags(note, -1);
    if (this.urlNotes === null) return;
    for (const url of note.urls) {
      const paths = this.urlNotes.get(url);
      paths?.delete(note.path);
      if (paths?.size === 0) this.urlNotes.delete(url);
    }
  }

  private countTags(note: IndexedNote, change: 1 | -1): void {
    const counts = this.tagCounts!;
    for (const tag of note.allTags) {
      const key = tag.toLowerCase();
      const entry = counts.get(key);
      if (entry) entry.count += change;
      else if (change > 0) counts.set(key, { tag, count: 1 });
      if (entry && entry.count <= 0) counts.delete(key);
    }
  }

  private addUrls(note: IndexedNote): void {
    const urlNotes = this.urlNotes!;
    for (const url of note.urls) {
      const paths = urlNotes.get(url);
      if (paths) paths.add(note.path);
      else urlNotes.set(url, new Set([note.path]));
    }
  }
}
