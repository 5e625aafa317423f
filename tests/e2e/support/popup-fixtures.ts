import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Article pages and a small vault for the popup and options flow tests, all of our own writing. The vault folder is
 * named `coast-notes`, which is the vault name the options page shows.
 */
export const VAULT_NAME = 'coast-notes';

export const TIDAL_NOTE = `---
title: Tidal energy
tags:
  - energy
  - ocean
keywords: []
draft: false
description: Where tidal power stands and what holds it back.
created: 2025-03-02
updated: 2025-06-30
note_id: 250302RC01
cssclasses:
  - energy-notes
---

# Tidal energy

Tides are predictable years ahead, which makes them the one renewable a grid planner can schedule like a dam.
The catch has always been the cost of building in salt water.

## sources

> [!ref] Shoreline Journal - Barrage plans shelved again
> https://shoreline.example/2025/barrage-shelved
> Why it matters: Shows why barrages keep losing to lagoons.

## linkage
- [[Harbour projects]]
`;

export const HARBOUR_NOTE = `---
title: Harbour projects
tags: [ports, marine]
updated: 2025-09-14
---

# Harbour projects

## sources

> [!ref] Coastline Weekly - Dredging contract signed for the north quay
> http://127.0.0.1/placeholder
`;

/** Notes the Undo, Move and target flows file into; each test uses its own, so their bytes can be pinned. */
export const OTHER_NOTES: Record<string, string> = {
  'Wave farms.md': '---\ntitle: Wave farms\ntags: [energy, marine]\n---\n\n# Wave farms\n\n## sources\n',
  'archive/Estuary birds.md': '---\ntitle: Estuary birds\ntags: [wildlife]\n---\n\n# Estuary birds\n',
  // Same title as the one in archive/: the popup must tell them apart.
  'Estuary birds.md': '---\ntitle: Estuary birds\ntags: [birds]\n---\n\n# Estuary birds\n\nWaders.\n',
  'Offshore wind.md': '---\ntitle: Offshore wind\ntags: [energy]\n---\n\n# Offshore wind\n',
  'Seagrass meadows.md': '---\ntitle: Seagrass meadows\nupdated: 2025-01-05\n---\n\n# Seagrass meadows\n\n## sources\n',
  'Kelp forests.md': '---\ntitle: Kelp forests\ntags: [ocean]\n---\n\n# Kelp forests\n\n## sources\n',
  'Salt marsh.md': '# Salt marsh\n\nMarsh grass traps silt.\n',
  'Menu picks.md': '# Menu picks\n',
  'Popup picks.md': '# Popup picks\n',
};

/** A vault in a fresh temporary folder; `citedUrl` is the URL the Harbour note already cites. */
export function makeVault(citedUrl: string): string {
  const vault = join(mkdtempSync(join(tmpdir(), 'refclip-popup-')), VAULT_NAME);
  mkdirSync(join(vault, 'archive'), { recursive: true });
  writeFileSync(join(vault, 'Tidal energy.md'), TIDAL_NOTE);
  writeFileSync(join(vault, 'Harbour projects.md'), HARBOUR_NOTE.replace('http://127.0.0.1/placeholder', citedUrl));
  for (const [path, text] of Object.entries(OTHER_NOTES)) writeFileSync(join(vault, path), text);
  return vault;
}

/** 300 characters each: the popup must still fit without a scrollbar (issue 13 §2). */
export const LONG_TITLE = `Tidal ${'power and coastal planning '.repeat(12)}`.slice(0, 299) + 'x';
export const LONG_SUMMARY = `Summary ${'of what the long report on tides says '.repeat(9)}`.slice(0, 299) + '.';

