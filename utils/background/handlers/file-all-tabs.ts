import type { TabsOutcome } from '../../messaging/protocol';
import { fileAllTabs, type TabsTarget } from '../all-tabs';

/** `fileAllTabs`: the popup's "Add all tabs in this window" (it asked for the permission on the click). */
export function handleFileAllTabs(data: { target: TabsTarget; windowId?: number }): Promise<TabsOutcome> {
  return fileAllTabs(data.target, data.windowId);
}
