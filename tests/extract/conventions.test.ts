import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';

const DIR = resolve(import.meta.dirname, '../../utils/extract');
// These two are the browser-side glue (executeScript, the isolated world's global); everything else runs on any DOM.
const BROWSER_GLUE = new Set(['run-in-tab.ts', 'injected-options.ts']);
const files = readdirSync(DIR).filter(
  (name) => name.endsWith('.ts') && !name.endsWith('.d.ts') && !BROWSER_GLUE.has(name),
);

it.each(files)('%s reads the page only through the Document it is given', (name) => {
  const source = readFileSync(join(DIR, name), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
  expect(source).not.toMatch(/\b(window|location|navigator|globalThis|localStorage|getComputedStyle)\b/);
  expect(source).not.toMatch(/from '(wxt[^']*|node:[^']*)'/);
});
