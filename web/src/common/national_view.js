// The parts of a national run's page that the report and the live viewer share: the map with
// its time slider, the national curves, the small multiples per place and the tables.
import { lineChart, updateChart } from './charts.js';
import { el, number, secondsOf } from './format.js';
import { createMap } from './map.js';
import { RUN_COLOURS, activeShare } from './series.js';

const BAND_FILL = 'rgba(176, 58, 46, 0.15)';

// Events of a run as chart markers, numbered in time order.
export function eventMarkers(run) {
  return run.events.map((e, i) => ({ x: secondsOf(e.time), label: String(i + 1) }));
}

export function eventsTable(run) {
  return el(
    'table',
    { class: 'events' },
    el('thead', {}, el('tr', {}, ['#', 'time', 'event', 'where', 'what'].map((h) => el('th', { text: h })))),
    el(
      'tbody',
      {},
      run.events.map((e, i) =>
        el('tr', {}, el('td', { text: i + 1 }), el('td', { text: e.time }), el('td', { text: e.id }), el('td', { text: e.where }), el('td', { text: e.text })),
      ),
    ),
  );
}

// The map of run `runs[choice]` at hour `tick`, with a slider and a play button.
export function mapPanel(runs) {
  let run = runs[0];
  const map = createMap(run.places, { country: run.country, scenario: run.scenario });
  const slider = el('input', { type: 'range', min: 0, max: Math.max(0, run.times.length - 1), value: 0, class: 'slider', 'aria-label': 'simulated time' });
  const label = el('span', { class: 'slider-label' });
  let timer = null;
  const play = el('button', { type: 'button', class: 'play', text: 'play' });
  const show = (tick) => {
    tick = Math.min(Math.max(0, tick), run.times.length - 1);
    slider.value = String(tick);
    label.textContent = run.times.length ? `${run.times[tick]} (hour ${tick})` : '';
    map.update(run.places.map((p) => ({ active: p.active[tick] ?? 0, share: activeShare(p, tick) })));
  };
  slider.addEventListener('input', () => show(Number(slider.value)));
  play.addEventListener('click', () => {
    if (timer) {
      clearInterval(timer);
      timer = null;
      play.textContent = 'play';
      return;
    }
    if (Number(slider.value) >= run.times.length - 1) show(0);
    play.textContent = 'pause';
    timer = setInterval(() => {
      const next = Number(slider.value) + 1;
      if (next >= run.times.length) {
        play.click();
        return;
      }
      show(next);
    }, 40);
  });
  const controls = [play, slider, label];
  if (runs.length > 1) {
    const select = el(
      'select',
      { 'aria-label': 'run shown on the map' },
      runs.map((r, i) => el('option', { value: i, text: r.label })),
    );
    select.addEventListener('change', () => {
      run = runs[Number(select.value)];
      show(Number(slider.value));
    });
    controls.unshift(select);
  }
  show(runs[0].peak_tick ?? 0);
  return {
    node: el('div', { class: 'map-panel' }, map.node, el('div', { class: 'map-controls' }, controls)),
    // For the live viewer: the run grew; follow its last hour unless the user moved away.
    refresh(newRun, follow) {
      run = newRun;
      slider.max = String(Math.max(0, run.times.length - 1));
      show(follow ? run.times.length - 1 : Number(slider.value));
    },
    show,
    // The hour the map shows.
    tick: () => Number(slider.value),
  };
}

function nationalColumns(runs, key) {
  // Runs may differ in length (a live run, a shorter --ticks run): align on the longest.
  const longest = runs.reduce((a, r) => (r.times.length > a.times.length ? r : a), runs[0]);
  const x = longest.times.map(secondsOf);
  const pad = (v) => x.map((_, i) => (i < v.length ? v[i] : null));
  return { x, values: runs.map((r) => pad(r.national[key])), pad };
}

