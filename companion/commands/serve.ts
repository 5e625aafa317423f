import type { Command } from 'commander';
import { DEFAULT_COMPANION_PORT } from '../../utils/core/settings';
import { configDir, loadConfig, loadOrCreateToken } from '../config';
import { pairingInstructions, startCompanion } from '../server/start-companion';

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d{1,5}$/.test(value) || port > 65535) throw new Error(`--port must be 0-65535, not ${value}`);
  return port;
}

/** An exact origin (`scheme://host[:port]`, nothing after it), as browsers send it in `Origin`. */
function collectOrigin(value: string, previous: string[]): string[] {
  if (!/^[a-z][a-z0-9+.-]*:\/\/[^/\s?#]+$/.test(value)) {
    throw new Error(`--allow-origin takes an exact origin like moz-extension://UUID, not ${value}`);
  }
  return [...previous, value];
}

/** `refclip serve` (the local server that edits the vault) and `refclip pair` (prints the pairing again). */
export function registerServeCommands(program: Command): void {
  program
    .command('serve')
    .description('serve the vault to the refclip extension on 127.0.0.1 (remembers vault and port)')
    .option('--vault <dir>', 'the folder of Markdown notes (remembered for next time)')
    .option('--port <n>', 'port on 127.0.0.1; 0 picks a free one (remembered unless 0)', parsePort)
    .option('--allow-origin <origin>', 'also allow this exact extension origin (repeatable)', collectOrigin, [])
    .option('--config-dir <dir>', 'config folder (default $REFCLIP_CONFIG_DIR, $XDG_CONFIG_HOME/refclip)')
    .action(async (options: { vault?: string; port?: number; allowOrigin: string[]; configDir?: string }) => {
      // Test seam (tests/companion/writes.test.ts): holds every write between its temp file and the final check,
      // so a test can land an outside edit exactly in that window of a real server process.
      const holdMs = Number(process.env.REFCLIP_TEST_COMMIT_DELAY_MS ?? 0);
      const companion = await startCompanion({
        configDir: options.configDir ?? configDir(),
        vault: options.vault,
        port: options.port,
        allowOrigins: options.allowOrigin,
        beforeCommit: holdMs > 0 ? () => new Promise((done) => setTimeout(done, holdMs)) : undefined,
      });
      const stop = () => void companion.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });

  program
    .command('pair')
    .description('print the token and the pairing link for the extension again')
    .option('--port <n>', 'the port serve listens on (default: the remembered one, else 47813)', parsePort)
    .option('--config-dir <dir>', 'config folder (default $REFCLIP_CONFIG_DIR, $XDG_CONFIG_HOME/refclip)')
    .action(async (options: { port?: number; configDir?: string }) => {
      const dir = options.configDir ?? configDir();
      const config = await loadConfig(dir);
      const token = await loadOrCreateToken(dir);
      console.log(pairingInstructions(options.port ?? config.port ?? DEFAULT_COMPANION_PORT, token));
    });
}
