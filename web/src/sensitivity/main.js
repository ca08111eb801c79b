// The chart page of `unrest sensitivity`: its indices.json (and the run's description) embedded
// as JSON. One bar chart a figure: Sobol's first-order and total indices with their 95 %
// intervals, or Morris's mu* with sigma, parameters most important first.
import '../common/style.css';
import './sensitivity.css';
import { el, number } from '../common/format.js';

const data = JSON.parse(document.getElementById('unrest-data').textContent);
const page = document.getElementById('sensitivity');
const SVG = 'http://www.w3.org/2000/svg';
const sobol = data.indices.method === 'sobol';

function svg(tag, attrs = {}, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

// The bars of one figure: [{parameter, value, low, high, second}] with value the bar's length.
function barChart(figure, rows, max) {
  const rowHeight = sobol ? 30 : 22;
  const left = 290;
  const width = 760;
  const plot = width - left - 60;
  const height = rows.length * rowHeight + 28;
  const x = (v) => left + Math.max(0, Math.min(1, v / max)) * plot;
  const chart = svg('svg', { class: 'bars', viewBox: `0 0 ${width} ${height}`, 'data-figure': figure, 'data-bars': rows.length });
  for (let t = 0; t <= 4; t += 1) {
    const v = (max * t) / 4;
    chart.append(svg('line', { x1: x(v), x2: x(v), y1: 4, y2: height - 20, class: 'tick' }));
    chart.append(svg('text', { x: x(v), y: height - 6, class: 'axis', 'text-anchor': 'middle' }, sobol ? v.toFixed(2) : number(v)));
  }
  rows.forEach((r, i) => {
    const y = 6 + i * rowHeight;
    chart.append(svg('text', { x: left - 8, y: y + (sobol ? 15 : 12), class: 'label', 'text-anchor': 'end' }, r.parameter));
    if (sobol) {
      // Total index (lighter, behind) and first-order index, each with its interval.
      const bars = [
        { v: r.value, lo: r.low, hi: r.high, cls: 'total', dy: 0 },
        { v: r.second.value, lo: r.second.low, hi: r.second.high, cls: 'first', dy: 12 },
      ];
      for (const b of bars) {
        const bar = svg('rect', { x: left, y: y + b.dy, width: Math.max(0, x(b.v ?? 0) - left), height: 10, class: b.cls, 'data-parameter': r.parameter });
        bar.append(svg('title', {}, `${r.parameter}: ${b.cls === 'total' ? 'ST' : 'S1'} ${b.v?.toFixed(3) ?? 'undefined'} [${b.lo?.toFixed(3)}, ${b.hi?.toFixed(3)}]`));
        chart.append(bar);
        if (b.lo !== null && b.hi !== null) {
          chart.append(svg('line', { x1: x(b.lo), x2: x(b.hi), y1: y + b.dy + 5, y2: y + b.dy + 5, class: 'interval' }));
        }
      }
    } else {
      const bar = svg('rect', { x: left, y, width: Math.max(0, x(r.value) - left), height: 14, class: 'mu-star', 'data-parameter': r.parameter });
      bar.append(svg('title', {}, `${r.parameter}: mu* ${number(r.value)}, mu ${number(r.second.value)}, sigma ${number(r.low)}`));
      chart.append(bar);
      chart.append(svg('text', { x: x(r.value) + 4, y: y + 11, class: 'axis' }, `σ ${number(r.low)}`));
    }
  });
  return chart;
}

function rowsOf(per) {
  const rows = Object.entries(per).map(([parameter, v]) =>
    sobol
      ? { parameter, value: v.ST, low: v.ST_interval[0], high: v.ST_interval[1], second: { value: v.S1, low: v.S1_interval[0], high: v.S1_interval[1] } }
      : { parameter, value: v.mu_star, low: v.sigma, high: null, second: { value: v.mu } },
  );
  rows.sort((a, b) => (b.value ?? -1) - (a.value ?? -1));
  return rows;
}

function render() {
  document.title = `unrest sensitivity: ${data.scenario}`;
  page.append(
    el('h1', { text: `unrest sensitivity: ${data.scenario}` }),
    el('p', {
      class: 'lead',
      text: sobol
        ? `Sobol indices over ${data.runs} runs: for each figure, the share of its variance each parameter explains alone (S1, dark) and with its interactions (ST, light), with 95 % bootstrap intervals.`
        : `Morris elementary effects over ${data.runs} runs: mu*, the mean absolute change of the figure when one parameter moves across its range, and sigma, the spread of that change (interactions, non-linearity).`,
    }),
    el('table', { class: 'meta' }, el('tbody', {}, data.params.map((p) => el('tr', {}, el('th', { text: 'parameter' }), el('td', { text: p }))))),
  );
  const constant = [];
  const order = data.indices.figure_order ?? Object.keys(data.indices.figures);
  for (const figure of order) {
    const rows = rowsOf(data.indices.figures[figure]);
    if (rows.every((r) => r.value === null)) {
      constant.push(figure);
      continue;
    }
    const max = sobol ? 1 : Math.max(...rows.map((r) => r.value ?? 0), 1e-12);
    page.append(el('section', { class: 'figure' }, el('h2', { text: figure }), barChart(figure, rows, max)));
  }
  if (constant.length) {
    page.append(el('p', { class: 'note', text: `No indices (the same in every run, or undefined in some): ${constant.join(', ')}.` }));
  }
  document.body.dataset.ready = 'true';
}

render();
