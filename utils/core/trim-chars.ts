/**
 * Trimming of chosen characters in linear time. `text.replace(/[.,]+$/, '')` looks like one pass but retries from
 * every start position, so a long run of those characters followed by another one costs quadratic time on a hostile
 * note or page (issue 14); these loops look at each character once.
 */

/** `text` without the characters in `chars` at its end. */
export function trimEndOf(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1]!)) end -= 1;
  return text.slice(0, end);
}
