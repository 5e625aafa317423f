import { browser } from 'wxt/browser';

/** UTF-8 text as base64, in chunks (a spread of a large byte array overflows the call stack). */
function base64Utf8(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * Downloads `text` as `filename` (relative to the Downloads folder, `/`-separated) without a dialog.
 * Chrome's service worker has no `URL.createObjectURL`, so it gets a `data:` URL; Firefox refuses `data:` URLs in
 * `downloads.download` but its background page has blob URLs (revoked when the download ends).
 */
export async function downloadText(
  filename: string,
  text: string,
  conflictAction: 'uniquify' | 'overwrite',
): Promise<number> {
  if (typeof URL.createObjectURL !== 'function') {
    const url = `data:text/markdown;charset=utf-8;base64,${base64Utf8(text)}`;
    return browser.downloads.download({ url, filename, conflictAction, saveAs: false });
  }
  const url = URL.createObjectURL(new Blob([text], { type: 'text/markdown;charset=utf-8' }));
  // Listening before the download starts, so nothing can fail once the file is on its way (a caller would retry
  // a download that happened). A blob whose end goes unseen lives until the background page unloads.
  let id: number | undefined;
  const revokeWhenDone = (delta: { id: number; state?: { current?: string } }) => {
    if (delta.id !== id || (delta.state?.current !== 'complete' && delta.state?.current !== 'interrupted')) return;
    URL.revokeObjectURL(url);
    browser.downloads.onChanged.removeListener(revokeWhenDone);
  };
  browser.downloads.onChanged.addListener(revokeWhenDone);
  try {
    id = await browser.downloads.download({ url, filename, conflictAction, saveAs: false });
  } catch (error) {
    browser.downloads.onChanged.removeListener(revokeWhenDone);
    URL.revokeObjectURL(url);
    throw error;
  }
  return id;
}
