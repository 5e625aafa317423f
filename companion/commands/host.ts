import type { Command } from 'commander';
import { configDir } from '../config';
import { runHost } from '../host/run-host';

/** `refclip host`: what the browser starts through the native messaging manifest `refclip install` writes. */
export function registerHostCommand(program: Command): void {
  program
    .command('host')
    .description('talk to the refclip extension over native messaging on stdin/stdout (the browser starts this)')
    // Browsers pass the caller: Chrome its origin (and --parent-window on Windows), Firefox the manifest path and
    // the extension id. The manifest already names who may call, so these are accepted and not needed.
    .argument('[caller...]')
    .allowUnknownOption()
    // The config folder comes from REFCLIP_CONFIG_DIR, which the launcher `refclip install` writes sets.
    .action(async () => {
      await runHost({ configDir: configDir(), input: process.stdin, output: process.stdout });
      // As in host-main.ts: suggestion's topics may still be loading, for a browser that has gone.
      process.exit(0);
    });
}
