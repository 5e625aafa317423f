/**
 * Marks a moment of the popup (its start, a clip's outcome) that the benchmark (`bench/popup.ts`) and the flow tests wait for: a
 * performance mark `refclip:<stage>-ready` and a `data-<stage>-ready` attribute on the root element.
 */
export function markReady(stage: 'fields' | 'notes' | 'outcome'): void {
  performance.mark(`refclip:${stage}-ready`);
  document.documentElement.dataset[`${stage}Ready`] = 'true';
}
