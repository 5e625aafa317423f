import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServe } from '../../companion/support/serve-process';

export interface CompanionProcess {
  port: number;
  origin: string;
  token: string;
  stop(signal?: NodeJS.Signals): Promise<void>;
  /** Stops the process where it is (SIGSTOP): requests wait, unanswered, until `resume`. */
  suspend(): void;
  resume(): void;
}

/**
 * Starts a real `refclip serve` on the given vault and port (0: ephemeral), with its own config folder (a temporary
 * one, removed on stop, unless given), and waits until it prints its address.
 */
export async function startCompanion(options: {
  vault: string;
  port?: number;
  configDir?: string;
}): Promise<CompanionProcess> {
  const configDir = options.configDir ?? mkdtempSync(join(tmpdir(), 'refclip-config-'));
  const serve = await startServe({ vault: options.vault, configDir, port: options.port });
  return {
    port: serve.port,
    origin: `http://127.0.0.1:${serve.port}`,
    token: serve.token,
    suspend: () => void serve.child.kill('SIGSTOP'),
    resume: () => void serve.child.kill('SIGCONT'),
    async stop(signal) {
      await serve.stop(signal);
      if (options.configDir === undefined) rmSync(configDir, { recursive: true, force: true });
    },
  };
}
