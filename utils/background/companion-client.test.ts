import { useEnglishMessages } from '../../components/testing/fake-i18n';
import { beforeEach, describe, expect, it } from 'vitest';
import { CompanionError, createCompanionClient } from './companion-client';

type Answer = { status: number; body: unknown } | 'refused';

function clientAnswering(answer: Answer, token: string | null = 'secret-token') {
  const seen: { url: string; headers: Headers; body?: string }[] = [];
  const client = createCompanionClient({
    url: 'http://127.0.0.1:47813',
    token,
    fetch: async (input, init) => {
      seen.push({ url: String(input), headers: new Headers(init?.headers), body: init?.body as string | undefined });
      if (answer === 'refused') throw new TypeError('Failed to fetch');
      return new Response(JSON.stringify(answer.body), { status: answer.status });
    },
  });
  return { client, seen };
}

async function failure(promise: Promise<unknown>): Promise<CompanionError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof CompanionError)) throw new Error(`expected a CompanionError, got ${String(error)}`);
  return error;
}

beforeEach(() => useEnglishMessages());

describe('companion client', () => {
  it("takes a clip back with DELETE /v1/clips/{id} and body {}, and passes a 409 on in the companion's words", async () => {
    const { client, seen } = clientAnswering({ status: 200, body: { status: 'undone', path: 'a.md' } });
    expect(await client.undoClip('Ab-_9')).toEqual({ status: 'undone', path: 'a.md' });
    expect([seen[0]?.url, seen[0]?.body]).toEqual(['http://127.0.0.1:47813/v1/clips/Ab-_9', '{}']);
    const said = 'a.md no longer holds the callout refclip added, so it was left alone';
    const refused = clientAnswering({ status: 409, body: { error: { code: 'note-changed', message: said } } });
    const error = await failure(refused.client.undoClip('Ab-_9'));
    expect([error.kind, error.message, error.status]).toEqual(['rejected', said, 409]);
  });

  it('sends the token in the Authorization header only, and JSON bodies', async () => {
    const { client, seen } = clientAnswering({ status: 200, body: { status: 'added', path: 'a.md' } });
    await client.postClip({ note: { path: 'a.md' }, clip: { url: 'https://x.example/', title: 't', publisher: 'p' } });
    expect(seen[0]?.url).toBe('http://127.0.0.1:47813/v1/clips');
    expect(seen[0]?.headers.get('authorization')).toBe('Bearer secret-token');
    expect(seen[0]?.headers.get('content-type')).toBe('application/json');
    expect(JSON.parse(seen[0]?.body ?? '')).toEqual({
      note: { path: 'a.md' },
      clip: { url: 'https://x.example/', title: 't', publisher: 'p' },
    });
  });

  it('pings without a token and encodes queries', async () => {
    const { client, seen } = clientAnswering({ status: 200, body: { notes: [] } });
    await client.searchNotes('grid & power', 5);
    expect(seen[0]?.url).toBe('http://127.0.0.1:47813/v1/notes?q=grid+%26+power&limit=5');
    await client.ping();
    expect(seen[1]?.headers.has('authorization')).toBe(false);
  });

  it.each([
    ['refused', 'offline', 'The refclip companion is not answering at 127.0.0.1:47813. Start it with "refclip serve".'],
    [
      { status: 503, body: { error: { code: 'write-failed', message: 'no space left on the disk' } } },
      'offline',
      'no space left on the disk',
    ],
    [
      { status: 401, body: { error: { code: 'unauthorized', message: 'bad token' } } },
      'refused',
      'The companion refused refclip\'s token. Pair again: run "refclip pair" and open the link it prints.',
    ],
    [
      { status: 404, body: { error: { code: 'not-found', message: 'no note at a.md' } } },
      'rejected',
      'no note at a.md',
    ],
    [{ status: 400, body: 'not json at all' }, 'rejected', 'The companion refused the request (HTTP 400).'],
  ] as const)('maps %j to %s with a plain message', async (answer, kind, message) => {
    const { client } = clientAnswering(answer as Answer);
    const error = await failure(client.vault());
    expect(error.kind).toBe(kind);
    expect(error.message).toBe(message);
  });

  it('refuses to call an authorised route before pairing', async () => {
    const { client, seen } = clientAnswering({ status: 200, body: {} }, null);
    expect((await failure(client.listTags())).kind).toBe('refused');
    expect(seen).toEqual([]);
  });
});
