import { watch, type FSWatcher } from 'node:fs';
import { join, sep } from 'node:path';

/** Gathers bursts of events for one path (an editor's save is often several) into one refresh. */
const SETTLE_MS = 40;

/**
 * Watches every folder of the vault with one `fs.watch` each (inotify on Linux) and reports changed paths.
 * Hand-written rather than chokidar 4, which opens one watcher per file: 50,000 of them for a large vault.
 * A folder watch sees creations, deletions, renames and writes of the files directly inside it.
 */
export class VaultWatcher {
  private readonly watchers = new Map<string, FSWatcher>();
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly onChange: (absolutePath: string) => void) {}

  watchFolder(folder: string): void {
    if (this.watchers.has(folder)) return;
    try {
      const watcher = watch(folder, { persistent: false }, (_event, name) => {
        if (name) this.schedule(join(folder, name.toString()));
      });
      watcher.on('error', () => this.unwatchTree(folder));
      this.watchers.set(folder, watcher);
    } catch {
      // The folder vanished between listing and watching; its parent's watch reports that.
    }
  }

  isWatching(folder: string): boolean {
    return this.watchers.has(folder);
  }

  /** Stops watching a folder that disappeared, and everything below it. */
  unwatchTree(folder: string): void {
    for (const [path, watcher] of this.watchers) {
      if (path === folder || path.startsWith(folder + sep)) {
        watcher.close();
        this.watchers.delete(path);
      }
    }
  }

  close(): void {
    for (const watcher of this.watchers.values()) watcher.close();
    this.watchers.clear();
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private schedule(path: string): void {
    clearTimeout(this.timers.get(path));
    this.timers.set(
      path,
      setTimeout(() => {
        this.timers.delete(path);
        this.onChange(path);
      }, SETTLE_MS),
    );
  }
}
