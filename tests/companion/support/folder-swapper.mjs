// Swaps a vault folder for a symlink to a folder outside the vault and back, in a tight loop, for MS milliseconds
// (tests/companion/symlink-swap.test.ts). Ends with the real folder back in place and prints how many swaps it made.
// refclip creates a folder that is missing when a new note goes into it: one it created in the moment the name was
// free is moved aside to FOLDER.recreated-N (still in the vault) before the swap goes on.
//   node folder-swapper.mjs FOLDER OUTSIDE MS
import { renameSync, symlinkSync, unlinkSync } from 'node:fs';

const [folder, outside, duration] = process.argv.slice(2);
const parked = `${folder}.parked`;
const until = Date.now() + Number(duration);
const pause = (ms) => new Promise((done) => setTimeout(done, ms));
let swaps = 0;
let recreated = 0;

/** Runs `step`, which needs the name `folder` free; a folder refclip created there meanwhile is moved aside first. */
function whileFree(step) {
  for (;;) {
    try {
      return step();
    } catch (error) {
      if (error.code !== 'EEXIST' && error.code !== 'ENOTEMPTY') throw error;
      renameSync(folder, `${folder}.recreated-${++recreated}`);
    }
  }
}

while (Date.now() < until) {
  renameSync(folder, parked);
  whileFree(() => symlinkSync(outside, folder));
  await pause(Math.random() * 4);
  unlinkSync(folder);
  whileFree(() => renameSync(parked, folder));
  swaps++;
  await pause(Math.random() * 4);
}
process.stdout.write(`${swaps}\n`);
