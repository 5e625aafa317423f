import { describe, expect, it } from 'vitest';
import { contentScore, markdownText, shingleMatch } from '../../scripts/content-score.mjs';

describe('eval:content scoring', () => {
  it('reads Markdown as the text a person sees: link texts, no URLs or images, blocks and line breaks apart', () => {
    const markdown =
      '# Head\n\nSee [the report](https://example.com/r) ![chart](https://example.com/c.png)  \nnext\n\n- one\n- two';
    expect(markdownText(markdown)).toBe('Head\nSee the report \nnext\none\ntwo');
  });

  it('reads the cells of a table kept as raw HTML as separate words', () => {
    expect(
      markdownText('<table><tr><td>Kyle&nbsp;Busch</td><td>5040</td></tr></table>').split(/\s+/).filter(Boolean),
    ).toEqual(['Kyle', 'Busch', '5040']);
  });

  it('counts four-word shingles, normalised per page, as the AEB benchmark does', () => {
    expect(shingleMatch('a b c d e', 'a b c d')).toEqual([0.5, 0, 0.5]);
    expect(shingleMatch('', '')).toEqual([0, 0, 0]);
    const { precision, recall, f1 } = contentScore([
      [0.5, 0.25, 0.25],
      [1, 0, 0],
    ]);
    expect(precision).toBeCloseTo(5 / 6, 10);
    expect(recall).toBeCloseTo(5 / 6, 10);
    expect(f1).toBeCloseTo(5 / 6, 10);
  });
});
