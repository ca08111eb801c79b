#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/) with clang and runs each for SECONDS / 5 seconds (default
# 120 in all), starting from the seed corpus: the shipped scenarios, the bad-input fixtures and
# fuzz/corpus/. A crash, a sanitizer report or a hang fails with the input that caused it saved
# under build/fuzz/findings/. Without clang it says so and exits 0 (CI installs clang).
# To fuzz for hours: bash scripts/fuzz.sh 14400 (docs/SECURITY.md).
#
# --ci: a fixed number of inputs per target from a fixed seed and a fresh copy of the seed
# corpus, about two minutes: the same inputs every time, so CI is never red by chance (new
# findings come from the long, random runs, and join the corpus once fixed).
set -euo pipefail
cd "$(dirname "$0")/.."
ci=false
if [ "${1:-}" = "--ci" ]; then
  ci=true
  shift
fi
seconds="${1:-120}"
if ! command -v clang++ >/dev/null 2>&1; then
  echo "fuzz.sh: skipped: clang++ is not installed (apt-get install clang libclang-rt-14-dev)" >&2
  exit 0
fi
probe="$(mktemp -d)"
printf 'extern "C" int LLVMFuzzerTestOneInput(const unsigned char*, unsigned long) { return 0; }\n' \
  >"$probe/probe.cpp"
if ! clang++ -fsanitize=fuzzer "$probe/probe.cpp" -o "$probe/probe" 2>/dev/null; then
  rm -rf "$probe"
  echo "fuzz.sh: skipped: clang++ cannot link libFuzzer (apt-get install libclang-rt-14-dev)" >&2
  exit 0
fi
rm -rf "$probe"
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz --target unrest_fuzzers
per_target=$((seconds / 5 > 1 ? seconds / 5 : 1))
work=build/fuzz/corpus
if $ci; then
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
fi
findings=build/fuzz/findings
mkdir -p "$findings"
for target in classic_scenario national_scenario set_override run_request run_state; do
  corpus="$work/$target"
  mkdir -p "$corpus"
  case "$target" in
    classic_scenario | national_scenario)
      cp scenarios/*.toml scenarios/*/*.toml tests/cli/bad_inputs/*.toml "$corpus"/ ;;
    set_override) cp fuzz/corpus/set/* "$corpus"/ ;;
    run_request) cp fuzz/corpus/run_request/* "$corpus"/ ;;
    run_state) ;;  # edits of a state the target makes itself
  esac
  if $ci; then
    # Inputs for about 30 s each on a 2-core machine (measured on 2026-11-29).
    case "$target" in
      classic_scenario) budget=(-seed=1 -runs=300000) ;;
      national_scenario) budget=(-seed=1 -runs=40000) ;;
      set_override) budget=(-seed=1 -runs=6000) ;;
      run_request) budget=(-seed=1 -runs=250000) ;;
      run_state) budget=(-seed=1 -runs=600) ;;
    esac
  else
    budget=(-max_total_time="$per_target")
  fi
  echo "fuzz.sh: $target (${budget[*]})" >&2
  "build/fuzz/fuzz/fuzz_$target" "${budget[@]}" -timeout=10 -rss_limit_mb=4096 \
    -max_len=65536 -artifact_prefix="$findings/$target-" -print_final_stats=1 "$corpus" \
    2>"build/fuzz/$target.log" || {
    tail -40 "build/fuzz/$target.log" >&2
    echo "fuzz.sh: $target FAILED; the input is under $findings/" >&2
    exit 1
  }
  grep -E "stat::number_of_executed_units|Done" "build/fuzz/$target.log" | tail -2 >&2 || true
done
echo "fuzz.sh: no finding" >&2
