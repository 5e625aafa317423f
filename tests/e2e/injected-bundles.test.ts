import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { COMPILE_ALL_HINT } from '../../scripts/compile-hints';

const built = (build: string, file: string) =>
  readFileSync(resolve(import.meta.dirname, '../../.output', build, file), 'utf8');

// Issue 16: V8 honours the hint only on the file's first lines, and `executeScript` answers the file's completion
// value, which an IIFE assigned to a name (what WXT unnames) would turn into `undefined`.
it.each(['chrome-mv3', 'firefox-mv2'])(
  "%s: the metadata extractor opens with V8's compile hint, then the anonymous IIFE whose value is the result",
  (build) => {
    const source = built(build, 'extractor.js');
    expect(source.startsWith(`${COMPILE_ALL_HINT}(function(){`)).toBe(true);
    expect(source.split(COMPILE_ALL_HINT)).toHaveLength(2);
  },
);

// With Readability and turndown in it, most of the Markdown extractor never runs on a page: compiling it all up front
// measured no less CPU than compiling what runs (README, "Speed, measured").
it.each(['extractor-markdown.js', 'quote-extractor.js'])('%s has no hint', (file) => {
  expect(built('chrome-mv3', file).startsWith('(function(){')).toBe(true);
});
