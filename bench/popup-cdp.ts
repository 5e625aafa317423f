import WebSocket from 'ws';

type Params = Record<string, unknown>;
type Listener = (params: Params, sessionId: string | undefined) => void;

/**
 * A bare DevTools Protocol connection to the whole browser. Playwright's CDP sessions cannot address the flattened
 * child sessions that `Target.setAutoAttach` creates, which is how the benchmark catches the toolbar popup before
 * its first script runs (shared docs/browser-testing.md).
 */
export interface CdpConnection {
  send<T = Params>(method: string, params?: Params, sessionId?: string): Promise<T>;
  on(event: string, listener: Listener): void;
  close(): void;
}

export async function connectCdp(webSocketUrl: string): Promise<CdpConnection> {
  const socket = new WebSocket(webSocketUrl, { perMessageDeflate: false });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  let nextId = 1;
  const pending = new Map<number, { resolve: (value: Params) => void; reject: (error: Error) => void }>();
  const listeners = new Map<string, Listener[]>();
  socket.on('message', (raw: Buffer) => {
    const message = JSON.parse(raw.toString()) as {
      id?: number;
      method?: string;
      params?: Params;
      result?: Params;
      error?: { message: string };
      sessionId?: string;
    };
    if (message.id !== undefined) {
      const waiter = pending.get(message.id);
      pending.delete(message.id);
      if (message.error) waiter?.reject(new Error(message.error.message));
      else waiter?.resolve(message.result ?? {});
    } else if (message.method) {
      for (const listener of listeners.get(message.method) ?? []) listener(message.params ?? {}, message.sessionId);
    }
  });
  return {
    send<T>(method: string, params: Params = {}, sessionId?: string): Promise<T> {
      const id = nextId++;
      socket.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
      return new Promise<T>((resolve, reject) =>
        pending.set(id, { resolve: resolve as (value: Params) => void, reject }),
      );
    },
    on(event, listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
    },
    close: () => socket.close(),
  };
}
