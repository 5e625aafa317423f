import { t } from '../i18n';

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
  if (!url) return t('workerPageNoAddress');
  if (BROWSER_PAGE.test(url)) return t('workerPageBrowser');
  if (STORES.some((store) => store.test(url))) {
    return t('workerPageStore');
  }
  if (/^file:/i.test(url)) {
    return t('workerPageFileAccess');
  }
  if (isPdfUrl(url)) return t('workerPagePdf');
  if (!/^https?:/i.test(url)) return t('workerPageNotWeb');
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
    return t('workerPageScriptRefused');
  }
  if (/no tab with id|tab was closed|no frame/i.test(text)) return t('workerPageTabGone');
  if (/error page|showing error/i.test(text)) return t('workerPageNotLoaded');
  return t('workerPageCouldNotRead', text);
}
