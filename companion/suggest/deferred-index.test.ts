import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { recordNote } from '../vault/note-record';
import { DeferredSuggestIndex } from './deferred-index';
import { SuggestIndex } from './suggest-index';

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

  it('indexes nothing in the background while a write holds it, and resumes half a second after the release', () => {
    const index = new DeferredSuggestIndex();
    for (let n = 0; n < 60; n++) add(index, `note-${n}.md`, `Topic n${n}`);
    const release = index.hold();
    vi.advanceTimersByTime(5_000);
    expect(index.pendingCount).toBe(60);
    release();
    release();
    vi.advanceTimersByTime(400);
    expect(index.pendingCount).toBe(60);
    vi.runAllTimers();
    expect(index.pendingCount).toBe(0);
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

  /** A note citing `count` sources, of hosts and titles shared with `other.md`. */
  function citing(count: number, topic: string): string {
    const callouts = Array.from(
      { length: count },
      (_, n) =>
        `> [!ref] Wire${n % 7} - ${topic} story ${n}\n> https://h${n % 50}.example/${topic}/${n}\n> Why: r${n}.`,
    );
    return `---\ntitle: Many\n---\n# Many\n\n## sources\n\n${callouts.join('\n\n')}\n`;
  }

  it('indexes a note citing many sources over several turns, ranking as if indexed at once', () => {
    const deferred = new DeferredSuggestIndex();
    const direct = new SuggestIndex();
    for (const [path, text] of [
      ['many.md', citing(12_000, 'glaciers')],
      ['other.md', citing(40, 'rivers')],
    ] as const) {
      const { note, topics } = recordNote(path, text, 1);
      deferred.upsert(path, topics, 1, note.tags);
      direct.upsert(path, topics, 1, note.tags);
    }
    vi.advanceTimersByTime(500);
    // The first 5,000 sources of many.md are in; other.md waits behind the rest.
    expect(deferred.pendingCount).toBe(1);
    vi.runAllTimers();
    expect(deferred.pendingCount).toBe(0);
    for (const title of ['glaciers story 11999', 'Wire3 rivers', 'h7']) {
      const query = { url: 'https://h7.example/glaciers/x', title };
      expect(deferred.suggest(query, 5)).toEqual(direct.suggest(query, 5));
    }
  });

  it('drops the steps of a note replaced while it is indexed in steps, and finishes them for a suggestion', () => {
    const index = new DeferredSuggestIndex();
    const many = recordNote('many.md', citing(12_000, 'glaciers'), 1);
    index.upsert('many.md', many.topics, 1, []);
    vi.advanceTimersByTime(500);
    add(index, 'many.md', 'Sea ice thins');
    vi.runAllTimers();
    expect(paths(index, 'glaciers story 2')).toEqual([]);
    expect(paths(index, 'Sea ice')).toEqual(['many.md']);
    index.upsert('big.md', many.topics, 1, []);
    vi.advanceTimersByTime(500);
    const direct = new SuggestIndex();
    direct.upsert(
      'many.md',
      recordNote('many.md', '---\ntitle: Sea ice thins\n---\n# Sea ice thins\n', 1).topics,
      1,
      [],
    );
    direct.upsert('big.md', many.topics, 1, []);
    const query = page('glaciers story 11999 sea');
    expect(index.suggest(query, 5)).toEqual(direct.suggest(query, 5));
  });
});
