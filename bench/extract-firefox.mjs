// Firefox parity (issue 16): the built injected extractor evaluated in Firefox ESR (puppeteer-core over WebDriver
// BiDi) on corpus pages, for comparison field by field with what `refclip extract` reads on linkedom.
import puppeteer from 'puppeteer-core';

/** Nothing leaves 127.0.0.1: the pages' images, fonts and frames point at an internet that is not there. */
const OFFLINE = {
  'network.proxy.type': 1,
  'network.proxy.http': '127.0.0.1',
  'network.proxy.http_port': 9,
  'network.proxy.ssl': '127.0.0.1',
  'network.proxy.ssl_port': 9,
  'network.proxy.no_proxies_on': '127.0.0.1',
  'permissions.default.image': 2,
  'accessibility.blockautorefresh': true,
  // The pages' own scripts are off too; the extractor still runs, as an extension's script does.
  'javascript.enabled': false,
};

/**
 * `urls`: case id → page URL. Returns case id → what the extractor read in Firefox, or `{ error }` when the page could
 * not be read (it then counts as differing).
 */
export async function readInFirefox(urls, source) {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: '/usr/bin/firefox-esr',
    headless: true,
    extraPrefsFirefox: OFFLINE,
  });
  const read = new Map();
  try {
    for (const [id, url] of urls) {
      const page = await browser.newPage();
      try {
        await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 30_000 });
        read.set(id, await page.evaluate((code) => (0, eval)(code), source));
      } catch (error) {
        read.set(id, { error: String(error?.message ?? error).slice(0, 200) });
      } finally {
        await page.close();
      }
    }
  } finally {
    await browser.close();
  }
  return read;
}
