#!/usr/bin/env bash
# The benchmark suite in one command (see Benchmarks/README.md):
#
#   Benchmarks/run.sh                 # national 1k/10k/100k, concentrated 100k, regional 100k; 60 s limit
#   QUICK=1 Benchmarks/run.sh         # national 1k and 10k only, 20 s limit
#   INSTANCES=n1m Benchmarks/run.sh   # the 1M national estate (not in the default list)
#
# Environment: TIME_LIMIT (s, default 60; 20 with QUICK), CONC_TIME_LIMIT (s, concentrated,
# default 30), GAP (default 1e-4), WORK (scratch dir, default /tmp/phaseout-bench),
# INSTANCES (space-separated subset of: n1k n10k n100k c100k regional100k n1m),
# TTG_LIMITS (time-to-gap limits in s, default "5 15 30 60"), TTG_INSTANCES (instances that
# get time-to-gap runs, default "regional100k n1m"), RESULTS (path prefix of the results,
# default Benchmarks/results/latest), EXTRAS (0 skips the lp_solve load micro-benchmark and
# valgrind), LEAN (1 skips the phase breakdown and both monolithic peers: plan, verify, HiGHS per
# organisation and time to gap only).
# Writes $RESULTS.json and $RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
QUICK=${QUICK:-0}
if [ "$QUICK" = 1 ]; then
    TIME_LIMIT=${TIME_LIMIT:-20}; INSTANCES=${INSTANCES:-"n1k n10k"}
else
    TIME_LIMIT=${TIME_LIMIT:-60}; INSTANCES=${INSTANCES:-"n1k n10k n100k c100k regional100k"}
fi
CONC_TIME_LIMIT=${CONC_TIME_LIMIT:-30}
GAP=${GAP:-1e-4}
WORK=${WORK:-/tmp/phaseout-bench}
TTG_LIMITS=${TTG_LIMITS:-"5 15 30 60"}
TTG_INSTANCES=${TTG_INSTANCES:-"regional100k n1m"}
RESULTS=${RESULTS:-Benchmarks/results/latest}
mkdir -p "$WORK" "$(dirname "$RESULTS")"

log() { echo "[bench $(date +%H:%M:%S)] $*" >&2; }

log "building release (root package: phaseout; Benchmarks package: phaseout-bench, lpsolve-mps)"
swift build -c release --product phaseout >"$WORK/build-root.log" 2>&1 || { cat "$WORK/build-root.log"; exit 1; }
(cd Benchmarks && swift build -c release >"$WORK/build-bench.log" 2>&1) || { cat "$WORK/build-bench.log"; exit 1; }
BIN=$(swift build -c release --show-bin-path)
BBIN=$(cd Benchmarks && swift build -c release --show-bin-path)
python3 -c 'import highspy, numpy' 2>/dev/null || python3 -m pip install --quiet highspy numpy

# /usr/bin/time writes "wall_s maxrss_kb" to $1; the command's exit code is kept in $1.rc.
timed() {
    local out=$1; shift
    local rc=0
    /usr/bin/time -f "%e %M" -o "$out" "$@" || rc=$?
    echo "$rc" >"$out.rc"
}

# HiGHS on each organisation's exported model alone (2 threads), limit $3, into $2.
highs_per_org() {
    local dir=$1 out=$2 limit=$3
    timed "$out.time" timeout "$((limit * 3 + 120))" python3 Benchmarks/peers/highs_per_org.py "$dir/models" \
        --time-limit "$limit" --gap "$GAP" --threads 2 --json "$out.json" >/dev/null 2>"$out.log"
}

# The time-to-gap runs of one instance: Phaseout, then HiGHS per organisation, at each limit
# other than the instance's own (whose figures come from the main runs).
time_to_gap() {
    local name=$1 dir=$2 tl=$3
    mkdir -p "$dir/ttg"
    for limit in $TTG_LIMITS; do
        [ "$limit" = "$tl" ] && continue
        log "$name: time to gap at $limit s: phaseout plan, then HiGHS per organisation"
        timed "$dir/ttg/phaseout-$limit.time" "$BIN/phaseout" plan "$dir/register.csv" "$dir/scenario.json" \
            --out "$dir/ttg/phaseout-$limit" --time-limit "$limit" --gap "$GAP" --quiet 2>"$dir/ttg/phaseout-$limit.log"
        highs_per_org "$dir" "$dir/ttg/highs-per-org-$limit" "$limit"
    done
}

