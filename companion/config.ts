import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import * as v from 'valibot';
import { WriteQueue } from './vault/write-queue';

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

/** Every config change of this process, one at a time per config folder (issue 14: concurrent pairs lost fields). */
const configWrites = new WriteQueue();

/** Writes through a temp file of its own and a rename, so a crash never leaves a half-written config. */
async function saveConfig(dir: string, config: CompanionConfig): Promise<void> {
  await ensureDir(dir);
  const target = join(dir, 'config.json');
  const temp = `${target}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temp, JSON.stringify(config, null, 2) + '\n', { mode: 0o600 });
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/**
 * Reads the config, applies `change` and writes the result, queued behind every other update of the same folder in
 * this process, so concurrent updates (50 pairs at once) all land and none overwrites another with a stale read.
 */
export function updateConfig(
  dir: string,
  change: (config: CompanionConfig) => CompanionConfig,
): Promise<CompanionConfig> {
  return configWrites.run(dir, async () => {
    const next = change(await loadConfig(dir));
    await saveConfig(dir, next);
    return next;
  });
}

/** What a token file must hold (after trimming) to be used; anything else is replaced by a new token. */
export const TOKEN_SHAPE = /^[A-Za-z0-9_-]{22,}$/;

/** The token file of a config folder. */
export function tokenFile(dir: string): string {
  return join(dir, 'token');
}

/** The bearer token: 256 random bits, created on first use, readable by the user only. */
export async function loadOrCreateToken(dir: string): Promise<string> {
  await ensureDir(dir);
  const file = tokenFile(dir);
  try {
    const existing = (await readFile(file, 'utf8')).trim();
    if (TOKEN_SHAPE.test(existing)) {
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
