import { describe, expect, it } from 'vitest';
import { readNoteMeta } from './note-meta';

describe('readNoteMeta', () => {
  it('reads title, tags, aliases, updated, note_id, description, keywords and url', () => {
    const note =
      '\uFEFF---\ntitle: "Ports: 2026"\ntags:\n  - ports\n  - "#energy"\n  - 2024\naliases: [Harbours]\nupdated: 2026-03-14\nnote_id: 260314RC01\ndescription: Where ships dock\nkeywords: [harbour, quay]\nurl: https://example.org/ports\n---\n# x\n';
    expect(readNoteMeta(note)).toEqual({
      title: 'Ports: 2026',
      tags: ['ports', 'energy', '2024'],
      aliases: ['Harbours'],
      updated: '2026-03-14',
      noteId: '260314RC01',
      description: 'Where ships dock',
      keywords: ['harbour', 'quay'],
      url: 'https://example.org/ports',
    });
  });

  it('splits scalar tags and keeps a scalar alias whole', () => {
    expect(readNoteMeta('---\ntags: a, b c\naliases: One Two\n---\n')).toMatchObject({
      tags: ['a', 'b', 'c'],
      aliases: ['One Two'],
    });
  });

  it.each([
    ['no frontmatter', '# Title\n'],
    ['an empty file', ''],
    ['invalid YAML', '---\ntitle: a\n\tbad: b\n---\n'],
    ['a frontmatter that is a list', '---\n- a\n---\n'],
  ])('gives nulls for %s', (_name, note) => {
    expect(readNoteMeta(note)).toEqual({
      title: null,
      tags: [],
      aliases: [],
      updated: null,
      noteId: null,
      description: null,
      keywords: [],
      url: null,
    });
  });

  it('reads plain frontmatter of any size, and leaves out frontmatter over 8 KB that only the yaml library reads', () => {
    const abstract = 'word '.repeat(2000).trim();
    expect(readNoteMeta(`---\ntitle: Plain\nabstract: ${abstract}\n---\n`).title).toBe('Plain');
    expect(readNoteMeta(`---\ntitle: "Quoted"\nabstract: ${abstract}\n---\n`).title).toBeNull();
    expect(readNoteMeta(`---\ntitle: "Quoted"\nabstract: ${'word '.repeat(1000)}\n---\n`).title).toBe('Quoted');
  });
});
