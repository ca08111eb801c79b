// What the browser tests share: a headless Chromium driven by playwright-core (from web/'s
// packages), the unrest binary, and a folder for outputs and screenshots.
//
// A test exits 77 (CTest: skipped, not passed) where it cannot run: no Chromium, or no
// playwright-core because the web packages were never installed.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export const SKIP = 77;

export function setup() {
  const [unrest, work] = process.argv.slice(2);
  if (!unrest || !work) {
    console.error('usage: node TEST.mjs UNREST_BINARY WORK_DIR');
    process.exit(2);
  }
  const chromium = process.env.UNREST_CHROMIUM ?? '/usr/bin/chromium';
  if (!fs.existsSync(chromium)) {
    console.log(`skipped: no Chromium at ${chromium} (apt-get install chromium, or set UNREST_CHROMIUM)`);
    process.exit(SKIP);
  }
  let playwright;
  try {
    const require = createRequire(new URL('../../web/package.json', import.meta.url));
    playwright = require('playwright-core');
  } catch {
    console.log('skipped: playwright-core is not installed (npm ci in web/)');
    process.exit(SKIP);
  }
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true });
  return { unrest: path.resolve(unrest), work: path.resolve(work), chromium, playwright };
}

export async function launch({ playwright, chromium }) {
  // --no-sandbox: CI runs as root, where Chromium's sandbox cannot start.
  return playwright.chromium.launch({ executablePath: chromium, args: ['--no-sandbox'] });
}

// Opens a page unrest wrote, from disk, once it says it is ready (body[data-ready]). Page
// errors, console errors and any attempt to fetch from the network (a page must be
// self-contained) are pushed onto `errors`.
export async function openFile(browser, file, errors, viewport) {
  const page = await browser.newPage({ viewport });
  page.on('pageerror', (e) => errors.push(`${file}: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && errors.push(`${file}: ${m.text()}`));
  await page.route(/^https?:/, (route) => {
    errors.push(`${file}: tried to fetch ${route.request().url()}`);
    return route.abort();
  });
  await page.goto(`file://${file}`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
  return page;
}

export function unrestRun(unrest, args) {
  return execFileSync(unrest, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

// Fails the test with a message, for checks that node:assert words badly.
export function check(condition, message) {
  if (!condition) throw new Error(`check failed: ${message}`);
}
