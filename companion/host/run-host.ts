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
import { encodeFrame, FrameReader } from './native-framing';

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
 * every answer and the index cache are written, so the process may exit.
 */
export async function runHost(options: HostOptions): Promise<void> {
  const config = await loadConfig(options.configDir);
  if (!config.vault) throw new Error('no vault yet: run refclip install --vault DIR once');
  const started = await Vault.start(
    resolve(config.vault),
    noteOptionsFrom(migrateSettings(config.settings)),
    indexCacheFile(options.configDir, resolve(config.vault)),
  );
  started.indexed.catch((error: unknown) => console.error(`refclip: could not index the vault: ${String(error)}`));
  const app = createApp({
    vault: started.vault,
    clipper: new NoteClipper(started.vault),
    indexed: started.indexed,
    transport: 'native',
  });
  const reader = new FrameReader(MAX_REQUEST_FRAME_BYTES);
  const inFlight = new Set<Promise<void>>();
  const answer = (frame: Parameters<typeof answerFrame>[1]) => {
    const done = answerFrame(app, frame, MAX_REQUEST_FRAME_BYTES)
      .then((reply) => void options.output.write(encodeFrame(reply)))
      .finally(() => inFlight.delete(done));
    inFlight.add(done);
  };
  options.input.on('data', (chunk: Buffer) => reader.push(chunk).forEach(answer));
  await new Promise<void>((ended) => {
    options.input.once('end', ended);
    options.input.once('close', ended);
  });
  await Promise.allSettled([...inFlight]);
  await started.cacheSaved;
  started.vault.close();
}
