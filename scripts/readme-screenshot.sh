#!/usr/bin/env bash
# Makes the README's pictures: docs/images/report.png, the report of the full-scale default
# run overlaid with the early-concession counterfactual (map and national curves), and
# docs/images/viewer.png, the live viewer during a run at scale 0.1, near its peak.
# Needs a release build with the web pages, and Chromium (install-deps.sh --browser).
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
build/release/unrest run --quiet --out "$work/base"
build/release/unrest run --quiet --counterfactual early-concession --out "$work/early"
build/release/unrest report --quiet "$work/base" "$work/early" --output "$work/report.html"
node - "$work/report.html" docs/images/report.png <<'JS'
const { createRequire } = require('node:module');
const { chromium } = createRequire(process.cwd() + '/web/package.json')('playwright-core');
const [html, png] = process.argv.slice(2);
(async () => {
  const browser = await chromium.launch({ executablePath: process.env.UNREST_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 0.8 });
  await page.goto('file://' + html);
  await page.waitForSelector('body[data-ready="true"]');
  // From the map to the end of the national curves, without the run table above.
  const top = await page.$eval('section', (s) => s.getBoundingClientRect().top + window.scrollY);
  const bottom = await page.$eval('table.events', (t) => t.getBoundingClientRect().top + window.scrollY);
  await page.screenshot({ path: png, fullPage: true, clip: { x: 0, y: top, width: 1280, height: bottom - top } });
  await browser.close();
})();
JS
build/release/unrest serve --port 0 --out "$work/serve" >"$work/serve.log" 2>/dev/null &
server=$!
sleep 1
url=$(grep -o 'http://127.0.0.1:[0-9]*/' "$work/serve.log")
node - "$url" docs/images/viewer.png <<'JS'
const { createRequire } = require('node:module');
const { chromium } = createRequire(process.cwd() + '/web/package.json')('playwright-core');
const [url, png] = process.argv.slice(2);
(async () => {
  const browser = await chromium.launch({ executablePath: process.env.UNREST_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, deviceScaleFactor: 0.8 });
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]');
  await page.fill('input[name="scale"]', '0.1');
  await page.selectOption('select[name="pace"]', '24');
  await page.click('#run');
  // Midday on 5 January: Almaty at its height.
  await page.waitForFunction(() => (window.unrestApp.live?.run.times.length ?? 0) >= 204, null, { timeout: 60000 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: png });
  await browser.close();
})();
JS
kill -INT "$server"
wait "$server" || true
echo "wrote docs/images/report.png and docs/images/viewer.png"
