import type { Command } from 'commander';

export function registerExtractCommand(program: Command): void {
  program.command('extract').description('not built yet');
}
