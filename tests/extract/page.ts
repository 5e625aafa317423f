import { parsePage } from '../../companion/parse-html';
import { extractMetadata } from '../../utils/extract/extract-metadata';
import type { ExtractOptions, PageMetadata } from '../../utils/extract/metadata';

export const PAGE_URL = 'https://www.harbourpost.example/news/2030/04/ferry-timetable?utm_source=feed';

/** Extracts from HTML parsed the way the CLI parses it (linkedom). */
export function extract(html: string, options: ExtractOptions = {}, url = PAGE_URL): PageMetadata {
  return extractMetadata(parsePage(html, url), url, options);
}

/** A page whose head holds `head` and whose body holds `body`. */
export function page(head: string, body = '<p>Nothing else to read here.</p>'): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;
}

export function jsonLd(value: unknown): string {
  return `<script type="application/ld+json">${JSON.stringify(value)}</script>`;
}
