import fc from 'fast-check';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import type { Nodes, Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { outlineBody } from './block-outline';
import { urlsInMarkdown } from './cited-urls';
import { isUnclosed } from './sections';

/** The reference: the full CommonMark parser, block constructs only, as the engine used it before the scanner. */
function parseWithMdast(body: string): Root {
  const inline = ['attention', 'autolink', 'characterEscape', 'characterReference', 'codeText', 'hardBreakEscape'];
  const links = ['htmlText', 'labelStartImage', 'labelStartLink', 'labelEnd'];
  return fromMarkdown(body, { extensions: [{ disable: { null: [...inline, ...links] } }] });
}

function kindOf(node: Nodes): string {
  return node.type === 'heading' || node.type === 'code' || node.type === 'html' ? node.type : 'other';
}

function calloutsOf(node: Nodes, body: string, found: [number, number][]): [number, number][] {
  if (node.type === 'blockquote') {
    const start = node.position!.start.offset!;
    if (/^>[ \t]*\[![^\]\s]+\]/.test(body.slice(start, start + 200))) {
      found.push([start, node.position!.end.offset!]);
      return found;
    }
  }
  if ('children' in node) for (const child of node.children) calloutsOf(child, body, found);
  return found;
}

/** Start of the line holding `offset`; `\r` alone ends a line too. */
function lineStartOf(body: string, offset: number): number {
  return Math.max(body.lastIndexOf('\n', offset - 1), body.lastIndexOf('\r', offset - 1)) + 1;
}

/** What the engine reads from a body, by the reference parser. */
function expectedOutline(body: string) {
  const root = parseWithMdast(body);
  return {
    blocks: root.children.map((node) => {
      const start = node.position!.start.offset!;
      const end = node.position!.end.offset!;
      const block = { kind: kindOf(node), line: lineStartOf(body, start) };
      if (node.type === 'heading') return { ...block, depth: node.depth, text: toString(node), end };
      if (node.type === 'code' || node.type === 'html') {
        return { ...block, unclosed: isUnclosed(node.type, body.slice(start, end)) };
      }
      return block;
    }),
    callouts: calloutsOf(root, body, []).map(([start, end]) => [start, urlsInMarkdown(body.slice(start, end))]),
  };
}

function actualOutline(body: string) {
  const outline = outlineBody(body);
  return {
    blocks: outline.blocks.map((block) => {
      const base = { kind: block.kind, line: lineStartOf(body, block.start) };
      if (block.kind === 'heading') return { ...base, depth: block.depth, text: block.text, end: block.end };
      if (block.kind === 'code' || block.kind === 'html') {
        return { ...base, unclosed: isUnclosed(block.kind, body.slice(block.start, block.end)) };
      }
      return base;
    }),
    callouts: outline.callouts.map(([start, end]) => [start, urlsInMarkdown(body.slice(start, end))]),
  };
}

const ITEM_AFTER_INDENTED_LINE = /(?: {4}|\t)[^\r\n]*(?:\r\n?|\n)[> ]*(?:[-+*]|\d\.|\d\))(?:[ \t]|[\r\n]|$)/;

const PREFIXES = ['', ' ', '  ', '   ', '    ', '\t', '>', '> ', '>> ', '- ', '* ', '+ ', '1. ', '2) ', '  - ', '- > '];
const CONTENTS = [
  ...['# Title', '## sources', '## Sources ##', '##', '###### deep', '####### seven', '#tag', '## a #', '# \\#'],
  ...['text', 'more text  ', 'Why it matters: x', 'https://example.org/a', '[!ref] Pub - Title', '[!note]'],
  ...['```', '```js', '~~~', '````', '``` a`b', '<div>', '</div>', '<!-- note', '-->', '<pre>', '</pre>'],
  ...['<?php', '?>', '<!DOCTYPE html>', '<![CDATA[', ']]>', '<span>', '<a href="x">', '</span>', "<x-y a='v'/>"],
  ...['===', '---', '***', '- - -', '___', '', '   ', '1.', '-', '<', 'a <b>', '<div x', '> [!ref] W - S'],
];
const line = fc
  .tuple(fc.array(fc.constantFrom(...PREFIXES), { maxLength: 2 }), fc.constantFrom(...CONTENTS))
  .map(([prefixes, content]) => prefixes.join('') + content);
const body = fc
  .tuple(fc.array(line, { maxLength: 30 }), fc.constantFrom('\n', '\r\n', '\r'), fc.boolean())
  // micromark lets a complete-tag HTML line interrupt a lazy paragraph line only when it is the body's last line
  // with no line ending (with one, it does not: the CommonMark rule, which the scanner follows); such a last line
  // gets its line ending here.
  .map(([lines, eol, final]) => lines.join(eol) + (final || lines[lines.length - 1]?.includes('<') ? eol : ''));

// Callouts are compared by start and cited URLs: micromark sometimes ends a block quote after the next line's
// container markers (`> `), which hold no URL.
describe('outlineBody (the linear block scanner) against mdast-util-from-markdown', () => {
  it(
    'finds the same top-level blocks, headings (depth, text, end) and callouts on generated Markdown',
    { timeout: 60_000 },
    () => {
      fc.assert(
        fc.property(body, (text) => {
          // After an indented code line that micromark split off (see `oneLine` in the scanner) its interrupt state
          // is inconsistent (an empty or ordered item right after it starts a list at the top level, not in a list):
          // list items right after an indented line are left out.
          fc.pre(!ITEM_AFTER_INDENTED_LINE.test(text));
          expect(actualOutline(text)).toEqual(expectedOutline(text));
        }),
        { numRuns: 2000 },
      );
    },
  );
});
