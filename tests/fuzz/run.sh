#!/usr/bin/env bash
# Builds the libFuzzer targets with clang++, ASan and UBSan in their own build directory and runs
# each for SECONDS: tests/fuzz/run.sh SECONDS [TARGET...] (all targets when none is named).
# New corpus entries go to the work directory, never into git; a finding (crash, sanitizer report,
# failed property, timeout) stops the run with a non-zero status and its input is kept in
# WORK/<target>/artifacts/. Per target: WORK/<target>/log, and one line in WORK/summary.tsv.
#   CRENEAU_FUZZ_BUILD  build directory (default: build-fuzz)
#   CRENEAU_FUZZ_WORK   work directory (default: BUILD/work)
#   CRENEAU_FUZZ_NO_BUILD=1  use the targets already built
#   CRENEAU_FUZZ_TIMEOUT     seconds one input may take (default 30)
set -euo pipefail
seconds=${1:?usage: tests/fuzz/run.sh SECONDS [TARGET...]}
shift
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${CRENEAU_FUZZ_BUILD:-$root/build-fuzz}
work=${CRENEAU_FUZZ_WORK:-$build/work}
all=(jsonreader mime htmltemplate recurrence validation forms router server)
targets=("${@:-${all[@]}}")

if [[ -z ${CRENEAU_FUZZ_NO_BUILD:-} ]]; then
  launcher=()
  command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  cmake -S "$root" -B "$build" -G Ninja -DCRENEAU_FUZZ=ON -DCMAKE_CXX_COMPILER=clang++ \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only" \
    "${launcher[@]}" >/dev/null
  cmake --build "$build" -j"$(nproc)" --target "${targets[@]/#/fuzz_}"
fi

# A 30 s timeout by default: refusing an RRULE no day satisfies costs libical about a second (its search for a
# first occurrence has no bound we can set), ten times that under ASan on a busy machine.
# Sanitizer reports abort, so that libFuzzer keeps the input; leaks of one input count too.
export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:abort_on_error=1:print_stacktrace=1}
export QT_QPA_PLATFORM=offscreen TZ=UTC
mkdir -p "$work"
status=0
for t in "${targets[@]}"; do
  mkdir -p "$work/$t/corpus" "$work/$t/artifacts"
  echo "== fuzz_$t for ${seconds}s"
  set +e
  # The first corpus directory receives the new entries; the seeds are only read.
  "$build/tests/fuzz/fuzz_$t" -max_total_time="$seconds" -timeout="${CRENEAU_FUZZ_TIMEOUT:-30}" -rss_limit_mb=4096 \
    -max_len=8192 -print_final_stats=1 -artifact_prefix="$work/$t/artifacts/" \
    "$work/$t/corpus" "$root/tests/fuzz/corpus/$t" >"$work/$t/log" 2>&1
  rc=$?
  set -e
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/$t/log" | tail -1)
  took=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$work/$t/log" | tail -1)
  if [[ $rc -eq 0 ]]; then result=none; else result="FINDING (exit $rc)"; status=1; fi
  printf '%s\t%s\t%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$t" "${took:-?}" "${runs:-?}" "$result" \
    | tee -a "$work/summary.tsv"
  if [[ $rc -ne 0 ]]; then
    grep -m5 -E 'ERROR|fuzz property failed|runtime error|SUMMARY' "$work/$t/log" || true
    ls "$work/$t/artifacts"
  fi
done
exit $status
