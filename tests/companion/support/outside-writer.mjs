// Another program writing the note refclip clips into, run as its own process (tests/companion/outside-writers.test.ts).
//   node outside-writer.mjs append NOTE MS   appends a numbered line every 5-50 ms, as a log tool would
//   node outside-writer.mjs rewrite NOTE MS  reads the note, opens it for writing, truncates it and writes the text
//                                            plus a numbered line, every 5-50 ms, as an editor saving in place does
// After MS milliseconds it prints one JSON line: the lines it wrote, and (rewrite) the callout URLs it threw away
// itself: present in the file when it truncated it, missing from the stale text it had read and wrote back, and
// likewise its own earlier lines it dropped that way.
import { appendFileSync, closeSync, ftruncateSync, openSync, readFileSync, readSync, writeSync } from 'node:fs';

const [mode, note, duration] = process.argv.slice(2);
const until = Date.now() + Number(duration);
const lines = [];
const overwrote = new Set();
const droppedOwn = new Set();
const pause = (ms) => new Promise((done) => setTimeout(done, ms));
const calloutUrls = (text) => new Set(text.split('\n').filter((line) => line.startsWith('> https://')));

function readThrough(fd) {
  const chunks = [];
  const chunk = Buffer.alloc(1 << 16);
  for (let position = 0; ;) {
    const read = readSync(fd, chunk, 0, chunk.length, position);
    if (read === 0) return Buffer.concat(chunks).toString('utf8');
    chunks.push(Buffer.from(chunk.subarray(0, read)));
    position += read;
  }
}

function rewrite(line) {
  const stale = readFileSync(note, 'utf8');
  const fd = openSync(note, 'r+');
  try {
    // What the file holds at the moment it is truncated: a clip in it and not in `stale` is lost by this writer.
    const held = readThrough(fd);
    const current = calloutUrls(held);
    for (const url of calloutUrls(stale)) current.delete(url);
    for (const url of current) overwrote.add(url.slice(2));
    // Its own earlier lines too: one it wrote that reached the file only after it read `stale` is dropped by itself.
    const staleLines = new Set(stale.split('\n'));
    for (const own of held.split('\n'))
      if (own.startsWith('outside line ') && !staleLines.has(own)) droppedOwn.add(own);
    ftruncateSync(fd, 0);
    writeSync(fd, stale + line, 0);
  } finally {
    closeSync(fd);
  }
}

for (let n = 1; Date.now() < until; n++) {
  const line = `outside line ${n}\n`;
  if (mode === 'append') appendFileSync(note, line);
  else rewrite(line);
  lines.push(line.trimEnd());
  await pause(5 + Math.random() * 45);
}
process.stdout.write(JSON.stringify({ lines, overwrote: [...overwrote], droppedOwn: [...droppedOwn] }) + '\n');
