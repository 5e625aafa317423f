// Prints the suite's totals as one plain line ("N passed, N failed"), which CI reads; Vitest's own summary is styled.
import { readFileSync } from 'node:fs';

const results = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const skipped = results.numPendingTests + results.numTodoTests;
console.log(`vitest: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${skipped} skipped`);
