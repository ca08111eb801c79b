// The national figures the report and the viewer draw, from one run's data.
//
// A run (built by `unrest report` from a run's folder, or streamed by `unrest serve`) holds
// per-hour series in people: national[key] for each of run.charts ({key, title}, declared once
// with the output quantities in the C++ library and sent with the run) and
// places[i].{active, rioting}; times[i] is the local time of hour i.

export const RUN_COLOURS = ['#b03a2e', '#1f5fa8', '#6c3483', '#1e8449', '#b9770e', '#566573'];

// Share of a place's people active at hour `tick` (0 when the hour is not there yet).
export function activeShare(place, tick) {
  const v = place.active[tick];
  return v === undefined || !place.population ? 0 : v / place.population;
}
