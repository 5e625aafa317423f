import type { Command } from 'commander';
import { configDir } from '../config';
import { runHost } from '../host/run-host';

/** `refclip host`: what the browser starts through the native messaging manifest `refclip install` writes. */
export function registerHostCommand(program: Command): void {
  program
    .command('host')
    .description('talk to the refclip extension over native messaging on stdin/stdout (the browser starts this)')
    .option('--config-dir <dir>', 'config folder (default $REFCLIP_CONFIG_DIR, $XDG_CONFIG_HOME/refclip)')
    // Browsers pass the caller: Chrome its origin (and --parent-window on Windows), Firefox the manifest path and
    // the extension id. The manifest already names who may call, so these are accepted and not needed.
    .argument('[caller...]')
    .allowUnknownOption()
    .action(async (_caller: string[], options: { configDir?: string }) => {
      await runHost({ configDir: options.configDir ?? configDir(), input: process.stdin, output: process.stdout });
    });
}
