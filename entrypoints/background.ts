import { defineBackground } from 'wxt/utils/define-background';
import { handleContextMenuClick, registerContextMenu } from '../utils/background/context-menu';
import { registerMessageHandlers } from '../utils/background/message-handlers';
import { registerOutbox } from '../utils/background/outbox';
import { handleCommand, registerShortcuts } from '../utils/background/shortcuts';
import { cacheStoredState } from '../utils/background/stored-state';

export default defineBackground(() => {
  cacheStoredState();
  registerMessageHandlers();
  registerContextMenu();
  registerShortcuts();
  registerOutbox();
  // Native context menus and shortcuts cannot be triggered headless, so flow tests call the same handlers here
  // (Playwright's worker.evaluate, Firefox's getBackgroundPage). Only extension code can reach the worker's global.
  Object.assign(globalThis, { refclipTest: { handleContextMenuClick, handleCommand } });
});
