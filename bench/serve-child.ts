import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** CPU time process `pid` used so far (user + system, all threads), from /proc. */
export function processCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

/** The port a spawned `refclip serve` listens on, once it says so, and what it had printed to stdout by then. */
export function servePort(child: ChildProcess): Promise<{ port: number; printed: string }> {
  let printed = '';
  return new Promise((done, fail) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      printed += chunk.toString();
      const match = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(printed);
      if (match) done({ port: Number(match[1]), printed });
    });
    child.once('exit', (code) => fail(new Error(`refclip serve exited with ${code}:\n${printed}`)));
  });
}
