// The live viewer in headless Chromium against a real `unrest serve`: a run is watched while
// it goes (map, curves, lattice), switching the price rise off and re-running changes the
// result, finished runs compare, a run can be cancelled; and the HTTP API answers bad requests
// with 4xx and a message, never a crash; a finished run is branched from one of its hours.
// Saves screenshots.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { check, launch, setup } from './browser.mjs';

const env = setup();
const { unrest, work } = env;

// The server on a free port; its first line says where.
const server = spawn(unrest, ['serve', '--port', '0', '--out', path.join(work, 'serve'), '--max-runs', '2'], { stdio: ['ignore', 'pipe', 'pipe'] });
let log = '';
server.stderr.on('data', (d) => (log += d));
const base = await new Promise((resolve, reject) => {
  let out = '';
  server.stdout.on('data', (d) => {
    out += d;
    const m = out.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
    if (m) resolve(m[0].replace(/\/$/, ''));
  });
  server.on('exit', (code) => reject(new Error(`unrest serve exited (${code}): ${log}`)));
  setTimeout(() => reject(new Error('unrest serve did not start')), 15000);
});

// POSTs carry the server's token, as the page does (docs/SECURITY.md).
const { token } = await (await fetch(base + '/api/session')).json();
async function http(method, route, body, headers = { 'content-type': 'application/json', 'x-unrest-token': token }) {
  const res = await fetch(base + route, { method, body, headers });
  const text = await res.text();
  return { status: res.status, text, json: text.startsWith('{') || text.startsWith('[') ? JSON.parse(text) : null };
}

