import { useEnglishMessages } from '../../components/testing/fake-i18n';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ClipSubmission } from '../messaging/protocol';
import { saveCompanionToken, saveSettings } from '../settings-store';
import { submitClip } from './clip-service';
import { flushOutbox, OUTBOX_ALARM, retryDelay, sendOutboxAsDownloads } from './outbox';
import { readOutbox } from './outbox-store';
import { fakeCompanion, type FakeCompanion } from './testing/fake-companion';

const TOKEN = 'k'.repeat(43);
let companion: FakeCompanion;
let badge: string;

const submission = (
  url: string,
  target: ClipSubmission['target'] = { path: 'notes/grid.md', title: 'Grid' },
): ClipSubmission => ({
  target,
  clip: { url, title: 'Storage prices fall', publisher: 'Example' },
  tags: ['energy'],
});

beforeEach(async () => {
  fakeBrowser.reset();
  useEnglishMessages();
  badge = '';
  fakeBrowser.action.setBadgeText = vi.fn(async ({ text }: { text: string }) => {
    badge = text;
  }) as never;
  fakeBrowser.action.setBadgeBackgroundColor = vi.fn(async () => {}) as never;
  companion = fakeCompanion(TOKEN);
  vi.stubGlobal('fetch', companion.fetch);
  await saveSettings({ companionUrl: 'http://127.0.0.1:47813' });
  await saveCompanionToken(TOKEN);
});
afterEach(() => vi.unstubAllGlobals());

