import { browser, type Browser } from 'wxt/browser';
import { onMessage, type ProtocolMap } from '../messaging/protocol';
import { handleApplyToPickedNote, handleGetPick } from './handlers/picks';
import { handleFindSources, handleListTags, handleSearchNotes, handleSuggestNotes } from './handlers/companion-lookups';
import { handleExtractTab } from './handlers/extract-tab';
import { handleFileAllTabs } from './handlers/file-all-tabs';
import { handleGetStatus } from './handlers/get-status';
import { handleSendOutboxAsDownloads } from './handlers/outbox-downloads';
import { handlePairCompanion } from './handlers/pair-companion';
import { handleSubmitClip } from './handlers/submit-clip';
import { handleUndoClip } from './handlers/undo-clip';

type Handlers = {
  [Type in keyof ProtocolMap]: (data: Parameters<ProtocolMap[Type]>[0]) => Promise<ReturnType<ProtocolMap[Type]>>;
};

/** One handler per message of the protocol; the type makes a missing or extra one a compile error. */
export const messageHandlers: Handlers = {
  extractTab: handleExtractTab,
  getStatus: handleGetStatus,
  searchNotes: handleSearchNotes,
  listTags: handleListTags,
  findSources: handleFindSources,
  suggestNotes: handleSuggestNotes,
  submitClip: handleSubmitClip,
  undoClip: handleUndoClip,
  pairCompanion: handlePairCompanion,
  sendOutboxAsDownloads: handleSendOutboxAsDownloads,
  getPick: handleGetPick,
  applyToPickedNote: handleApplyToPickedNote,
  fileAllTabs: handleFileAllTabs,
};

/**
 * Whether a message comes from one of refclip's own pages (popup, options, pick-note), not from a web page or
 * another extension. No content script of ours talks to the worker, so every message must pass this.
 */
export function isOwnPage(sender: Browser.runtime.MessageSender): boolean {
  return (
    sender.id === browser.runtime.id &&
    typeof sender.url === 'string' &&
    sender.url.startsWith(browser.runtime.getURL('/'))
  );
}

function serve<Type extends keyof ProtocolMap>(type: Type): void {
  const handle = messageHandlers[type];
  onMessage(type, (message) => {
    if (!isOwnPage(message.sender)) throw new Error('refclip answers only its own pages.');
    return handle(message.data as Parameters<ProtocolMap[Type]>[0]);
  });
}

export function registerMessageHandlers(): void {
  for (const type of Object.keys(messageHandlers) as (keyof ProtocolMap)[]) serve(type);
}
