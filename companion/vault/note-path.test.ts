import { describe, expect, it } from 'vitest';
import { InvalidPathError, noteSegments } from './note-path';

describe('noteSegments', () => {
  it.each([
    ['a.md', ['a.md']],
    ['folder/sub/note.md', ['folder', 'sub', 'note.md']],
    ['100% sure.md', ['100% sure.md']],
    ['..hidden dots.md', ['..hidden dots.md']],
    ['.obsidian-notes/x.md', ['.obsidian-notes', 'x.md']],
  ])('accepts %s', (path, segments) => {
    expect(noteSegments(path, { requireMd: true })).toEqual(segments);
  });

  it.each([
    '../x.md',
    'a/../../x.md',
    '%2e%2e/x.md',
    '%252E%252E/x.md',
    'a%2f..%2fx.md',
    'a%5c..%5cx.md',
    'a\\b.md',
    '/etc/x.md',
    'C:/x.md',
    'a//b.md',
    './a.md',
    'a\u0000.md',
    'a%00.md',
    '.git/x.md',
    '.Trash/x.md',
    'x.txt',
  ])('refuses %j', (path) => {
    expect(() => noteSegments(path, { requireMd: true })).toThrow(InvalidPathError);
  });
});
