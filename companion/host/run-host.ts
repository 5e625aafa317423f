import { resolve } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { MAX_BODY_BYTES } from '../../utils/core/companion-api';
import { migrateSettings, noteOptionsFrom } from '../../utils/core/settings';
import { loadConfig } from '../config';
import { createApp } from '../server/app';
import { indexCacheFile } from '../vault/index-cache';
import { NoteClipper } from '../vault/note-clipper';
import { Vault } from '../vault/vault';
import { answerFrame } from './native-dispatch';
import { encodeFrame, FrameReader, type Frame } from './native-framing';

/** A request may carry a 1 MB body (413 above it, as over HTTP); its envelope gets room on top. */
const MAX_REQUEST_FRAME_BYTES = MAX_BODY_BYTES + 64 * 1024;

export interface HostOptions {
  configDir: string;
  input: Readable;
  output: Writable;
}

/**
 * `refclip host`: the companion's routes over native messaging on `input`/`output` (the browser's pipes), through
 * the same app as `refclip serve` minus its HTTP-only guards. Opens no socket. Resolves once `input` has ended and
 * every answer and the index cache (when a note changed) are written, so the process may exit.
 */
export async function runHost(options: HostOptions): Promise<void> {
  // Listening first: frames that arrive while the vault opens wait in `early`, answered as soon as the app exists,
  // before the index work begins (a ping never waits for the index).
  const reader = new FrameReader(MAX_REQUEST_FRAME_BYTES);
  const early: Frame[] = [];
  let answer = (frame: Frame) => void early.push(frame);
  options.input.on('data', (chunk: Buffer) => reader.push(chunk).forEach((frame) => answer(frame)));
  const ended = new Promise<void>((end) => {
    options.input.once('end', end);
    options.input.once('close', end);
  });
  const config = await loadConfig(options.configDir);
  if (!config.vault) throw new Error('no vault yet: run refclip install --vault DIR once');
  const started = await Vault.start(
    resolve(config.vault),
    noteOptionsFrom(migrateSettings(config.settings)),
    indexCacheFile(options.configDir, resolve(config.vault)),
  );
  started.indexed.catch((error: unknown) => console.error(`refclip: could not index the vault: ${String(error)}`));
  // Handled here so they cannot end the process; the routes waiting for them answer (and the app logs) the error.
  started.counted.catch(() => undefined);
  started.suggestable.catch(() => undefined);
  const app = createApp({
    vault: started.vault,
    clipper: new NoteClipper(started.vault),
    counted: started.counted,
    indexed: started.indexed,
    suggestable: started.suggestable,
    transport: 'native',
  });
  const inFlight = new Set<Promise<void>>();
  answer = (frame) => {
    const done = answerFrame(app, frame, MAX_REQUEST_FRAME_BYTES)
      .then((reply) => void options.output.write(encodeFrame(reply)))
      .finally(() => inFlight.delete(done));
    inFlight.add(done);
  };
  early.splice(0).forEach(answer);
  await ended;
  await Promise.allSettled([...inFlight]);
  await started.cacheSaved;
  started.vault.close();
}
