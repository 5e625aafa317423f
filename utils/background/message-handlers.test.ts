import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { isOwnPage, messageHandlers } from './message-handlers';

beforeEach(() => fakeBrowser.reset());

describe('message handlers', () => {
  it('has exactly one handler per message of the protocol', () => {
    const protocol = readFileSync(new URL('../messaging/protocol.ts', import.meta.url), 'utf8');
    const map = protocol.slice(protocol.indexOf('export interface ProtocolMap'));
    const messages = [...map.slice(0, map.indexOf('\n}')).matchAll(/^ {2}(\w+)\(/gm)].map((match) => match[1]);
    expect(Object.keys(messageHandlers).sort()).toEqual(messages.sort());
    for (const handler of Object.values(messageHandlers)) expect(handler.name).toMatch(/^handle[A-Z]/);
  });

  it("accepts only the extension's own pages", () => {
    const own = fakeBrowser.runtime.getURL('/popup.html');
    const id = fakeBrowser.runtime.id;
    expect(isOwnPage({ id, url: own })).toBe(true);
    expect(isOwnPage({ id, url: 'https://evil.example/page', tab: { id: 3 } as never })).toBe(false);
    expect(isOwnPage({ id: 'another-extension', url: own })).toBe(false);
    expect(isOwnPage({ id })).toBe(false);
  });
});
