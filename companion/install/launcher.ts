import { posix, win32 } from 'node:path';
import type { Platform } from './host-manifest';

/** The launcher's file name in the config folder. */
export function launcherFile(platform: Platform, configDir: string): string {
  return platform === 'win32' ? win32.join(configDir, 'refclip-host.cmd') : posix.join(configDir, 'refclip-host');
}

const shellQuoted = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;

/**
 * What the manifest's `path` runs. Browsers start it without a login shell, so no PATH, nvm or Homebrew set-up
 * can be relied on: it names node and the CLI by absolute path, and the config folder `install` used.
 */
export function launcherText(platform: Platform, node: string, cli: string, configDir: string): string {
  if (platform === 'win32') {
    return [
      '@echo off',
      'rem Written by refclip install; refclip uninstall removes it.',
      `set "REFCLIP_CONFIG_DIR=${configDir}"`,
      `"${node}" "${cli}" host %*`,
      '',
    ].join('\r\n');
  }
  return [
    '#!/bin/sh',
    '# Written by refclip install; refclip uninstall removes it.',
    `REFCLIP_CONFIG_DIR=${shellQuoted(configDir)}`,
    'export REFCLIP_CONFIG_DIR',
    `exec ${shellQuoted(node)} ${shellQuoted(cli)} host "$@"`,
    '',
  ].join('\n');
}
