/**
 * Marks a moment of the popup's start that the benchmark (`bench/popup.ts`) and the flow tests wait for: a
 * performance mark `refclip:<stage>-ready` and a `data-<stage>-ready` attribute on the root element.
 */
export function markReady(stage: 'fields' | 'notes'): void {
  performance.mark(`refclip:${stage}-ready`);
  document.documentElement.dataset[`${stage}Ready`] = 'true';
}
