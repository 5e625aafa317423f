import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { applyClip } from '../../utils/core/apply-clip';
import { DEFAULT_SETTINGS, noteOptionsFrom } from '../../utils/core/settings';
import { authorised, clipBody, postClip, rawRequest, startServe, type ServeProcess } from './support/serve-process';

// Each file starts a real `refclip serve` process; on a busy machine that takes seconds.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 30_000 });

/**
 * Issue 14's goal for a 5 MB note is a clip within 1 s and pings within 50 ms (p99). This test checks the outcome
 * (exact bytes, pings answered, the index updated) and prints the clip time and the ping latencies for the record;
 * timings are measured by `npm run bench:large-note`, not asserted here (a loaded machine would fail them).
 */
const HEAD = '---\ntitle: Big\nupdated: 2026-01-01\n---\n# Big\n\nProse.\n\n## sources\n\n';

/** `count` seed-shaped callouts of about 50 bytes each (100,000 of them: 5 MB). */
function callouts(count: number): string {
  return Array.from({ length: count }, (_, n) => `> [!ref] W - S${n}\n> https://w.example/${n}\n> Why: r.`).join(
    '\n\n',
  );
}

let root: string;
let vault: string;
let server: ServeProcess;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'refclip-large-'));
  vault = join(root, 'vault');
  mkdirSync(vault);
  writeFileSync(join(vault, 'huge.md'), `${HEAD}${callouts(100_000)}\n\n## linkage\n\n- [[Other]]\n`);
  writeFileSync(join(vault, 'list.md'), `${HEAD}- item\n${'lazy line of the item\n'.repeat(60_000)}`);
  server = await startServe({ vault, configDir: join(root, 'config') });
});

afterAll(async () => {
  await server.stop();
  rmSync(root, { recursive: true, force: true });
});

/** Pings one after another until `done` settles; the latencies in ms. */
async function pingWhile(done: Promise<unknown>): Promise<number[]> {
  let finished = false;
  void done.finally(() => (finished = true));
  const latencies: number[] = [];
  while (!finished) {
    const started = performance.now();
    const answer = await rawRequest(server.port, { path: '/v1/ping', headers: { host: `127.0.0.1:${server.port}` } });
    latencies.push(performance.now() - started);
    expect(answer.status).toBe(200);
  }
  return latencies;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((sorted.length * p) / 100) - 1)] ?? 0;
}

describe('a clip into a large note', () => {
  it.each([
    ['huge.md', '5 MB, 100,000 callouts'],
    ['list.md', 'a list item followed by 60,000 lines'],
  ])('%s (%s) is answered, and pings keep being answered while it runs', async (path) => {
    const before = readFileSync(join(vault, path), 'utf8');
    const started = performance.now();
    const clip = postClip(server, clipBody(path, 'https://new.example/story'));
    const [answer, latencies] = await Promise.all([clip, pingWhile(clip)]);
    const clipMs = performance.now() - started;
    expect(answer.status).toBe(200);
    expect(answer.json()).toEqual({ status: 'added', path, clipId: expect.any(String) });
    // The engine's result for the same clip, with the note settings the server defaults to.
    const request = JSON.parse(clipBody(path, 'https://new.example/story')) as Parameters<typeof applyClip>[1];
    const expected = applyClip(before, request, noteOptionsFrom(DEFAULT_SETTINGS));
    expect(expected.status).toBe('added');
    expect(expected.text).toContain('\n> https://new.example/story\n');
    expect(readFileSync(join(vault, path), 'utf8')).toBe(expected.text);
    console.log(
      `${path}: clip ${clipMs.toFixed(0)} ms, ${latencies.length} pings, ` +
        `p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms`,
    );
    expect(latencies.length).toBeGreaterThan(0);
  });

  it('is found again by the index: the new source is listed for its URL', async () => {
    const answer = await rawRequest(server.port, {
      path: `/v1/sources?url=${encodeURIComponent('https://new.example/story')}`,
      headers: authorised(server),
    });
    expect(answer.status).toBe(200);
    expect(JSON.stringify(answer.json())).toContain('huge.md');
  });
});
