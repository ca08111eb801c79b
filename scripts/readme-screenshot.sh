#!/usr/bin/env bash
# Makes docs/images/report.png, the README's picture: the report of the full-scale default run
# overlaid with the early-concession counterfactual, map and national curves.
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
echo "wrote docs/images/report.png"
