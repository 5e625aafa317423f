import { diffLines } from 'diff';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { applyClip } from './apply-clip';
import { renderCallout } from './callout';
import { DEFAULT_SETTINGS, noteOptionsFrom } from './settings';

const options = noteOptionsFrom(DEFAULT_SETTINGS);
const RUNS = { numRuns: 1000 };

/** A generated note and what the properties need to know about how it was built. */
interface GeneratedNote {
  text: string;
  bom: string;
  eol: '\n' | '\r\n';
  /** Lines between the frontmatter fences, or null when the note has none. */
  yamlLines: string[] | null;
  /** The lines of `tags` and `updated` entries (the only ones the patch may touch). */
  patchableLines: string[];
  body: string;
  urls: string[];
}

const word = fc.stringMatching(/^[a-z][a-z0-9]{0,7}$/);
const plainValue = fc.stringMatching(/^[A-Za-z][A-Za-z0-9 .,-]{0,20}[A-Za-z0-9]$/);
const anyString = fc.string({ unit: 'grapheme', maxLength: 20 });
const tag = fc.oneof(word, fc.constantFrom('Ports', '#energy', '2024', 'null', '1.0', 'a b', 'x:y', 'rail'));
const url = fc.oneof(
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.constantFrom('https://www.example.org/a/?utm_source=x'),
);

const scalarEntry = fc
  .tuple(
    word.filter((key) => key !== 'tags' && key !== 'updated'),
    fc.oneof(
      plainValue,
      anyString.map((s) => JSON.stringify(s)),
      fc.constant(''),
    ),
  )
  .map(([key, value]) => [value === '' ? `${key}:` : `${key}: ${value}`]);
const listEntry = fc
  .tuple(
    word.filter((key) => key !== 'tags' && key !== 'updated'),
    fc.array(plainValue, { minLength: 1, maxLength: 3 }),
    fc.constantFrom('', '  ', '    '),
  )
  .map(([key, items, indent]) => [`${key}:`, ...items.map((item) => `${indent}- ${item}`)]);
const tagsEntry = fc.oneof(
  fc.constant([] as string[]),
  fc.constant<string[]>(['tags:']),
  fc.constant<string[]>(['tags: []']),
  tag.filter((t) => /^[a-z0-9]+$/.test(t)).map((t) => [`tags: ${t}`]),
  fc.array(word, { minLength: 1, maxLength: 3 }).map((items) => [`tags: [${items.join(', ')}]`]),
  fc
    .tuple(fc.array(word, { minLength: 1, maxLength: 3 }), fc.constantFrom('', '  ', '    '))
    .map(([items, indent]) => ['tags:', ...items.map((item) => `${indent}- ${item}`)]),
);
const updatedEntry = fc.constantFrom<string[]>(
  [],
  ['updated: 2020-01-01'],
  ["updated: '2020-01-01'"],
  ['updated:'],
  ['updated: 2026-03-14'],
);

const frontmatter = fc
  .tuple(fc.array(fc.oneof(scalarEntry, listEntry), { maxLength: 5 }), tagsEntry, updatedEntry, fc.nat())
  .map(([entries, tags, updated, seed]) => {
    const unique = entries.filter((entry, index) => {
      const key = (entry[0] ?? '').split(':')[0];
      return entries.findIndex((other) => (other[0] ?? '').split(':')[0] === key) === index;
    });
    const all = [...unique];
    all.splice(seed % (all.length + 1), 0, tags);
    all.splice((seed >> 3) % (all.length + 1), 0, updated);
    return { lines: all.flat(), patchable: [...tags, ...updated] };
  });

const heading = fc
  .tuple(
    fc.constantFrom('#', '##', '##', '###'),
    fc.constantFrom('sources', 'Sources', 'linkage', 'signals', 'my take'),
  )
  .map(([marks, name]) => [`${marks} ${name}`]);
const paragraph = fc.array(plainValue, { minLength: 1, maxLength: 3 });
const callout = fc.tuple(word, url).map(([name, link]) => [`> [!ref] ${name} - a title`, `> ${link}`]);
const block = fc.oneof(
  heading,
  paragraph,
  callout,
  fc.constant(['```', '## sources', '```']),
  fc.constant(['<div class="linkage-tree">', '## sources', '  <span>#tag</span>', '</div>']),
  fc.constant(['***']),
  fc.constant(['']),
);

const note: fc.Arbitrary<GeneratedNote> = fc
  .record({
    bom: fc.constantFrom('', '\uFEFF'),
    eol: fc.constantFrom('\n' as const, '\r\n' as const),
    fm: fc.option(frontmatter, { nil: null }),
    leadingRule: fc.boolean(),
    blocks: fc.array(block, { maxLength: 12 }),
    separators: fc.array(fc.nat({ max: 2 }), { minLength: 12, maxLength: 12 }),
    finalNewline: fc.boolean(),
  })
  .map(({ bom, eol, fm, leadingRule, blocks, separators, finalNewline }) => {
    const bodyLines: string[] = fm === null && leadingRule ? ['---', ''] : [];
    blocks.forEach((lines, index) => {
      bodyLines.push(...lines, ...Array<string>(separators[index] ?? 0).fill(''));
    });
    const body = bodyLines.join(eol) + (finalNewline && bodyLines.length > 0 ? eol : '');
    const head = fm === null ? '' : ['---', ...fm.lines, '---', ''].join(eol);
    const urls = blocks.filter((lines) => lines[0]?.startsWith('> [!ref]')).map((lines) => (lines[1] ?? '').slice(2));
    const text = bom + head + body;
    // A note without any line ending counts as LF, whatever the generator picked.
    return {
      text,
      bom,
      eol: text.includes('\n') ? eol : ('\n' as const),
      yamlLines: fm?.lines ?? null,
      patchableLines: fm?.patchable ?? [],
      body,
      urls,
    };
  });

