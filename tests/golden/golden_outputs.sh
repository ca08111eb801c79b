#!/usr/bin/env bash
# Golden outputs: every shipped scenario, at fixed seeds and lengths, must give the same bytes
# as when tests/golden/outputs.sha256 was written. A refactoring that should change nothing is
# checked against it; a change of the model's behaviour updates the file in the same commit
# and says why.
#
# Usage: golden_outputs.sh UNREST [--update]
#   --update  rewrites tests/golden/outputs.sha256 from this binary's outputs
set -euo pipefail
unrest=$1
mode=${2:-check}
here=$(cd "$(dirname "$0")" && pwd)
golden="$here/outputs.sha256"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# name | arguments. Classic runs: both engines, lengths that cover each run's dated changes
# (runs 3-5 change legitimacy or cops from tick 50-77). National: the default at scale 0.1 and
# at full scale, and each counterfactual at scale 0.02; Iran at scale 0.01.
cases=(
  "run1-sequential|scenarios/epstein-2002/run1.toml --engine sequential --ticks 300"
  "run2-sequential|scenarios/epstein-2002/run2.toml --engine sequential --ticks 300"
  "run3-sequential|scenarios/epstein-2002/run3.toml --engine sequential --ticks 150"
  "run4-sequential|scenarios/epstein-2002/run4.toml --engine sequential --ticks 150"
  "run5-sequential|scenarios/epstein-2002/run5.toml --engine sequential --ticks 300"
  "run1-parallel|scenarios/epstein-2002/run1.toml --engine parallel --threads 2 --ticks 300"
  "run2-parallel|scenarios/epstein-2002/run2.toml --engine parallel --threads 2 --ticks 300"
  "run3-parallel|scenarios/epstein-2002/run3.toml --engine parallel --threads 2 --ticks 150"
  "run4-parallel|scenarios/epstein-2002/run4.toml --engine parallel --threads 2 --ticks 150"
  "run5-parallel|scenarios/epstein-2002/run5.toml --engine parallel --threads 2 --ticks 300"
  "kazakhstan-scale-0.1|--scale 0.1 --threads 2"
  "kazakhstan-scale-1|--scale 1 --threads 2"
  "no-price-shock|--counterfactual no-price-shock --scale 0.02"
  "early-concession|--counterfactual early-concession --scale 0.02"
  "no-shoot-to-kill|--counterfactual no-shoot-to-kill --scale 0.02"
  "no-csto|--counterfactual no-csto --scale 0.02"
  "no-internet-shutdown|--counterfactual no-internet-shutdown --scale 0.02"
  "sourced-fuel-dependence|--counterfactual sourced-fuel-dependence --scale 0.02"
  "iran-scale-0.01|iran-2019 --scale 0.01 --threads 2"
)

# The manifest names the binary's version; every other file is a pure function of the inputs.
outputs_of() { find "$1" -maxdepth 1 -type f ! -name manifest.json -printf '%f\n' | LC_ALL=C sort; }

: >"$work/now.sha256"
for entry in "${cases[@]}"; do
  name=${entry%%|*}
  read -r -a args <<<"${entry#*|}"
  "$unrest" run "${args[@]}" --seed 1 --quiet --out "$work/$name" >/dev/null
  while read -r file; do
    sum=$(sha256sum "$work/$name/$file" | cut -d' ' -f1)
    echo "$name/$file $sum" >>"$work/now.sha256"
  done < <(outputs_of "$work/$name")
done

if [ "$mode" = "--update" ]; then
  cp "$work/now.sha256" "$golden"
  echo "wrote $golden ($(wc -l <"$golden") files)"
  exit 0
fi
if ! diff -u "$golden" "$work/now.sha256"; then
  echo "FAIL: outputs differ from tests/golden/outputs.sha256 (lines above: - expected, + now)" >&2
  exit 1
fi
echo "all $(wc -l <"$golden") output files match their golden hashes"
