#!/usr/bin/env bash
# Fuzzes the register, scenario and plan.csv readers with seeded mutations of the worked
# examples (Tests/PhaseoutTests/Fuzz), for SECONDS per target (default 60).
#
#   Scripts/fuzz.sh [SECONDS] [SEED]
#
# Every input that crashes the process is kept in Tests/Fixtures/fuzz/crashes/<target>/,
# where `swift test` replays it from then on; the run then goes on with the next seed.
# Inputs that take more than 1 s are reported by the test and kept in the temporary folder.
set -uo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
seed=${2:-24}
deadline=$((SECONDS + 3 * seconds))
swift build --build-tests >/dev/null || exit 1
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

while [ "$SECONDS" -lt "$deadline" ]; do
    left=$(( (deadline - SECONDS) / 3 + 1 ))
    PHASEOUT_FUZZ_SECONDS=$left PHASEOUT_FUZZ_SEED=$seed PHASEOUT_FUZZ_LAST="$scratch/input" \
        swift test --skip-build --filter "MutationFuzzTests/mutantsNeverTrapAndReadQuickly" >"$scratch/log" 2>&1
    status=$?
    grep -E "^fuzz |took" "$scratch/log"
    if [ "$status" -eq 0 ]; then
        exit 0
    fi
    # A crash (or a slow input): keep the input that was running last.
    latest=$(ls -t "$scratch"/input.* 2>/dev/null | head -1)
    if [ -n "$latest" ] && ! grep -q "took" "$scratch/log"; then
        target=${latest##*.}
        name="crash-$(sha256sum "$latest" | cut -c1-16).bin"
        cp "$latest" "Tests/Fixtures/fuzz/crashes/$target/$name"
        echo "crash in $target (status $status): kept Tests/Fixtures/fuzz/crashes/$target/$name" >&2
        tail -20 "$scratch/log" >&2
    elif [ "$status" -ne 0 ]; then
        tail -20 "$scratch/log" >&2
        exit "$status"
    fi
    seed=$((seed + 1))
done
