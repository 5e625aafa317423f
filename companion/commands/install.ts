import { realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import { Option, type Command } from 'commander';
import { configDir } from '../config';
import { BROWSERS, type BrowserName, type Platform } from '../install/host-manifest';
import { chosenBrowsers, diagnose, installHost, uninstallHost, type SetupContext } from '../install/host-setup';

function setupContext(options: { configDir?: string }): SetupContext {
  const platform: Platform = process.platform === 'win32' || process.platform === 'darwin' ? process.platform : 'linux';
  return { platform, home: homedir(), configDir: options.configDir ?? configDir() };
}

const configOption = () =>
  new Option('--config-dir <dir>', 'config folder (default $REFCLIP_CONFIG_DIR, $XDG_CONFIG_HOME/refclip)');

/** `refclip install`, `uninstall` and `doctor`: registering `refclip host` with the browsers (issue 15). */
export function registerInstallCommands(program: Command): void {
  program
    .command('install')
    .description('let the browser start refclip itself (native messaging): no terminal, no port, no pairing')
    .option('--vault <dir>', 'the folder of Markdown notes (remembered)')
    .addOption(
      new Option('--browser <name>', 'the browser to register with; all: every one this person has used')
        .choices([...BROWSERS, 'all'])
        .default('all'),
    )
    .addOption(configOption())
    .action(async (options: { vault?: string; browser: BrowserName | 'all'; configDir?: string }) => {
      const context = setupContext(options);
      const lines = await installHost(context, {
        vault: options.vault,
        browsers: await chosenBrowsers(options.browser, context),
        node: process.execPath,
        cli: realpathSync(process.argv[1]!),
      });
      console.log(lines.join('\n'));
    });

  program
    .command('uninstall')
    .description('remove what refclip install wrote (your notes and the config stay)')
    .addOption(configOption())
    .action(async (options: { configDir?: string }) => {
      console.log((await uninstallHost(setupContext(options))).join('\n'));
    });

  program
    .command('doctor')
    .description('check, per browser, that refclip is registered, and that the vault is readable')
    .addOption(configOption())
    .action(async (options: { configDir?: string }) => {
      const report = await diagnose(setupContext(options));
      console.log(report.lines.join('\n'));
      if (!report.ok) process.exitCode = 1;
    });
}
