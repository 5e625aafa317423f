import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { recordNote } from '../vault/note-record';
import { DeferredSuggestIndex } from './deferred-index';

function add(index: DeferredSuggestIndex, path: string, title: string, mtime = 1): void {
  const { note, topics } = recordNote(path, `---\ntitle: ${title}\n---\n# ${title}\n`, mtime);
  index.upsert(path, topics, mtime, note.tags);
}

const page = (title: string) => ({ url: 'https://example.org/a', title });
const paths = (index: DeferredSuggestIndex, title: string) => index.suggest(page(title), 5).map((found) => found.path);

describe('DeferredSuggestIndex', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'performance'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('indexes the notes still pending when a suggestion needs them', () => {
    const index = new DeferredSuggestIndex();
    add(index, 'glaciers.md', 'Glaciers retreat');
    add(index, 'rivers.md', 'Rivers flood');
    expect(index.pendingCount).toBe(2);
    expect(paths(index, 'Glaciers in the Alps')).toEqual(['glaciers.md']);
    expect(index.pendingCount).toBe(0);
  });

  it('ranks a note replaced while pending by its last version, and forgets one removed while pending', () => {
    const index = new DeferredSuggestIndex();
    add(index, 'ice.md', 'Glaciers retreat');
    add(index, 'ice.md', 'Sea ice thins');
    add(index, 'gone.md', 'Sea ice records');
    index.remove('gone.md');
    expect(paths(index, 'Glaciers')).toEqual([]);
    expect(paths(index, 'Sea ice')).toEqual(['ice.md']);
  });

  it('never suggests a source note (one declaring the page it keeps in `url`), which a topic note outranks', () => {
    const index = new DeferredSuggestIndex();
    const source = '---\ntitle: Glaciers retreat fast\nurl: https://example.org/g\n---\n\nGlaciers retreat fast.\n';
    index.upsert('sources/Glaciers retreat fast.md', recordNote('sources/g.md', source, 2).topics, 2, []);
    add(index, 'ice.md', 'Ice');
    add(index, 'glaciers.md', 'Glaciers');
    expect(paths(index, 'Glaciers retreat fast')).toEqual(['glaciers.md']);
  });

  it('indexes pending notes in the background, 50 a turn, only once the vault has been quiet for half a second', () => {
    const index = new DeferredSuggestIndex();
    for (let n = 0; n < 120; n++) add(index, `note-${n}.md`, `Topic n${n}`);
    vi.advanceTimersByTime(400);
    index.busy();
    vi.advanceTimersByTime(400);
    expect(index.pendingCount).toBe(120);
    vi.advanceTimersByTime(100);
    expect(index.pendingCount).toBe(70);
    vi.runAllTimers();
    expect(index.pendingCount).toBe(0);
    expect(paths(index, 'n7')).toEqual(['note-7.md']);
  });
});
