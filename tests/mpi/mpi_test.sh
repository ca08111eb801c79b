#!/usr/bin/env bash
# MPI runs give the one-process results: a national run spread over 2 and 3 ranks (byte for
# byte), and an ensemble, a sweep, a sensitivity analysis and a calibration on 3 ranks (rank 0 hands out, 2 work).
# Usage: mpi_test.sh UNREST MPIEXEC
set -euo pipefail
unrest=$1
mpiexec=$2
# Root in CI containers; shared-memory single copy is not allowed in many containers.
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
export OMPI_MCA_btl_vader_single_copy_mechanism=none OMPI_MCA_rmaps_base_oversubscribe=1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
mpi() { local n=$1; shift; timeout 300 "$mpiexec" --oversubscribe -np "$n" "$unrest" "$@"; }

# A machine that cannot start MPI processes at all is reported as a skip (exit 77), not a pass.
if ! timeout 60 "$mpiexec" --oversubscribe -np 2 true >"$work/probe.log" 2>&1; then
  echo "SKIP: this machine cannot start MPI processes:" >&2
  cat "$work/probe.log" >&2
  exit 77
fi

"$unrest" run --scale 0.05 --quiet --out "$work/run1"
for n in 2 3; do
  mpi "$n" run --scale 0.05 --quiet --out "$work/run$n"
  for f in places.csv national.csv events.csv summary.json; do
    cmp -s "$work/run1/$f" "$work/run$n/$f" || fail "run on $n ranks: $f differs"
  done
done

"$unrest" ensemble --seeds 5 --scale 0.01 --quiet --out "$work/ens1"
mpi 3 ensemble --seeds 5 --scale 0.01 --quiet --out "$work/ens3"
for f in quantiles.csv figures.csv summary.json; do
  cmp -s "$work/ens1/$f" "$work/ens3/$f" || fail "ensemble on 3 ranks: $f differs"
done

sweep=(sweep --scale 0.01 --param rules.arrest_rate=0.001:0.004 --design lhs --points 4 --seeds 2 --quiet)
"$unrest" "${sweep[@]}" --out "$work/sw1"
mpi 3 "${sweep[@]}" --out "$work/sw3"
diff <(sort "$work/sw1/sweep.csv") <(sort "$work/sw3/sweep.csv") >/dev/null || fail "sweep rows differ"

# A sensitivity analysis shares the sweep's runner: the same rows, then the same indices.
sens=(sensitivity --scale 0.01 --param rules.arrest_rate=0.001:0.004 --param mechanisms.news.weight=1:3 --samples 4 --bootstrap 100 --quiet)
"$unrest" "${sens[@]}" --out "$work/se1"
mpi 3 "${sens[@]}" --out "$work/se3"
diff <(sort "$work/se1/sweep.csv") <(sort "$work/se3/sweep.csv") >/dev/null || fail "sensitivity rows differ"
cmp -s "$work/se1/indices.csv" "$work/se3/indices.csv" || fail "sensitivity indices differ"

cal=(calibrate --scale 0.01 --particles 6 --generations 2 --predictive 4 --quiet)
"$unrest" "${cal[@]}" --out "$work/cal1"
mpi 3 "${cal[@]}" --out "$work/cal3"
cmp -s "$work/cal1/posterior.csv" "$work/cal3/posterior.csv" || fail "calibration posteriors differ"

# Bad input fails on every rank with exit status 2, and nothing hangs.
set +e
mpi 3 run --scale 0.05 --set rules.k=-1 --quiet --out "$work/never" 2>/dev/null
status=$?
set -e
[ "$status" -ne 0 ] || fail "bad input under MPI exited 0"
[ ! -e "$work/never" ] || fail "bad input under MPI wrote output"
echo "MPI runs match the one-process runs"
