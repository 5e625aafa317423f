import { randomBytes } from 'node:crypto';
import { UNDO_KEEP_MS } from '../../utils/core/companion-api';

/** What the companion needs to take a clip back: where it went and the bytes around it (`before` null: created). */
export interface UndoRecord {
  /** Vault-relative, as answered to the client. */
  path: string;
  /** The absolute path the clip was written through (resolved again, and confined to the vault, on undo). */
  requested: string;
  write: { before: string | null; after: string };
  /** The source note the clip created (the article's text), removed with the callout while it holds `text`. */
  source?: { path: string; absolute: string; text: string };
}

/**
 * Clips that can still be taken back, in memory only (a restart forgets them: Undo is for the minute after a clip),
 * each for `UNDO_KEEP_MS`. Ids are 128 random bits in base64url, so one cannot be guessed.
 */
export class UndoRecords {
  private readonly records = new Map<string, UndoRecord & { expires: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  remember(record: UndoRecord): string {
    this.dropExpired();
    const id = randomBytes(16).toString('base64url');
    this.records.set(id, { ...record, expires: this.now() + UNDO_KEEP_MS });
    return id;
  }

  find(id: string): UndoRecord | undefined {
    this.dropExpired();
    return this.records.get(id);
  }

  /** Adds the source note a clip created to what its Undo takes back. */
  addSource(id: string, source: NonNullable<UndoRecord['source']>): void {
    const record = this.records.get(id);
    if (record) record.source = source;
  }

  forget(id: string): void {
    this.records.delete(id);
  }

  private dropExpired(): void {
    const now = this.now();
    for (const [id, record] of this.records) if (record.expires <= now) this.records.delete(id);
  }
}
