import { constants } from 'node:fs';
import { access, chmod, mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { loadConfig, updateConfig } from '../config';
import {
  BROWSERS,
  hostLocation,
  hostManifest,
  type BrowserName,
  type HostLocation,
  type Platform,
} from './host-manifest';
import { launcherFile, launcherTarget, launcherText } from './launcher';
import { defaultValue, removeKey, setDefaultValue } from './registry';

export interface SetupContext {
  platform: Platform;
  home: string;
  configDir: string;
}

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

/** `--browser all` (the default): the browsers this person has used, or every one when none is found. */
export async function chosenBrowsers(choice: BrowserName | 'all', context: SetupContext): Promise<BrowserName[]> {
  if (choice !== 'all') return [choice];
  if (context.platform === 'win32') return [...BROWSERS];
  const used: BrowserName[] = [];
  for (const browser of BROWSERS) {
    const location = hostLocation(context.platform, browser, context.home, context.configDir);
    if (location.userFolder && (await exists(location.userFolder))) used.push(browser);
  }
  return used.length > 0 ? used : [...BROWSERS];
}

async function checkVault(folder: string): Promise<string> {
  const absolute = resolve(folder);
  const stats = await stat(absolute).catch(() => null);
  if (!stats?.isDirectory()) throw new Error(`the vault ${absolute} is not a folder`);
  await readdir(absolute);
  return absolute;
}

/**
 * `refclip install`: remembers the vault, writes the launcher and registers the host with each browser.
 * Returns one line per thing written.
 */
export async function installHost(
  context: SetupContext,
  options: { vault?: string; browsers: BrowserName[]; node: string; cli: string },
): Promise<string[]> {
  const config = await loadConfig(context.configDir);
  const vault = options.vault ?? config.vault;
  if (!vault) throw new Error('no vault yet: pass --vault DIR (the folder of your Markdown notes)');
  const vaultFolder = await checkVault(vault);
  await updateConfig(context.configDir, (current) => ({ ...current, vault: vaultFolder }));
  const launcher = launcherFile(context.platform, context.configDir);
  await writeFile(launcher, launcherText(context.platform, options.node, options.cli, context.configDir));
  await chmod(launcher, 0o755);
  const lines = [`vault: ${vaultFolder}`, `launcher: ${launcher}`];
  for (const browser of options.browsers) {
    const location = hostLocation(context.platform, browser, context.home, context.configDir);
    await mkdir(dirname(location.manifestFile), { recursive: true });
    await writeFile(location.manifestFile, JSON.stringify(hostManifest(browser, launcher), null, 2) + '\n');
    if (location.registryKey) await setDefaultValue(location.registryKey, location.manifestFile);
    lines.push(`${browser}: ${location.registryKey ?? location.manifestFile}`);
  }
  return lines;
}

/** `refclip uninstall`: removes every browser's registration and the launcher; the notes and config stay. */
export async function uninstallHost(context: SetupContext): Promise<string[]> {
  const lines: string[] = [];
  for (const browser of BROWSERS) {
    const location = hostLocation(context.platform, browser, context.home, context.configDir);
    const had = await exists(location.manifestFile);
    await rm(location.manifestFile, { force: true });
    if (location.registryKey) await removeKey(location.registryKey);
    if (had) lines.push(`removed ${browser}: ${location.registryKey ?? location.manifestFile}`);
  }
  const launcher = launcherFile(context.platform, context.configDir);
  if (await exists(launcher)) lines.push(`removed launcher: ${launcher}`);
  await rm(launcher, { force: true });
  if (lines.length === 0) lines.push('nothing to remove: refclip was not installed');
  return lines;
}

/** What is wrong with one browser's registration, or `null` when it points at a runnable launcher. */
async function registrationProblem(location: HostLocation, context: SetupContext): Promise<string | null> {
  const fix = `run refclip install --browser ${location.browser}`;
  if (location.registryKey && (await defaultValue(location.registryKey)) !== location.manifestFile) {
    return `not registered (${location.registryKey}): ${fix}`;
  }
  let manifest: { path?: unknown };
  try {
    manifest = JSON.parse(await readFile(location.manifestFile, 'utf8')) as { path?: unknown };
  } catch {
    return `not registered (no ${location.manifestFile}): ${fix}`;
  }
  const expected = JSON.stringify(hostManifest(location.browser, launcherFile(context.platform, context.configDir)));
  if (JSON.stringify(manifest) !== expected) return `the manifest ${location.manifestFile} is outdated: ${fix}`;
  const runnable = await access(String(manifest.path), constants.X_OK).then(
    () => true,
    () => false,
  );
  if (!runnable) return `the launcher ${String(manifest.path)} is missing or not executable: ${fix}`;
  return launcherTargetProblem(String(manifest.path), context);
}

/**
 * Whether what the launcher starts is still there: a launcher written by `npx refclip install` names a script in
 * npm's cache, which npm may clean at any time; an upgraded or moved node leaves its old path behind.
 */
async function launcherTargetProblem(launcher: string, context: SetupContext): Promise<string | null> {
  const target = launcherTarget(context.platform, await readFile(launcher, 'utf8'));
  if (target === null) return `the launcher ${launcher} was not written by refclip install: run refclip install`;
  if (!(await exists(target.node))) {
    return `the launcher ${launcher} starts ${target.node}, which no longer exists (node moved or upgraded?): run refclip install again`;
  }
  if (!(await exists(target.cli))) {
    return (
      `the launcher ${launcher} starts ${target.cli}, which no longer exists (a cleaned npx cache?): ` +
      'install refclip for good (npm install -g refclip), then run refclip install again'
    );
  }
  return null;
}

/** `refclip doctor`: one line per browser and one for the vault, each with its fix; `ok` when nothing is wrong. */
export async function diagnose(context: SetupContext): Promise<{ ok: boolean; lines: string[] }> {
  const lines: string[] = [];
  let registered = 0;
  for (const browser of BROWSERS) {
    const location = hostLocation(context.platform, browser, context.home, context.configDir);
    const problem = await registrationProblem(location, context);
    if (problem === null) registered++;
    lines.push(`${browser}: ${problem ?? `registered (${location.registryKey ?? location.manifestFile})`}`);
  }
  const { vault } = await loadConfig(context.configDir);
  let vaultOk = false;
  if (!vault) lines.push('vault: none yet: run refclip install --vault DIR');
  else {
    try {
      await checkVault(vault);
      vaultOk = true;
      lines.push(`vault: ${vault} is readable`);
    } catch (error) {
      lines.push(`vault: ${(error as Error).message}: run refclip install --vault DIR`);
    }
  }
  return { ok: registered > 0 && vaultOk, lines };
}