const browser = await launch(env);
const errors = [];
try {
  // --- the API refuses bad requests with 4xx and a message --------------------------------
  const scenario = 'scenarios/kazakhstan-2022.toml';
  let r = await http('POST', '/api/runs', '{"scenario": ');
  check(r.status === 400 && r.json.error.includes('not valid JSON'), `malformed JSON: ${r.status} ${r.text}`);
  r = await http('POST', '/api/runs', JSON.stringify({ scenario, colour: 'red' }));
  check(r.status === 400 && r.json.error.includes("unknown field 'colour'"), `unknown field: ${r.text}`);
  r = await http('POST', '/api/runs', JSON.stringify({ scenario, scale: 5 }));
  check(r.status === 400 && r.json.error.includes("'scale' must be in"), `scale out of range: ${r.text}`);
  r = await http('POST', '/api/runs', JSON.stringify({ scenario, events: { 'no-such-event': false } }));
  check(r.status === 400 && r.json.error.includes('no-such-event'), `unknown event: ${r.text}`);
  r = await http('POST', '/api/runs', JSON.stringify({ scenario, pad: 'x'.repeat(100000) }));
  check(r.status === 413, `a body over 64 KiB: ${r.status}`);
  r = await http('GET', '/api/runs/r999');
  check(r.status === 404 && r.json.error.includes("no run 'r999'"), `unknown run: ${r.text}`);
  for (const probe of ['/api/runs/r1/files/..%2F..%2F..%2Fetc%2Fpasswd', '/api/runs/r1/files/../../etc/passwd', '/../../etc/passwd', '/api/runs/r1/files/%2Fetc%2Fpasswd']) {
    r = await http('GET', probe);
    check(r.status >= 400 && r.status < 500 && !r.text.includes('root:'), `${probe} is refused (${r.status})`);
  }
  r = await http('GET', '/api/runs/r1/frames?from=abc');
  check(r.status === 404 || r.status === 400, `bad query on an unknown run: ${r.status}`);

  // --- the page: watch a run live ----------------------------------------------------------
  const page = await browser.newPage({ viewport: { width: 1500, height: 1100 } });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(base + '/');
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
  const events = await page.$$eval('input[data-event]', (xs) => xs.length);
  check(events >= 20, `the scenario's events are listed (${events})`);
  // A bad setting typed in the page is refused with the parser's message; nothing starts.
  await page.fill('textarea[name="other"]', 'rules.visoin = 7');
  await page.click('#run');
  await page.waitForSelector('#status[data-state="error"]');
  const refusal = await page.textContent('#status');
  check(refusal.includes("did you mean 'rules.vision'"), `a misspelt key is refused with a suggestion: ${refusal}`);
  check((await http('GET', '/api/runs')).json.length === 0, 'the refused run did not start');
  await page.fill('textarea[name="other"]', '');
  await page.fill('input[name="scale"]', '0.02');
  await page.selectOption('select[name="pace"]', '96'); // four days a second: about 4 s
  await page.click('#run');
  await page.waitForSelector('#status[data-state="running"]');
  // While it runs, the hour advances and the map and curves fill.
  await page.waitForFunction(() => (window.unrestApp.live?.run.times.length ?? 0) > 48, null, { timeout: 20000 });
  const midway = await page.evaluate(() => window.unrestApp.live.run.times.length);
  check(midway < 384, `watched while running (hour ${midway})`);
  const places = await page.$$eval('.live svg.map circle[data-place]', (cs) => cs.length);
  check(places === 17, `the live map shows 17 places (${places})`);
  await page.waitForSelector('#status[data-state="finished"]', { timeout: 60000 });
  const points = Number(await page.getAttribute('.live .chart[data-series="active"]', 'data-points'));
  check(points === 384, `the live curve has every hour (${points})`);
  const heat = await page.getAttribute('canvas.heat', 'data-active');
  check(heat !== null, 'the lattice heat map was drawn');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(work, 'app.png') });
  // The finished run can be branched from the hour its map shows; then left as it was.
  await page.$eval('.live input.slider', (x) => {
    x.value = '150';
    x.dispatchEvent(new Event('input'));
  });
  await page.click('#branch-here');
  await page.waitForSelector('#branch select[name="branchHour"]');
  check((await page.inputValue('select[name="branchHour"]')) === '150', 'the branch starts at the hour the map shows');
  await page.click('#branch-leave');
  check(!(await page.$('#branch')), 'a branch can be left for a plain run');

  // --- switch the price rise off and run again: the result changes -------------------------
  await page.selectOption('select[name="pace"]', '0');
  await page.uncheck('input[data-event="lpg-price-doubles"]');
  await page.click('#run');
  await page.waitForFunction(() => document.querySelectorAll('tr[data-status="finished"]').length === 2, null, { timeout: 60000 });
  const peaks = await page.$$eval('tr[data-status="finished"]', (rows) => rows.map((row) => row.querySelector('[data-figure="peak_active"]').textContent));
  const runs = (await http('GET', '/api/runs')).json;
  check(runs.length === 2 && runs[1].request.events['lpg-price-doubles'] === false, 'the second run had the price rise off');
  check(runs[0].peak_active > 10 * (runs[1].peak_active + 1), `without the price rise the peak falls (${peaks.join(' vs ')})`);

  // --- compare the two --------------------------------------------------------------------
  for (const box of await page.$$('input.compare-box')) await box.check();
  await page.waitForSelector('#compare-grid .chart[data-series="active"]');
  const legend = await page.$$eval('#compare-grid .chart[data-series="active"] .u-legend .u-series', (s) => s.length);
  check(legend === 3, `the comparison overlays two runs (${legend} legend rows)`);
  r = await http('GET', `/api/compare?a=${runs[0].id}&b=${runs[1].id}`);
  check(r.status === 200 && r.text.includes('unrest-data'), 'the comparison report is served');
  r = await http('GET', `/api/runs/${runs[0].id}/files/summary.json`);
  check(r.status === 200 && r.json.scenario === 'kazakhstan-2022', 'a finished run serves its summary');
  await page.screenshot({ path: path.join(work, 'app-compare.png'), fullPage: true });

  // --- branch the first run from 5 January 00:00, without live fire ------------------------
  await page.click(`button[data-branch="${runs[0].id}"]`);
  await page.waitForSelector('#branch select[name="branchHour"]');
  check((await page.inputValue('input[name="scale"]')) === '0.02', 'the branch form takes the run\'s scale');
  check(await page.isChecked('input[data-event="lpg-price-doubles"]'), 'the branch form takes the run\'s events');
  await page.selectOption('select[name="counterfactual"]', 'no-shoot-to-kill');
  // From 7 January the operation of 6 January would already have acted: refused, and why.
  await page.selectOption('select[name="branchHour"]', { label: '2022-01-07 00:00' });
  await page.click('#run');
  await page.waitForSelector('#status[data-state="error"]');
  const late = await page.textContent('#status');
  check(late.includes('counter-terrorist-operation'), `a branch that differs before its hour is refused: ${late}`);
  await page.selectOption('select[name="branchHour"]', { label: '2022-01-05 00:00' });
  await page.click('#run');
  await page.waitForFunction(() => document.querySelectorAll('tr[data-status="finished"]').length === 3, null, { timeout: 60000 });
  const branched = (await http('GET', '/api/runs')).json[2];
  check(branched.branch_of?.run === runs[0].id && branched.branch_of.hour === 192 && branched.request.counterfactual === 'no-shoot-to-kill', `the branch is recorded: ${JSON.stringify(branched.branch_of)}`);
  const settings = await page.textContent(`tr[data-run="${branched.id}"]`);
  check(settings.includes(`branch of ${runs[0].id} from 2022-01-05 00:00`), `the run list says what it branches: ${settings}`);
  // Shown beside the run it branches from, and equal to it before 5 January.
  await page.waitForFunction((ids) => document.querySelector('.compare h2')?.textContent.includes(ids), `${branched.id}`, { timeout: 20000 });
  const shared = await page.evaluate(
    ([a, b]) => {
      const x = window.unrestApp.frames.get(a).national.active;
      const y = window.unrestApp.frames.get(b).national.active;
      return x.slice(0, 192).every((v, i) => v === y[i]) && x.length === y.length;
    },
    [runs[0].id, branched.id],
  );
  check(shared, 'the branch equals its run for the 192 hours before it');
  check(!(await page.$('#branch')), 'the form is a plain run form again');
  await page.screenshot({ path: path.join(work, 'app-branch.png'), fullPage: true });

  // --- two slow runs fill the server; a third is refused; cancelling ends one --------------
  const slow = JSON.stringify({ scenario, scale: 0.01, hours_per_second: 2 });
  const a = await http('POST', '/api/runs', slow);
  const b = await http('POST', '/api/runs', slow);
  check(a.status === 201 && b.status === 201, `two runs start (${a.status}, ${b.status})`);
  r = await http('POST', '/api/runs', slow);
  check(r.status === 429, `a third at once is refused (${r.status} ${r.text})`);
  for (const x of [a, b]) {
    r = await http('POST', `/api/runs/${x.json.id}/cancel`);
    check(r.status === 202, `cancel ${x.json.id}: ${r.status}`);
  }
  await new Promise((res) => setTimeout(res, 600));
  r = await http('GET', `/api/runs/${a.json.id}`);
  check(r.json.status === 'cancelled', `the run is cancelled (${r.json.status})`);
  r = await http('POST', `/api/runs/${a.json.id}/cancel`);
  check(r.status === 409, `a cancelled run cannot be cancelled again (${r.status})`);
  r = await http('GET', `/api/runs/${a.json.id}/report`);
  check(r.status === 409, `a cancelled run has no report (${r.status})`);

  // --- the second country: its hint counts its people, its live map its 31 provinces --------
  const iranIndex = await page.$eval('select[name="scenario"]', (sel) => [...sel.options].findIndex((o) => o.textContent === 'iran-2019'));
  check(iranIndex >= 0, 'the viewer offers the Iran scenario');
  await page.selectOption('select[name="scenario"]', String(iranIndex));
  await page.fill('input[name="scale"]', '0.001');
  const hint = await page.$eval('input[name="scale"] + small', (x) => x.textContent);
  check(hint.includes('80k agents') && hint.includes('79,926,270 people'), `the scale hint counts Iran's people: ${hint}`);
  await page.selectOption('select[name="pace"]', '0');
  await page.click('#run');
  await page.waitForFunction(() => document.querySelectorAll('tr[data-status="finished"]').length === 4, null, { timeout: 60000 });
  await page.waitForFunction(() => window.unrestApp.live?.run.places.length === 31, null, { timeout: 20000 });
  const provinces = await page.$$eval('.live svg.map circle[data-place]', (cs) => cs.length);
  check(provinces === 31, `the live map shows Iran's 31 provinces (${provinces})`);
  const outline = await page.$$eval('.live svg.map path.country', (ps) => ps.map((x) => x.dataset.country));
  check(outline.length === 1 && outline[0] === 'IRN', `the live map draws Iran's outline (${outline})`);
  check(errors.length === 0, `no page errors: ${errors.join('; ')}`);
} finally {
  await browser.close();
  server.kill('SIGINT');
}
const code = await new Promise((res) => server.on('exit', (c) => res(c)));
check(code === 0, `unrest serve stops cleanly on Ctrl-C (exit ${code})`);
check(/POST \/api\/runs 201/.test(log) && /GET \/api\/runs\/r999 404/.test(log), 'requests are logged');

