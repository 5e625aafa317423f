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

/** What a launcher starts: the node binary and the CLI script, each by absolute path. */
export interface LauncherTarget {
  node: string;
  cli: string;
}

/** The words of `'…'`-quoted shell text as `shellQuoted` writes them (`'\''` for a quote), in one pass. */
function shellWords(text: string): string[] {
  const words: string[] = [];
  let at = 0;
  while (text[at] === "'") {
    let word = '';
    for (;;) {
      const close = text.indexOf("'", at + 1);
      if (close === -1) return words;
      word += text.slice(at + 1, close);
      if (!text.startsWith("\\''", close + 1)) {
        at = close + 1;
        break;
      }
      word += "'";
      at = close + 3;
    }
    words.push(word);
    if (text[at] === ' ') at++;
  }
  return words;
}

/** The target of a launcher `launcherText` wrote, read back from its text; `null` for any other text. */
export function launcherTarget(platform: Platform, text: string): LauncherTarget | null {
  if (platform === 'win32') {
    const line = text.split('\r\n').find((candidate) => candidate.endsWith('" host %*'));
    const [node, cli] = line?.slice(1, -'" host %*'.length).split('" "') ?? [];
    return node && cli ? { node, cli } : null;
  }
  const line = text.split('\n').find((candidate) => candidate.startsWith('exec '));
  const [node, cli] = line ? shellWords(line.slice('exec '.length)) : [];
  return node && cli ? { node, cli } : null;
}
