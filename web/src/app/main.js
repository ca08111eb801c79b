// The live viewer that `unrest serve` serves: choose a scenario, switch events on and off,
// change parameters, start a run and watch it hour by hour, cancel it, compare finished runs,
// and branch a finished run from one of its hours (the branch shares the hours before it).
import 'uplot/dist/uPlot.min.css';
import '../common/style.css';
import './app.css';
import { el, number } from '../common/format.js';
import { mapPanel, nationalCharts, placeMultiples } from '../common/national_view.js';

const POLL_MS = 250;
// branch: while the form prepares a branch, { run, times } of the finished run it branches from.
const state = { scenarios: [], scenario: null, live: null, runs: [], frames: new Map(), branch: null };
window.unrestApp = state;

// The server's token, which every POST must carry (a page of another origin cannot read it).
const TOKEN = document.querySelector('meta[name="unrest-token"]')?.content ?? '';

async function api(path, options = {}) {
  if (options.method === 'POST') {
    options = { ...options, headers: { 'content-type': 'application/json', 'x-unrest-token': TOKEN, ...options.headers } };
  }
  const res = await fetch(path, options);
  const body = res.headers.get('content-type')?.includes('json') ? await res.json() : await res.text();
  if (!res.ok) throw new Error(body.error ?? `HTTP ${res.status}`);
  return body;
}

const root = document.getElementById('app');
const status = el('p', { id: 'status', 'data-state': 'idle', text: 'Choose a scenario and press Run.' });
const form = el('form', { class: 'controls', id: 'controls' });
const liveBox = el('div', { class: 'live' });
const runsBox = el('div', { class: 'runs' });
const compareBox = el('div', { class: 'compare' });
root.append(
  el('header', {}, el('h1', { text: 'unrest: live viewer' }), el('p', { class: 'lead', text: 'Agent-based simulation of civil unrest and state response. Runs are written to the server\'s output folder.' })),
  el('div', { class: 'layout' }, el('aside', {}, form, status), el('div', { class: 'main' }, liveBox, el('h2', { text: 'Runs' }), runsBox, compareBox)),
);

function setStatus(text, kind) {
  status.textContent = text;
  status.dataset.state = kind;
}

// ---- the form: scenario, scale, seed, pace, counterfactual, events, parameters --------------

function field(label, input, hint) {
  return el('label', { class: 'field' }, el('span', { text: label }), input, hint ? el('small', { text: hint }) : null);
}

// The scale, with what it means for this scenario's people.
function scaleField(s) {
  const people = s.places.reduce((sum, p) => sum + p.population, 0);
  const input = el('input', { type: 'number', name: 'scale', value: '0.05', min: '0.0001', max: '1', step: 'any' });
  const hint = () => `${input.value}: ${number(Math.round(people * Number(input.value)))} agents; 1: one per person (${people.toLocaleString('en')} people)`;
  const label = field('Scale (agents per person)', input, hint());
  input.addEventListener('input', () => {
    label.querySelector('small').textContent = hint();
  });
  return label;
}

