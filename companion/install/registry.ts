import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * HKCU keys through Windows' own `reg.exe` (always present, no native module to build): the arguments are
 * plain data so tests check them on any system.
 */
export const registryArgs = {
  set: (key: string, value: string) => ['add', key, '/ve', '/t', 'REG_SZ', '/d', value, '/f'],
  remove: (key: string) => ['delete', key, '/f'],
  query: (key: string) => ['query', key, '/ve'],
};

export async function setDefaultValue(key: string, value: string): Promise<void> {
  await run('reg', registryArgs.set(key, value), { windowsHide: true });
}

export async function removeKey(key: string): Promise<void> {
  await run('reg', registryArgs.remove(key), { windowsHide: true }).catch(() => undefined);
}

/** The key's default value, or `null` when the key is absent. */
export async function defaultValue(key: string): Promise<string | null> {
  try {
    const { stdout } = await run('reg', registryArgs.query(key), { windowsHide: true });
    return /REG_SZ\s+(\S.*)$/m.exec(stdout)?.[1]?.trim() ?? null;
  } catch {
    return null;
  }
}
