import { describe, expect, it } from 'vitest';
import { mergeLineEdits } from './line-merge';

const BASE = '---\nupdated: 2024-01-01\n---\n# Note\n\n## sources\n\n## linkage\n- a\n';
const CLIPPED = BASE.replace('2024-01-01', '2026-03-14').replace('## sources\n', '## sources\n\n> [!ref] W - T\n> u\n');

describe('mergeLineEdits', () => {
  it.each([
    ['an append after the clip', BASE + 'outside\n', CLIPPED + 'outside\n'],
    ['a line changed above the sources', BASE.replace('# Note', '# Note, renamed'), null],
    ['an edit below the sources', BASE.replace('- a\n', '- a\n- b\n'), CLIPPED.replace('- a\n', '- a\n- b\n')],
    ['no outside edit', BASE, CLIPPED],
    ['the same frontmatter line edited', BASE.replace('2024-01-01', '2025-05-05'), null],
  ])('%s', (_, theirs, merged) => {
    expect(mergeLineEdits(BASE, CLIPPED, theirs)).toBe(merged);
  });

  it('keeps both insertions at one place, theirs first', () => {
    expect(mergeLineEdits('a\n', 'a\nours\n', 'a\ntheirs\n')).toBe('a\ntheirs\nours\n');
  });

  it('reads a line inserted above one that starts the same as an insertion, not as a change of that line', () => {
    const base = 'outside line 263\noutside line 256\n';
    const ours = 'outside line 263\noutside line 264\noutside line 256\n';
    expect(mergeLineEdits(base, ours, `${base}outside line 265\n`)).toBe(`${ours}outside line 265\n`);
  });

  it('treats a change inside a line as a change of the whole line', () => {
    expect(mergeLineEdits('abc\n', 'aXbc\n', 'abcY\n')).toBeNull();
  });

  it('refuses an insertion at the edge of a run the other side replaced', () => {
    expect(mergeLineEdits('x\ny\n', 'x\ny\nours\n', '')).toBeNull();
  });
});