// The six national curves, overlaying runs; the first run's events marked and, if it has an
// ensemble, its 90 % band shaded.
export function nationalCharts(container, runs) {
  const charts = [];
  // Shared by every chart's marker plugin, so a live run's new events appear on redraw.
  const markers = eventMarkers(runs[0]);
  for (const { key, title } of runs[0].charts) {
    const box = el('div', { class: 'chart', 'data-series': key });
    container.append(box);
    const { x, values, pad } = nationalColumns(runs, key);
    const band = runs[0].bands?.[key];
    charts.push({
      key,
      box,
      chart: lineChart(box, {
        title,
        x,
        series: runs.map((r, i) => ({ label: r.label, values: values[i], colour: RUN_COLOURS[i % RUN_COLOURS.length], dash: i ? [6, 3] : undefined })),
        bands: band ? [{ label: 'ensemble', lo: pad(band.q05), hi: pad(band.q95), colour: BAND_FILL }] : [],
        events: markers,
        height: 200,
      }),
    });
  }
  return {
    charts,
    update(newRuns) {
      markers.splice(0, markers.length, ...eventMarkers(newRuns[0]));
      for (const c of charts) {
        const { x, values } = nationalColumns(newRuns, c.key);
        updateChart(c.chart, c.box, [x, ...values]);
      }
    },
  };
}

// One small chart of actives per place, runs overlaid.
export function placeMultiples(container, runs) {
  const charts = [];
  runs[0].places.forEach((p, k) => {
    const box = el('div', { class: 'chart small', 'data-place': p.id });
    container.append(box);
    const x = runs[0].times.map(secondsOf);
    const title = p.first_protest ? `${p.name} (first protest ${p.first_protest})` : p.name;
    charts.push({
      box,
      k,
      chart: lineChart(box, {
        title,
        x,
        series: runs.map((r, i) => ({ label: r.label, values: r.places[k].active, colour: RUN_COLOURS[i % RUN_COLOURS.length], dash: i ? [6, 3] : undefined })),
        width: 300,
        height: 150,
        legend: false,
      }),
    });
  });
  return {
    update(newRuns) {
      for (const c of charts) {
        const x = newRuns[0].times.map(secondsOf);
        updateChart(c.chart, c.box, [x, ...newRuns.map((r) => r.places[c.k].active)]);
      }
    },
  };
}

// "Simulated vs reported": one row per target, a column per run, the ensemble band if any.
export function targetsTable(runs) {
  const withBands = runs[0].target_bands;
  const head = ['target', 'date', 'where', 'reported', 'source', ...runs.map((r) => `simulated: ${r.label}`)];
  if (withBands) head.push('ensemble median [5 %, 95 %]', 'seeds within factor');
  const rows = runs[0].targets.map((t) => {
    const cells = [
      el('td', { text: t.id }),
      el('td', { text: t.date }),
      el('td', { text: t.where }),
      el('td', { class: 'num', text: number(t.reported) }),
      el('td', { text: t.reporter }),
    ];
    for (const r of runs) {
      const mine = r.targets.find((u) => u.id === t.id);
      cells.push(
        el(
          'td',
          { class: `num ${mine?.within_factor ? 'pass' : 'fail'}` },
          // A target dated after the run's end has no simulated value.
          mine && mine.simulated !== null ? `${number(mine.simulated)} (×${mine.ratio.toFixed(2)}) ${mine.within_factor ? '✓' : '✗'}` : 'not reached',
        ),
      );
    }
    if (withBands) {
      const b = withBands[t.id];
      cells.push(el('td', { class: 'num', text: b ? `${number(b.q50)} [${number(b.q05)}, ${number(b.q95)}]` : '–' }));
      cells.push(el('td', { class: 'num', text: b ? `${Math.round(b.within_share * 100)} %` : '–' }));
    }
    return el('tr', {}, cells);
  });
  const caption = el('caption', { text: `Within a factor ${runs[0].targets[0]?.factor ?? ''} of the report: ✓` });
  return el('table', { class: 'targets' }, caption, el('thead', {}, el('tr', {}, head.map((h) => el('th', { text: h })))), el('tbody', {}, rows));
}

export function checksTable(runs) {
  const head = ['check', 'what', ...runs.map((r) => r.label)];
  const rows = runs[0].checks.map((c) =>
    el(
      'tr',
      {},
      el('td', { text: c.id }),
      el('td', { text: c.text }),
      runs.map((r) => {
        const mine = r.checks.find((d) => d.id === c.id);
        return el('td', { class: mine?.pass ? 'pass' : 'fail' }, mine ? `${mine.pass ? '✓' : '✗'} ${mine.measured}` : '–');
      }),
    ),
  );
  return el('table', { class: 'checks' }, el('thead', {}, el('tr', {}, head.map((h) => el('th', { text: h })))), el('tbody', {}, rows));
}
