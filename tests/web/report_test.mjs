// Opens reports that `unrest report` wrote, from disk (file://, no server), in headless
// Chromium: the map shows every place, the curves have data, the time slider recolours the
// map, two runs overlay, a classic run shows its outbursts. Saves screenshots.
import path from 'node:path';
import { check, launch, openFile, setup, unrestRun } from './browser.mjs';

const env = setup();
const { unrest, work } = env;
const run = (name, ...args) => {
  unrestRun(unrest, ['run', '--quiet', '--scale', '0.01', '--out', path.join(work, name), ...args]);
  return path.join(work, name);
};
const base = run('default');
const calm = run('no-shock', '--without', 'lpg-price-doubles');
// Cut short before the targets' dates: they have no simulated value.
const short = run('short', '--ticks', '100');
unrestRun(unrest, ['report', '--quiet', short]);
unrestRun(unrest, ['report', '--quiet', base]);
unrestRun(unrest, ['report', '--quiet', base, calm, '--output', path.join(work, 'overlay.html')]);
// An ensemble of the same scenario and scale gives the base run bands.
const ensemble = path.join(work, 'ensemble');
unrestRun(unrest, ['ensemble', '--quiet', '--scale', '0.01', '--seeds', '4', '--out', ensemble]);
unrestRun(unrest, ['report', '--quiet', base, '--ensemble', ensemble, '--output', path.join(work, 'bands.html')]);
// The second country: its own outline and its 31 provinces (scale 0.001 keeps it quick).
const iran = path.join(work, 'iran');
unrestRun(unrest, ['run', 'iran-2019', '--quiet', '--scale', '0.001', '--out', iran]);
unrestRun(unrest, ['report', '--quiet', iran]);
const classic = path.join(work, 'classic');
unrestRun(unrest, ['run', 'scenarios/epstein-2002/run2.toml', '--quiet', '--ticks', '400', '--out', classic]);
unrestRun(unrest, ['report', '--quiet', classic]);

const browser = await launch(env);
const errors = [];
const open = (file) => openFile(browser, file, errors, { width: 1400, height: 1000 });

