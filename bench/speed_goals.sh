#!/usr/bin/env bash
# Issue 18's speed goals, measured: wall time and peak memory of whole `unrest run` processes
# at full scale, for the default, every shipped national scenario and counterfactual, and the
# stress case. As a Markdown table on stdout; docs/PERFORMANCE.md keeps the figures with the
# date and machine. The machine is shared and noisy: quote medians, and compare two binaries
# only within one call (--vs), where their runs alternate.
#
#   bash bench/speed_goals.sh [--runs N] [--vs OLD_UNREST] [--quick] [--scenario NAME] [UNREST]
#
# UNREST: the binary (default build/release/unrest). --runs: runs a case (default 3; the
# median is shown). --vs: a second binary (say, a build of an earlier commit) run on the same
# cases, alternating with the first, with the ratio of the medians. --quick: the default and
# the stress case only. --scenario: only this shipped national scenario's runs after those two
# (repeatable; default kazakhstan-2022 and iran-2019).
#
# The stress case is the default with the LPG price shock raised from 0.02 to 0.05, which
# brings about 3 % of the population out for days (issue 18: at most 5 s).
#
# Besides wall time and memory each row gives the run's active-hours (the national `active`
# column summed over the hours: a citizen active for an hour is one; agents, so people at full
# scale) and the CPU time (user + system, median) per active-hour: what an hour of one
# protester costs the engine (its decision with two counts within vision, its move, and its
# share of the rest), the figure a time goal translates to.
set -euo pipefail
cd "$(dirname "$0")/.."
unrest=build/release/unrest
old=""
runs=3
quick=false
scenarios=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift ;;
    --vs) old="$2"; shift ;;
    --quick) quick=true ;;
    --scenario) scenarios+=("$2"); shift ;;
    -*) echo "speed_goals.sh: unknown option $1" >&2; exit 2 ;;
    *) unrest="$1" ;;
  esac
  shift
done
for binary in "$unrest" ${old:+"$old"}; do
  [ -x "$binary" ] || { echo "speed_goals.sh: no binary at $binary" >&2; exit 2; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# One run: "WALL_S PEAK_KIB CPU_S" on stdout.
time_run() {  # BINARY ARGS...
  local binary="$1"
  shift
  rm -rf "$work/out"
  /usr/bin/time -f "%e %M %U %S" -o "$work/time" "$binary" run --quiet --out "$work/out" "$@"
  awk '{print $1, $2, $3 + $4}' "$work/time"
}

# The last run's active-hours: national.csv's `active` column summed.
active_hours() {
  awk -F, 'NR == 1 {for (i = 1; i <= NF; ++i) if ($i == "active") col = i; next}
    {sum += $col} END {printf "%.0f\n", sum}' "$work/out/national.csv"
}

median() { sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

if [ -n "$old" ]; then
  echo "| case | goal | wall s | peak MiB | active-hours | CPU ns per active-hour | before: wall s | before: peak MiB | ratio |"
  echo "|---|---|---|---|---|---|---|---|---|"
else
  echo "| case | goal | wall s | peak MiB | active-hours | CPU ns per active-hour |"
  echo "|---|---|---|---|---|---|"
fi
measure() {  # NAME GOAL ARGS...
  local name="$1" goal="$2"
  shift 2
  : >"$work/new"
  : >"$work/old"
  local hours=0
  for _ in $(seq "$runs"); do
    time_run "$unrest" "$@" >>"$work/new"
    hours=$(active_hours)
    if [ -n "$old" ]; then time_run "$old" "$@" >>"$work/old"; fi
  done
  local wall peak cpu per_hour
  wall=$(cut -d' ' -f1 "$work/new" | median)
  peak=$(cut -d' ' -f2 "$work/new" | sort -g | tail -1)
  cpu=$(cut -d' ' -f3 "$work/new" | median)
  per_hour=$(awk -v c="$cpu" -v h="$hours" 'BEGIN {print (h > 0 ? sprintf("%.0f", c * 1e9 / h) : "-")}')
  if [ -n "$old" ]; then
    local old_wall old_peak
    old_wall=$(cut -d' ' -f1 "$work/old" | median)
    old_peak=$(cut -d' ' -f2 "$work/old" | sort -g | tail -1)
    awk -v n="$name" -v g="$goal" -v w="$wall" -v p="$peak" -v h="$hours" -v ph="$per_hour" \
      -v ow="$old_wall" -v op="$old_peak" 'BEGIN {printf "| %s | %s | %.2f | %.0f | %d | %s | %.2f | %.0f | %.2f |\n",
        n, g, w, p / 1024, h, ph, ow, op / 1024, w / ow}'
  else
    awk -v n="$name" -v g="$goal" -v w="$wall" -v p="$peak" -v h="$hours" -v ph="$per_hour" \
      'BEGIN {printf "| %s | %s | %.2f | %.0f | %d | %s |\n", n, g, w, p / 1024, h, ph}'
  fi
}

measure "Kazakhstan default" "0.5 s, 250 MB" kazakhstan-2022
measure "stress: Kazakhstan, shock 0.05" "5 s" kazakhstan-2022 \
  --set event.lpg-price-doubles.size=0.05
$quick && exit 0
# Every counterfactual of each shipped national scenario, as `unrest scenarios` lists them.
[ ${#scenarios[@]} -gt 0 ] || scenarios=(kazakhstan-2022 iran-2019)
for scenario in "${scenarios[@]}"; do
  [ "$scenario" = kazakhstan-2022 ] || measure "$scenario" "1 s" "$scenario"
  while read -r counterfactual; do
    measure "$scenario --counterfactual $counterfactual" "1 s" "$scenario" \
      --counterfactual "$counterfactual"
  done < <("$unrest" scenarios | awk -v s="$scenario.toml" '
    /^[^ ]/ {inside = ($1 ~ s "$")}
    inside && $1 == "--counterfactual" {sub(":", "", $2); print $2}')
done
