/** `[tp, fp, fn]` of one page, normalised to sum to 1. */
export type ShingleMatch = [number, number, number];
export function markdownText(markdown: string | null | undefined): string;
export function shingleMatch(expected: string, predicted: string): ShingleMatch;
export function contentScore(matches: ShingleMatch[]): { precision: number; recall: number; f1: number };
