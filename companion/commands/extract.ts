import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { Readability } from '@mozilla/readability';
import { Option, type Command } from 'commander';
import { extractMetadata } from '../../utils/extract/extract-metadata';
import type { PageMetadata } from '../../utils/extract/metadata';
import { parsePage } from '../parse-html';

const MAX_PAGE_BYTES = 20 * 1024 * 1024;
const FETCH_TIMEOUT_MS = 20_000;

interface ExtractFlags {
  url?: string;
  markdown?: boolean;
  batch?: string;
  jsonl?: boolean;
  engine: 'refclip' | 'readability';
  publisherAlias?: string[];
}

/**
 * `refclip extract PAGE.html --url URL [--markdown]` prints one page's metadata as JSON (PAGE may also be an http(s)
 * URL, fetched first); `refclip extract --batch LIST.tsv --jsonl` reads `id<TAB>page path<TAB>URL` lines and prints one
 * JSON object per page with `id`, every field and `ms` (extraction time, HTML parsing excluded).
 */
export function registerExtractCommand(program: Command): void {
  program
    .command('extract')
    .description("print a page's metadata (title, publisher, author, date, excerpt, …) as JSON")
    .argument('[page]', 'saved HTML file, or an http(s) URL to fetch')
    .option('--url <url>', 'the address the page was saved from (required with a file)')
    .option('--markdown', 'also extract the main content as Markdown')
    .option('--batch <list>', 'TSV file: id, page path, URL per line')
    .option('--jsonl', 'print one JSON object per line')
    .addOption(
      new Option('--engine <engine>', 'extractor to run (readability: @mozilla/readability alone, for comparison)')
        .choices(['refclip', 'readability'])
        .default('refclip'),
    )
    .option('--publisher-alias <name=short...>', 'publisher alias by site name or host, e.g. "BBC News=BBC"')
    .action(async (page: string | undefined, flags: ExtractFlags, command: Command) => {
      const aliases = parseAliases(flags.publisherAlias ?? [], command);
      if (flags.batch) {
        if (page) command.error('give either a page or --batch, not both', { exitCode: 2 });
        await runBatch(flags.batch, flags, aliases);
        return;
      }
      if (!page) command.error('give a page (file or URL) or --batch LIST.tsv', { exitCode: 2 });
      const { html, url } = await loadPage(page, flags.url, command);
      const result = extractWith(flags.engine, parsePage(html, url), url, { markdown: flags.markdown, aliases });
      process.stdout.write(JSON.stringify(result, null, flags.jsonl ? undefined : 2) + '\n');
    });
}

async function loadPage(
  page: string,
  url: string | undefined,
  command: Command,
): Promise<{ html: string; url: string }> {
  if (/^https?:\/\//i.test(page)) {
    const response = await fetch(page, { redirect: 'follow', signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
    if (!response.ok) throw new Error(`fetching ${page} failed: HTTP ${response.status}`);
    const length = Number(response.headers.get('content-length') ?? 0);
    if (length > MAX_PAGE_BYTES) throw new Error(`${page} is larger than ${MAX_PAGE_BYTES} bytes`);
    return { html: await response.text(), url: url ?? response.url };
  }
  if (!url) command.error('--url URL is required with a file (the address the page was saved from)', { exitCode: 2 });
  try {
    new URL(url);
  } catch {
    command.error(`--url is not a valid URL: ${url}`, { exitCode: 2 });
  }
  return { html: await readFile(page, 'utf8'), url };
}

async function runBatch(list: string, flags: ExtractFlags, aliases: Record<string, string>): Promise<void> {
  const lines = (await readFile(list, 'utf8')).split(/\r?\n/).filter((line) => line.trim());
  for (const line of lines) {
    const [id = '', path = '', url = ''] = line.split('\t');
    let record: Record<string, unknown>;
    try {
      const document = parsePage(await readFile(path, 'utf8'), url);
      const started = performance.now();
      const result = extractWith(flags.engine, document, url, { markdown: flags.markdown, aliases });
      record = { id, ...result, ms: Number((performance.now() - started).toFixed(2)) };
    } catch (error) {
      record = { id, error: error instanceof Error ? error.message : String(error) };
    }
    process.stdout.write(JSON.stringify(record) + '\n');
  }
}

function extractWith(
  engine: ExtractFlags['engine'],
  document: Document,
  url: string,
  options: { markdown?: boolean; aliases: Record<string, string> },
): PageMetadata | Record<string, unknown> {
  if (engine === 'readability') return readabilityAlone(document, options.markdown === true);
  return extractMetadata(document, url, { markdown: options.markdown, publisherAliases: options.aliases });
}

/**
 * @mozilla/readability's own answer, mapped to refclip's field names (the baseline `npm run eval` prints); with
 * `--markdown`, also its article's plain text (the baseline `npm run eval:content` scores refclip's Markdown against).
 */
function readabilityAlone(document: Document, withText: boolean): Record<string, unknown> {
  const article = new Readability(document).parse();
  return {
    ...(withText ? { text: article?.textContent ?? null } : {}),
    title: article?.title ?? null,
    siteName: article?.siteName ?? null,
    byline: article?.byline ?? null,
    published: article?.publishedTime ?? null,
    excerpt: article?.excerpt ?? null,
    lang: article?.lang ?? null,
    canonicalUrl: null,
  };
}

function parseAliases(pairs: string[], command: Command): Record<string, string> {
  const aliases: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0 || at === pair.length - 1)
      command.error(`--publisher-alias wants NAME=SHORT, got "${pair}"`, { exitCode: 2 });
    aliases[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
  }
  return aliases;
}
