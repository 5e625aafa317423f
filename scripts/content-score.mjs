// The article-text score of the article extraction benchmark (scrapinghub/article-extraction-benchmark,
// evaluate.py), so `npm run eval:content` reads like its published tables: word tokens, shingles of four, a page's
// true/false positives and misses normalised to sum to 1 (a long article weighs no more than a short one),
// precision and recall averaged over pages, F1 from those averages.
import { fromMarkdown } from 'mdast-util-from-markdown';

const SHINGLE = 4;

/** Python's `\w+` with re.UNICODE: letters, digits and the underscore of any script. */
const WORD = /[\p{L}\p{N}_]+/gu;

/** Inline nodes whose text runs on in its block; every other node is a block, set apart by a line break. */
const INLINE = new Set(['paragraph', 'heading', 'emphasis', 'strong', 'delete', 'link', 'linkReference', 'tableCell']);

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** The text of raw HTML kept in the Markdown (turndown keeps a table without a header row as HTML): every tag is a
 * break, so the words of adjacent cells stay apart. */
function htmlText(html) {
  return html.replace(/<[^<>]*>/g, ' ').replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,6});/gi, (entity, name) => {
    if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? entity;
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
    return code <= 0x10ffff ? String.fromCodePoint(code) : entity;
  });
}

/**
 * The text a person reads in Markdown: link texts without their URLs, no images (the reference texts have none),
 * the text of raw HTML without its tags, one line per block so that words of adjacent blocks never run together.
 */
export function markdownText(markdown) {
  const walk = (node) => {
    if (node.type === 'image' || node.type === 'imageReference') return '';
    if (node.type === 'html') return htmlText(node.value);
    if (node.type === 'break') return '\n';
    if (typeof node.value === 'string') return node.value;
    const parts = (node.children ?? []).map(walk);
    return INLINE.has(node.type) ? parts.join('') : parts.join('\n');
  };
  return walk(fromMarkdown(markdown ?? ''));
}

function shingles(text) {
  const tokens = (text ?? '').match(WORD) ?? [];
  const counts = new Map();
  for (let i = 0; i < Math.max(1, tokens.length - SHINGLE + 1); i++) {
    const shingle = tokens.slice(i, i + SHINGLE);
    if (shingle.length === 0) continue;
    const key = shingle.join('\u0000');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** `[tp, fp, fn]` of one page's shingles, normalised to sum to 1 (all zero when both texts are empty). */
export function shingleMatch(expected, predicted) {
  const truth = shingles(expected);
  const guess = shingles(predicted);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const key of new Set([...truth.keys(), ...guess.keys()])) {
    const t = truth.get(key) ?? 0;
    const p = guess.get(key) ?? 0;
    tp += Math.min(t, p);
    fp += Math.max(0, p - t);
    fn += Math.max(0, t - p);
  }
  const sum = tp + fp + fn;
  return sum > 0 ? [tp / sum, fp / sum, fn / sum] : [0, 0, 0];
}

const mean = (values) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);

function precisionOf([tp, fp, fn]) {
  if (fp === 0 && fn === 0) return 1;
  return tp === 0 && fp === 0 ? 0 : tp / (tp + fp);
}

function recallOf([tp, fp, fn]) {
  if (fp === 0 && fn === 0) return 1;
  return tp === 0 && fn === 0 ? 0 : tp / (tp + fn);
}

/** Precision, recall and F1 over pages, as evaluate.py's `metrics_from_tp_fp_fns` computes them. */
export function contentScore(matches) {
  const precision = mean(matches.filter(([tp, fp]) => tp + fp > 0).map(precisionOf));
  const recall = mean(matches.filter(([tp, , fn]) => tp + fn > 0).map(recallOf));
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}
