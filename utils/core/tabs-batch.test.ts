import { describe, expect, it } from 'vitest';
import type { PageFacts } from './clip-from-page';
import { tabsBatch, tabsReport } from './tabs-batch';

const page = (url: string, title: string, extra: Partial<PageFacts> = {}): PageFacts => ({
  citationTitle: title,
  siteName: null,
  publisher: 'Wire',
  byline: null,
  published: null,
  canonicalUrl: url,
  excerpt: null,
  selection: null,
  ...extra,
});

describe('tabsBatch', () => {
  it('makes one clip per readable tab in tab order, without a selection as why, and counts the rest', () => {
    const now = new Date(2026, 10, 27, 12);
    const batch = tabsBatch(
      [
        {
          tab: { url: 'https://a.example/1', title: 'A' },
          page: page('https://a.example/1', 'One', { selection: 'picked' }),
        },
        { tab: { url: 'chrome://settings', title: 'Settings' }, page: null },
        { tab: { url: 'https://b.example/2', title: 'Tab title' }, page: page('', '', { publisher: null }) },
      ],
      { defaultTags: ['reading'] },
      now,
    );
    expect(batch).toEqual({
      clips: [
        { url: 'https://a.example/1', title: 'One', publisher: 'Wire' },
        { url: 'https://b.example/2', title: 'Tab title', publisher: 'b.example' },
      ],
      tags: ['reading'],
      unreadable: 1,
    });
  });

  it('reports the counts', () => {
    expect(tabsReport(['added', 'already-present', 'added'], 2)).toEqual({ added: 2, already: 1, unreadable: 2 });
  });
});
