#!/usr/bin/env python3
"""Collects one run of Benchmarks/run.sh into results/latest.json and results/latest.md."""
import argparse, json, os, re, datetime, platform, subprocess

def load(path):
    try:
        with open(path) as f:
            return json.load(f)
    except (OSError, ValueError):
        return None

def timing(path):
    """(wall s, peak MB, exit code) from /usr/bin/time -f '%e %M' output."""
    try:
        lines = [l for l in open(path).read().splitlines() if l.strip()]
        wall, kb = lines[-1].split()[:2]
        rc = int(open(path + ".rc").read().strip())
        return float(wall), int(kb) / 1024, rc
    except (OSError, ValueError, IndexError):
        return None, None, None

def fmt(x, spec):
    return "—" if x is None else format(x, spec)

def per_org_tool(d):
    """The HiGHS per-organisation peer's row, with the export's time beside it, or None."""
    h = load(os.path.join(d, "highs-per-org.json"))
    wall, mb, rc = timing(os.path.join(d, "highs-per-org.time"))
    if wall is None:
        return None
    ewall, emb, erc = timing(os.path.join(d, "export.time"))
    return {"tool": "HiGHS per organisation", "wallSeconds": wall, "peakRssMB": mb, "exitCode": rc,
            "status": (h or {}).get("status", "killed (no result)" if rc == 124 else f"failed (exit {rc})"),
            "statusCounts": (h or {}).get("statusCounts"), "exposure": (h or {}).get("exposure"),
            "bound": (h or {}).get("bound"), "gap": (h or {}).get("gap"),
            "export": {"wallSeconds": ewall, "peakRssMB": emb, "exitCode": erc}}


def file_stem(name):
    """The file name `phaseout export-model` gives an organisation (ModelExporter.fileStem)."""
    stem = ""
    for ch in name:
        if ch.isascii() and (ch.isalnum() or ch in "-_"):
            stem += ch
        elif not stem.endswith("_"):
            stem += "_"
    return stem.strip("_") or "organisation"


def organisations(summary):
    """{file stem: (status, exposure, bound)} from Phaseout's summary.json or the per-org peer's JSON."""
    if not summary:
        return None
    if "perOrganisation" in summary:
        return {o["organisation"]: (o["status"], o["exposure"], o["bound"]) for o in summary["perOrganisation"]}
    return {file_stem(o["name"]): (o["status"], o["exposure"], o["bound"]) for o in summary.get("organisations", [])}


def ttg_point(orgs, wall, excluded):
    """One time-to-gap figure: totals over the organisations not proven infeasible in any run."""
    kept = [v for k, v in orgs.items() if k not in excluded]
    exposure = sum(v[1] for v in kept)
    bound = sum(v[2] for v in kept)
    counts = {}
    for status, _, _ in kept:
        counts[status] = counts.get(status, 0) + 1
    return {"wallSeconds": wall, "statusCounts": counts, "exposure": round(exposure, 6), "bound": round(bound, 6),
            "gap": (exposure - bound) / abs(exposure) if exposure else 0.0}


def time_to_gap(d, time_limit, limits):
    """Per tool, the run at each limit (the main runs' at the instance's own limit, else ttg/'s),
    over the organisations no run proved infeasible: an infeasible organisation has no plan in the
    exported model, and Phaseout's best effort for it is not something the peer attempts."""
    runs = {"phaseout plan": {}, "HiGHS per organisation": {}}
    for limit in limits:
        if float(limit) == time_limit:
            p = (os.path.join(d, "plan", "summary.json"), os.path.join(d, "plan.time"))
            h = (os.path.join(d, "highs-per-org.json"), os.path.join(d, "highs-per-org.time"))
        else:
            p = (os.path.join(d, "ttg", f"phaseout-{limit}", "summary.json"), os.path.join(d, "ttg", f"phaseout-{limit}.time"))
            h = (os.path.join(d, "ttg", f"highs-per-org-{limit}.json"), os.path.join(d, "ttg", f"highs-per-org-{limit}.time"))
        for tool, (summary, times) in (("phaseout plan", p), ("HiGHS per organisation", h)):
            orgs = organisations(load(summary))
            if orgs:
                runs[tool][str(limit)] = (orgs, timing(times)[0])
    excluded = {k for tool in runs.values() for orgs, _ in tool.values() for k, v in orgs.items() if v[0] == "infeasible"}
    out = {tool: {l: ttg_point(orgs, wall, excluded) for l, (orgs, wall) in r.items()} for tool, r in runs.items()}
    exposures = [pt["exposure"] for r in out.values() for pt in r.values()]
    return {"limits": limits, "excludedInfeasible": sorted(excluded),
            "bestKnownExposure": min(exposures) if exposures else None, "runs": out}


