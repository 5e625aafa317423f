/**
 * The host's cold start as the browser sees it (issue 15): spawn `refclip host` (compiled, as installed), send a
 * ping and a search at once, and time each answer; first without the index cache, then with it.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { encodeFrame, FrameReader } from '../companion/host/native-framing';
import type { NativeAnswer } from '../utils/core/native-protocol';
import { processCpuMs } from './serve-child';

const HOST = resolve(import.meta.dirname, '../dist/host-main.js');

interface HostStart {
  firstAnswerMs: number;
  firstSearchMs: number;
  /** CPU time the host used by each answer: on a busy machine wall time mostly measures the wait for a core. */
  firstAnswerCpuMs: number;
  firstSearchCpuMs: number;
  results: number;
}

async function startOnce(configDir: string, query: string): Promise<HostStart> {
  const started = performance.now();
  const child = spawn(process.execPath, [HOST], {
    env: { ...process.env, REFCLIP_CONFIG_DIR: configDir },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const reader = new FrameReader(16 * 1024 * 1024);
  const times = new Map<string, number>();
  const cpu = new Map<string, number>();
  let results = 0;
  const answered = new Promise<void>((done) => {
    child.stdout.on('data', (chunk: Buffer) => {
      for (const frame of reader.push(chunk)) {
        if (!('bytes' in frame)) continue;
        const answer = JSON.parse(frame.bytes.toString()) as NativeAnswer;
        times.set(answer.id, performance.now() - started);
        cpu.set(answer.id, processCpuMs(child.pid!));
        if (answer.id === 'search') results = (answer.body as { notes: unknown[] }).notes.length;
        if (times.size === 2) done();
      }
    });
  });
  child.stdin.write(encodeFrame({ id: 'ping', method: 'GET', path: '/v1/ping' }));
  child.stdin.write(encodeFrame({ id: 'search', method: 'GET', path: `/v1/notes?q=${query}&limit=20` }));
  await answered;
  const exited = new Promise((done) => child.once('exit', done));
  child.stdin.end();
  // The host writes the refreshed cache before it exits.
  await exited;
  return {
    firstAnswerMs: times.get('ping')!,
    firstSearchMs: times.get('search')!,
    firstAnswerCpuMs: cpu.get('ping')!,
    firstSearchCpuMs: cpu.get('search')!,
    results,
  };
}

/** Prints the `host cold start` lines for the vault at `vaultDir`. */
export async function benchHostStart(root: string, vaultDir: string, notes: number): Promise<void> {
  const configDir = join(root, 'host-config');
  mkdirSync(configDir, { recursive: true });
  writeFileSync(join(configDir, 'config.json'), JSON.stringify({ vault: vaultDir }));
  for (const label of ['without index cache', 'with index cache', 'with index cache, again']) {
    const run = await startOnce(configDir, 'grid');
    console.log(
      `host cold start ${label} (${notes} notes): first answer ${run.firstAnswerMs.toFixed(0)} ms ` +
        `(${run.firstAnswerCpuMs.toFixed(0)} ms CPU; goal ≤ 300 ms), first search result ` +
        `${run.firstSearchMs.toFixed(0)} ms (${run.firstSearchCpuMs.toFixed(0)} ms CPU; goal ≤ 1000 ms, ${run.results} results)`,
    );
  }
}
