/** Where a page refclip cannot read sits, and what to tell the person about it. */
const BROWSER_PAGE =
  /^(chrome|edge|brave|opera|vivaldi|about|view-source|devtools|chrome-extension|moz-extension|resource|chrome-search):/i;
const STORES = [
  /^https:\/\/chromewebstore\.google\.com\//i,
  /^https:\/\/chrome\.google\.com\/webstore/i,
  /^https:\/\/addons\.mozilla\.org\//i,
  /^https:\/\/microsoftedge\.microsoft\.com\/addons/i,
];

/** Why refclip cannot read the page at `url`, or `null` when it can try. */
export function unreadablePageReason(url: string | undefined): string | null {
  if (!url) return "refclip cannot see this tab's address. Reload the page and try again.";
  if (BROWSER_PAGE.test(url))
    return "refclip can't read the browser's own pages. Open the article itself and clip it there.";
  if (STORES.some((store) => store.test(url))) {
    return "The browser doesn't let extensions read its add-on store. Fill in the fields by hand.";
  }
  if (/^file:/i.test(url)) {
    return 'refclip can read files on this computer only with "Allow access to file URLs" on in its extension settings.';
  }
  if (isPdfUrl(url))
    return "refclip can't read inside PDFs: the title and publisher come from the address. Check them.";
  if (!/^https?:/i.test(url)) return 'refclip can only read web pages (http and https).';
  return null;
}

export function isPdfUrl(url: string): boolean {
  try {
    return /\.pdf$/i.test(new URL(url).pathname);
  } catch {
    return false;
  }
}

/** The browser's own refusal to run a script, turned into words a person understands. */
export function scriptingErrorMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  if (/cannot be scripted|cannot access|missing host permission|permission/i.test(text)) {
    return "The browser doesn't let refclip read this page. Click refclip's button on the page first, or fill in the fields by hand.";
  }
  if (/no tab with id|tab was closed|no frame/i.test(text))
    return 'The tab was closed or changed before refclip could read it.';
  if (/error page|showing error/i.test(text))
    return 'The page did not load, so there is nothing to read. Reload it and try again.';
  return `refclip could not read this page (${text}).`;
}
