import { describe, expect, it } from 'vitest';
import { inlineTags } from './inline-tags';

describe('inlineTags', () => {
  it.each([
    ['a tag in prose', 'Filed under #energy today.', ['energy']],
    ['nested tags and unicode', '#topic/grid and #énergie', ['topic/grid', 'énergie']],
    ['a tag at the start of a line', '#first\nsecond line #second', ['first', 'second']],
    ['a heading', '# Heading\n## sources', []],
    ['a URL fragment', 'see https://example.com/page#section', []],
    ['a number', 'issue #123 is fixed', []],
    ['a fenced code block', '```\n#include <stdio.h>\n```\nafter #real', ['real']],
    ['a tilde fence', '~~~c\n#define X\n~~~', []],
    ['inline code', 'use `#pragma once` and #tagged', ['tagged']],
    ['a trailing slash', 'under #area/ only', ['area']],
    ['duplicates', '#a and #a', ['a']],
  ])('%s', (_name, body, expected) => {
    expect(inlineTags(body)).toEqual(expected);
  });
});
