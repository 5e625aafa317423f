import { mount } from 'svelte';
import ClipPopup from './clip-popup.svelte';
import type { PopupStart } from './popup-start';

/** Mounts the popup's UI on what `startPopup` already asked for. */
export function mountPopup(target: HTMLElement, started: PopupStart): void {
  mount(ClipPopup, { target, props: { started } });
}
