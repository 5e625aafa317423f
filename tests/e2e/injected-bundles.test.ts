import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { COMPILE_ALL_HINT } from '../../scripts/compile-hints';

const built = (build: string, file: string) =>
  readFileSync(resolve(import.meta.dirname, '../../.output', build, file), 'utf8');

// Issue 16: V8 honours the hint only on the file's first lines, and `executeScript` answers the file's completion
// value, which an IIFE assigned to a name (what WXT unnames) would turn into `undefined`.
it.each([
  ['chrome-mv3', 'extractor.js'],
  ['chrome-mv3', 'extractor-markdown.js'],
  ['firefox-mv2', 'extractor.js'],
  ['firefox-mv2', 'extractor-markdown.js'],
])("%s/%s opens with V8's compile hint, then the anonymous IIFE whose value is the result", (build, file) => {
  const source = built(build, file);
  expect(source.startsWith(`${COMPILE_ALL_HINT}(function(){`)).toBe(true);
  expect(source.split(COMPILE_ALL_HINT)).toHaveLength(2);
});
