import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const CLI = resolve(import.meta.dirname, '../../../bin/refclip.js');

export interface CompanionProcess {
  process: ChildProcess;
  port: number;
  origin: string;
  token: string;
  vault: string;
  configDir: string;
  /** Everything the companion printed so far. */
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * Starts a real `refclip serve` on the given vault and port (0: ephemeral), with its own config folder, and waits
 * until it prints its address.
 */
export async function startCompanion(options: {
  vault: string;
  port?: number;
  configDir?: string;
  extraArgs?: string[];
}): Promise<CompanionProcess> {
  const configDir = options.configDir ?? mkdtempSync(join(tmpdir(), 'refclip-config-'));
  const child = spawn(
    process.execPath,
    [CLI, 'serve', '--vault', options.vault, '--port', String(options.port ?? 0), ...(options.extraArgs ?? [])],
    { env: { ...process.env, REFCLIP_CONFIG_DIR: configDir }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let printed = '';
  child.stdout.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  const port = await new Promise<number>((resolvePort, reject) => {
    const timer = setTimeout(() => reject(new Error(`companion did not start:\n${printed}`)), 30_000);
    const check = () => {
      const match = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(printed);
      if (match) {
        clearTimeout(timer);
        resolvePort(Number(match[1]));
      }
    };
    child.stdout.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`companion exited with ${code}:\n${printed}`));
    });
  });
  const tokenFile = readdirSync(configDir).find((name) => name.startsWith('token'));
  if (!tokenFile) throw new Error(`companion wrote no token file in ${configDir}`);
  const token = readFileSync(join(configDir, tokenFile), 'utf8').trim();
  return {
    process: child,
    port,
    origin: `http://127.0.0.1:${port}`,
    token,
    vault: options.vault,
    configDir,
    output: () => printed,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((done) => child.once('exit', () => done()));
      child.kill(signal);
      await exited;
      if (options.configDir === undefined) rmSync(configDir, { recursive: true, force: true });
    },
  };
}
