#!/usr/bin/env python3
"""HiGHS per organisation: each organisation's exported model solved on its own.

The models are the ones `phaseout export-model REGISTER SCENARIO --format mps --out DIR` writes:
the planner's exact MILP per organisation (SPEC section 2), primary objective only, with the
objective's constant in a leading comment.  This is the script an analyst with HiGHS would
write: read each file, solve it, add up.

    python3 highs_per_org.py MODEL_DIR [--time-limit 60] [--gap 1e-4] [--threads 2] [--json OUT]

Time: the run's --time-limit is wall-clock seconds for everything.  Organisations are solved
one after another in file-name order; each gets an equal share of the time still left, so time
an organisation does not use passes on to those after it.  Each solve stops at --gap (HiGHS's
mip_rel_gap) or at its share.

Figures (SPEC 2.5 conventions, as the monolithic peer): the constant is set as the model's
objective offset, so HiGHS's objective is the organisation's exposure, its dual bound the bound
and its relative gap SPEC 2.4's.  An organisation without a plan (time ran out first) counts at
its baseline (the constant: nothing done) with HiGHS's dual bound, or without one the larger of
0 and the column bounds' bound; an infeasible one counts at its baseline for both.  The estate's gap is (sum of exposures - sum of bounds) / sum of exposures.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import resource
import sys
import time

try:
    import highspy
except ImportError:  # pragma: no cover
    sys.exit("highspy is required: pip install highspy numpy")

CONSTANT = re.compile(r"^\* Objective constant (\S+):")


def objective_constant(path: str) -> float:
    """The constant `phaseout export-model` writes in the file's leading comment."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.startswith("*"):
                break
            m = CONSTANT.match(line)
            if m:
                return float(m.group(1))
    raise ValueError(f"{path}: no 'Objective constant' comment (not written by phaseout export-model?)")


def box_bound(h) -> float:
    """A lower bound on the model's minimum from its column bounds alone."""
    lp = h.getLp()
    total = 0.0
    for c, lo, hi in zip(lp.col_cost_, lp.col_lower_, lp.col_upper_):
        total += min(c * lo, c * hi) if c else 0.0
    return total


def solve(path: str, share: float, gap: float, threads: int) -> dict:
    """Solves one organisation's model within `share` seconds."""
    started = time.monotonic()
    constant = objective_constant(path)
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("threads", threads)
    h.setOptionValue("mip_rel_gap", gap)
    h.setOptionValue("time_limit", max(0.01, share))
    h.readModel(path)
    # With the constant as the objective's offset, HiGHS's relative gap is on the organisation's
    # value, as SPEC 2.4's is; without it the gap would be relative to the optimum alone.
    h.changeObjectiveOffset(constant)
    h.run()
    status = h.getModelStatus()
    info = h.getInfo()
    has_plan = info.primal_solution_status == 2  # kSolutionStatusFeasible
    dual = info.mip_dual_bound
    result = {"organisation": os.path.splitext(os.path.basename(path))[0],
              "modelStatus": h.modelStatusToString(status), "constant": constant,
              "rows": h.getNumRow(), "columns": h.getNumCol(), "nodes": info.mip_node_count,
              "share": share, "seconds": time.monotonic() - started}
    if status == highspy.HighsModelStatus.kInfeasible:
        result.update(status="infeasible", exposure=constant, bound=constant)
        return result
    has_bound = abs(dual) < 1e29
    # Exposure and present-value cost are never negative, so 0 is a bound wherever HiGHS's is
    # lower or missing (the column bounds alone allow every unit gone in every period).
    bound = max(0.0, dual if has_bound else box_bound(h) + constant)
    result["boundSource"] = "HiGHS" if has_bound else "column bounds or 0"
    if has_plan:
        exposure = info.objective_function_value
        bound = min(bound, exposure)
        # As the monolithic peer: proven when HiGHS says so or the gap on the value is within --gap.
        proven = status == highspy.HighsModelStatus.kOptimal or exposure - bound <= gap * max(1.0, abs(exposure))
        result.update(status="optimal" if proven else "feasible", exposure=exposure, bound=bound)
    else:
        result.update(status="unknown", exposure=constant, bound=bound)
    return result


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("models", help="a directory of NAME.mps files from phaseout export-model")
    ap.add_argument("--time-limit", type=float, default=60.0, help="wall-clock seconds for every organisation together")
    ap.add_argument("--gap", type=float, default=1e-4, help="relative MIP gap per organisation")
    ap.add_argument("--threads", type=int, default=2, help="HiGHS threads")
    ap.add_argument("--json", help="write the summary here (default stdout)")
    a = ap.parse_args(argv)

    start = time.monotonic()
    deadline = start + a.time_limit
    files = sorted(os.path.join(a.models, f) for f in os.listdir(a.models) if f.endswith(".mps"))
    results = []
    for i, path in enumerate(files):
        share = max(0.0, deadline - time.monotonic()) / (len(files) - i)
        results.append(solve(path, share, a.gap, a.threads))
        r = results[-1]
        print(f"{r['organisation']}: {r['status']} {r['exposure']:.6g} bound {r['bound']:.6g} "
              f"in {r['seconds']:.2f} s of {share:.2f} s", file=sys.stderr)

    exposure = round(sum(r["exposure"] for r in results), 6)
    bound = round(sum(r["bound"] for r in results), 6)
    counts = {}
    for r in results:
        counts[r["status"]] = counts.get(r["status"], 0) + 1
    worst = "unknown" if "unknown" in counts else "infeasible" if "infeasible" in counts else \
        "feasible" if "feasible" in counts else "optimal"
    summary = {"tool": "HiGHS per organisation", "highs": highspy.Highs().version(),
               "settings": {"timeLimit": a.time_limit, "gap": a.gap, "threads": a.threads,
                            "timeSharing": "equal share of the time left, file-name order"},
               "status": worst, "statusCounts": counts, "exposure": exposure, "bound": bound,
               "gap": (exposure - bound) / abs(exposure) if exposure else 0.0,
               "wallSeconds": time.monotonic() - start,
               "peakRssMB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
               "perOrganisation": results}
    text = json.dumps(summary, indent=2) + "\n"
    if a.json:
        with open(a.json, "w") as f:
            f.write(text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
