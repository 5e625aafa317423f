import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { metaFromYaml, readNoteMeta } from './note-meta';
import { readSimpleFrontmatter } from './simple-frontmatter';

describe('readSimpleFrontmatter', () => {
  it('reads key: value lines, block lists and flow lists', () => {
    const yaml = 'title: Ports\ntags:\n  - a\n  - 2024\nkeywords: [x, y]\ndraft: True\nempty:\nnone: ~\n';
    expect(Object.fromEntries(readSimpleFrontmatter(yaml) ?? [])).toEqual({
      title: 'Ports',
      tags: ['a', '2024'],
      keywords: ['x', 'y'],
      draft: 'true',
      empty: null,
      none: null,
    });
  });

  it.each([
    ['a quoted value', 'title: "x"\n'],
    ['a comment after a value', 'title: x # note\n'],
    ['a float', 'version: 1.0\n'],
    ['a block scalar', 'description: |\n  text\n'],
    ['a nested mapping', 'a:\n  b: c\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['list items with different indents', 'tags:\n  - a\n    - b\n'],
    ['a tab', 'title:\tx\n'],
  ])('hands %s to the yaml library', (_name, yaml) => {
    expect(readSimpleFrontmatter(yaml)).toBeNull();
  });
});

describe('readNoteMeta fast path', { timeout: 60_000 }, () => {
  const key = fc.constantFrom('title', 'tags', 'aliases', 'updated', 'note_id', 'draft', 'other');
  const scalar = fc.oneof(
    fc.stringMatching(/^[A-Za-z0-9#~ .:,'"[\]{}|>&*!%@`-]{0,12}$/),
    fc.constantFrom('true', 'False', 'null', '~', '2024', '0x1F', '1.5', '-3', '2026-03-14', '007', '1e3', '.inf'),
  );
  const line = fc.oneof(
    fc.tuple(key, scalar).map(([k, v]) => `${k}: ${v}`),
    key.map((k) => `${k}:`),
    fc.tuple(fc.constantFrom('', '  ', '    '), scalar).map(([indent, v]) => `${indent}- ${v}`),
    fc.array(scalar, { maxLength: 3 }).chain((items) => key.map((k) => `${k}: [${items.join(', ')}]`)),
    fc.constantFrom('# comment', '', '  nested: x', '\tbad: tab'),
  );

  it('gives exactly what the yaml library gives (2,000 generated frontmatters)', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 10 }), fc.constantFrom('\n', '\r\n'), (lines, eol) => {
        const yaml = lines.map((l) => l + eol).join('');
        expect(readNoteMeta(`---${eol}${yaml}---${eol}`)).toEqual(metaFromYaml(yaml));
      }),
      { numRuns: 2000 },
    );
  });
});
