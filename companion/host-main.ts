import { configDir } from './config';
import { runHost } from './host/run-host';

// The entry the browser starts (`refclip host`, via bin/refclip.js): it loads only the host's modules, not the
// CLI's other commands (extraction alone pulls in a DOM and Readability), since the host starts cold often.
try {
  await runHost({ configDir: configDir(), input: process.stdin, output: process.stdout });
  // Suggestion's topics may still be loading; the browser has gone, so nobody is left to ask for them.
  process.exit(0);
} catch (error) {
  console.error(`refclip: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
