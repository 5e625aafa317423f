import { describe, expect, it } from 'vitest';
import { inlineTags } from '../companion/vault/inline-tags';
import { recordNote } from '../companion/vault/note-record';
import { applyClip } from '../utils/core/apply-clip';
import { outlineBody } from '../utils/core/block-outline';
import { citedUrls } from '../utils/core/cited-urls';
import { parseNote } from '../utils/core/note';
import { readNoteMeta } from '../utils/core/note-meta';
import { DEFAULT_SETTINGS, noteOptionsFrom } from '../utils/core/settings';
import { readSimpleFrontmatter } from '../utils/core/simple-frontmatter';
import { cleanAuthors, coAuthorNote } from '../utils/extract/authors';
import { platformPublication } from '../utils/extract/site-name';
import { citationName } from '../utils/extract/publisher';
import { dateInText, dateInUrl, dateOpeningTitle, normalizeDate } from '../utils/extract/dates';
import { cleanText, collapseWhitespace, cutAtWord } from '../utils/extract/text';
import { isSiteWideDescription } from '../utils/extract/site-wide-description';
import { siteNameFromTitle, stripSiteName } from '../utils/extract/title';

/**
 * Issue 14: nothing from a note or a page may cost more than linear time. Each parser that runs regexes on such
 * text gets 100 KB lines built to make a backtracking regex explode (a long run of one character, then a character
 * that makes the match fail: U+2028, a newline, a letter, `!`), and must answer within 100 ms of CPU time (the issue's
 * generous bound; a quadratic regex takes seconds on these, a cubic one never ends).
 */
const LENGTH = 100_000;
const RUNS = [' ', '\t', '.', ',', '/', '#', '>', '-', '|', ':', '@', '=', '*', '`', '~', '<', '[', '(', ')', 'a', '1'];
const ENDINGS = ['\u2028', '\n', 'x', '!'];
const PREFIXES = ['', 'key:', '- ', '> [!ref] ', 'https://a.example/', 'By Ada ', '12:00 '];
/** Each run with each ending, once after each prefix (in turn, to keep the test fast). */
const HOSTILE = RUNS.flatMap((run, index) =>
  ENDINGS.map((ending) => PREFIXES[index % PREFIXES.length] + run.repeat(LENGTH) + ending),
);
const BOUND_MS = 100;

const options = noteOptionsFrom(DEFAULT_SETTINGS);
const request = { clip: { url: 'https://a.example/x', title: 'T', publisher: 'P' }, tags: [], date: '2026-03-14' };

const PARSERS: [string, (line: string) => unknown][] = [
  ['parseNote (frontmatter)', (line) => parseNote(`---\ntitle: x\n---\n${line}`)],
  ['readSimpleFrontmatter', (line) => readSimpleFrontmatter(`title: x\n${line}\n`)],
  ['readNoteMeta', (line) => readNoteMeta(`---\ntitle: x\n---\n${line}`)],
  // In the frontmatter the yaml library's cost grows faster than the line (1.3 s on a run of `[`): see yaml-budget.ts.
  ['readNoteMeta (frontmatter)', (line) => readNoteMeta(`---\ntitle: x\n${line}\n---\n`)],
  ['applyClip (frontmatter)', (line) => applyClip(`---\ntitle: x\n${line}\n---\n## sources\n`, request, options)],
  ['recordNote (frontmatter)', (line) => recordNote('a.md', `---\ntitle: "x"\n${line}\n---\n`, 0)],
  ['outlineBody (sections)', (line) => outlineBody(`# a\n\n${line}\n${line}`)],
  ['citedUrls (callouts)', (line) => citedUrls(`> [!ref] a\n> ${line}`)],
  ['applyClip', (line) => applyClip(`# a\n\n## sources\n\n${line}`, request, options)],
  ['recordNote (index)', (line) => recordNote('a.md', `---\ntags: [a]\n---\n${line}\n#tag ${line}`, 0)],
  ['inlineTags', (line) => inlineTags(`#${line} ${line}`)],
  [
    'cleanText, collapseWhitespace, cutAtWord',
    (line) => [cleanText(line), collapseWhitespace(line), cutAtWord(line, 300)],
  ],
  ['dates', (line) => [normalizeDate(line), dateInText(line), dateInUrl(line), dateOpeningTitle(line)]],
  ['title', (line) => [stripSiteName(line, ['Site']), siteNameFromTitle(line)]],
  ['byline cleaning', (line) => [cleanAuthors([line]), coAuthorNote(line)]],
  ['publisher and site name', (line) => [citationName(line), platformPublication(line, 'Site')]],
  [
    'site-wide description',
    (line) => [
      isSiteWideDescription(line, { title: line, siteDescriptions: [line], siteNames: ['Site'], lead: () => line }),
      isSiteWideDescription(`Site ${line}`, {
        title: 'Ferry timetable',
        siteDescriptions: [],
        siteNames: ['Site'],
        lead: () => line,
      }),
    ],
  ],
];

/**
 * CPU time of one parse, not wall time: on a loaded machine the wall clock also counts the time other processes ran.
 * A line over the bound is timed twice more and keeps its fastest run, since noise only ever adds time while a
 * backtracking regex is slow on every run.
 */
function parseMs(parse: (line: string) => unknown, line: string): number {
  let fastest = Infinity;
  for (let run = 0; run < 3 && fastest > BOUND_MS; run++) {
    const started = process.cpuUsage();
    try {
      parse(line);
    } catch {
      // A refusal (invalid YAML, say) is an answer too; only the time matters here.
    }
    const used = process.cpuUsage(started);
    fastest = Math.min(fastest, (used.user + used.system) / 1000);
  }
  return fastest;
}

describe('parsers of notes and pages on 100 KB adversarial lines', () => {
  it.each(PARSERS)('%s answers each line within 100 ms', (_name, parse) => {
    const slowest = { ms: 0, line: '' };
    for (const line of HOSTILE) {
      const ms = parseMs(parse, line);
      if (ms > slowest.ms) Object.assign(slowest, { ms, line: JSON.stringify(line.slice(0, 12)) });
    }
    expect(slowest.ms, `slowest on ${slowest.line}…`).toBeLessThanOrEqual(BOUND_MS);
  });
});