const clipFor = (generated: GeneratedNote) =>
  fc.record({
    clip: fc.record({
      url: generated.urls.length > 0 ? fc.oneof(url, fc.constantFrom(...generated.urls)) : url,
      title: fc.oneof(anyString, fc.constantFrom('Line\n> [!x] y', '# [[Note]]', 'a ]] b')),
      publisher: anyString,
      why: fc.option(anyString, { nil: undefined }),
    }),
    tags: fc.array(tag, { maxLength: 4 }),
    date: fc.constantFrom('2026-03-14', '2027-12-31'),
  });

const noteAndRequest = note.chain((generated) => clipFor(generated).map((request) => ({ generated, request })));

/** The shapes an insertion may take (with the callout's offset in each), per insertCallout's contract. */
function insertionShapes(rendered: string, eol: string): { text: string; calloutAt: number }[] {
  const section = `## sources${eol}${eol}`;
  return [
    { text: eol + eol + rendered, calloutAt: 2 * eol.length },
    { text: eol + eol + section + rendered, calloutAt: 2 * eol.length + section.length },
    { text: section + rendered + eol + eol, calloutAt: section.length },
    { text: eol + section + rendered + eol, calloutAt: eol.length + section.length },
  ];
}

/** Every way an allowed insertion explains the result: the result without it, when that ends with the body. */
function withoutInsertion(result: string, rendered: string, eol: string, original: string): string[] {
  const at = result.lastIndexOf(rendered);
  return insertionShapes(rendered, eol).flatMap((shape) => {
    const start = at - shape.calloutAt;
    if (start < 0 || result.slice(start, start + shape.text.length) !== shape.text) return [];
    const rest = result.slice(0, start) + result.slice(start + shape.text.length);
    return rest.endsWith(original) ? [rest] : [];
  });
}

function splitLines(text: string): string[] {
  return text.split(/\r?\n/).filter((line, index, all) => line !== '' || index < all.length - 1);
}

/** Whether the head (BOM + frontmatter) differs from the original only in `tags`/`updated` lines. */
function onlyPatchedFrontmatter(head: string, generated: GeneratedNote): boolean {
  if (!head.startsWith(`${generated.bom}---${generated.eol}`) || !head.endsWith(`---${generated.eol}`)) return false;
  const yamlAfter = splitLines(head.slice(generated.bom.length)).slice(1, -1);
  if (generated.yamlLines === null) return yamlAfter.every((line) => /^(tags:| {2}- |updated: )/.test(line));
  const asText = (lines: string[]) => lines.map((line) => `${line}\n`).join('');
  return diffLines(asText(generated.yamlLines), asText(yamlAfter)).every((part) => {
    const changed = splitLines(part.value);
    if (part.removed) return changed.every((line) => generated.patchableLines.includes(line));
    if (part.added) return changed.every((line) => /^(tags:|updated:|\s*- )/.test(line));
    return true;
  });
}

// 1,000 runs each: about a second alone, several on a busy machine.
describe('applyClip properties (fast-check)', { timeout: 120_000 }, () => {
  it('(a) changes no byte outside the inserted callout and the patched frontmatter values', () => {
    fc.assert(
      fc.property(noteAndRequest, ({ generated, request }) => {
        const result = applyClip(generated.text, request, options);
        if (result.status === 'already-present') {
          expect(result.text).toBe(generated.text);
          return;
        }
        const rendered = renderCallout(options.calloutTemplate, request.clip).split('\n').join(generated.eol);
        const rests = withoutInsertion(result.text, rendered, generated.eol, generated.body);
        expect(
          rests.some((rest) => onlyPatchedFrontmatter(rest.slice(0, rest.length - generated.body.length), generated)),
        ).toBe(true);
      }),
      RUNS,
    );
  });

  it('(b) applying a clip twice equals applying it once', () => {
    fc.assert(
      fc.property(noteAndRequest, ({ generated, request }) => {
        const once = applyClip(generated.text, request, options).text;
        expect(applyClip(once, { ...request, date: '2030-01-01', tags: ['other'] }, options)).toEqual({
          status: 'already-present',
          text: once,
        });
      }),
      RUNS,
    );
  });

  it("(c) the result's frontmatter parses and holds the merged tags and the date", () => {
    fc.assert(
      fc.property(noteAndRequest, ({ generated, request }) => {
        const result = applyClip(generated.text, request, options);
        if (result.status === 'already-present') return;
        const lines = result.text.slice(generated.bom.length).split(/\r?\n/);
        const close = lines.indexOf('---', 1);
        expect(lines[0]).toBe('---');
        const yaml = parse(lines.slice(1, close).join('\n'), { uniqueKeys: true }) as Record<string, unknown>;
        expect(String(yaml.updated)).toBe(request.date);
        // A scalar `tags` that already holds every tag stays a scalar (read as Obsidian does: comma/space separated).
        const raw: unknown[] = Array.isArray(yaml.tags)
          ? yaml.tags
          : yaml.tags == null
            ? []
            : String(yaml.tags).split(/[\s,]+/);
        const tags = raw.map((t) => String(t).toLowerCase());
        for (const wanted of request.tags) {
          const clean = wanted.trim().replace(/^#+/, '').trim().replace(/\s+/g, '-').toLowerCase();
          if (clean !== '') expect(tags).toContain(clean);
        }
      }),
      RUNS,
    );
  });
});
