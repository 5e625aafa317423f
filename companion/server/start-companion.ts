import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { pairingLink } from '../../utils/core/pairing';
import { DEFAULT_COMPANION_PORT, migrateSettings, noteOptionsFrom } from '../../utils/core/settings';
import { CHROME_EXTENSION_ID } from '../../utils/extension-ids';
import { loadConfig, loadOrCreateToken, tokenFile, updateConfig } from '../config';
import { NoteClipper, type BeforeCommit } from '../vault/note-clipper';
import { warmNoteWorker } from '../vault/off-thread';
import { Vault } from '../vault/vault';
import { createApp } from './app';
import { OriginAllowlist } from './origin-allowlist';
import { TokenFile } from './token-file';

export interface StartOptions {
  configDir: string;
  /** Vault folder; the remembered one when absent. */
  vault?: string;
  /** Port on 127.0.0.1 (0: any free one); the remembered one, else 47813, when absent. */
  port?: number;
  /** Extra exact origins to allow (`--allow-origin`). */
  allowOrigins?: string[];
  log?: (line: string) => void;
  beforeCommit?: BeforeCommit;
}

export interface RunningCompanion {
  port: number;
  vault: Vault;
  close(): Promise<void>;
}

/** How to pair, as `serve` prints it on start and `refclip pair` prints it again. */
export function pairingInstructions(port: number, token: string): string {
  return [
    'Pair the extension:',
    `  Chrome/Chromium: open ${pairingLink(port, token, CHROME_EXTENSION_ID)}`,
    `  Firefox: paste the token in refclip's options: ${token}`,
  ].join('\n');
}

function listen(app: ReturnType<typeof createApp>, port: number) {
  return new Promise<ReturnType<typeof serve>>((done, fail) => {
    const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port }, () => done(server));
    server.once('error', (error: NodeJS.ErrnoException) =>
      fail(
        error.code === 'EADDRINUSE' ? new Error(`port ${port} is in use: pass --port N (0 picks a free one)`) : error,
      ),
    );
  });
}

/** Loads config and token, indexes the vault, listens on 127.0.0.1 and remembers vault and port. */
export async function startCompanion(options: StartOptions): Promise<RunningCompanion> {
  const log = options.log ?? ((line: string) => console.log(line));
  const config = await loadConfig(options.configDir);
  const vaultFolder = options.vault ?? config.vault;
  if (!vaultFolder) throw new Error('no vault yet: run refclip serve --vault DIR once (it is remembered)');
  const token = await loadOrCreateToken(options.configDir);
  const tokens = new TokenFile(tokenFile(options.configDir), token);
  // Its start and warm-up run on their own thread beside the index, so a first clip into a large note finds it ready.
  warmNoteWorker();
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const vault = await Vault.open(resolve(vaultFolder), noteOptionsFrom(migrateSettings(config.settings)));
  const indexMs = Math.round(performance.now() - started);
  const cpu = process.cpuUsage(cpuBefore);
  const indexCpuMs = Math.round((cpu.user + cpu.system) / 1000);
  const origins = new OriginAllowlist(options.configDir, config.allowedOrigins, options.allowOrigins ?? []);
  let port = options.port ?? config.port ?? DEFAULT_COMPANION_PORT;
  const app = createApp({
    vault,
    clipper: new NoteClipper(vault, options.beforeCommit),
    token: () => tokens.current(),
    port: () => port,
    origins,
  });
  const server = await listen(app, port);
  port = (server.address() as AddressInfo).port;
  await updateConfig(options.configDir, (latest) => ({
    ...latest,
    vault: vault.root,
    port: options.port === 0 ? config.port : port,
  }));
  log(`refclip companion`);
  log(`  vault: ${vault.root} (${vault.index.size} notes, indexed in ${indexMs} ms, ${indexCpuMs} ms CPU)`);
  log(`  config: ${options.configDir}`);
  log(pairingInstructions(port, token));
  log(`listening on http://127.0.0.1:${port}`);
  return {
    port,
    vault,
    close: () =>
      new Promise<void>((done) => {
        vault.close();
        server.close(() => done());
        if ('closeAllConnections' in server) server.closeAllConnections();
      }),
  };
}
