#!/usr/bin/env bash
# Checks fan-out on one machine (docs/fan-out.md): plans REGISTER SCENARIO whole, then in N
# shards for each N in $COUNTS (default "1 2 3 7"), merges each set and compares every file with
# the whole run's, byte for byte. Arguments after WORKDIR go to every `plan` (--time-limit …).
#
#   Scripts/shard-check.sh Examples/ScottishCouncils/register.csv \
#     Examples/ScottishCouncils/scenario.json /tmp/shard-check --time-limit 600
#
# Uses $PHASEOUT (default .build/release/phaseout; build it with
# `swift build -c release --product phaseout`). The files are identical only when every
# organisation was proven within its share of time; the lines after a difference say which
# organisations' figures differ. Exit 0 when every merge matched, 1 otherwise.
set -uo pipefail

[ $# -ge 3 ] || { echo "usage: $0 REGISTER SCENARIO WORKDIR [plan options…]" >&2; exit 2; }
register=$1 scenario=$2 work=$3
shift 3
phaseout=${PHASEOUT:-.build/release/phaseout}
counts=${COUNTS:-1 2 3 7}
finished() { [ "$1" -eq 0 ] || [ "$1" -eq 3 ] || [ "$1" -eq 4 ]; }
statuses() { grep -A5 '"statusCounts"' "$1/summary.json" | tr -d ' \n' | sed 's/"statusCounts"://; s/},.*/}/'; }
# The organisations whose summary.json entries differ between two plan folders.
differing() {
    python3 - "$1/summary.json" "$2/summary.json" <<'EOF'
import json, sys
a, b = (json.load(open(path)) for path in sys.argv[1:])
names = [x["name"] for x, y in zip(a["organisations"], b["organisations"]) if x != y]
print(", ".join(names) or "none (totals only)")
EOF
}

rm -rf "$work" && mkdir -p "$work"
started=$SECONDS
"$phaseout" plan "$register" "$scenario" --out "$work/single" --quiet "$@"
status=$?
finished "$status" || { echo "the single run failed (exit $status)" >&2; exit 1; }
echo "single run: exit $status in $((SECONDS - started)) s, $(statuses "$work/single")"

result=0
for count in $counts; do
    started=$SECONDS
    for index in $(seq 1 "$count"); do
        "$phaseout" plan "$register" "$scenario" --out "$work/s$count/$index" --shard "$index/$count" --quiet "$@"
        status=$?
        finished "$status" || { echo "shard $index/$count failed (exit $status)" >&2; exit 1; }
    done
    "$phaseout" merge "$register" "$scenario" "$work/s$count"/* --out "$work/merged$count" --quiet
    status=$?
    finished "$status" || { echo "merge of $count shards failed (exit $status)" >&2; exit 1; }
    different=()
    for file in "$work/single"/*; do
        cmp -s "$file" "$work/merged$count/$(basename "$file")" || different+=("$(basename "$file")")
    done
    [ "$(ls "$work/single")" = "$(ls "$work/merged$count")" ] || different+=("(the file list)")
    if [ ${#different[@]} -eq 0 ]; then
        echo "N = $count: identical (shards and merge $((SECONDS - started)) s, merge exit $status)"
    else
        echo "N = $count: DIFFERENT: ${different[*]}; organisations: $(differing "$work/single" "$work/merged$count")"
        echo "  merged: $(statuses "$work/merged$count")"
        result=1
    fi
done
exit $result
