/** The article's authors, from declarations first, then printed bylines, wire datelines and social-post titles. */

import { cleanAuthors, namesAPerson, onlyOutlets, withoutOutlets } from './authors';
import type { JsonLdFacts } from './json-ld';
import { allMeta, firstMeta, META_KEYS, type MetaTags } from './meta-tags';
import type { MicrodataFacts } from './microdata';
import { collapseWhitespace, looseKey } from './text';
import { documentTitle } from './title';
import { headlineBlock } from './page-layout';
import { findVisibleByline } from './visible-byline';

/** Sources that list one author per tag, often family name first ("Okafor, Ada"). */
const ONE_AUTHOR_PER_VALUE = new Set([
  'citation_author',
  'dc.creator',
  'dcterms.creator',
  'dc:creator',
  'dcterm:creator',
]);

/**
 * The first source that names people. A source that credits only the outlet (JSON-LD `author` "BBC News", a meta
 * author "AppleInsider", the company its copyright notice names) yields to a later one naming reporters, and is the answer when none does.
 */
export function chooseAuthors(
  document: Document,
  meta: MetaTags,
  jsonLd: JsonLdFacts | null,
  microdata: MicrodataFacts | null,
  siteNames: readonly string[],
): string[] {
  const holder = copyrightHolder(firstMeta(meta, ['copyright', 'dc.rights', 'dcterms.rights']));
  // Only a credit to the holder alone is an outlet's: a blogger's own name in the notice still names the author.
  const creditsHolder = (names: readonly string[]) =>
    !!holder && names.every((name) => looseKey(name) === looseKey(holder));
  const sources: [() => readonly string[], boolean][] = [
    [() => jsonLd?.authors ?? [], false],
    ...META_KEYS.authors.map((key): [() => string[], boolean] => [
      () => allMeta(meta, [key]),
      ONE_AUTHOR_PER_VALUE.has(key),
    ]),
    [() => microdata?.authors ?? [], false],
    [() => labelledTwitterData(meta, WRITTEN_BY), false],
    [() => findVisibleByline(document, siteNames), false],
    [() => socialPostAuthor(firstMeta(meta, ['og:title']) ?? documentTitle(document)), false],
  ];
  let outlets: string[] = [];
  for (const [source, onePerValue] of sources) {
    const names = cleanAuthors(source(), { onePerValue });
    if (!names.length) continue;
    if (!onlyOutlets(names, siteNames) && !creditsHolder(names)) {
      return (
        printedForAccounts(names, document, siteNames) ??
        withCoAuthors(withoutOutlets(names, siteNames), document, siteNames)
      );
    }
    if (!outlets.length) outlets = names;
  }
  return outlets;
}

/** "dehlix", "christian.stadtfeld", "NEWSROOM": a CMS account or desk, one word with no capital after its first. */
const ACCOUNT = /^(?:[a-z\d]+(?:[._-][a-z\d]+)*|[A-Z\d]+)$/;

/**
 * A page that declares only CMS accounts as its authors (WordPress's `<meta name="author" content="dehlix">`) but
 * prints a byline naming a person ("von <a rel="author">Klaus-Peter Schöppner</a>"): the printed name is the author.
 * The page is searched only for such declarations.
 */
function printedForAccounts(declared: string[], document: Document, siteNames: readonly string[]): string[] | null {
  if (!declared.every((name) => ACCOUNT.test(name))) return null;
  const printed = findVisibleByline(document, siteNames);
  return namesAPerson(printed, siteNames) ? withoutOutlets(printed, siteNames) : null;
}

/**
 * A declared single author whose printed byline names more people ("By Ada Lowe, Per Lind and Jo Ek" under JSON-LD
 * crediting Ada Lowe alone): CMSs often declare only the first author, so the printed byline, which includes them, wins.
 */
function withCoAuthors(declared: string[], document: Document, siteNames: readonly string[]): string[] {
  if (declared.length !== 1) return declared;
  // Only around the headline, where bylines are printed: the whole page would cost every article this check.
  const scope = headlineBlock(document);
  if (!scope) return declared;
  const printed = withoutOutlets(findVisibleByline(document, siteNames, scope), siteNames);
  const key = looseKey(declared[0]!);
  return printed.length > 1 && printed.some((name) => looseKey(name) === key) ? printed : declared;
}

/**
 * "Copyright (c) Condé Nast 2019" → "Condé Nast": the company that owns the site, which some templates also put in
 * the author tag. Credited alone it is an outlet's credit, yielding to a byline that names a reporter.
 */
function copyrightHolder(notice: string | null): string | null {
  const holder = notice
    ?.replace(/copyright|\(c\)|©|all rights reserved\.?|\b\d{4}(?:\s*[-–]\s*\d{4})?\b/gi, ' ')
    .replace(/^[\s,.]+|(?<![\s,.])[\s,.]+$/g, '')
    .replace(/\s+/g, ' ');
  return holder && holder.length <= 60 && /\p{L}{2}/u.test(holder) ? holder : null;
}

/** The label Yoast SEO (in its translations) and others give the author's name in a Twitter card's extra fields. */
const WRITTEN_BY =
  /^(?:written by|author|by|écrit par|geschrieben von|verfasst von|escrito por|scritto da|geschreven door|autor|auteur|autore)$/i;

/** `twitter:label1` "Written by" with `twitter:data1` "Ada Lowe": the value whose label matches. */
function labelledTwitterData(meta: MetaTags, label: RegExp): string[] {
  const values: string[] = [];
  for (const n of [1, 2, 3, 4]) {
    const data = firstMeta(meta, [`twitter:data${n}`]);
    if (data && label.test(firstMeta(meta, [`twitter:label${n}`])?.trim() ?? '')) values.push(data);
  }
  return values;
}

/** "Ana Ruiz (@anaruiz) on X", "Ana Ruiz (@ana@social.example)": a post's page names its author in the title. */
const SOCIAL_POST_TITLE =
  /^(.{1,80}?)\s+\(@[\w.-]{1,60}(?:@[\w.-]{1,100})?\)(?:\s+on\s+(?:X|Twitter|Threads|Instagram|Bluesky|Mastodon|TikTok)\b.*)?$/u;

function socialPostAuthor(title: string | null): string[] {
  const match = title ? SOCIAL_POST_TITLE.exec(collapseWhitespace(title)) : null;
  return match ? [match[1]!] : [];
}
