// Opens the chart pages that `unrest sensitivity` wrote (Sobol and Morris, run 2 of Epstein),
// from disk in headless Chromium: a chart for every figure that varied, bars for every
// parameter, legitimacy's bar the longest, no network, no errors. Saves screenshots.
import path from 'node:path';
import { check, launch, openFile, setup, unrestRun } from './browser.mjs';

const env = setup();
const { unrest, work } = env;
const params = ['--param', 'model.legitimacy=0.7:0.9', '--param', 'model.cop_density=0.03:0.05', '--set', 'run.ticks=300', '--quiet'];
const sobol = path.join(work, 'sobol');
unrestRun(unrest, ['sensitivity', 'scenarios/epstein-2002/run2.toml', '--samples', '32', ...params, '--out', sobol]);
const morris = path.join(work, 'morris');
unrestRun(unrest, ['sensitivity', 'scenarios/epstein-2002/run2.toml', '--method', 'morris', '--samples', '16', ...params, '--out', morris]);

const browser = await launch(env);
const errors = [];
const open = (file) => openFile(browser, file, errors, { width: 1100, height: 900 });

// The width of each parameter's bar in the chart of `figure` (the total index for Sobol).
async function widths(page, figure, cls) {
  return page.$$eval(`svg.bars[data-figure="${figure}"] rect.${cls}`, (rects) =>
    Object.fromEntries(rects.map((r) => [r.dataset.parameter, Number(r.getAttribute('width'))])),
  );
}

try {
  for (const [dir, cls] of [
    [sobol, 'total'],
    [morris, 'mu-star'],
  ]) {
    const page = await open(path.join(dir, 'sensitivity.html'));
    const charts = await page.$$eval('svg.bars', (cs) => cs.map((c) => Number(c.dataset.bars)));
    check(charts.length >= 4, `${dir}: a chart for each figure that varied (${charts.length})`);
    check(charts.every((n) => n === 2), `${dir}: two bars in every chart (${charts})`);
    const w = await widths(page, 'mean_active', cls);
    check(w['model.legitimacy'] > 2 * w['model.cop_density'], `${dir}: legitimacy drives mean_active (${JSON.stringify(w)})`);
    await page.screenshot({ path: path.join(work, `${path.basename(dir)}.png`), fullPage: true });
    await page.close();
  }
  check(errors.length === 0, `no page errors: ${errors.join('; ')}`);
  console.log('sensitivity pages: ok');
} finally {
  await browser.close();
}
