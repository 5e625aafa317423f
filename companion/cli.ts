import { Command, CommanderError } from 'commander';
import { registerAddCommand } from './commands/add';
import { registerExtractCommand } from './commands/extract';
import { registerHostCommand } from './commands/host';
import { registerInstallCommands } from './commands/install';
import { registerServeCommands } from './commands/serve';

const program = new Command('refclip')
  .description('Clip web sources into your Markdown notes.')
  .showHelpAfterError(false)
  .exitOverride()
  .configureOutput({ outputError: (message, write) => write(message.split('\n')[0] + '\n') });

registerAddCommand(program);
registerExtractCommand(program);
registerServeCommands(program);
registerHostCommand(program);
registerInstallCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) process.exit(error.exitCode === 0 ? 0 : 2);
  console.error(`refclip: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
