// turndown-plugin-gfm ships no types; this is the plugin refclip uses (tables, strike-through, task lists).
declare module 'turndown-plugin-gfm' {
  import type TurndownService from 'turndown';
  export const gfm: TurndownService.Plugin;
}
