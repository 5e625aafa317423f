import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Deterministic pseudo-random numbers (mulberry32), so every run builds the same vault. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'grid battery storage solar wind turbine heat pump transmission line carbon tax policy election court ruling ' +
  'privacy browser extension markdown vault index search latency memory cache kernel scheduler compiler rust ' +
  'typescript python database replication consensus raft paxos network packet routing firewall encryption ' +
  'climate ocean glacier forest wildfire drought harvest wheat rice coffee supply chain shipping port canal ' +
  'semiconductor lithography wafer chip export control sanction tariff inflation interest rate central bank ' +
  'housing rent zoning transit bicycle railway tunnel bridge vaccine trial protein genome microscope telescope ' +
  'galaxy satellite orbit launch rocket reactor fusion fission uranium copper nickel cobalt mining refinery'
).split(' ');

const HOSTS = ['reuters.com', 'apnews.com', 'bbc.co.uk', 'arstechnica.com', 'nature.com', 'ft.com', 'lwn.net'];
const PUBLISHERS = ['Reuters', 'AP', 'BBC', 'Ars Technica', 'Nature', 'FT', 'LWN'];

export interface SyntheticVault {
  titles: string[];
  /** Vault-relative paths, in the order written. */
  paths: string[];
}

/** A page to suggest target notes for: a headline, a summary and a URL on one of the hosts the notes cite. */
export function syntheticPage(random: () => number): { url: string; title: string; excerpt: string } {
  return {
    url: `https://www.${pick(random, HOSTS)}/${pick(random, WORDS)}/${Math.floor(random() * 1e6)}`,
    title: sentence(random, 7).slice(0, -1),
    excerpt: sentence(random, 25),
  };
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function sentence(random: () => number, words: number): string {
  const parts = Array.from({ length: words }, () => pick(random, WORDS));
  return parts.join(' ').replace(/^./, (c) => c.toUpperCase()) + '.';
}

function callout(random: () => number, id: string): string {
  const host = Math.floor(random() * HOSTS.length);
  return [
    `> [!ref] ${PUBLISHERS[host]} - ${sentence(random, 6).slice(0, -1)}`,
    `> https://www.${HOSTS[host]}/${pick(random, WORDS)}/${id}`,
    `> Why it matters: ${sentence(random, 8)}`,
  ].join('\n');
}

function noteText(random: () => number, title: string, index: number, paragraphs: number): string {
  const tags = Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(random, WORDS));
  const day = String(1 + (index % 28)).padStart(2, '0');
  const body = Array.from({ length: paragraphs }, () => sentence(random, 20 + Math.floor(random() * 40)));
  if (random() < 0.2) body.push(`Filed under #${pick(random, WORDS)} and #topic/${pick(random, WORDS)}.`);
  const sources = Array.from({ length: 1 + Math.floor(random() * 4) }, (_, n) => callout(random, `${index}-${n}`));
  return [
    '---',
    `title: ${title}`,
    'tags:',
    ...tags.map((tag) => `  - ${tag}`),
    ...(random() < 0.1 ? [`aliases:`, `  - ${title.split(' ').reverse().join(' ')}`] : []),
    'draft: false',
    `description: ${sentence(random, 10)}`,
    `created: 2024-03-${day}`,
    `updated: 2025-01-${day}`,
    `note_id: 2403${day}RC${String(index % 100).padStart(2, '0')}`,
    '---',
    '',
    `# ${title}`,
    '',
    body.join('\n\n'),
    '',
    '## sources',
    sources.join('\n\n'),
    '',
    '## linkage',
    `- [[${pick(random, WORDS)} ${pick(random, WORDS)}]]`,
    '',
  ].join('\n');
}

/** One note of a synthetic vault: 1-8 KB, or about 1 MB when `large`. */
export function syntheticNote(random: () => number, index: number, large = false): { title: string; text: string } {
  const title = `${pick(random, WORDS)} ${pick(random, WORDS)} ${pick(random, WORDS)} ${index}`;
  const paragraphs = large ? 5000 : 2 + Math.floor(random() * 15);
  return { title, text: noteText(random, title, index, paragraphs) };
}

/**
 * Writes `count` notes shaped like a real vault (frontmatter, prose, a sources section of callouts) into 100
 * folders, two levels deep. Most notes are 1-8 KB; `largeNotes` of them are padded to about 1 MB.
 */
export function writeSyntheticVault(root: string, count: number, largeNotes: number): SyntheticVault {
  const random = seededRandom(4242);
  const vault: SyntheticVault = { titles: [], paths: [] };
  for (let index = 0; index < count; index++) {
    const { title, text } = syntheticNote(random, index, index < largeNotes);
    const folder = `area-${index % 10}/topic-${Math.floor(index / 10) % 10}`;
    const path = `${folder}/${title}.md`;
    mkdirSync(join(root, folder), { recursive: true });
    writeFileSync(join(root, path), text);
    vault.titles.push(title);
    vault.paths.push(path);
  }
  return vault;
}