function article(options: {
  title: string;
  canonical?: string;
  /** The page's meta description (the popup's summary); the lagoon sentence when absent. */
  description?: string;
  /** Title as HTML source for `<title>` and `og:title`, when it differs from the escaped `title`. */
  titleSource?: string;
  body: string;
}): string {
  const source =
    options.titleSource ?? options.title.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${source} | Coastline Weekly</title>
    ${options.canonical ? `<link rel="canonical" href="${options.canonical}" />` : ''}
    <meta property="og:site_name" content="Coastline Weekly" />
    <meta property="og:type" content="article" />
    <meta property="og:title" content="${source}" />
    <meta name="description" content="${options.description ?? 'A lagoon wall of eleven kilometres would power a city of 150,000 for about 120 years, its backers say.'}" />
    <meta property="article:published_time" content="2026-10-08T07:00:00+01:00" />
    <meta name="author" content="Ines Calloway" />
    <style>
      body { font: 17px/1.6 Georgia, serif; max-width: 680px; margin: 40px auto; color: #222; }
      header { font: 600 14px system-ui, sans-serif; letter-spacing: .08em; text-transform: uppercase; color: #14507a; }
      .byline { color: #666; font-size: 14px; }
    </style>
  </head>
  <body>
    <header>Coastline Weekly · Energy</header>
    <article>
      <h1>${options.title.replace(/</g, '&lt;')}</h1>
      <p class="byline">By Ines Calloway · 8 October 2026</p>
      ${options.body}
    </article>
  </body>
</html>`;
}

const LAGOON_BODY = `<p>A consortium of three port towns has filed plans for an eleven-kilometre lagoon wall across the bay,
the largest tidal scheme proposed in a decade. Turbines set into the wall would run on both the incoming and the
outgoing tide, four times a day.</p>
<p>Backers say the wall would last 120 years and produce power at a price that falls below offshore wind once the
debt is repaid. Critics point to the silt the wall would trap and to the mudflats that wading birds depend on.</p>
<p>The planning inspectorate will hold hearings in the spring; a decision is not expected before late next year.</p>`;

/** Paths served to the browser; `cited` uses `citedUrl` as its canonical URL (the Harbour note cites it). */
export function articlePages(citedUrl: string): Record<string, string> {
  return {
    '/lagoon.html': article({
      title: 'Tidal lagoon plan clears its first hurdle',
      canonical: 'https://coastline.example/2026/10/tidal-lagoon-first-hurdle',
      body: LAGOON_BODY,
    }),
    '/turbines.html': article({
      title: 'Turbine makers race to shrink tidal costs',
      body: '<p>Two firms are testing turbines that can be lifted out for repair without divers.</p>',
    }),
    '/quay.html': article({
      title: 'Dredging contract signed for the north quay',
      canonical: citedUrl,
      body: '<p>The port authority signed a four-year dredging contract on Monday.</p>',
    }),
    '/wave.html': article({ title: 'Wave buoys ride out the winter storms', body: LAGOON_BODY }),
    '/long.html': article({ title: LONG_TITLE, body: `<p>${LONG_SUMMARY}</p>`, description: LONG_SUMMARY }),
    '/undo.html': article({ title: 'Seagrass recovers where boats slow down', body: LAGOON_BODY }),
    '/move.html': article({ title: 'Kelp returns after the urchin cull', body: LAGOON_BODY }),
    '/refuse.html': article({ title: 'Salt marsh grows back on its own', body: LAGOON_BODY }),
    '/doors.html': article({ title: 'Oyster reefs return to the estuary', body: LAGOON_BODY }),
    // Selects its second paragraph (a link and emphasis) as it loads: the popup quotes it (issue 17).
    '/quoted.html': article({
      title: 'Lagoon hearings set for the spring',
      body:
        '<p>The planning inspectorate will hold hearings on the eleven-kilometre lagoon wall in the spring, with a decision not expected before late next year.</p>' +
        '<p id="quote">The wall would <em>outlast</em> two offshore wind farms, says the <a href="/reports/lagoon">backers\' report</a>.</p>' +
        `<script>addEventListener('load', () => getSelection().selectAllChildren(document.getElementById('quote')));</script>`,
    }),
    // Double-escaped, as a hostile page would do it: markup inside a meta value is stripped by the extractor, but
    // entities decode to a literal tag that must stay text in the popup.
    '/hostile.html': article({
      title: 'Breaking news',
      titleSource: "Breaking\n&amp;lt;img src=x onerror=&amp;quot;document.title='pwned'&amp;quot;&amp;gt;\nnews",
      body: '<p>Nothing to see.</p>',
    }),
  };
}

/** The page the Harbour note already cites: a canonical URL refclip will see on the `quay` page. */
export const CITED_URL = 'https://coastline.example/2026/09/north-quay-dredging';
