import { absolutizeLinks, createTurndown } from './markdown';

/** What a quote never carries over from the page: scripts, styles, embeds and form controls. */
const NOT_TEXT =
  'script, style, template, noscript, svg, canvas, iframe, object, embed, button, input, select, textarea';

/**
 * The Markdown of the HTML in `container` (a copy of the selection): links and images absolute against `baseUrl`,
 * then turndown as for the article (links, emphasis and code survive). `<` in the page's text is escaped (`\<`), so
 * text that reads like a tag stays text in the note; code keeps it as written. `null` when nothing is left.
 */
export function fragmentMarkdown(container: Element, baseUrl: string): string | null {
  for (const el of Array.from(container.querySelectorAll(NOT_TEXT))) el.remove();
  absolutizeLinks(container, baseUrl);
  const service = createTurndown();
  const escapeText = service.escape.bind(service);
  service.escape = (text: string) => escapeText(text).replace(/</g, '\\<');
  // As in `articleMarkdown`: a DOM without `table.rows` (linkedom) hands turndown HTML for its own parser.
  const nodeInput = 'rows' in container.ownerDocument.createElement('table');
  const markdown = service.turndown(nodeInput ? (container as HTMLElement) : container.innerHTML).trim();
  return markdown === '' ? null : markdown;
}

/**
 * The person's selection in `document` as Markdown (`fragmentMarkdown`), or `null` when nothing is selected. A
 * selection inside a code block keeps it a code block (the copy of a range holds only what is inside it).
 */
export function selectionMarkdown(document: Document, baseUrl: string): string | null {
  const selection = document.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const container = document.createElement('div');
  for (let index = 0; index < selection.rangeCount; index++) {
    const range = selection.getRangeAt(index);
    const ancestor = range.commonAncestorContainer;
    const pre = (ancestor instanceof Element ? ancestor : ancestor.parentElement)?.closest('pre');
    const holder = pre ? container.appendChild(pre.cloneNode(false)) : container;
    holder.appendChild(range.cloneContents());
  }
  return fragmentMarkdown(container, baseUrl);
}
