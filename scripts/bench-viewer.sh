#!/usr/bin/env bash
# The viewer's cost: the full-scale default run through `unrest serve` (as fast as it goes,
# 2 threads, polled as the page polls it: frames and the Almaty lattice every 250 ms) against
# the same run from the command line, alternating, PAIRS pairs. Needs curl and python3.
# Usage: scripts/bench-viewer.sh [PAIRS]   (release build)
set -euo pipefail
cd "$(dirname "$0")/.."
pairs=${1:-5}
bin=build/release/unrest
work=$(mktemp -d)
"$bin" serve --port 0 --out "$work/serve" --max-runs 1 >"$work/serve.log" 2>/dev/null &
server=$!
trap 'kill -INT $server; wait $server; rm -rf "$work"' EXIT
sleep 1
port=$(grep -o '127.0.0.1:[0-9]*' "$work/serve.log" | cut -d: -f2)
field() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
for i in $(seq "$pairs"); do
  start=$(date +%s.%N)
  "$bin" run --quiet --out "$work/cli" --overwrite
  cli=$(echo "$(date +%s.%N) - $start" | bc)
  id=$(curl -s -XPOST "localhost:$port/api/runs" \
    -d '{"scenario": "scenarios/kazakhstan-2022.toml", "scale": 1}' | field "['id']")
  hour=0
  while curl -s "localhost:$port/api/runs/$id" | grep -q '"status":"running"'; do
    hour=$(curl -s "localhost:$port/api/runs/$id/frames?from=$hour" | python3 -c "import json,sys; d=json.load(sys.stdin); print(d['from'] + len(d['times']))" 2>/dev/null || echo "$hour")
    curl -s "localhost:$port/api/runs/$id/lattice?place=almaty-city" >/dev/null
    sleep 0.25
  done
  serve=$(curl -s "localhost:$port/api/runs/$id" | field "['seconds']")
  printf 'pair %d: command line %.2f s, viewer %.2f s\n' "$i" "$cli" "$serve"
done
