import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

/** Inodes of the TCP sockets in LISTEN state (state 0A in /proc/net/tcp and tcp6). */
function listeningInodes(): Set<string> {
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text: string;
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      if (fields[3] === '0A' && fields[9]) inodes.add(fields[9]);
    }
  }
  return inodes;
}

/** How many TCP ports process `pid` listens on (Linux: its descriptors against the kernel's socket tables). */
export function listeningSocketsOf(pid: number): number {
  const listening = listeningInodes();
  let count = 0;
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    let target: string;
    try {
      target = readlinkSync(`/proc/${pid}/fd/${fd}`);
    } catch {
      continue;
    }
    const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
    if (inode && listening.has(inode)) count++;
  }
  return count;
}
