import type { SuggestPage } from '../../utils/core/companion-api';
import type { NoteTopics } from './note-topics';
import { SuggestIndex, type Suggestion } from './suggest-index';

/** A note read but not yet turned into index terms. */
interface PendingNote {
  topics: NoteTopics;
  mtime: number;
  tags: readonly string[];
}

/** How long the vault must go unused (no search, no upsert) before pending notes are indexed in the background. */
const QUIET_MS = 500;
/** Notes indexed per turn of the event loop in the background: a millisecond or two, so a request waits little. */
const BATCH = 50;
/** Cited sources indexed per turn in the background: a note citing more is indexed over several turns. */
const SOURCES_PER_STEP = 5000;

/**
 * The suggestion index, filled off the startup path: a note's topics are kept as read and turned into index terms
 * (most of suggestion's indexing cost) only when the vault has gone quiet, in small batches between requests, or
 * at once by the first suggestion that needs them. So the cold index, search and clipping do not wait for it,
 * and every suggestion still ranks every note.
 */
export class DeferredSuggestIndex {
  private readonly index = new SuggestIndex();
  /** In order of arrival; a note upserted again moves to the end. */
  private readonly pending = new Map<string, PendingNote>();
  private lastBusy = 0;
  /** Writes in progress (`hold`): background indexing waits for all of them to end. */
  private holds = 0;
  private scheduled: NodeJS.Timeout | NodeJS.Immediate | null = null;
  /** The next step of a note being indexed over several turns (`SuggestIndex.upsertInSteps`), and its path. */
  private inSteps: { path: string; next: () => boolean } | null = null;

  get pendingCount(): number {
    return this.pending.size;
  }

  upsert(path: string, topics: NoteTopics, mtime: number, tags: readonly string[]): void {
    this.dropSteps(path);
    this.index.remove(path);
    this.pending.delete(path);
    if (topics.sourceNote) return;
    this.pending.set(path, { topics, mtime, tags });
    this.busy();
  }

  remove(path: string): void {
    this.dropSteps(path);
    this.pending.delete(path);
    this.index.remove(path);
  }

  /** The `limit` notes that best fit a page (`SuggestIndex.suggest`), after indexing whatever is pending. */
  suggest(page: SuggestPage, limit: number): Suggestion[] {
    this.finishSteps();
    this.catchUp(Infinity);
    return this.index.suggest(page, limit);
  }

  /** Puts off background indexing: the vault is in use (a search, an upsert). */
  busy(): void {
    this.lastBusy = performance.now();
    if ((this.pending.size > 0 || this.inSteps) && this.scheduled === null) this.schedule(QUIET_MS);
  }

  /**
   * Holds background indexing until the returned release is called, then for `QUIET_MS` more: a clip into a large
   * note takes its worker thread's second of CPU, which on a 2-core machine this indexing would share.
   */
  hold(): () => void {
    this.holds++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.holds--;
      this.busy();
    };
  }

  /** Stops indexing `path` in steps: it is about to be replaced or removed (which removes what was indexed of it). */
  private dropSteps(path: string): void {
    if (this.inSteps?.path === path) this.inSteps = null;
  }

  /** Finishes indexing the note being indexed in steps, so a suggestion ranks all of it. */
  private finishSteps(): void {
    const steps = this.inSteps;
    this.inSteps = null;
    if (steps) while (steps.next());
  }

  /** Indexes up to `count` pending notes, oldest first. */
  private catchUp(count: number): void {
    for (const [path, { topics, mtime, tags }] of this.pending) {
      if (count-- <= 0) return;
      this.pending.delete(path);
      this.index.upsert(path, topics, mtime, tags);
    }
  }

  private schedule(delay: number): void {
    const step = () => this.backgroundStep();
    // Unreferenced: pending work never keeps the process alive.
    this.scheduled = delay > 0 ? setTimeout(step, delay).unref() : setImmediate(step).unref();
  }

  private backgroundStep(): void {
    this.scheduled = null;
    if (this.pending.size === 0 && !this.inSteps) return;
    // While held, the release reschedules (`busy`).
    if (this.holds > 0) return;
    const quietFor = performance.now() - this.lastBusy;
    if (quietFor < QUIET_MS) return this.schedule(QUIET_MS - quietFor);
    if (this.inSteps) {
      if (!this.inSteps.next()) this.inSteps = null;
    } else {
      const [oldest] = this.pending;
      if (oldest && oldest[1].topics.sources.length > SOURCES_PER_STEP) {
        const [path, { topics, mtime, tags }] = oldest;
        this.pending.delete(path);
        const next = this.index.upsertInSteps(path, topics, mtime, tags, SOURCES_PER_STEP);
        if (next()) this.inSteps = { path, next };
      } else this.catchUp(BATCH);
    }
    if (this.pending.size > 0 || this.inSteps) this.schedule(0);
  }
}
