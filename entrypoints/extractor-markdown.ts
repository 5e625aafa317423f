import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { extractMetadata } from '../utils/extract/extract-metadata';
import { takeInjectedOptions } from '../utils/extract/injected-options';

// The metadata extractor plus the main content as Markdown (Readability + turndown): a separate file so the
// metadata-only `/extractor.js` stays small. Injected by `extractFromTab` when Markdown is asked for.
export default defineUnlistedScript(() =>
  extractMetadata(document, location.href, {
    ...takeInjectedOptions(globalThis as unknown as Record<string, unknown>),
    markdown: true,
  }),
);
