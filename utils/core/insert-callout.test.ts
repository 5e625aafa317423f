import { describe, expect, it } from 'vitest';
import { applyClip } from './apply-clip';
import type { NoteOptions } from './note-options';
import { DEFAULT_SETTINGS, noteOptionsFrom } from './settings';

const options: NoteOptions = noteOptionsFrom(DEFAULT_SETTINGS);
const FM = '---\nupdated: 2026-03-14\n---\n';
const CALLOUT = '> [!ref] Wire - Ferries switch to batteries\n> https://wire.example/ferries';
const apply = (body: string, opts: NoteOptions = options) =>
  applyClip(
    FM + body,
    {
      clip: { url: 'https://wire.example/ferries', title: 'Ferries switch to batteries', publisher: 'Wire' },
      tags: [],
      date: '2026-03-14',
    },
    opts,
  ).text.slice(FM.length);

describe('insertCallout (through applyClip, frontmatter already up to date)', () => {
  it.each([
    [
      'after the last callout, one blank line between',
      '## sources\n> [!ref] A - B\n> https://a.example/1\n\n## linkage\n',
      `## sources\n> [!ref] A - B\n> https://a.example/1\n\n${CALLOUT}\n\n## linkage\n`,
    ],
    [
      'the blank lines after the last non-blank line stay after the callout',
      '## sources\n\n> [!ref] A - B\n> https://a.example/1\n\n\n\n## next\n',
      `## sources\n\n> [!ref] A - B\n> https://a.example/1\n\n${CALLOUT}\n\n\n\n## next\n`,
    ],
    ['a section with only its heading', '## sources\n\n## linkage\n', `## sources\n\n${CALLOUT}\n\n## linkage\n`],
    [
      'a heading directly followed by the next one',
      '## sources\n## linkage\n',
      `## sources\n\n${CALLOUT}\n## linkage\n`,
    ],
    ['a heading with trailing spaces keeps them on its line', '## sources  \n\n', `## sources  \n\n${CALLOUT}\n\n`],
    [
      'a section at EOF without final newline',
      '## sources\n> [!ref] A - B\n> https://a.example/1',
      `## sources\n> [!ref] A - B\n> https://a.example/1\n\n${CALLOUT}`,
    ],
    ['an only-heading section at EOF without final newline', '## sources', `## sources\n\n${CALLOUT}`],
    [
      'trailing spaces on the last line stay on it',
      '## sources\nlast line  \n',
      `## sources\nlast line  \n\n${CALLOUT}\n`,
    ],
    ['the heading is matched case-insensitively', '## SOURCES\n', `## SOURCES\n\n${CALLOUT}\n`],
    ['a setext level-2 heading counts', 'Sources\n-------\n', `Sources\n-------\n\n${CALLOUT}\n`],
    [
      'the section ends at the next heading of any level',
      '## sources\n> [!ref] A - B\n\n### older\ntext\n',
      `## sources\n> [!ref] A - B\n\n${CALLOUT}\n\n### older\ntext\n`,
    ],
    [
      'a section ending in a code fence never closed: before the fence, which would swallow it',
      '## sources\n> [!ref] A - B\n\n```js\nconst x = 1;\n',
      `## sources\n> [!ref] A - B\n\n${CALLOUT}\n\n\`\`\`js\nconst x = 1;\n`,
    ],
    [
      'an unclosed fence right under the heading, no blank line',
      '## sources\n~~~~\nnotes\n~~~\n',
      `## sources\n\n${CALLOUT}\n\n~~~~\nnotes\n~~~\n`,
    ],
    [
      'a closed fence is not open: after it',
      '## sources\n```\ncode\n```\n',
      `## sources\n\`\`\`\ncode\n\`\`\`\n\n${CALLOUT}\n`,
    ],
    [
      'an HTML comment never closed',
      '## sources\ntext\n<!-- draft\nmore\n',
      `## sources\ntext\n\n${CALLOUT}\n\n<!-- draft\nmore\n`,
    ],
    ['a bold sources heading counts', '## **Sources**\n', `## **Sources**\n\n${CALLOUT}\n`],
    [
      'a level-3 or level-1 "sources" does not count',
      '# sources\n\n### sources\n\nEnd.\n',
      `# sources\n\n### sources\n\nEnd.\n\n## sources\n\n${CALLOUT}\n`,
    ],
    [
      '## sources inside a fenced code block does not count',
      '```\n## sources\n```\n\n## linkage\n',
      `\`\`\`\n## sources\n\`\`\`\n\n## sources\n\n${CALLOUT}\n\n## linkage\n`,
    ],
    [
      '## sources inside an HTML block does not count',
      '<div>\n## sources\n</div>\n',
      `<div>\n## sources\n</div>\n\n## sources\n\n${CALLOUT}\n`,
    ],
    ['## sources inside a blockquote does not count', '> ## sources\n', `> ## sources\n\n## sources\n\n${CALLOUT}\n`],
    [
      'a missing section goes immediately before ## linkage',
      '# T\n\nProse.\n\n## linkage\n<div>x</div>\n',
      `# T\n\nProse.\n\n## sources\n\n${CALLOUT}\n\n## linkage\n<div>x</div>\n`,
    ],
    [
      'a missing section is appended after the last non-blank line',
      '# T\n\nProse.\n\n\n',
      `# T\n\nProse.\n\n## sources\n\n${CALLOUT}\n\n\n`,
    ],
    ['appended to a body without final newline', '# T\nProse.', `# T\nProse.\n\n## sources\n\n${CALLOUT}`],
    ['a blank body gets the section after one blank line', '\n', `\n## sources\n\n${CALLOUT}\n\n`],
  ])('%s', (_name, body, expected) => {
    expect(apply(body)).toBe(expected);
  });

  it('uses the first heading, in document order, named in the insert-before list', () => {
    const opts = { ...options, insertBefore: ['linkage', 'See also'] };
    const body = '# T\n\n## See Also\n- x\n\n## linkage\n';
    expect(apply(body, opts)).toBe(`# T\n\n## sources\n\n${CALLOUT}\n\n## See Also\n- x\n\n## linkage\n`);
  });

  it('writes the configured sources heading', () => {
    const opts = { ...options, sourcesHeading: 'References', insertBefore: [] };
    expect(apply('## references\n', opts)).toBe(`## references\n\n${CALLOUT}\n`);
    expect(apply('# T\n', opts)).toBe(`# T\n\n## References\n\n${CALLOUT}\n`);
  });
});