describe('outbox', () => {
  it('queues a clip the companion cannot take, shows the count and sets a retry alarm', async () => {
    companion.state = 'offline';
    const outcome = await submitClip(submission('https://example.com/a'), new Date(2026, 10, 27, 9));
    expect(outcome).toEqual({
      kind: 'queued',
      waiting: 1,
      reason: 'The refclip companion is not answering at 127.0.0.1:47813. Start it with "refclip serve".',
      alreadyWaiting: false,
    });
    const [entry] = await readOutbox();
    expect(entry?.submission).toEqual(submission('https://example.com/a'));
    expect(entry?.date).toBe('2026-11-27');
    expect(badge).toBe('1');
    expect(await fakeBrowser.alarms.get(OUTBOX_ALARM)).toBeDefined();
  });

  it('keeps one clip per URL and note, the latest, and says it was already waiting', async () => {
    companion.state = 'offline';
    await submitClip(submission('https://example.com/a'));
    const again = { ...submission('https://example.com/a#top'), tags: ['storage'] };
    expect(await submitClip(again)).toMatchObject({ kind: 'queued', waiting: 1, alreadyWaiting: true });
    expect((await readOutbox()).map((entry) => entry.submission)).toEqual([again]);
    const otherNote = submission('https://example.com/a', { path: 'notes/other.md' });
    expect(await submitClip(otherNote)).toMatchObject({ waiting: 2, alreadyWaiting: false });
    expect(badge).toBe('2');
  });

  it("queues on a 5xx with the companion's own words, and on a refused token", async () => {
    companion.state = 507;
    const full = await submitClip(submission('https://example.com/a'));
    expect(full).toMatchObject({ kind: 'queued', reason: 'the disk is full' });
    companion.state = 'up';
    await saveCompanionToken('w'.repeat(43));
    const refused = await submitClip(submission('https://example.com/b'));
    expect(refused).toMatchObject({ kind: 'queued', waiting: 2 });
    expect((refused as { reason: string }).reason).toContain('refused');
  });

  it('sends the note settings of the moment with each clip, also when a queued clip goes out later', async () => {
    await saveSettings({ calloutTemplate: '> [!source] {title}\n> {url}', sourcesHeading: 'Reading' });
    await submitClip(submission('https://example.com/now'));
    companion.state = 'offline';
    await submitClip(submission('https://example.com/later'));
    await saveSettings({ sourcesHeading: 'Further reading' });
    companion.state = 'up';
    await flushOutbox({ force: true });
    expect(
      companion.applied.map((body) => [body.clip.url, body.options?.calloutTemplate, body.options?.sourcesHeading]),
    ).toEqual([
      ['https://example.com/now', '> [!source] {title}\n> {url}', 'Reading'],
      ['https://example.com/later', '> [!source] {title}\n> {url}', 'Further reading'],
    ]);
  });

  it('delivers queued clips oldest first, exactly once, and clears the badge', async () => {
    companion.state = 'offline';
    await submitClip(submission('https://example.com/a'));
    await submitClip(submission('https://example.com/b'));
    companion.state = 'up';
    const delivered = await flushOutbox({ force: true });
    expect(delivered.map((outcome) => outcome.kind)).toEqual(['added', 'added']);
    expect(companion.applied.map((body) => body.clip.url)).toEqual(['https://example.com/a', 'https://example.com/b']);
    expect(await readOutbox()).toEqual([]);
    expect(badge).toBe('');
    const sent = companion.requests.length;
    expect(await flushOutbox({ force: true })).toEqual([]);
    expect(companion.requests).toHaveLength(sent);
  });

  it('adds a callout once when an answer was lost and the clip is sent again', async () => {
    companion.loseAnswers = 1;
    const first = await submitClip(submission('https://example.com/a'));
    expect(first.kind).toBe('queued');
    const delivered = await flushOutbox({ force: true });
    expect(delivered.map((outcome) => outcome.kind)).toEqual(['already-present']);
    expect(companion.applied).toHaveLength(1);
  });

  it('does not create a second note when the answer to a creation was lost', async () => {
    companion.loseAnswers = 1;
    await submitClip(submission('https://example.com/a', { create: { title: 'Batteries' } }));
    const delivered = await flushOutbox({ force: true });
    expect(delivered).toMatchObject([{ kind: 'created', notePath: 'Batteries.md', noteTitle: 'Batteries' }]);
    expect(companion.requests.filter((request) => request === 'POST /v1/clips')).toHaveLength(1);
  });

  it('keeps clips that are not due, and stops at the first failure with a longer wait', async () => {
    companion.state = 'offline';
    const start = Date.now();
    await submitClip(submission('https://example.com/a'));
    await submitClip(submission('https://example.com/b'));
    expect(await flushOutbox({ force: false, now: () => start })).toEqual([]);
    await flushOutbox({ force: false, now: () => start + retryDelay(1) + 1 });
    const [first, second] = await readOutbox();
    expect(first?.attempts).toBe(2);
    expect(first?.nextAttemptAt).toBe(start + retryDelay(1) + 1 + retryDelay(2));
    expect(second?.attempts).toBe(1);
    expect(companion.requests.filter((request) => request === 'POST /v1/clips')).toHaveLength(3);
  });

  it('sets aside a clip the companion refuses outright instead of retrying it forever', async () => {
    companion.state = 'offline';
    await submitClip(submission('https://example.com/a'));
    companion.state = 400;
    await flushOutbox({ force: true });
    const [entry] = await readOutbox();
    expect(entry?.stuck).toBe(true);
    companion.state = 'up';
    expect(await flushOutbox({ force: true })).toEqual([]);
    expect(await readOutbox()).toHaveLength(1);
  });

  it('sends waiting clips as downloads on request: new notes downloaded, existing ones to the pick page', async () => {
    companion.state = 'offline';
    await submitClip(submission('https://example.com/a', { create: { title: 'Batteries' } }));
    await submitClip(submission('https://example.com/b'));
    const downloaded: string[] = [];
    fakeBrowser.downloads.onChanged.addListener = vi.fn() as never;
    fakeBrowser.downloads.download = vi.fn(async (options: { filename: string }) => {
      downloaded.push(options.filename);
      return 1;
    }) as never;
    const opened: string[] = [];
    fakeBrowser.tabs.create = vi.fn(async (options: { url: string }) => {
      opened.push(options.url);
      return {} as never;
    }) as never;
    expect(await sendOutboxAsDownloads(new Date(2026, 10, 27))).toEqual({ downloaded: 2 });
    expect(downloaded).toEqual(['refclip/Batteries.md']);
    expect(opened).toEqual([expect.stringMatching(/\/pick-note\.html\?id=[\w-]+$/)]);
    expect(await readOutbox()).toEqual([]);
    expect(badge).toBe('');
  });

  it('backs off from 30 s up to 30 min', () => {
    expect([1, 2, 3, 7, 20].map(retryDelay)).toEqual([30_000, 60_000, 120_000, 1_800_000, 1_800_000]);
  });
});
