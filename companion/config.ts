import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import * as v from 'valibot';

/**
 * What `refclip serve` remembers between runs, in `config.json` of the config directory. The token lives in its
 * own file (`token`, mode 0600) so the config can be shown or shared without leaking it.
 */
const ConfigSchema = v.object({
  vault: v.fallback(v.optional(v.string()), undefined),
  port: v.fallback(v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(65535))), undefined),
  /** Extension origins recorded by `POST /v1/pair` (Firefox installs get a random `moz-extension://` origin). */
  allowedOrigins: v.fallback(v.array(v.string()), () => []),
  /** Note settings (`Settings` in utils/core/settings.ts); repaired field by field on load. */
  settings: v.fallback(v.optional(v.unknown()), undefined),
});

export type CompanionConfig = v.InferOutput<typeof ConfigSchema>;

/** `REFCLIP_CONFIG_DIR`, else `$XDG_CONFIG_HOME/refclip`, else `~/.config/refclip`. */
export function configDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.REFCLIP_CONFIG_DIR) return env.REFCLIP_CONFIG_DIR;
  const base = env.XDG_CONFIG_HOME || join(homedir(), '.config');
  return join(base, 'refclip');
}

async function ensureDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
}

export async function loadConfig(dir: string): Promise<CompanionConfig> {
  let raw: unknown = {};
  try {
    raw = JSON.parse(await readFile(join(dir, 'config.json'), 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' && !(error instanceof SyntaxError)) throw error;
  }
  return v.parse(ConfigSchema, typeof raw === 'object' && raw !== null ? raw : {});
}

/** Writes through a temp file and a rename, so a crash never leaves a half-written config. */
export async function saveConfig(dir: string, config: CompanionConfig): Promise<void> {
  await ensureDir(dir);
  const target = join(dir, 'config.json');
  const temp = `${target}.${process.pid}.tmp`;
  await writeFile(temp, JSON.stringify(config, null, 2) + '\n', { mode: 0o600 });
  await rename(temp, target);
}

/** The bearer token: 256 random bits, created on first use, readable by the user only. */
export async function loadOrCreateToken(dir: string): Promise<string> {
  await ensureDir(dir);
  const file = join(dir, 'token');
  try {
    const existing = (await readFile(file, 'utf8')).trim();
    if (/^[A-Za-z0-9_-]{22,}$/.test(existing)) {
      await chmod(file, 0o600);
      return existing;
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const token = randomBytes(32).toString('base64url');
  await writeFile(file, token + '\n', { mode: 0o600 });
  await chmod(file, 0o600);
  return token;
}
