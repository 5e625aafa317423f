// Cold extraction as a person meets it (issue 16): a fresh page per sample and the built file evaluated the way
// `scripting.executeScript` runs it (compiled from source, its completion value returned), beside Readability cold
// on the same pages in the same run. Each sample's source gets its own trailing comment so that no engine reuses
// code compiled for an earlier page.

/**
 * `sources`: engine name → script source whose completion value is the result. Returns engine name → one cold time
 * (ms, compile included) per page.
 */
export async function coldTimes(context, urls, sources) {
  const times = Object.fromEntries(Object.keys(sources).map((name) => [name, []]));
  let sample = 0;
  for (const url of urls) {
    for (const [name, source] of Object.entries(sources)) {
      const page = await context.newPage();
      try {
        await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 30_000 });
        const ms = await page.evaluate(timeEvaluation, `${source}\n//# cold sample ${++sample}`);
        times[name].push(ms);
      } finally {
        await page.close();
      }
    }
  }
  return times;
}

/** Runs in the page: an indirect eval compiles and runs the source in the global scope, as an injected file runs. */
function timeEvaluation(source) {
  const started = performance.now();
  (0, eval)(source);
  return performance.now() - started;
}
