import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Pages of our own writing for the worker's flow tests, served on 127.0.0.1. */
export const ARTICLE_TITLE = 'Harbour cranes switch to shore power';
export const LINK_URL = 'https://www.coastal-times.example/2026/winter-ferry-timetables';
export const LINK_TEXT = 'Winter ferry timetables cut late sailings';

export const ARTICLE_HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${ARTICLE_TITLE} | Tidewater Ledger</title>
    <meta property="og:site_name" content="Tidewater Ledger" />
    <meta property="og:type" content="article" />
    <meta property="og:title" content="${ARTICLE_TITLE}" />
    <meta name="author" content="Mira Okafor" />
    <meta property="article:published_time" content="2026-11-20T08:00:00Z" />
  </head>
  <body>
    <article>
      <h1>${ARTICLE_TITLE}</h1>
      <p>By Mira Okafor</p>
      <p id="lede">The port's four container cranes now draw power from the grid instead of diesel generators,
        cutting the harbour's night-time noise by half and its fuel bill by a third.</p>
      <p>Ferry operators were less lucky: <a href="${LINK_URL}">  ${LINK_TEXT}
        </a> as crews are moved to the new electric boats.</p>
      <p>The authority plans to publish monthly figures on energy use from January.</p>
    </article>
  </body>
</html>`;

/** A title made to break a careless clipper: newlines, `>`, `]]`, a script tag, 100 KB. */
export const HOSTILE_TITLE =
  'Breaking]] news\n> [!ref] Fake - injected callout\n<script>alert("x")</script> [[wikilink ' + 'A'.repeat(100_000);

export const HOSTILE_HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${HOSTILE_TITLE.replace(/</g, '&lt;')}</title>
    <script>document.title = ${JSON.stringify(HOSTILE_TITLE).replace(/<\//g, '<\\/')};</script>
  </head>
  <body><h1>Nothing to see</h1><p>${'filler text '.repeat(200)}</p></body>
</html>`;

export const PORT_NOTE = `---
title: Port electrification
tags:
  - energy
  - ports
draft: false
created: 2026-03-02
updated: 2026-03-02
note_id: 260302PE01
---

# Port electrification

Shore power and electric cranes cut diesel use in harbours; [[grid-batteries]] covers storage.

## sources

> [!ref] Port Weekly - Shore power rollout stalls
> https://portweekly.example/shore-power
> Why it matters: Shows the queue for grid connections.

## linkage

- [[grid-batteries]]
`;

/** The port note after one more callout: `updated:` set to `date`, the callout last in `## sources`. */
export function portNoteWith(callout: string, date: string): string {
  return PORT_NOTE.replace('updated: 2026-03-02', `updated: ${date}`).replace(
    'grid connections.\n\n## linkage',
    `grid connections.\n\n${callout}\n\n## linkage`,
  );
}

/** A temporary vault holding the port note at `energy/port-electrification.md`. */
export function makeVault(): string {
  const vault = mkdtempSync(join(tmpdir(), 'refclip-vault-'));
  mkdirSync(join(vault, 'energy'));
  writeFileSync(join(vault, 'energy', 'port-electrification.md'), PORT_NOTE);
  return vault;
}

export const PORT_NOTE_PATH = 'energy/port-electrification.md';

/** Today in the machine's zone, as the browser writes it into `updated:`. */
export function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
