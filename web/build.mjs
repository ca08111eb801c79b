// Bundles the front end into two self-contained pages that the unrest binary embeds:
//   report.html  the report template (scripts, styles and the map inlined; the run's data
//                goes where /*UNREST:DATA*/ stands)
//   app.html     the live viewer that `unrest serve` serves
//   sensitivity.html  the charts of `unrest sensitivity` (its indices where /*UNREST:DATA*/ stands)
// Usage: node build.mjs OUT_DIR
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { feature } from 'topojson-client';

const here = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.resolve(process.argv[2] ?? path.join(here, 'dist'));
fs.mkdirSync(outDir, { recursive: true });

// The outlines of the countries the shipped scenarios name in [map] country (ISO 3166 alpha-3
// -> world-atlas's numeric id), coordinates rounded to ~1 km: the whole atlas would weigh
// 750 kB in every report. A scenario naming another country gets the places alone.
const COUNTRIES = { KAZ: '398', IRN: '364' };
const atlas = JSON.parse(fs.readFileSync(path.join(here, 'node_modules/world-atlas/countries-50m.json'), 'utf8'));
const round = (c) => (typeof c[0] === 'number' ? c.map((v) => Math.round(v * 100) / 100) : c.map(round));
const outlines = {};
for (const [code, id] of Object.entries(COUNTRIES)) {
  const country = atlas.objects.countries.geometries.find((g) => g.id === id);
  if (!country) throw new Error(`world-atlas: ${code} (id ${id}) not found`);
  const outline = feature(atlas, country);
  outline.geometry.coordinates = round(outline.geometry.coordinates);
  outlines[code] = outline;
}

async function bundle(entry) {
  const result = await build({
    entryPoints: [path.join(here, 'src', entry)],
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['chrome100', 'firefox100', 'safari15'],
    outdir: outDir,
    write: false,
    legalComments: 'none',
    define: { __COUNTRY_OUTLINES__: JSON.stringify(outlines) },
    logLevel: 'warning',
  });
  const js = result.outputFiles.find((f) => f.path.endsWith('.js')).text;
  const css = result.outputFiles.find((f) => f.path.endsWith('.css'))?.text ?? '';
  return { js, css };
}

// Inline text must not end its <script> or <style> element early.
function inline(text, tag) {
  return text.replaceAll(`</${tag}`, `<\\/${tag}`);
}

async function page(template, entry, output) {
  const { js, css } = await bundle(entry);
  let html = fs.readFileSync(path.join(here, 'src', template), 'utf8');
  // split/join rather than replace(): the bundle may contain "$&" and friends.
  html = html.split('/*UNREST:STYLE*/').join(inline(css, 'style'));
  html = html.split('/*UNREST:SCRIPT*/').join(inline(js, 'script'));
  fs.writeFileSync(path.join(outDir, output), html);
  console.log(`web: ${output} ${(html.length / 1024).toFixed(0)} kB`);
}

await page('report/report.html', 'report/main.js', 'report.html');
await page('app/app.html', 'app/main.js', 'app.html');
await page('sensitivity/sensitivity.html', 'sensitivity/main.js', 'sensitivity.html');
