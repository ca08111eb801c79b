#!/usr/bin/env bash
# The cost curve of national runs (issue 18, point 2): wall time and peak memory of whole
# `unrest run` processes against scale, against population and against the share of people
# active, one run each, as a Markdown table on stdout (docs/PERFORMANCE.md keeps the figures
# with the date and machine). The machine is shared and noisy: compare rows of one call.
#
#   bash bench/cost_curve.sh [UNREST] [--quick] [--vs OLD_UNREST]
#
# UNREST: the binary (default build/release/unrest). --quick: leave out the runs of more than
# about 20 s (Iran and the synthetic 200-million country at full scale). --vs: a second binary
# (say, a build of the engine before issue 18) run on each case right after the first, with its
# time and memory beside and the ratio of the wall times (the agents and the peak active are
# the first binary's run).
set -euo pipefail
cd "$(dirname "$0")/.."
unrest=build/release/unrest
old=""
quick=false
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=true ;;
    --vs) old="$2"; shift ;;
    -*) echo "cost_curve.sh: unknown option $1" >&2; exit 2 ;;
    *) unrest="$1" ;;
  esac
  shift
done
for binary in "$unrest" ${old:+"$old"}; do
  [ -x "$binary" ] || { echo "cost_curve.sh: no binary at $binary" >&2; exit 2; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A synthetic country of about 200 million people: Kazakhstan's 17 places, each with 10.26
# times its people and police (the same densities, the same events).
synthetic=()
while IFS=' ' read -r id population police; do
  synthetic+=(--set "place.$id.population=$(awk "BEGIN{printf \"%.0f\", $population * 10.26}")"
              --set "place.$id.police=$(awk "BEGIN{printf \"%.0f\", $police * 10.26}")")
done < <("$unrest" run --scale 0.001 --ticks 1 --quiet --out "$work/places" &&
         python3 -c "
import json
for p in json.load(open('$work/places/manifest.json'))['effective']['places']:
    print(p['id'], p['population'], p['police'])")

if [ -n "$old" ]; then
  echo "| case | scale | agents | peak active (share of people) | wall s | peak MiB | before: wall s | before: peak MiB | ratio |"
  echo "|---|---|---|---|---|---|---|---|---|"
else
  echo "| case | scale | agents | peak active (share of people) | wall s | peak MiB |"
  echo "|---|---|---|---|---|---|"
fi
# One run of BINARY: "WALL_S PEAK_KIB" in $work/time.
time_run() {  # BINARY SCALE ARGS...
  local binary="$1" scale="$2"
  shift 2
  rm -rf "$work/out"
  /usr/bin/time -f "%e %M" -o "$work/time" "$binary" run --scale "$scale" --quiet \
    --out "$work/out" "$@"
}
measure() {  # NAME SCALE ARGS...
  local name="$1" scale="$2"
  shift 2
  local before=""
  if [ -n "$old" ]; then
    time_run "$old" "$scale" "$@"
    before=$(cat "$work/time")
  fi
  time_run "$unrest" "$scale" "$@"
  read -r wall kb <"$work/time"
  python3 - "$work/out/summary.json" "$name" "$scale" "$wall" "$kb" "$before" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
name, scale, wall, kb = sys.argv[2], float(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5])
agents = s["agents"]["citizens"] + s["agents"]["cops"]
peak = max(day["peak_active"] for day in s["daily"])  # people
people = s["agents"]["citizens"] / scale
row = (f"| {name} | {scale:g} | {agents:,} | {peak:,.0f} ({100 * peak / people:.2f} %) "
       f"| {wall:.2f} | {kb / 1024:.0f} |")
if sys.argv[6]:
    old_wall, old_kb = float(sys.argv[6].split()[0]), int(sys.argv[6].split()[1])
    row += f" {old_wall:.2f} | {old_kb / 1024:.0f} | {wall / old_wall:.2f} |"
print(row)
PY
}

for scale in 0.01 0.1 1; do measure "Kazakhstan default" "$scale"; done
for scale in 0.01 0.1; do measure "Iran 2019" "$scale" iran-2019; done
$quick || measure "Iran 2019" 1 iran-2019
measure "synthetic 200 M" 0.1 "${synthetic[@]}"
$quick || measure "synthetic 200 M" 1 "${synthetic[@]}"
# More people active: the default with a larger LPG shock (0.05: about 3 % at the peak, the
# stress case of issue 18).
for size in 0.03 0.05; do
  measure "Kazakhstan, shock $size" 1 --set "event.lpg-price-doubles.size=$size"
done
