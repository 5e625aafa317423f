import { describe, expect, it } from 'vitest';
import { CompanionError } from './companion-error';
import { createCompanionClient } from './companion-client';
import { firstReachable, type CompanionTransport, type TransportAnswer } from './companion-transport';

function transport(
  delivery: 'native' | 'http',
  answer: TransportAnswer | CompanionError,
): CompanionTransport & {
  calls: string[];
} {
  const calls: string[] = [];
  return {
    delivery,
    where: delivery,
    calls,
    send: async (request) => {
      calls.push(`${request.method} ${request.path}`);
      if (answer instanceof CompanionError) throw answer;
      return answer;
    },
  };
}

describe('one client over several transports', () => {
  it('uses native messaging first and says so', async () => {
    const native = transport('native', { status: 200, body: { name: 'notes', notes: 3 } });
    const http = transport('http', { status: 200, body: { name: 'other', notes: 1 } });
    const client = createCompanionClient({ transport: firstReachable([native, http]) });
    expect(await client.vault()).toEqual({ name: 'notes', notes: 3 });
    expect(client.delivery()).toBe('native');
    expect(http.calls).toEqual([]);
  });

  it('passes a request on to HTTP only when the host cannot be reached', async () => {
    const native = transport('native', new CompanionError('offline', 'no host'));
    const http = transport('http', { status: 201, body: { status: 'created', path: 'a.md' } });
    const client = createCompanionClient({ transport: firstReachable([native, http]) });
    const body = { note: { create: { title: 'A' } }, clip: { url: 'https://x.example/', title: 't', publisher: 'p' } };
    expect(await client.postClip(body)).toEqual({ status: 'created', path: 'a.md' });
    expect([native.calls, http.calls]).toEqual([['POST /v1/clips'], ['POST /v1/clips']]);
    expect(client.delivery()).toBe('http');
  });

  it('keeps an answer the companion gave (a refused note) instead of asking the next transport', async () => {
    const native = transport('native', { status: 400, body: { error: { code: 'invalid-path', message: 'bad path' } } });
    const http = transport('http', { status: 200, body: { status: 'added', path: 'a.md' } });
    const client = createCompanionClient({ transport: firstReachable([native, http]) });
    await expect(client.listTags()).rejects.toMatchObject({ kind: 'rejected', status: 400, message: 'bad path' });
    expect(http.calls).toEqual([]);
  });

  it('reports offline when no transport reaches a companion', async () => {
    const client = createCompanionClient({
      transport: firstReachable([
        transport('native', new CompanionError('offline', 'no host')),
        transport('http', new CompanionError('offline', 'no server')),
      ]),
    });
    await expect(client.ping()).rejects.toMatchObject({ kind: 'offline', message: 'no server' });
    expect(client.delivery()).toBeNull();
  });
});