function buildForm() {
  const s = state.scenario;
  form.replaceChildren();
  const scenarioSelect = el('select', { name: 'scenario' }, state.scenarios.map((x, i) => el('option', { value: i, text: x.name, selected: x === s })));
  scenarioSelect.addEventListener('change', () => {
    state.scenario = state.scenarios[Number(scenarioSelect.value)];
    state.branch = null; // a branch runs its run's scenario
    buildForm();
  });
  const counterfactual = el('select', { name: 'counterfactual' }, el('option', { value: '', text: 'none' }), s.counterfactuals.map((c) => el('option', { value: c.id, text: c.id, title: c.description })));
  const pace = el(
    'select',
    { name: 'pace' },
    el('option', { value: '24', text: 'one day a second' }),
    el('option', { value: '6', text: 'six hours a second' }),
    el('option', { value: '96', text: 'four days a second' }),
    el('option', { value: '0', text: 'as fast as it goes' }),
  );
  const events = el(
    'fieldset',
    { class: 'events' },
    el('legend', { text: 'Events (untick to remove)' }),
    s.events.map((e) =>
      el(
        'label',
        { class: 'event', title: e.text },
        el('input', { type: 'checkbox', name: 'event', value: e.id, 'data-event': e.id, checked: e.enabled, 'data-default': String(e.enabled) }),
        el('span', { class: 'when', text: e.at.replace('T', ' ') }),
        el('span', { text: e.id }),
      ),
    ),
  );
  const parameters = el(
    'fieldset',
    { class: 'parameters' },
    el('legend', { text: 'Parameters' }),
    s.parameters.map((p) =>
      field(p.key, el('input', { type: 'number', name: 'parameter', 'data-param': p.key, value: p.value, step: 'any', min: p.low, max: p.high, 'data-default': p.value }), `${p.low} – ${p.high}`),
    ),
  );
  const other = el('textarea', { name: 'other', rows: 3, placeholder: `rules.vision = 25\nplace.${s.places[0]?.id ?? 'ID'}.police = 10000`, 'aria-label': 'other settings' });
  parameters.append(field('Other settings (KEY = VALUE, one a line)', other, 'any key of the scenario file; checked by the same parser as --set'));
  form.append(
    state.branch ? branchBox() : null,
    field('Scenario', scenarioSelect, s.description),
    scaleField(s),
    field('Seed', el('input', { type: 'number', name: 'seed', value: String(s.seed), min: '0', step: '1' })),
    field('Pace', pace),
    field('Counterfactual', counterfactual),
    events,
    parameters,
    el('div', { class: 'buttons' }, el('button', { type: 'submit', id: 'run', text: 'Run' }), el('button', { type: 'button', id: 'cancel', text: 'Cancel', disabled: true, onclick: cancel })),
  );
}

// ---- a branch of a finished run ------------------------------------------------------------

// The hour to branch from (the first hour the branch may differ in) and a way back.
function branchBox() {
  const { run, times, hour } = state.branch;
  const select = el(
    'select',
    { name: 'branchHour', id: 'branch-hour' },
    times.slice(1).map((t, i) => el('option', { value: String(i + 1), text: t, selected: i + 1 === hour })),
  );
  select.addEventListener('change', () => (state.branch.hour = Number(select.value)));
  const leave = el('button', {
    type: 'button',
    id: 'branch-leave',
    text: 'Not a branch',
    onclick: () => {
      state.branch = null;
      buildForm();
    },
  });
  return el(
    'fieldset',
    { class: 'branch', id: 'branch' },
    el('legend', { text: `Branch of run ${run}` }),
    field('From this hour on', select, 'The hours before it are the run\'s own. Change what acts after it (a counterfactual, events dated later) and press Run; the server refuses a change that acts earlier.'),
    leave,
  );
}

// The form as a run's request set it.
function fillForm(q) {
  form.scale.value = String(q.scale ?? state.scenario.scale);
  form.seed.value = String(q.seed ?? state.scenario.seed);
  form.counterfactual.value = q.counterfactual ?? '';
  for (const box of form.querySelectorAll('input[data-event]')) {
    box.checked = box.value in (q.events ?? {}) ? q.events[box.value] : box.dataset.default === 'true';
  }
  const other = [];
  for (const [key, value] of Object.entries(q.parameters ?? {})) {
    const input = form.querySelector(`input[data-param="${CSS.escape(key)}"]`);
    if (input) input.value = String(value);
    else other.push(`${key} = ${value}`);
  }
  form.other.value = other.join('\n');
}

