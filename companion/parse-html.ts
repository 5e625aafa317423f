import { parseHTML } from 'linkedom';

/**
 * Parses a page with linkedom for extraction in Node. linkedom has no `baseURI`, so a `<base href>` naming the page's
 * URL goes in first when the page has none: relative links then resolve the way they do in the browser.
 */
export function parsePage(html: string, url: string): Document {
  const source = /<base\s[^>]*href\s*=/i.test(html) ? html : withBase(html, url);
  return parseHTML(source).document as unknown as Document;
}

function withBase(html: string, url: string): string {
  const tag = `<base href="${url.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}">`;
  const head = /<head(?:\s[^>]*)?>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + tag + html.slice(head.index + head[0].length);
  const root = /<html(?:\s[^>]*)?>/i.exec(html);
  if (root)
    return `${html.slice(0, root.index + root[0].length)}<head>${tag}</head>${html.slice(root.index + root[0].length)}`;
  // Without an <html> element linkedom makes the first tag the document element; give it the browser's skeleton.
  return `<!DOCTYPE html><html><head>${tag}</head><body>${html}</body></html>`;
}
