#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/) with clang and runs each for SECONDS / 4 seconds (default
# 120 in all), starting from the seed corpus: the shipped scenarios, the bad-input fixtures and
# fuzz/corpus/. A crash, a sanitizer report or a hang fails with the input that caused it saved
# under build/fuzz/findings/. Without clang it says so and exits 0 (CI installs clang).
# To fuzz for hours: bash scripts/fuzz.sh 14400 (docs/SECURITY.md).
set -euo pipefail
cd "$(dirname "$0")/.."
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
per_target=$((seconds / 4 > 1 ? seconds / 4 : 1))
work=build/fuzz/corpus
findings=build/fuzz/findings
mkdir -p "$findings"
for target in classic_scenario national_scenario set_override run_request; do
  corpus="$work/$target"
  mkdir -p "$corpus"
  case "$target" in
    classic_scenario | national_scenario)
      cp scenarios/*.toml scenarios/*/*.toml tests/cli/bad_inputs/*.toml "$corpus"/ ;;
    set_override) cp fuzz/corpus/set/* "$corpus"/ ;;
    run_request) cp fuzz/corpus/run_request/* "$corpus"/ ;;
  esac
  echo "fuzz.sh: $target for ${per_target} s" >&2
  "build/fuzz/fuzz/fuzz_$target" -max_total_time="$per_target" -timeout=10 -rss_limit_mb=4096 \
    -max_len=65536 -artifact_prefix="$findings/$target-" -print_final_stats=1 "$corpus" \
    2>"build/fuzz/$target.log" || {
    tail -40 "build/fuzz/$target.log" >&2
    echo "fuzz.sh: $target FAILED; the input is under $findings/" >&2
    exit 1
  }
  grep -E "stat::number_of_executed_units|Done" "build/fuzz/$target.log" | tail -2 >&2 || true
done
echo "fuzz.sh: no crash in $seconds s" >&2