// Prepares the form for a branch of finished run `id` from `hour` (default: its middle).
async function beginBranch(id, hour) {
  const r = state.runs.find((x) => x.id === id);
  const run = await framesOf(id);
  const scenario = state.scenarios.find((x) => x.path === r.request.scenario);
  if (!scenario) throw new Error(`run ${id}'s scenario is not served`);
  state.scenario = scenario;
  const last = run.times.length - 1;
  state.branch = { run: id, times: run.times, hour: Math.min(Math.max(1, hour ?? Math.floor(run.times.length / 2)), last) };
  buildForm();
  fillForm(r.request);
  setStatus(`Branching run ${id}: choose the hour, change what comes after it, press Run.`, 'idle');
  form.scrollIntoView?.();
}

// The request: only what differs from the scenario's defaults.
function request() {
  const body = { scenario: state.scenario.path, scale: Number(form.scale.value), seed: Number(form.seed.value), hours_per_second: Number(form.pace.value) };
  if (state.branch) body.branch = { run: state.branch.run, hour: Number(form.branchHour.value) };
  if (form.counterfactual.value) body.counterfactual = form.counterfactual.value;
  const events = {};
  for (const box of form.querySelectorAll('input[data-event]')) {
    if (String(box.checked) !== box.dataset.default) events[box.value] = box.checked;
  }
  if (Object.keys(events).length) body.events = events;
  const parameters = {};
  for (const input of form.querySelectorAll('input[data-param]')) {
    if (input.value !== '' && Number(input.value) !== Number(input.dataset.default)) parameters[input.dataset.param] = Number(input.value);
  }
  for (const line of form.other.value.split('\n')) {
    const at = line.indexOf('=');
    if (!line.trim()) continue;
    if (at < 0) throw new Error(`"${line.trim()}": expected KEY = VALUE`);
    const value = line.slice(at + 1).trim();
    // Numbers and booleans as such; anything else goes as a string (the parser says if wrong).
    parameters[line.slice(0, at).trim()] = value === 'true' ? true : value === 'false' ? false : value !== '' && Number.isFinite(Number(value)) ? Number(value) : value;
  }
  if (Object.keys(parameters).length) body.parameters = parameters;
  return body;
}

// ---- a live run ------------------------------------------------------------------------------

function emptyRun(detail) {
  return {
    label: `${detail.id}: ${detail.scenario}`,
    scenario: detail.scenario,
    country: detail.country,
    times: [],
    charts: detail.charts,
    national: Object.fromEntries(detail.charts.map(({ key }) => [key, []])),
    places: detail.places.map((p) => ({ ...p, active: [], rioting: [] })),
    events: [],
  };
}

function append(run, frames) {
  run.times.push(...frames.times);
  for (const [k, v] of Object.entries(frames.national)) run.national[k].push(...v);
  frames.places.active.forEach((v, i) => run.places[i].active.push(...v));
  frames.places.rioting.forEach((v, i) => run.places[i].rioting.push(...v));
  run.events = frames.events;
}

function heatMap() {
  const canvas = el('canvas', { class: 'heat', width: 64, height: 64, 'aria-label': 'lattice of the chosen place' });
  const draw = (lattice) => {
    if (!lattice) return;
    const { side, people, active, cops } = lattice;
    canvas.width = side;
    canvas.height = side;
    const ctx = canvas.getContext('2d');
    const img = ctx.createImageData(side, side);
    // Grey by how full a cell is; red by the share of its people active; blue for police.
    const sites = (lattice.lattice_side / side) ** 2;
    for (let i = 0; i < side * side; i++) {
      const n = people[i] + cops[i];
      const full = Math.min(1, n / sites);
      const a = n ? active[i] / n : 0;
      const c = n ? Math.min(1, (4 * cops[i]) / n) : 0;
      const grey = 250 - 90 * full;
      const rgb = [grey * (1 - c) + 40 * c, grey * (1 - a) * (1 - c) + 80 * c, grey * (1 - a) * (1 - c) + 200 * c];
      img.data.set([...rgb.map(Math.round), 255], i * 4);
    }
    ctx.putImageData(img, 0, 0);
    canvas.dataset.active = String(active.reduce((x, y) => x + y, 0));
  };
  return { canvas, draw };
}