for name in $INSTANCES; do
    seed=1
    case $name in
        n1k)   args=(--devices 1000 --councils 10);   tl=$TIME_LIMIT ;;
        n10k)  args=(--devices 10000 --councils 380); tl=$TIME_LIMIT ;;
        n100k) args=(--devices 100000 --councils 380); tl=$TIME_LIMIT ;;
        c100k) args=(--devices 100000 --councils 1 --profile concentrated --periods 20 --period-years 0.25); tl=$CONC_TIME_LIMIT ;;
        regional100k) args=(--devices 100000 --profile regional); tl=$TIME_LIMIT ;;
        n1m)   args=(--devices 1000000 --councils 400); seed=11; tl=$TIME_LIMIT ;;
        *) echo "unknown instance $name" >&2; exit 2 ;;
    esac
    dir=$WORK/$name
    rm -rf "$dir"; mkdir -p "$dir"
    log "$name: generate ${args[*]} --seed $seed"
    "$BIN/phaseout" generate "${args[@]}" --seed "$seed" --out "$dir" 2>"$dir/generate.log"
    echo "$tl" >"$dir/time-limit"

    log "$name: phaseout plan (end to end, --time-limit $tl --gap $GAP)"
    timed "$dir/plan.time" "$BIN/phaseout" plan "$dir/register.csv" "$dir/scenario.json" \
        --out "$dir/plan" --time-limit "$tl" --gap "$GAP" 2>"$dir/plan.log"
    log "$name: phaseout verify"
    timed "$dir/verify.time" "$BIN/phaseout" verify "$dir/register.csv" "$dir/scenario.json" \
        "$dir/plan/plan.csv" >"$dir/verify.log" 2>&1

    if [ "${LEAN:-0}" != 1 ]; then
        log "$name: phaseout-bench (phase breakdown, in-process)"
        timed "$dir/bench.time" "$BBIN/phaseout-bench" estate "$dir/register.csv" "$dir/scenario.json" \
            --out "$dir/bench-plan" --time-limit "$tl" --gap "$GAP" >"$dir/bench.json" 2>"$dir/bench.log"

        # The peer may overrun its own limit while building models in Python: hard cap.
        cap=$((tl * 3 + 120))
        log "$name: HiGHS monolithic peer (--time-limit $tl --gap $GAP, killed after ${cap} s)"
        timed "$dir/highs.time" timeout "$cap" python3 Benchmarks/peers/highs_monolithic.py \
            "$dir/register.csv" "$dir/scenario.json" --gap "$GAP" --time-limit "$tl" \
            --json "$dir/highs.json" --write-mps "$dir/mps" 2>"$dir/highs.log"

        if ls "$dir"/mps/*.mps >/dev/null 2>&1; then
            log "$name: lp_solve monolithic peer on the HiGHS peer's MPS models (--time-limit $tl)"
            timed "$dir/lpsolve.time" timeout "$cap" "$BBIN/lpsolve-mps" "$dir/mps" --time-limit "$tl" --gap "$GAP" \
                >"$dir/lpsolve.json" 2>"$dir/lpsolve.log"
        else
            log "$name: no MPS models from the HiGHS peer: lp_solve peer skipped"
        fi
    fi

    log "$name: phaseout export-model, then HiGHS per organisation (--time-limit $tl --gap $GAP, 2 threads)"
    timed "$dir/export.time" "$BIN/phaseout" export-model "$dir/register.csv" "$dir/scenario.json" \
        --format mps --out "$dir/models" --quiet 2>"$dir/export.log"
    highs_per_org "$dir" "$dir/highs-per-org" "$tl"

    case " $TTG_INSTANCES " in *" $name "*) time_to_gap "$name" "$dir" "$tl" ;; esac
done

if [ "${EXTRAS:-1}" = 0 ]; then
    log "EXTRAS=0: lp_solve load micro-benchmark and valgrind skipped"
else
    log "lp_solve load micro-benchmark (~1M nonzeros)"
    "$BBIN/phaseout-bench" lpload --nonzeros 1000000 >"$WORK/lpload.json"

    if command -v valgrind >/dev/null; then
        log "valgrind-smoke under valgrind --leak-check=full (debug build)"
        (cd Benchmarks && swift build --product valgrind-smoke >"$WORK/build-valgrind.log" 2>&1)
        (cd Benchmarks && valgrind --leak-check=full .build/debug/valgrind-smoke) >"$WORK/valgrind.txt" 2>&1 || true
    else
        log "valgrind not installed: leak check skipped (apt-get install valgrind)"
    fi
fi

python3 Benchmarks/collect.py "$WORK" $INSTANCES --ttg-limits "$TTG_LIMITS" \
    --quick "$QUICK" --gap "$GAP" --json "$RESULTS.json" --markdown "$RESULTS.md"
log "wrote $RESULTS.json and $RESULTS.md"
cat "$RESULTS.md"
