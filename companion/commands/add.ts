import type { Command } from 'commander';

export function registerAddCommand(program: Command): void {
  program.command('add').description('not built yet');
}
