import { describe, expect, it } from 'vitest';
import { DEFAULT_CALLOUT_TEMPLATE, migrateSettings } from './settings';

describe('the callout template in stored settings (issue 17)', () => {
  it('reads the earlier default as the current one, with {fulltext} and {quote}', () => {
    const earlier = '> [!ref] {publisher} - {title}\n> {url}\n> Why it matters: {why}';
    expect(migrateSettings({ calloutTemplate: earlier }).calloutTemplate).toBe(DEFAULT_CALLOUT_TEMPLATE);
    expect(DEFAULT_CALLOUT_TEMPLATE).toBe(
      '> [!ref] {publisher} - {title}\n> {url}\n> Why it matters: {why}\n> Full text: {fulltext}\n> > {quote}',
    );
  });

  it.each(['> [!ref] {title}\n> {url}', '> [!ref] {publisher} - {title}\n> {url}\n> Why it matters: {why}\n'])(
    'keeps a template a person wrote: %j',
    (template) => {
      expect(migrateSettings({ calloutTemplate: template }).calloutTemplate).toBe(template);
    },
  );

  it.each([
    ['sources', 'sources'],
    ['reading/articles/', 'reading/articles/'],
    ['../outside', 'sources'],
    ['a\\b', 'sources'],
    [7, 'sources'],
  ])('keeps a valid sources folder and repairs %j', (folder, kept) => {
    expect(migrateSettings({ sourcesFolder: folder }).sourcesFolder).toBe(kept);
  });
});
