#!/usr/bin/env bash
# Builds build-sanitize/ and runs each libFuzzer target over its seed corpus (fuzz/corpus/<target>/)
# for a bounded time, as many at once as there are cores. Any crash, sanitizer report, leak, input
# taking over 10 s or run using over 2 GB fails the target.
# Usage: scripts/fuzz.sh [seconds-per-target] [target...]   (default 45 s, every fuzz/*.cpp)
# Inputs it finds are kept in build-sanitize/fuzz/corpus/<target>/ for the next run; a failing input
# is written to build-sanitize/fuzz/crashes/<target>/ and the report to build-sanitize/fuzz/<target>.log.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-45}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for source in fuzz/*.cpp; do targets+=("$(basename "$source" .cpp)"); done
fi
scripts/build-sanitized.sh "${targets[@]/#/fuzz-}"
. scripts/sanitizer-options.sh

out=build-sanitize/fuzz
run_target() {
  local target=$1 dict=fuzz/dict/$1.dict
  local args=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
              -artifact_prefix="$out/crashes/$target/")
  [ -f "$dict" ] && args+=(-dict="$dict")
  rm -rf "$out/crashes/$target"
  mkdir -p "$out/corpus/$target" "$out/crashes/$target"
  # The outer timeout only catches a fuzzer that hangs outside libFuzzer's own watchdog.
  local status=0
  timeout --kill-after=10 $((seconds + 120)) build-sanitize/bin/fuzz-"$target" "${args[@]}" \
    "$out/corpus/$target" "fuzz/corpus/$target" >"$out/$target.log" 2>&1 || status=$?
  # A report that did not end the process (none should: UBSan does not recover here) fails it too.
  if [ "$status" -eq 0 ] && grep -qE 'runtime error:|ERROR: (AddressSanitizer|LeakSanitizer)' "$out/$target.log"; then
    status=1
  fi
  echo "$status" >"$out/$target.status"
}

jobs_max=$(nproc)
for target in "${targets[@]}"; do
  while [ "$(jobs -rp | wc -l)" -ge "$jobs_max" ]; do wait -n || true; done
  echo "fuzz-$target: ${seconds} s" >&2
  run_target "$target" &
done
wait

passed=0
failed=0
for target in "${targets[@]}"; do
  log=$out/$target.log
  # e.g. "#412345 DONE cov: 884 ft: 2861 corp: 725/48Kb lim: 735 exec/s: 18429 rss: 523Mb"
  done_line=$(grep -E '^#[0-9]+\s+DONE' "$log" | tail -1 || true)
  cov=$(sed -nE 's/.* cov: ([0-9]+) ft: ([0-9]+) corp: ([^ ]+) .*/\1 edges, \2 features, corpus \3/p' <<<"$done_line")
  runs=$(sed -nE 's/^stat::number_of_executed_units: *([0-9]+)/\1/p' "$log")
  rate=$(sed -nE 's/^stat::average_exec_per_sec: *([0-9]+)/\1/p' "$log")
  if [ "$(cat "$out/$target.status")" = 0 ]; then
    passed=$((passed + 1))
    echo "PASS fuzz-$target: ${runs:-?} runs, ${rate:-?} exec/s, ${cov:-coverage unknown}"
  else
    failed=$((failed + 1))
    echo "FAIL fuzz-$target (exit status $(cat "$out/$target.status")); the report ($log):"
    grep -E -A40 '^==[0-9]+==\s*ERROR|runtime error:|fuzz check failed|terminate called|ERROR: libFuzzer' "$log" |
      head -60 | sed 's/^/    /'
    for input in "$out/crashes/$target"/*; do
      [ -e "$input" ] && echo "    reproduce: build-sanitize/bin/fuzz-$target $input"
    done
  fi
done
echo "fuzz: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
