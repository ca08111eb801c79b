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

# Save and branch across processes: the state saved on 3 ranks is the one-process state, byte
# for byte; a branch on 2 ranks from it (and one on 1 rank from the 3-rank state) equals the
# whole run of its counterfactual.
save=(run --scale 0.05 --save-at 2022-01-05T00:00 --quiet)
"$unrest" "${save[@]}" --out "$work/save1"
mpi 3 "${save[@]}" --out "$work/save3"
cmp -s "$work/save1/state-2022-01-05T00.bin" "$work/save3/state-2022-01-05T00.bin" ||
  fail "the state saved on 3 ranks differs from the one-process state"
"$unrest" run --scale 0.05 --counterfactual no-csto --quiet --out "$work/whole"
mpi 2 run --scale 0.05 --counterfactual no-csto --from "$work/save1/state-2022-01-05T00.bin" \
  --quiet --out "$work/branch2"
"$unrest" run --scale 0.05 --counterfactual no-csto --from "$work/save3/state-2022-01-05T00.bin" \
  --quiet --out "$work/branch1"
for b in branch2 branch1; do
  for f in places.csv national.csv events.csv summary.json; do
    cmp -s "$work/whole/$f" "$work/$b/$f" || fail "$b: $f differs from the whole run"
  done
done
# The last place's state corrupted (its number of citizens, the checksum made right again:
# only the process that runs it can tell) is refused on every rank; nothing hangs or is written.
python3 - "$work/save1/state-2022-01-05T00.bin" "$work/bad.bin" <<'PY'
import struct, sys
data = bytearray(open(sys.argv[1], 'rb').read())
end = len(data)
# The last place's bytes end the file, after their length: find the length that says so.
start = next(q + 8 for q in range(end - 16, 28, -1) if struct.unpack_from('<Q', data, q)[0] == end - q - 8)
citizens = struct.unpack_from('<Q', data, start)[0]
struct.pack_into('<Q', data, start, citizens + 1)
h = 0xcbf29ce484222325
for b in data[28:]:
    h = ((h ^ b) * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
struct.pack_into('<Q', data, 20, h)
open(sys.argv[2], 'wb').write(bytes(data))
PY
set +e
mpi 3 run --scale 0.05 --counterfactual no-csto --from "$work/bad.bin" --quiet \
  --out "$work/never-branched" 2>"$work/bad.log"
status=$?
set -e
[ "$status" -eq 2 ] || fail "a corrupt place under MPI exited $status: $(cat "$work/bad.log")"
grep -q "corrupt state file" "$work/bad.log" || fail "no message for a corrupt place: $(cat "$work/bad.log")"
[ ! -e "$work/never-branched" ] || fail "a refused branch under MPI wrote output"

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
