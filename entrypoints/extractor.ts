import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { takeInjectedOptions } from '../utils/extract/injected-options';
import { readPageMetadata } from '../utils/extract/reconcile';

// Injected on demand into the tab being clipped (`extractFromTab`); its return value is the script's completion
// value, which `scripting.executeScript` hands back as `results[0].result`. Metadata only: no Readability here.
export default defineUnlistedScript(() =>
  readPageMetadata(document, location.href, takeInjectedOptions(globalThis as unknown as Record<string, unknown>)),
);
