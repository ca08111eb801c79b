// The self-contained report: `unrest report` embeds a run's data (and a second run's, and an
// ensemble's bands) as JSON in this page.
import 'uplot/dist/uPlot.min.css';
import '../common/style.css';
import { lineChart } from '../common/charts.js';
import { el, number } from '../common/format.js';
import { checksTable, eventsTable, mapPanel, nationalCharts, placeMultiples, targetsTable } from '../common/national_view.js';
import { RUN_COLOURS } from '../common/series.js';

const data = JSON.parse(document.getElementById('unrest-data').textContent);
const page = document.getElementById('report');

function section(title, ...children) {
  return el('section', {}, el('h2', { text: title }), ...children);
}

function runsTable(runs, fields) {
  return el(
    'table',
    { class: 'meta' },
    el('thead', {}, el('tr', {}, el('th', { text: '' }), runs.map((r, i) => el('th', { style: `color:${RUN_COLOURS[i]}`, text: r.label })))),
    el(
      'tbody',
      {},
      fields.map(([name, get]) => el('tr', {}, el('th', { text: name }), runs.map((r) => el('td', { text: get(r) })))),
    ),
  );
}

function national(runs) {
  const title = runs.length > 1 ? `${runs[0].label} vs ${runs[1].label}` : runs[0].label;
  document.title = `unrest report: ${title}`;
  page.append(
    el('h1', { text: `unrest: ${runs[0].scenario}` }),
    el('p', { class: 'lead', text: runs[0].description ?? '' }),
    runsTable(runs, [
      ['scenario', (r) => r.scenario],
      ['counterfactual', (r) => r.counterfactual || 'none'],
      ['events switched off', (r) => (r.without.length ? r.without.join(', ') : 'none')],
      ['seed', (r) => r.seed],
      ['scale', (r) => r.scale],
      ['overrides', (r) => (r.overrides.length ? r.overrides.join(' ') : 'none')],
      ['ensemble', (r) => (r.ensemble ? `${r.ensemble.seeds.length} seeds (${r.ensemble.dir})` : 'none')],
      ['unrest version', (r) => r.version],
      ['folder', (r) => r.dir],
    ]),
  );
  const map = mapPanel(runs);
  page.append(section('Map', el('p', { class: 'note', text: 'Circle area: population. Colour: share of the people active at the chosen hour. Drag the slider or press play.' }), map.node));
  const grid = el('div', { class: 'grid' });
  page.append(
    section(
      'National curves',
      el('p', {
        class: 'note',
        text:
          'People, not agents (agents divided by the scale). Dashed vertical lines: the events below.' +
          (runs[0].bands ? ' Shaded: 5-95 % of the ensemble.' : ''),
      }),
      grid,
      eventsTable(runs[0]),
    ),
  );
  const curves = nationalCharts(grid, runs);
  const multiples = el('div', { class: 'grid small' });
  page.append(section('Places: people active', multiples));
  placeMultiples(multiples, runs);
  page.append(section('Simulated vs reported', targetsTable(runs)), section('Calibration checks', checksTable(runs)));
  return { map, curves };
}

function classic(runs) {
  const r = runs[0];
  document.title = `unrest report: ${r.label}`;
  page.append(
    el('h1', { text: `unrest: ${r.scenario}` }),
    el('p', { class: 'lead', text: r.description ?? '' }),
    runsTable(runs, [
      ['scenario', (x) => x.scenario],
      ['seed', (x) => x.seed],
      ['ticks', (x) => x.ticks.length - 1],
      ['outbursts', (x) => `${x.outbursts.length} (more than ${x.threshold} actives)`],
      ['mean actives', (x) => number(x.mean_active)],
      ['overrides', (x) => (x.overrides.length ? x.overrides.join(' ') : 'none')],
      ['unrest version', (x) => x.version],
      ['folder', (x) => x.dir],
    ]),
  );
  const box = el('div', { class: 'chart wide', 'data-series': 'active' });
  const jailBox = el('div', { class: 'chart wide', 'data-series': 'jailed' });
  page.append(section('Actives and jailed', el('p', { class: 'note', text: 'Shaded: outbursts (maximal runs of ticks above the threshold).' }), box, jailBox));
  const series = (key) => runs.map((x, i) => ({ label: `${key}: ${x.label}`, values: x[key], colour: RUN_COLOURS[i], dash: i ? [6, 3] : undefined }));
  const spans = r.outbursts.map((o) => ({ from: o.first_tick, to: o.last_tick + 1 }));
  const charts = [
    lineChart(box, { title: 'Active', x: r.ticks, series: series('active'), spans, time: false, height: 260 }),
    lineChart(jailBox, { title: 'Jailed', x: r.ticks, series: series('jailed'), spans, time: false, height: 200 }),
  ];
  return { charts };
}

window.unrestReport = { data, ...(data.kind === 'classic' ? classic(data.runs) : national(data.runs)) };
document.body.dataset.ready = 'true';
