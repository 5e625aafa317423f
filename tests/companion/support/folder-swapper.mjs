// Swaps a vault folder for a symlink to a folder outside the vault and back, in a tight loop, for MS milliseconds
// (tests/companion/symlink-swap.test.ts). Ends with the real folder back in place and prints how many swaps it made.
//   node folder-swapper.mjs FOLDER OUTSIDE MS
import { renameSync, symlinkSync, unlinkSync } from 'node:fs';

const [folder, outside, duration] = process.argv.slice(2);
const parked = `${folder}.parked`;
const until = Date.now() + Number(duration);
const pause = (ms) => new Promise((done) => setTimeout(done, ms));
let swaps = 0;
while (Date.now() < until) {
  renameSync(folder, parked);
  symlinkSync(outside, folder);
  await pause(Math.random() * 4);
  unlinkSync(folder);
  renameSync(parked, folder);
  swaps++;
  await pause(Math.random() * 4);
}
process.stdout.write(`${swaps}\n`);
