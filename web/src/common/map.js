// The map: the outline of the scenario's country ([map] country; world-atlas, Natural Earth
// 1:50m, extracted at build time for the shipped countries) with every place drawn at its
// coordinates, its area proportional to population and its colour the share of its people
// active. A country without a bundled outline gets the places alone.
import { geoMercator, geoPath } from 'd3-geo';
import { el, number } from './format.js';

/* global __COUNTRY_OUTLINES__ */
const OUTLINES = __COUNTRY_OUTLINES__;
const SVG = 'http://www.w3.org/2000/svg';

function svg(tag, attrs = {}) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
}

// Calm is pale; 0.01 % of the people active is visible; 5 % and more is deep red.
const STOPS = [
  [0, [238, 234, 222]],
  [1e-4, [250, 215, 160]],
  [1e-3, [240, 150, 80]],
  [1e-2, [210, 70, 50]],
  [5e-2, [120, 10, 30]],
];

export function shareColour(share) {
  if (!(share > 0)) return `rgb(${STOPS[0][1]})`;
  for (let i = 1; i < STOPS.length; i++) {
    const [s1, c1] = STOPS[i];
    if (share <= s1) {
      const [s0, c0] = STOPS[i - 1];
      const t = s0 === 0 ? share / s1 : Math.log(share / s0) / Math.log(s1 / s0);
      return `rgb(${c0.map((c, k) => Math.round(c + t * (c1[k] - c)))})`;
    }
  }
  return `rgb(${STOPS[STOPS.length - 1][1]})`;
}

// places: [{id, name, lat, lon, population}]; country: the ISO 3166 alpha-3 code of the
// scenario's [map], or nothing. Returns {node, update(shares, values)}.
export function createMap(places, { country = '', scenario = '', width = 720, height = 400 } = {}) {
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'map', role: 'img' });
  root.append(svg('title'));
  const outline = OUTLINES[country];
  root.firstChild.textContent = `Map of ${scenario || 'the run'}: places sized by population, coloured by unrest`;
  const points = { type: 'MultiPoint', coordinates: places.map((p) => [p.lon, p.lat]) };
  const projection = geoMercator().fitExtent(
    [
      [12, 12],
      [width - 12, height - 40],
    ],
    outline ?? points,
  );
  if (outline) root.append(svg('path', { d: geoPath(projection)(outline), class: 'country', 'data-country': country }));
  const biggest = Math.max(...places.map((p) => p.population));
  const circles = [];
  // Largest first so that small places stay visible on top of large ones.
  const order = places.map((p, i) => i).sort((a, b) => places[b].population - places[a].population);
  for (const i of order) {
    const p = places[i];
    const [x, y] = projection([p.lon, p.lat]);
    const c = svg('circle', {
      cx: x.toFixed(1),
      cy: y.toFixed(1),
      r: (4 + 20 * Math.sqrt(p.population / biggest)).toFixed(1),
      class: 'place',
      'data-place': p.id,
    });
    c.append(svg('title'));
    root.append(c);
    circles[i] = c;
    const label = svg('text', { x: (x + 6).toFixed(1), y: (y - 6).toFixed(1), class: 'place-label' });
    label.textContent = p.name.replace(/ \((city|region)\)/, '');
    root.append(label);
  }
  // Legend.
  const legend = svg('g', { transform: `translate(16, ${height - 26})` });
  const shares = [0, 1e-4, 1e-3, 1e-2, 5e-2];
  shares.forEach((s, k) => {
    legend.append(svg('rect', { x: k * 70, y: 0, width: 14, height: 14, fill: shareColour(s) }));
    const t = svg('text', { x: k * 70 + 18, y: 11, class: 'legend' });
    t.textContent = s === 0 ? 'calm' : `${s * 100}%`;
    legend.append(t);
  });
  const caption = svg('text', { x: shares.length * 70 + 4, y: 11, class: 'legend' });
  caption.textContent = 'of the people active';
  legend.append(caption);
  root.append(legend);

  function update(values) {
    // values[i]: {active, share}
    places.forEach((p, i) => {
      const v = values[i] ?? { active: 0, share: 0 };
      circles[i].setAttribute('fill', shareColour(v.share));
      circles[i].dataset.share = String(v.share);
      circles[i].firstChild.textContent =
        `${p.name}: ${number(v.active)} active (${(v.share * 100).toFixed(2)} %), ` +
        `population ${number(p.population)}`;
    });
  }
  update([]);
  return { node: el('div', { class: 'map-box' }, root), update };
}
