import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { selectionMarkdown } from '../utils/extract/quote-markdown';

// The page's selection as Markdown, for the callout's quote. Injected by `quoteFromTab` only when there is a
// selection to quote, so opening the popup on a page without one costs nothing more.
export default defineUnlistedScript(() => selectionMarkdown(document, location.href));
