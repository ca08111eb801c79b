// Line charts on uPlot: time axis in the scenario's local clock, runs overlaid, the ensemble's
// 90 % band shaded, the scenario's events marked as numbered dashed lines, and spans (the
// classic model's outbursts) shaded.
import uPlot from 'uplot';
import { number } from './format.js';

function markersPlugin(events, spans) {
  return {
    hooks: {
      drawAxes: [
        (u) => {
          const { ctx } = u;
          const { top, height } = u.bbox;
          ctx.save();
          ctx.fillStyle = 'rgba(214, 137, 16, 0.16)';
          for (const s of spans) {
            const x0 = u.valToPos(s.from, 'x', true);
            const x1 = u.valToPos(s.to, 'x', true);
            ctx.fillRect(x0, top, Math.max(1, x1 - x0), height);
          }
          ctx.restore();
        },
      ],
      draw: [
        (u) => {
          const { ctx } = u;
          const { left, top, width, height } = u.bbox;
          ctx.save();
          ctx.strokeStyle = 'rgba(60, 60, 60, 0.55)';
          ctx.fillStyle = 'rgba(40, 40, 40, 0.9)';
          ctx.setLineDash([4, 4]);
          ctx.lineWidth = 1;
          ctx.font = `${Math.round(10 * devicePixelRatio)}px sans-serif`;
          ctx.textAlign = 'center';
          // Events an hour or two apart would print their numbers on top of each other: a
          // number is drawn only with room beside the last one (the line always is).
          let lastLabel = -Infinity;
          for (const e of events) {
            const x = Math.round(u.valToPos(e.x, 'x', true));
            if (x < left || x > left + width) continue;
            ctx.beginPath();
            ctx.moveTo(x, top);
            ctx.lineTo(x, top + height);
            ctx.stroke();
            if (e.label && x - lastLabel >= 14 * devicePixelRatio) {
              ctx.fillText(e.label, x, top + 10 * devicePixelRatio);
              lastLabel = x;
            }
          }
          ctx.restore();
        },
      ],
    },
  };
}

// series: [{label, values, colour, dash}]; bands: [{lo, hi, colour}] drawn under them.
export function lineChart(target, opts) {
  const { title, x, series, bands = [], events = [], spans = [], height = 220 } = opts;
  const time = opts.time !== false;
  const width = opts.width ?? Math.max(240, target.clientWidth || 480);
  const data = [x];
  const seriesOpts = [{ label: time ? 'time' : 'tick' }];
  const bandOpts = [];
  for (const b of bands) {
    data.push(b.hi, b.lo);
    seriesOpts.push(
      { label: `${b.label} 95 %`, stroke: 'transparent', points: { show: false } },
      { label: `${b.label} 5 %`, stroke: 'transparent', points: { show: false } },
    );
    bandOpts.push({ series: [data.length - 2, data.length - 1], fill: b.colour });
  }
  for (const s of series) {
    data.push(s.values);
    seriesOpts.push({
      label: s.label,
      stroke: s.colour,
      width: 1.5,
      dash: s.dash,
      points: { show: false },
      value: (u, v) => number(v),
    });
  }
  const u = new uPlot(
    {
      title,
      width,
      height,
      series: seriesOpts,
      bands: bandOpts,
      scales: { x: { time } },
      axes: [{}, { size: 56, values: (u, vals) => vals.map(number) }],
      legend: { show: opts.legend !== false },
      plugins: [markersPlugin(events, spans)],
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
    },
    data,
    target,
  );
  markPoints(target, data.slice(1 + 2 * bands.length));
  return u;
}

// Replaces the data of a chart made by lineChart (same series, longer arrays).
export function updateChart(u, target, data) {
  u.setData(data);
  markPoints(target, data.slice(1));
}

// How many finite values the chart draws, where tests and scripts can read it.
function markPoints(target, columns) {
  let n = 0;
  for (const c of columns) for (const v of c) if (Number.isFinite(v)) n++;
  target.dataset.points = String(n);
}
