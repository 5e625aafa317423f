import { defineExtensionMessaging } from '@webext-core/messaging';
import type { Clip } from '../core/clip';
import type { NoteSummary, SourceOutcome, SuggestedNote, SuggestPage, TagCount } from '../core/companion-api';
import type { TabsReport } from '../core/tabs-batch';
import type { PageMetadata } from '../extract/metadata';

/** Where a clip goes: an existing note (vault-relative path) or a new one. */
export type ClipTarget = { path: string; title?: string } | { create: { title: string; folder?: string } };

/** What the popup (or the context menu) asks the worker to file. */
export interface ClipSubmission {
  target: ClipTarget;
  clip: Clip;
  tags: string[];
  /** Overrides the delivery mode of the settings for this clip. */
  delivery?: 'companion' | 'download';
  /**
   * The article's text (Markdown) to save as a source note linked from the callout; `folder` is filled from the
   * settings' `sourcesFolder` when the worker files it.
   */
  source?: { markdown: string; folder?: string };
}

/** How a submission ended, in words the popup and the notifications show. */
export type ClipOutcome =
  | {
      kind: 'added' | 'already-present' | 'created';
      notePath: string;
      noteTitle: string;
      callout: string;
      /** The companion's id for `undoClip` (added or created through the companion only). */
      clipId?: string;
      /** What became of the article's text, when the clip carried it. */
      source?: SourceOutcome;
    }
  /** `alreadyWaiting`: the same URL for the same note was waiting, and this clip took its place (still one). */
  | { kind: 'queued'; waiting: number; reason: string; alreadyWaiting: boolean }
  | { kind: 'downloaded'; filename: string; sourceFilename?: string }
  | { kind: 'pick-file'; pickerUrl: string; sourceFilename?: string }
  | { kind: 'error'; message: string };

/** How "Add all tabs in this window to note…" ended (`fileAllTabs`). */
export type TabsOutcome =
  | ({ kind: 'filed'; notePath: string; noteTitle: string } & TabsReport)
  /** The companion could not take the batch: each clip waits in the outbox. */
  | { kind: 'queued'; queued: number; unreadable: number; reason: string }
  /** Download delivery: the pick-note page opened to take the note's file. */
  | { kind: 'pick-file'; pickerUrl: string; unreadable: number }
  | { kind: 'error'; message: string };

/** How an Undo ended: the note as it was, or why it was left alone (the companion's words). */
export type UndoOutcome = { kind: 'undone'; notePath: string } | { kind: 'error'; message: string };

/** How the worker reaches the companion: the browser starting `refclip host`, or `refclip serve` on HTTP. */
export type Delivery = 'native' | 'http';

/** The companion as the worker last saw it. */
export type CompanionState =
  | { kind: 'ready'; vaultName: string; obsidian: boolean; delivery?: Delivery }
  | { kind: 'offline' }
  | { kind: 'unpaired' }
  | { kind: 'refused'; message: string };

/** A clip waiting in the pick-note page for the person to pick its note's file (download delivery). */
export interface PickInfo {
  noteTitle: string;
  /** The file name the target note is known by (`reading-list.md`). */
  expectedFileName: string;
  clipTitle: string;
  url: string;
}

export interface StatusReply {
  companion: CompanionState;
  /** Clips waiting in the outbox. */
  outbox: number;
  /** Most recent target notes, newest first (at most 5). */
  recentNotes: NoteSummary[];
}

/**
 * Every message between extension contexts: one entry per message, one handler each (in `utils/background/`).
 * Handlers that write accept messages only from the extension's own pages.
 */
export interface ProtocolMap {
  /**
   * Inject the extractor into a tab (the active tab of the focused window when no `tabId` is given) and return
   * what it found; after "Choose note…" on a link in that tab, the link instead (see `link-choice.ts`).
   */
  extractTab(data: { tabId?: number; markdown?: boolean }): PageMetadata | { error: string };
  getStatus(): StatusReply;
  searchNotes(data: { q: string; limit?: number }): NoteSummary[];
  listTags(): TagCount[];
  findSources(data: { url: string }): NoteSummary[];
  /** The notes the page most likely belongs in, best first (empty without a reachable companion). */
  suggestNotes(data: { page: SuggestPage; limit?: number }): SuggestedNote[];
  submitClip(data: ClipSubmission): ClipOutcome;
  /** Takes back a clip the companion added (`DELETE /v1/clips/{id}`). */
  undoClip(data: { clipId: string }): UndoOutcome;
  pairCompanion(data: { url: string; token: string }): CompanionState;
  sendOutboxAsDownloads(): { downloaded: number };
  /** What the pick-note page shows about the clip it files. */
  getPick(data: { id: string }): PickInfo | null;
  /** The note file the person picked: the worker applies the clip and downloads the result under the same name. */
  applyToPickedNote(data: { pickId: string; fileName: string; text: string }): ClipOutcome;
  /** Files every tab of the window (the focused one when no `windowId` is given) into an existing note. */
  fileAllTabs(data: { target: { path: string; title?: string }; windowId?: number }): TabsOutcome;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