try {
  // One run.
  let page = await open(path.join(base, 'report.html'));
  const places = await page.$$eval('svg.map circle[data-place]', (cs) => cs.map((c) => c.dataset.place));
  check(places.length === 17, `the map shows 17 places, found ${places.length}`);
  const kaz = await page.$$eval('svg.map path.country', (ps) => ps.map((p) => p.dataset.country));
  check(kaz.length === 1 && kaz[0] === 'KAZ', `the map draws Kazakhstan's outline, found ${kaz}`);
  for (const key of ['active', 'rioting', 'arrests', 'deaths', 'injured', 'activity']) {
    const points = Number(await page.getAttribute(`.chart[data-series="${key}"]`, 'data-points'));
    check(points >= 384, `national curve ${key} has data (${points} points)`);
  }
  const peakActive = await page.evaluate(() => Math.max(...window.unrestReport.data.runs[0].national.active));
  check(peakActive > 1000, `the default run protests (peak ${peakActive})`);
  const small = await page.$$eval('.chart.small', (cs) => cs.filter((c) => Number(c.dataset.points) > 0).length);
  check(small === 17, `17 small multiples with data, found ${small}`);
  // As many rows as the scenario has targets (the report's own data says how many).
  const reported = await page.evaluate(() => window.unrestReport.data.runs[0].targets.length);
  check(reported >= 7, `the default scenario's targets are in the report data (${reported})`);
  const targets = await page.$$eval('table.targets tbody tr', (rows) => rows.length);
  check(targets === reported, `${reported} targets in "simulated vs reported", found ${targets}`);
  const markers = await page.$$eval('table.events tbody tr', (rows) => rows.length);
  {
    // Iran: its outline, every province inside the drawing, a title naming the scenario.
    const other = await open(path.join(iran, 'report.html'));
    const ids = await other.$$eval('svg.map circle[data-place]', (cs) => cs.map((c) => c.dataset.place));
    check(ids.length === 31 && ids.includes('tehran') && ids.includes('khuzestan'), `the Iran map shows its 31 provinces, found ${ids.length}`);
    const outline = await other.$$eval('svg.map path.country', (ps) => ps.map((p) => p.dataset.country));
    check(outline.length === 1 && outline[0] === 'IRN', `the Iran map draws Iran's outline, found ${outline}`);
    const inside = await other.$$eval('svg.map circle[data-place]', (cs) =>
      cs.every((c) => { const x = Number(c.getAttribute('cx')), y = Number(c.getAttribute('cy')); return x >= 0 && x <= 720 && y >= 0 && y <= 400; }));
    check(inside, 'every Iranian province lies within the map');
    const title = await other.$eval('svg.map title', (t) => t.textContent);
    check(title.includes('iran-2019') && !title.includes('Kazakhstan'), `the map's title names the scenario: ${title}`);
    await other.close();
  }
  check(markers > 10, `the events are listed (${markers})`);
  // Slider: hour 0 is calm everywhere; the report opens at the national peak, where it is not.
  const shares = () => page.$$eval('svg.map circle[data-place]', (cs) => cs.map((c) => Number(c.dataset.share)));
  check((await shares()).some((s) => s > 0), 'at the peak some place is active');
  await page.$eval('input.slider', (s) => {
    s.value = '0';
    s.dispatchEvent(new Event('input'));
  });
  check((await shares()).every((s) => s === 0), 'at hour 0 every place is calm');
  await page.$eval('input.slider', (s) => {
    s.value = String(window.unrestReport.data.runs[0].peak_tick);
    s.dispatchEvent(new Event('input'));
  });
  await page.screenshot({ path: path.join(work, 'report.png'), fullPage: true });
  await page.screenshot({ path: path.join(work, 'report-top.png') });
  await page.close();

  // Two runs overlaid: both appear in every national curve.
  page = await open(path.join(work, 'overlay.html'));
  const series = await page.$$eval('.chart[data-series="active"] .u-legend .u-series', (s) => s.length);
  check(series === 3, `the overlay draws two runs (legend rows ${series}, time included)`);
  const calmPeak = await page.evaluate(() => Math.max(...window.unrestReport.data.runs[1].national.active));
  check(calmPeak < peakActive / 10, `without the price rise the run stays calm (${calmPeak} vs ${peakActive})`);
  await page.screenshot({ path: path.join(work, 'overlay.png'), fullPage: true });
  await page.close();

  // Bands: 5-95 % of the ensemble under the run's curves, and per target.
  page = await open(path.join(work, 'bands.html'));
  const band = await page.evaluate(() => {
    const r = window.unrestReport.data.runs[0];
    return { n: r.bands.active.q05.length, ordered: r.bands.active.q05.every((lo, i) => lo <= r.bands.active.q95[i]), seeds: r.ensemble.seeds.length };
  });
  check(band.n === 384 && band.ordered && band.seeds === 4, `the ensemble band spans every hour, 5 % <= 95 % (${JSON.stringify(band)})`);
  const bandRows = await page.$$eval('.chart[data-series="active"] .u-legend .u-series', (s) => s.length);
  check(bandRows === 4, `the active chart draws the run and its band (${bandRows} legend rows)`);
  const bandCells = await page.$$eval('table.targets tbody tr', (rows) => rows.filter((r) => /\[.*\]/.test(r.cells[6]?.textContent ?? '')).length);
  check(bandCells === reported, `every target has its ensemble band (${bandCells})`);
  await page.close();

  // A run cut short: its targets are "not reached", and nothing breaks.
  page = await open(path.join(short, 'report.html'));
  const notReached = await page.$$eval('table.targets td', (cells) => cells.filter((c) => c.textContent === 'not reached').length);
  check(notReached === reported, `a run cut short reaches none of the ${reported} targets (${notReached})`);
  await page.close();

  // Classic: actives and jailed, outbursts marked.
  page = await open(path.join(classic, 'report.html'));
  const bursts = await page.evaluate(() => window.unrestReport.data.runs[0].outbursts.length);
  check(bursts > 2, `run 2 has outbursts (${bursts})`);
  const classicPoints = Number(await page.getAttribute('.chart[data-series="active"]', 'data-points'));
  check(classicPoints === 401, `the classic curve has every tick (${classicPoints})`);
  await page.screenshot({ path: path.join(work, 'classic.png'), fullPage: true });
  await page.close();
  check(errors.length === 0, `no page errors: ${errors.join('; ')}`);
  console.log('report test: ok');
} finally {
  await browser.close();
}
