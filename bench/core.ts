/**
 * `npm run bench:core`: per-note cost of the note engine on seed-shaped notes (the fixture of the golden tests,
 * with its sources section grown to 1, 5 and 20 callouts). `readNoteMeta` runs once per note when the companion
 * indexes a vault (50,000 notes in ≤ 3 s leaves ≤ 60 µs per note for everything), `applyClip` once per clip.
 */
import { readFileSync } from 'node:fs';
import { applyClip, citedUrls, createNote, readNoteMeta } from '../utils/core/index';
import { DEFAULT_SETTINGS, noteOptionsFrom } from '../utils/core/settings';

const options = noteOptionsFrom(DEFAULT_SETTINGS);
const base = readFileSync(new URL('../tests/fixtures/notes/harbour-electrification.md', import.meta.url), 'utf8');
const clip = { url: 'https://bench.example/new', title: 'A new source', publisher: 'Bench', why: 'Timing.' };
const request = { clip, tags: ['bench', 'ports'], date: '2026-03-14' };

function withCallouts(count: number): string {
  const callouts = Array.from(
    { length: count },
    (_, n) => `> [!ref] Wire - Story ${n}\n> https://wire.example/story-${n}\n> Why it matters: Reason ${n}.`,
  );
  return base.replace(/## sources\n[\s\S]*?\n\n## linkage/, `## sources\n${callouts.join('\n\n')}\n\n## linkage`);
}

function microseconds(run: () => unknown, iterations: number): number {
  for (let n = 0; n < Math.min(200, iterations); n += 1) run();
  const start = performance.now();
  for (let n = 0; n < iterations; n += 1) run();
  return ((performance.now() - start) * 1000) / iterations;
}

for (const count of [1, 5, 20]) {
  const note = withCallouts(count);
  const rows = [
    ['readNoteMeta', microseconds(() => readNoteMeta(note), 20_000)],
    ['citedUrls', microseconds(() => citedUrls(note, options), 1_000)],
    ['applyClip', microseconds(() => applyClip(note, request, options), 500)],
  ] as const;
  console.log(
    `${count} callout(s), ${note.length} chars: ${rows.map(([name, us]) => `${name} ${us.toFixed(1)} µs`).join(', ')}`,
  );
}
console.log(`createNote ${microseconds(() => createNote(request, options), 2_000).toFixed(1)} µs`);
console.log(
  `readNoteMeta × 50,000 notes ≈ ${((microseconds(() => readNoteMeta(base), 50_000) * 50_000) / 1e6).toFixed(2)} s`,
);

/** Issue 14: large notes. Before the block scanner, 5,000 callouts took 20 s and 100,000 never finished. */
function seedCallouts(count: number): string {
  return Array.from({ length: count }, (_, n) => `> [!ref] W - S${n}\n> https://w.example/${n}\n> Why: r.`).join(
    '\n\n',
  );
}
const largeHead = '---\ntitle: Big\nupdated: 2026-01-01\n---\n# Big\n\n## sources\n\n';
const largeNotes: [string, string][] = [
  ...[5_000, 10_000, 100_000].map((count): [string, string] => [`${count} callouts`, largeHead + seedCallouts(count)]),
  ['a list item + 60,000 lines', `${largeHead}- item\n${'lazy line of the item\n'.repeat(60_000)}`],
];
for (const [name, note] of largeNotes) {
  const ms = microseconds(() => applyClip(note, request, options), 3) / 1000;
  console.log(`large note, ${name} (${(note.length / 1e6).toFixed(1)} MB): applyClip ${ms.toFixed(0)} ms`);
}
