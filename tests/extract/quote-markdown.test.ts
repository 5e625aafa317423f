import { describe, expect, it } from 'vitest';
import { parsePage } from '../../companion/parse-html';
import { articleMarkdown } from '../../utils/extract/markdown';
import { fragmentMarkdown } from '../../utils/extract/quote-markdown';

const URL = 'https://www.harbourpost.example/news/2030/04/quay.html';

/** The selection's copy as `selectionMarkdown` builds it: the selected nodes inside a `<div>`. */
function quoteOf(html: string): string | null {
  const document = parsePage(`<!DOCTYPE html><html><body><div id="copy">${html}</div></body></html>`, URL);
  return fragmentMarkdown(document.getElementById('copy')!, URL);
}

describe('a selection as a quote (issue 17)', () => {
  it('keeps links (made absolute), emphasis and code', () => {
    expect(
      quoteOf(
        'The quay <em>reopens</em> in <strong>June</strong>, see <a href="../plans/quay.pdf">the plans</a> ' +
          'and <a href="//cdn.harbourpost.example/map">the map</a>; run <code>make quay</code>.',
      ),
    ).toBe(
      'The quay _reopens_ in **June**, see [the plans](https://www.harbourpost.example/news/2030/plans/quay.pdf) ' +
        'and [the map](https://cdn.harbourpost.example/map); run `make quay`.',
    );
  });

  it('keeps paragraphs, lists and code blocks as Markdown blocks', () => {
    expect(
      quoteOf('<p>First.</p><p>Second.</p><ul><li>one</li><li>two</li></ul><pre><code>a &lt; b</code></pre>'),
    ).toBe('First.\n\nSecond.\n\n-   one\n-   two\n\n```\na < b\n```');
  });

  it('drops scripts, styles and form controls, and escapes text that reads like a tag', () => {
    expect(
      quoteOf(
        'Safe &lt;img src=x onerror=alert(1)&gt; text<script>alert("x")</script><style>p{}</style>' +
          '<button>Share</button> [[Home]] and ![[secret.png]]',
      ),
    ).toBe('Safe \\<img src=x onerror=alert(1)> text \\[\\[Home\\]\\] and !\\[\\[secret.png\\]\\]');
  });

  it('gives null for a selection without text', () => {
    expect(quoteOf('<script>x()</script>  ')).toBeNull();
  });
});

describe("the article's text", () => {
  it('makes relative links and images absolute, images staying remote', () => {
    const html =
      '<!DOCTYPE html><html><head><title>Quay</title></head><body><article><h1>Quay</h1>' +
      '<p>The quay reopens in June after repairs to the sea wall, the harbour master said on Friday afternoon.</p>' +
      '<img src="/img/quay.jpg" alt="The quay">' +
      '<p>Read <a href="archive/2029.html">last year\'s story</a> or <a href="#notes">the notes</a> for more on it.</p>' +
      '</article></body></html>';
    expect(articleMarkdown(parsePage(html, URL), URL).markdown).toBe(
      'The quay reopens in June after repairs to the sea wall, the harbour master said on Friday afternoon.\n\n' +
        '![The quay](https://www.harbourpost.example/img/quay.jpg)\n\n' +
        "Read [last year's story](https://www.harbourpost.example/news/2030/04/archive/2029.html) or " +
        '[the notes](https://www.harbourpost.example/news/2030/04/quay.html#notes) for more on it.',
    );
  });
});
