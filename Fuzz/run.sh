#!/usr/bin/env bash
# libFuzzer over the register, scenario and plan.csv readers for SECONDS (default 60).
#
#   Fuzz/run.sh [SECONDS]
#
# Builds Fuzz/ with the toolchain's libFuzzer and AddressSanitizer, starts from the seed corpus
# in Fuzz/corpus (the worked examples; an input's first byte picks the reader), treats an input
# that takes more than 1 s as a failure, and copies every crash, timeout or out-of-memory input
# (without its selector byte) into Tests/Fixtures/fuzz/crashes/<target>/, where `swift test`
# replays it. Linux only; Scripts/fuzz.sh is the portable seeded-mutation harness.
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-60}

swift build -c debug -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library 2>&1 \
    | grep -v "Cannot export local symbol" | tail -1
mkdir -p .work/corpus .work/artifacts
status=0
PHASEOUT_FUZZ_FIXTURE=../Tests/Fixtures/spec/1_exposure_inflation_carry_visit \
    .build/debug/PhaseoutFuzz -max_total_time="$seconds" -timeout=1 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix=.work/artifacts/ .work/corpus corpus 2>&1 | grep -E "INITED|DONE|^stat::|ERROR|SUMMARY|^Done" \
    || status=$?

targets=(register scenario plan)
for artifact in .work/artifacts/*; do
    [ -f "$artifact" ] || continue
    selector=$(head -c1 "$artifact" | od -An -tu1 | tr -d ' ')
    target=${targets[$(( ${selector:-0} % 3 ))]}
    tail -c +2 "$artifact" > "../Tests/Fixtures/fuzz/crashes/$target/libfuzzer-$(basename "$artifact").bin"
    echo "kept $(basename "$artifact") as Tests/Fixtures/fuzz/crashes/$target/libfuzzer-$(basename "$artifact").bin" >&2
    status=1
done
exit "$status"