def ttg_markdown(instances):
    """The time-to-gap table: per instance and tool, the proven gap (and the plan's excess over the
    best plan any run found) at each limit."""
    rows = [inst for inst in instances if inst.get("timeToGap") and any(inst["timeToGap"]["runs"].values())]
    if not rows:
        return []
    limits = rows[0]["timeToGap"]["limits"]
    md = ["", "Time to gap: separate runs with each `--time-limit` (the instance's own limit is the main run), "
          "over the organisations no run proved infeasible. Each cell: proven gap / the plan's exposure above "
          "the best plan any of these runs found.", "",
          "| instance | tool | " + " | ".join(f"{l} s" for l in limits) + " |",
          "|---|---|" + "---:|" * len(limits)]
    for inst in rows:
        ttg = inst["timeToGap"]
        best = ttg["bestKnownExposure"]
        for tool, runs in ttg["runs"].items():
            cells = []
            for l in limits:
                pt = runs.get(str(l))
                if not pt or pt["gap"] is None:
                    cells.append("—"); continue
                excess = (pt["exposure"] - best) / best if best else None
                cells.append(f"{pt['gap']:.2e} / {fmt(excess, '.1e')}")
            left = len(ttg["excludedInfeasible"])
            md.append(f"| {inst['name']} (best known {fmt(best, '.2f')}{f'; {left} infeasible left out' if left else ''}) | "
                      f"{tool} | " + " | ".join(cells) + " |")
    return md


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("work"); ap.add_argument("instances", nargs="+")
    ap.add_argument("--quick", default="0"); ap.add_argument("--gap", type=float)
    ap.add_argument("--json"); ap.add_argument("--markdown")
    ap.add_argument("--ttg-limits", default="5 15 30 60", help="the time-to-gap limits run.sh used")
    a = ap.parse_args()
    out = {"date": datetime.datetime.now().isoformat(timespec="seconds"),
           "machine": f"{platform.machine()}, {os.cpu_count()} cores, {platform.system()}",
           "quick": a.quick == "1", "gap": a.gap, "instances": []}
    try:
        out["commit"] = subprocess.check_output(["git", "rev-parse", "--short", "HEAD"], text=True).strip()
    except Exception:
        pass
    for name in a.instances:
        d = os.path.join(a.work, name)
        inst = {"name": name, "timeLimit": float(open(os.path.join(d, "time-limit")).read())}
        gen = open(os.path.join(d, "generate.log")).read().strip().splitlines()
        inst["generated"] = gen[-1] if gen else None
        wall, mb, rc = timing(os.path.join(d, "plan.time"))
        s = load(os.path.join(d, "plan", "summary.json")) or {}
        vwall, _, vrc = timing(os.path.join(d, "verify.time"))
        orgs = s.get("organisations", [])
        counts = {}
        for o in orgs:
            counts[o["status"]] = counts.get(o["status"], 0) + 1
        worst = max([o.get("gap") or 0 for o in orgs if o["status"] in ("optimal", "feasible")], default=0)
        infeasible = {o["name"] for o in orgs if o["status"] in ("infeasible", "unknown")}
        # A violation reads "violation: PLAN:LINE: Organisation period: …"; keep what follows the location.
        violations = [re.sub(r"^\S*:\d+: ", "", l[len("violation: "):])
                      for l in open(os.path.join(d, "verify.log")).read().splitlines() if l.startswith("violation: ")]
        outside = [v for v in violations if not any(v.startswith(n + " ") for n in infeasible)]
        # SPEC 2.5: an infeasible or unknown organisation's units stand unreplaced, so its
        # deadlines fail in verify; every other violation is a real defect.
        verdict = "valid" if vrc == 0 else ("valid apart from infeasible/unknown organisations' deadlines"
                                            if not outside else f"{len(outside)} violations")
        tools = [{"tool": "phaseout plan", "wallSeconds": wall, "peakRssMB": mb, "exitCode": rc,
                  "status": s.get("status"), "statusCounts": counts, "exposure": s.get("exposure"),
                  "bound": s.get("bound"), "gap": s.get("gap"), "worstOrganisationGap": worst,
                  "verify": verdict, "verifyViolations": len(violations),
                  "verifyViolationsOutsideInfeasible": len(outside), "verifySeconds": vwall}]
        h = load(os.path.join(d, "highs.json"))
        hwall, hmb, hrc = timing(os.path.join(d, "highs.time"))
        if hwall is not None:
            hc = {}
            for o in (h or {}).get("perOrganisation", []):
                hc[o["status"]] = hc.get(o["status"], 0) + 1
            hrows = sum(o["model"]["rows"] for o in (h or {}).get("perOrganisation", []) if o.get("model"))
            hcols = sum(o["model"]["columns"] for o in (h or {}).get("perOrganisation", []) if o.get("model"))
            hnnz = sum(o["model"]["nonzeros"] for o in (h or {}).get("perOrganisation", []) if o.get("model"))
            tools.append({"tool": "HiGHS monolithic", "wallSeconds": hwall, "peakRssMB": hmb, "exitCode": hrc,
                          "status": (h or {}).get("status", "killed (no result)" if hrc == 124 else f"failed (exit {hrc})"),
                          "statusCounts": hc, "exposure": (h or {}).get("exposure"), "bound": (h or {}).get("bound"),
                          "gap": (h or {}).get("gap"),
                          "model": {"rows": hrows, "columns": hcols, "nonzeros": hnnz} if h else None})
        l = load(os.path.join(d, "lpsolve.json"))
        lwall, lmb, lrc = timing(os.path.join(d, "lpsolve.time"))
        if lwall is not None:
            tools.append({"tool": "lp_solve monolithic", "wallSeconds": lwall, "peakRssMB": lmb, "exitCode": lrc,
                          "status": (l or {}).get("status", "killed (no result)" if lrc == 124 else f"failed (exit {lrc})"),
                          "statusCounts": (l or {}).get("statusCounts"), "exposure": (l or {}).get("exposure"),
                          "bound": (l or {}).get("bound"), "gap": (l or {}).get("gap")})
        po = per_org_tool(d)
        if po:
            tools.append(po)
        base = tools[0]
        for t in tools:
            if base["wallSeconds"] and t["wallSeconds"] is not None:
                t["wallRatioVsPhaseout"] = t["wallSeconds"] / base["wallSeconds"]
            if base["exposure"] is not None and t.get("exposure") is not None:
                t["exposureVsPhaseout"] = t["exposure"] - base["exposure"]
        inst["tools"] = tools
        inst["phases"] = load(os.path.join(d, "bench.json"))
        inst["timeToGap"] = time_to_gap(d, inst["timeLimit"], a.ttg_limits.split())
        out["instances"].append(inst)
    out["lpSolveLoad"] = load(os.path.join(a.work, "lpload.json"))
    try:
        vg = open(os.path.join(a.work, "valgrind.txt")).read()
        keep = [l.split("== ", 1)[-1] for l in vg.splitlines()
                if re.search(r"(definitely|indirectly|possibly) lost:|still reachable:|ERROR SUMMARY|in use at exit|total heap usage", l)]
        out["valgrind"] = {"command": "valgrind --leak-check=full .build/debug/valgrind-smoke", "summary": keep,
                           "smokeOutput": [l for l in vg.splitlines() if not l.startswith("==")]}
    except OSError:
        out["valgrind"] = None

    with open(a.json, "w") as f:
        json.dump(out, f, indent=2)
        f.write("\n")

    md = [f"# Phaseout benchmark results ({out['date']}{', QUICK' if out['quick'] else ''})", "",
          f"{out['machine']}; commit {out.get('commit', '?')}; gap {a.gap}. Ratio = tool wall ÷ `phaseout plan` wall "
          "(> 1: Phaseout faster). Δ exposure = tool exposure − Phaseout's (> 0: Phaseout's plan better).", "",
          "| instance | tool | wall s | peak MB | status (organisations) | exposure | bound | gap | ratio vs Phaseout | Δ exposure |",
          "|---|---|---:|---:|---|---:|---:|---:|---:|---:|"]
    for inst in out["instances"]:
        for t in inst["tools"]:
            counts = ", ".join(f"{k} {v}" for k, v in sorted((t.get("statusCounts") or {}).items()))
            md.append(f"| {inst['name']} ({inst['timeLimit']:g} s limit) | {t['tool']} | {fmt(t['wallSeconds'], '.2f')} | "
                      f"{fmt(t['peakRssMB'], '.0f')} | {t['status']} ({counts}) | {fmt(t.get('exposure'), '.2f')} | "
                      f"{fmt(t.get('bound'), '.2f')} | {fmt(t.get('gap'), '.2e')} | {fmt(t.get('wallRatioVsPhaseout'), '.2f')} | "
                      f"{fmt(t.get('exposureVsPhaseout'), '+.2f')} |")
    for inst in out["instances"]:
        po = next((t for t in inst["tools"] if t["tool"] == "HiGHS per organisation"), None)
        if po and po["export"]["wallSeconds"] is not None:
            md.append(f"\n{inst['name']}: HiGHS per organisation's wall excludes `phaseout export-model` "
                      f"({po['export']['wallSeconds']:.2f} s, {po['export']['peakRssMB']:.0f} MB), which wrote its models.")
    md += ttg_markdown(out["instances"])
    md += ["", "Phase breakdown (`phaseout-bench estate`, in-process, same limits; a second planning run):", "",
           "| instance | register rows | parse register ms | parse scenario ms | build ms | solve s | write ms | verify ms | peak MB | rows | columns | nonzeros | worst org gap | `phaseout verify` |",
           "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    for inst in out["instances"]:
        p = inst["phases"]
        if not p:
            ran = os.path.exists(os.path.join(a.work, inst["name"], "bench.time"))
            md.append(f"| {inst['name']} | {'— (failed)' if ran else '— (not run: LEAN=1)'} |"); continue
        sec = p["seconds"]; m = p["model"]
        planned = {k for k, v in p["statusCounts"].items() if v} & {"optimal", "feasible"}
        worst = f"{p['worstOrganisationGap']:.2e}" if planned else "— (no plan)"
        md.append(f"| {inst['name']} | {p['registerRows']} | {sec['parseRegister']*1e3:.1f} | {sec['parseScenario']*1e3:.1f} | "
                  f"{sec['build']*1e3:.1f} | {sec['solve']:.2f} | {sec['write']*1e3:.1f} | {sec['verify']*1e3:.1f} | "
                  f"{p['peakRssMB']:.0f} | {m['rows']} | {m['columns']} | {m['nonzeros']} | {worst} | {inst['tools'][0]['verify']} |")
    lp = out["lpSolveLoad"]
    if lp:
        s = lp["seconds"]
        md += ["", f"lp_solve load micro-benchmark: {lp['rows']} rows × {lp['columns']} columns, {lp['nonzeros']} nonzeros — "
               f"LinearModel built in {s['buildLinearModel']:.2f} s, loaded into lp_solve (and freed) in {s['loadIntoLPSolve']:.2f} s, "
               f"load + write_freemps {s['loadAndWriteFreeMPS']:.2f} s; peak RSS {lp['peakRssMB']:.0f} MB."]
    if out["valgrind"]:
        md += ["", "valgrind (`valgrind --leak-check=full .build/debug/valgrind-smoke`):", "", "```"] + out["valgrind"]["summary"] + ["```"]
    with open(a.markdown, "w") as f:
        f.write("\n".join(md) + "\n")

main()