// A new session on the same folder lists the finished runs again, and compares them.
const again = spawn(unrest, ['serve', '--port', '0', '--out', path.join(work, 'serve')], { stdio: ['ignore', 'pipe', 'pipe'] });
const base2 = await new Promise((resolve, reject) => {
  let out = '';
  again.stdout.on('data', (d) => {
    out += d;
    const m = out.match(/http:\/\/127\.0\.0\.1:(\d+)/);
    if (m) resolve(m[0]);
  });
  setTimeout(() => reject(new Error('second unrest serve did not start')), 15000);
});
try {
  const listed = await (await fetch(`${base2}/api/runs`)).json();
  const earlier = listed.filter((r) => r.status === 'finished' && r.request.earlier_session);
  check(earlier.length === 4, `the four finished runs are listed again (${listed.map((r) => r.id + ':' + r.status).join(', ')})`);
  const report = await fetch(`${base2}/api/compare?a=${earlier[0].id}&b=${earlier[1].id}`);
  check(report.status === 200, `earlier runs can be compared (${report.status})`);
  check(earlier.every((r) => !r.branch_of), 'an earlier session\'s runs are listed by their outputs');
  const session = await (await fetch(`${base2}/api/session`)).json();
  const headers = { 'content-type': 'application/json', 'x-unrest-token': session.token };
  const next = await fetch(`${base2}/api/runs`, { method: 'POST', headers, body: JSON.stringify({ scenario: 'scenarios/kazakhstan-2022.toml', scale: 0.01, hours_per_second: 1 }) });
  const id = (await next.json()).id;
  check(Number(id.slice(1)) > Math.max(...listed.map((r) => Number(r.id.slice(1)))), `numbering goes on after them (${id})`);
} finally {
  again.kill('SIGINT');
}
console.log('app test: ok');
