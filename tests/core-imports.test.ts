import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * utils/core is the pure core shared by the extension, the companion and the CLI (issue 2, STYLE.md §1): it may
 * import only `yaml`, the Markdown parser and its family, `valibot`, `diff` (a line diff, for taking a clip back),
 * and its own siblings. Tests are not core.
 */
const CORE = join(import.meta.dirname, '..', 'utils', 'core');
const ALLOWED_PACKAGE =
  /^(yaml|valibot|diff|mdast-util-from-markdown|mdast-util-to-string|mdast|micromark(-[a-z-]+)?)$/;
const SIBLING = /^\.\/[a-z0-9-]+$/;

function coreFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return coreFiles(path);
    return /\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [path] : [];
  });
}

/** Every module specifier: static imports and re-exports, `import type`, dynamic `import()` and `require()`. */
export function specifiersOf(source: string): string[] {
  const patterns = [
    /^\s*(?:import|export)\s[^'"]*?\sfrom\s*['"]([^'"]+)['"]/gm,
    /^\s*import\s*['"]([^'"]+)['"]/gm,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  return patterns.flatMap((pattern) => [...source.matchAll(pattern)].map((match) => match[1] ?? ''));
}

function isAllowed(specifier: string): boolean {
  return SIBLING.test(specifier) || ALLOWED_PACKAGE.test(specifier);
}

describe('utils/core import allow-list', () => {
  const files = coreFiles(CORE);

  it('finds the core modules', () => {
    expect(files.map((file) => relative(CORE, file))).toContain('apply-clip.ts');
  });

  it.each(files.map((file) => [relative(CORE, file), file]))('%s imports only allowed modules', (_name, file) => {
    const source = readFileSync(file, 'utf8');
    expect(specifiersOf(source).filter((specifier) => !isAllowed(specifier))).toEqual([]);
    // Globals of the browser or of Node would tie the core to one host even without an import.
    expect(source).not.toMatch(/\b(?:browser|chrome)\.[a-z]+\.|\b(?:window|globalThis|navigator|process|Buffer)\b/);
  });

  it.each([
    ["import { readFile } from 'node:fs';", false],
    ["import type { Browser } from 'wxt/browser';", false],
    ["export { x } from '../extract/metadata';", false],
    ["const fs = await import('fs');", false],
    ["import 'polyfill';", false],
    ["import { parseDocument } from 'yaml';", true],
    ["import type { Root } from 'mdast';", true],
    ["export { applyClip } from './apply-clip';", true],
  ])('the checker judges %s as allowed: %s', (line, allowed) => {
    const specifiers = specifiersOf(line);
    expect(specifiers).toHaveLength(1);
    expect(specifiers.every(isAllowed)).toBe(allowed);
  });
});
