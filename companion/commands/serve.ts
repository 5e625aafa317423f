import type { Command } from 'commander';

export function registerServeCommands(program: Command): void {
  program.command('serve').description('not built yet');
}
