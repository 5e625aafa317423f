import { baseUrlOf } from './canonical';
import { articleMarkdown } from './markdown';
import type { ExtractOptions, PageMetadata } from './metadata';
import { readPageMetadata } from './reconcile';

/**
 * Everything refclip knows about a page: its metadata (see `readPageMetadata`) and, when `options.markdown` is set,
 * its main content as Markdown. Never throws and never changes `document`.
 */
export function extractMetadata(document: Document, url: string, options: ExtractOptions = {}): PageMetadata {
  const metadata = readPageMetadata(document, url, options);
  if (!options.markdown) return metadata;
  const { markdown, warnings } = articleMarkdown(document, safeBase(document, url));
  return { ...metadata, markdown, warnings: [...metadata.warnings, ...warnings] };
}

function safeBase(document: Document, url: string): string {
  try {
    return baseUrlOf(document, url);
  } catch {
    return url;
  }
}
