// An editor that opened a note before refclip replaced it and saves in place afterwards (tests/cli-add.test.ts):
// opens NOTE read-write, reads it and prints "open"; once NOTE names another file (refclip's rename) it waits
// WAIT_MS more, then truncates the file it holds open and writes what it read with FROM replaced by TO, and prints
// "saved". Without refclip watching the replaced file, that save lands in a file no name leads to.
//   node late-editor.mjs NOTE FROM TO WAIT_MS
import { closeSync, fstatSync, ftruncateSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';

const [note, from, to, waitMs] = process.argv.slice(2);
const pause = (ms) => new Promise((done) => setTimeout(done, ms));
const fd = openSync(note, 'r+');
const text = readFileSync(fd, 'utf8');
const { ino } = fstatSync(fd);
process.stdout.write('open\n');
while (statSync(note).ino === ino) await pause(1);
await pause(Number(waitMs));
ftruncateSync(fd, 0);
writeSync(fd, text.replace(from, to), 0);
closeSync(fd);
process.stdout.write('saved\n');