async function watch(detail) {
  const run = emptyRun(detail);
  state.live = { id: detail.id, run, detail };
  liveBox.replaceChildren();
  const map = mapPanel([run]);
  const grid = el('div', { class: 'grid' });
  const multiples = el('div', { class: 'grid small' });
  const heat = heatMap();
  const placeSelect = el('select', { 'aria-label': 'place whose lattice is shown', id: 'heat-place' }, run.places.map((p) => el('option', { value: p.id, text: p.name })));
  const origin = detail.branch_of ? ` (branch of ${detail.branch_of.run} from ${detail.branch_of.time})` : '';
  liveBox.append(
    el('h2', { text: `Run ${detail.id}${origin}: ${detail.scenario} at scale ${detail.scale}, seed ${detail.seed}` }),
    el('div', { class: 'live-top' }, map.node, el('div', { class: 'heat-box' }, el('h3', { text: 'Lattice (downsampled): red active, blue police' }), placeSelect, heat.canvas)),
    grid,
    el('h3', { text: 'Places: people active' }),
    multiples,
  );
  const curves = nationalCharts(grid, [run]);
  const small = placeMultiples(multiples, [run]);
  let hour = 0;
  for (;;) {
    const frames = await api(`/api/runs/${detail.id}/frames?from=${hour}`);
    append(run, frames);
    hour = run.times.length;
    map.refresh(run, true);
    curves.update([run]);
    small.update([run]);
    const lattice = await api(`/api/runs/${detail.id}/lattice?place=${encodeURIComponent(placeSelect.value)}`);
    heat.draw(lattice.lattice);
    setStatus(`Run ${detail.id}: ${frames.status}, hour ${hour} of ${frames.hours}${hour ? `, ${run.times[hour - 1]}` : ''}; active now ${number(run.national.active[hour - 1] ?? 0)}`, frames.status);
    if (frames.status !== 'running') {
      state.frames.set(detail.id, run);
      if (frames.status === 'finished') {
        const here = el('button', { type: 'button', id: 'branch-here', text: 'Branch from this hour', title: 'run it again with changes from the hour the map shows' });
        here.addEventListener('click', () => beginBranch(detail.id, map.tick()).catch((e) => setStatus(e.message, 'error')));
        map.node.querySelector('.map-controls').append(here);
      }
      break;
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  form.querySelector('#cancel').disabled = true;
  form.querySelector('#run').disabled = false;
  await refreshRuns();
  // A finished branch is shown beside the run it branches from.
  if (detail.branch_of && run.times.length === detail.hours) {
    for (const box of runsBox.querySelectorAll('input.compare-box')) box.checked = box.value === detail.id || box.value === detail.branch_of.run;
    await compare();
  }
}

async function start(event) {
  event.preventDefault();
  try {
    form.querySelector('#run').disabled = true;
    const detail = await api('/api/runs', { method: 'POST', body: JSON.stringify(request()) });
    if (state.branch) {
      state.branch = null;
      form.querySelector('#branch')?.remove();
    }
    form.querySelector('#cancel').disabled = false;
    setStatus(`Run ${detail.id} started`, 'running');
    await refreshRuns();
    await watch(detail);
  } catch (e) {
    form.querySelector('#run').disabled = false;
    setStatus(`Not started: ${e.message}`, 'error');
  }
}

async function cancel() {
  if (!state.live) return;
  try {
    await api(`/api/runs/${state.live.id}/cancel`, { method: 'POST' });
  } catch (e) {
    setStatus(e.message, 'error');
  }
}

// ---- finished runs: list and compare ---------------------------------------------------------

function changes(r) {
  const q = r.request;
  // A run an earlier session finished: its overrides are all there is to show.
  if (q.earlier_session) return `earlier session: ${q.overrides.join(' ') || 'defaults'}`;
  const parts = [`scale ${q.scale ?? ''}`, `seed ${q.seed ?? 1}`];
  if (r.branch_of) parts.unshift(`branch of ${r.branch_of.run} from ${r.branch_of.time}`);
  if (q.counterfactual) parts.push(`counterfactual ${q.counterfactual}`);
  for (const [id, on] of Object.entries(q.events ?? {})) parts.push(`${on ? '+' : '−'}${id}`);
  for (const [k, v] of Object.entries(q.parameters ?? {})) parts.push(`${k}=${v}`);
  return parts.join(', ');
}

async function refreshRuns() {
  state.runs = await api('/api/runs');
  const rows = state.runs.map((r) =>
    el(
      'tr',
      { 'data-run': r.id, 'data-status': r.status },
      el('td', {}, r.status === 'finished' ? el('input', { type: 'checkbox', class: 'compare-box', value: r.id, 'aria-label': `compare ${r.id}`, onchange: compare }) : null),
      el('td', { text: r.id }),
      el('td', { text: r.scenario }),
      el('td', { text: changes(r) }),
      el('td', { text: r.status + (r.error ? `: ${r.error}` : '') }),
      el('td', { class: 'num', 'data-figure': 'peak_active', text: number(r.peak_active) }),
      el('td', { class: 'num', text: number(r.arrests) }),
      el('td', { class: 'num', text: number(r.deaths) }),
      el('td', {}, r.status === 'finished' ? el('a', { href: `/api/runs/${r.id}/report`, target: '_blank', text: 'report' }) : null),
      el('td', {}, r.status === 'finished' && !r.request.earlier_session ? el('button', { type: 'button', class: 'branch-button', 'data-branch': r.id, text: 'branch…', title: 'run it again with changes from an hour of your choice', onclick: () => beginBranch(r.id).catch((e) => setStatus(e.message, 'error')) }) : null),
    ),
  );
  runsBox.replaceChildren(
    el(
      'table',
      { class: 'run-list' },
      el('thead', {}, el('tr', {}, ['compare', 'run', 'scenario', 'settings', 'status', 'peak active', 'arrests', 'deaths', '', ''].map((h) => el('th', { text: h })))),
      el('tbody', {}, rows),
    ),
  );
}

async function framesOf(id) {
  if (!state.frames.has(id)) {
    const detail = await api(`/api/runs/${id}`);
    const run = emptyRun(detail);
    append(run, await api(`/api/runs/${id}/frames?from=0`));
    state.frames.set(id, run);
  }
  return state.frames.get(id);
}

async function compare() {
  const ids = [...runsBox.querySelectorAll('input.compare-box:checked')].map((b) => b.value);
  compareBox.replaceChildren();
  if (ids.length < 2) return;
  const runs = await Promise.all(ids.map(framesOf));
  runs.forEach((r, i) => (r.label = `${ids[i]}: ${changes(state.runs.find((x) => x.id === ids[i]))}`));
  const grid = el('div', { class: 'grid', id: 'compare-grid' });
  compareBox.append(
    el('h2', { text: `Comparing ${ids.join(', ')}` }),
    ids.length === 2 ? el('p', {}, el('a', { href: `/api/compare?a=${ids[0]}&b=${ids[1]}`, target: '_blank', text: 'open the report overlaying the two' })) : null,
    grid,
  );
  nationalCharts(grid, runs);
}

// ---- start -----------------------------------------------------------------------------------

form.addEventListener('submit', start);
(async () => {
  try {
    state.scenarios = await api('/api/scenarios');
    state.scenario = state.scenarios[0];
    buildForm();
    await refreshRuns();
    document.body.dataset.ready = 'true';
  } catch (e) {
    setStatus(`Cannot reach the server: ${e.message}`, 'error');
  }
})();
