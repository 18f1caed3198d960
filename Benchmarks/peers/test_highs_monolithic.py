"""pytest for the HiGHS monolithic peer: the three worked fixtures (figures from EXPECTED.md),
a brute-force cross-check on small random instances, and a timing smoke test.

    python3 -m pytest -q Benchmarks/peers/test_highs_monolithic.py
    PHASEOUT_PEER_BIG=2000 python3 -m pytest -q -s Benchmarks/peers -k timing   # bigger estate
"""
import csv
import itertools
import json
import math
import os
import random
import sys
import time

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import highs_monolithic as hm  # noqa: E402
import make_synthetic  # noqa: E402

FIX = os.environ.get("PHASEOUT_FIXTURES", "/work/shared/fixtures")
if not os.path.isdir(FIX):  # inside the repository, if the fixtures are copied there
    FIX = os.path.join(HERE, "..", "..", "Tests", "Fixtures")


def fixture(name):
    d = os.path.join(FIX, name)
    if not os.path.isdir(d):
        pytest.skip(f"fixture {d} not found (set PHASEOUT_FIXTURES)")
    return os.path.join(d, "register.csv"), os.path.join(d, "scenario.json")


def run(reg, scen, tmp_path, *extra):
    out = tmp_path / "summary.json"
    plan = tmp_path / "plan.csv"
    funded = tmp_path / "funded-plan.csv"
    rc = hm.main([reg, scen, "--json", str(out), "--plan", str(plan),
                  "--funded-plan", str(funded), *extra])
    s = json.loads(out.read_text())
    rows = list(csv.DictReader(plan.open()))
    frows = list(csv.DictReader(funded.open()))
    return rc, s, {r["device_id"]: r for r in rows}, {r["device_id"]: r for r in frows}


def org(s, name):
    return next(o for o in s["perOrganisation"] if o["organisation"] == name)


def test_fixture1_exposure_inflation_carry_visit(tmp_path):
    rc, s, plan, _ = run(*fixture("1_exposure_inflation_carry_visit"), tmp_path)
    assert rc == 0
    assert s["status"] == "optimal"
    assert s["exposure"] == pytest.approx(22, abs=1e-9)
    assert s["baselineExposure"] == pytest.approx(30, abs=1e-9)
    assert s["nominalCost"] == pytest.approx(3465, abs=1e-6)
    assert s["presentValueCost"] == pytest.approx(2800.946400, abs=1e-6)
    assert s["bound"] == pytest.approx(22, abs=1e-9) and s["gap"] == 0
    assert plan["A1"]["period"] == "2027/28" and float(plan["A1"]["cost"]) == pytest.approx(1100)
    assert plan["A2"]["period"] == "2028/29" and float(plan["A2"]["cost"]) == pytest.approx(1210)
    assert plan["B1"]["period"] == "" and plan["B2"]["period"] == ""
    assert "B3" not in plan  # Axis: not at risk
    f = org(s, "Fife")["periods"]
    assert [p["spend"] for p in f] == pytest.approx([0, 1650, 1815])
    assert [p["carryOut"] for p in f] == pytest.approx([600, 225, 105])


def test_fixture2_cost_recorders_first_deadline(tmp_path):
    rc, s, plan, _ = run(*fixture("2_cost_recorders_first_deadline"), tmp_path)
    assert rc == 0
    assert s["status"] == "optimal" and s["objective"] == "cost"
    assert s["nominalCost"] == pytest.approx(6340.64, abs=1e-6)
    assert s["presentValueCost"] == pytest.approx(5863.387872, abs=1e-6)
    assert s["bound"] == pytest.approx(5863.387872, abs=1e-6)
    assert s["gap"] == pytest.approx(0, abs=1e-9)
    assert s["exposure"] == pytest.approx(15, abs=1e-9)
    assert s["baselineExposure"] == pytest.approx(42, abs=1e-9)
    expect = {"K1": ("2026/27", 800), "R1": ("2027/28", 3060), "X1": ("2027/28", 816),
              "C1": ("2028/29", 832.32), "C2": ("2028/29", 832.32)}
    for d, (p, c) in expect.items():
        assert plan[d]["period"] == p and float(plan[d]["cost"]) == pytest.approx(c)
    assert plan["K1"]["deadline"] == "2026/27" and plan["X1"]["deadline"] == ""
    assert [p["spend"] for p in org(s, "Moray")["periods"]] == pytest.approx([800, 3876, 1664.64])


def test_fixture3_infeasible_shortfall(tmp_path):
    rc, s, plan, funded = run(*fixture("3_infeasible_shortfall"), tmp_path)
    assert rc == 3
    assert s["status"] == "infeasible"
    ork, shet = org(s, "Orkney"), org(s, "Shetland")
    assert ork["status"] == "infeasible" and shet["status"] == "optimal"
    assert shet["exposure"] == pytest.approx(0.5, abs=1e-9)
    assert ork["exposure"] == pytest.approx(6, abs=1e-9)  # counted at its baseline
    assert s["exposure"] == pytest.approx(6.5, abs=1e-9)
    assert s["baselineExposure"] == pytest.approx(8, abs=1e-9)
    assert s["bound"] == pytest.approx(6.5, abs=1e-9) and s["gap"] == 0
    assert s["nominalCost"] == pytest.approx(850, abs=1e-6)
    assert s["presentValueCost"] == pytest.approx(835.504418, abs=1e-6)
    sf = ork["shortfall"]
    assert sf["structural"] is False
    assert sf["money"] == [0, 488] and sf["moneyTotal"] == 488
    assert sf["hours"] == [0, 1] and sf["hoursTotal"] == 1
    assert sf["moneyExact"][1] == pytest.approx(487.90, abs=1e-6)
    assert sf["fundedPlan"]["exposure"] == pytest.approx(3.5, abs=1e-9)
    assert sf["fundedPlan"]["nominalCost"] == pytest.approx(2612.90, abs=1e-6)
    assert "shortfall" not in shet
    for d in ("O1", "O2", "O3"):
        assert plan[d]["period"] == "" and plan[d]["deadline"] == "2027/28"
    assert plan["Z1"]["period"] == "2026/27" and float(plan["Z1"]["cost"]) == pytest.approx(850)
    assert funded["O1"]["period"] == "2026/27"
    assert funded["O2"]["period"] == "2027/28" and funded["O3"]["period"] == "2027/28"


def test_reading_rules(tmp_path):
    """BOM, CRLF, case-insensitive headers, NBSP trimming, comma-only lines, quantity,
    vendor prefix (longest key wins), built-in vendor table, sensitivity default."""
    reg = tmp_path / "r.csv"
    reg.write_bytes(("\ufeffDEVICE_ID,Council, Site_ID ,Kind,Vendor,Quantity,Installed\r\n"
                     "a,\u00a0Fife\u00a0,S1,Camera, HiLook Pro ,3,2010\r\n"
                     ",,,,,,\r\n"
                     "b,FIFE,S1,camera,EZVIZ-x,,\r\n"
                     "c,fife,S2,camera,Axis,2,2011\r\n").encode("utf-8"))
    scen = tmp_path / "s.json"
    scen.write_text(json.dumps({"periods": ["P1", "P2"], "kinds": {"CAMERA": {"replaceCost": 100}},
                                "budgets": {"fife": [1000, 0]}}))
    summary, results, rows, *_ = hm.plan(str(reg), str(scen))
    assert sum(r.quantity for r in rows) == 6
    o = summary["perOrganisation"][0]
    assert o["organisation"] == "Fife"           # first spelling kept
    assert summary["modelUnits"] == 4             # HiLook x3 + EZVIZ; Axis is weight 0
    assert summary["baselineExposure"] == pytest.approx(2 * 4)
    assert summary["exposure"] == pytest.approx(0.5 * 4)
    sc = hm.read_scenario(str(scen))
    sc2 = hm.Scenario(**{**sc.__dict__, "vendors": {"hik": 2.0, "hikvision": 3.0}, "vendor_default": 0.25})
    assert sc2.vendor_weight(hm.norm_vendor("Hikvision Digital")) == 3.0
    assert sc2.vendor_weight(hm.norm_vendor("Hik-Connect")) == 2.0
    assert sc2.vendor_weight(hm.norm_vendor("Axis")) == 0.25


# ----------------------------------------------------------------------------------------------
# Brute force: enumerate every plan of a tiny instance, independently of the MILP.
# ----------------------------------------------------------------------------------------------

def brute_force(sc, groups, site_cat, budget, labour):
    T, Y = sc.T, sc.Y

    def options(g):
        if g.locked is not None:  # a lock after the unit's deadline contradicts it (SPEC 2.3)
            if g.deadline is not None and g.locked > g.deadline:
                return []
            return [tuple(g.n if t == g.locked else 0 for t in range(T))]
        out = []
        for xs in itertools.product(range(g.n + 1), repeat=T):
            s = sum(xs)
            if s > g.n:
                continue
            if sc.objective == "cost" and g.at_risk and s != g.n:
                continue
            if g.deadline is not None and sum(xs[: g.deadline + 1]) != g.n:
                continue
            out.append(xs)
        return out

    best = short = None
    for combo in itertools.product(*[options(g) for g in groups]):
        # recorders first
        ok = True
        for s in {g.site for g in groups}:
            gis = [i for i, g in enumerate(groups) if g.site == s]
            lead = [i for i in gis if groups[i].at_risk and sc.kinds[groups[i].kind]["first"]]
            if not lead:
                continue
            periods = {t for i in lead for t in range(T) if combo[i][t]}
            if len(periods) > 1 or any(sum(combo[i]) not in (0, groups[i].n) for i in lead):
                ok = False
                break
            if periods and any(sum(combo[i]) != groups[i].n for i in lead):
                ok = False
                break
            tau = min(periods) if periods else T
            if any(groups[i].at_risk and i not in lead and any(combo[i][:tau]) for i in gis):
                ok = False
                break
        if not ok:
            continue
        spend = [0.0] * T
        hours = [0.0] * T
        E = 0.0
        for g, xs in zip(groups, combo):
            k = sc.kinds[g.kind]
            for t in range(T):
                spend[t] += xs[t] * k["cost"] * (1 + sc.inflation) ** (Y * t)
                hours[t] += xs[t] * k["hours"]
                E += Y * g.weight * (t + 0.5) * xs[t]
            E += Y * g.weight * T * (g.n - sum(xs))
        for s in {g.site for g in groups}:
            v = sc.visit.get(site_cat[(groups[0].org, s)], sc.visit_default)
            for t in range(T):
                if any(xs[t] for g, xs in zip(groups, combo) if g.site == s):
                    spend[t] += v * (1 + sc.inflation) ** (Y * t)
        # least extra money for this plan: money added where the deficit is (a pound added
        # earlier reaches a later period only at rate rho <= 1), carry as much as allowed
        carry, money, ok = 0.0, 0.0, True
        for t in range(T):
            avail = budget[t] + carry
            need = max(0.0, spend[t] - avail)
            if need > 1e-6 * max(1, avail):
                ok = False
            money += need
            carry = sc.carry * max(0.0, avail + need - spend[t])
        extra_h = sum(max(0.0, hours[t] - labour[t]) for t in range(T)) if labour is not None else 0.0
        if extra_h > 1e-9:
            ok = False
        sf = (money, extra_h)
        if short is None or sf[0] < short[0] - 1e-7 or (abs(sf[0] - short[0]) <= 1e-7 and sf[1] < short[1]):
            short = sf
        if not ok:
            continue
        pv = sum(spend[t] * (1 + sc.inflation) ** (-Y * t) * (1 + sc.discount) ** (-Y * (t + 0.5))
                 for t in range(T))
        key = (E, sum(spend)) if sc.objective == "exposure" else (pv, E)
        if best is None or key[0] < best[0] - 1e-9 * max(1, abs(best[0])) or \
                (abs(key[0] - best[0]) <= 1e-9 * max(1, abs(best[0])) and key[1] < best[1] - 1e-9):
            best = key
    return best, short


def random_instance(rng, d):
    T = rng.choice([2, 3])
    periods = [f"P{t + 1}" for t in range(T)]
    rows = []
    nid = 0
    for s in ("S1", "S2"):
        sens = rng.choice(["critical", "high", "standard", "low"])
        cat = rng.choice(["town-centre", "default"])
        for _ in range(rng.randint(1, 3)):
            nid += 1
            kind = rng.choice(["camera", "camera", "recorder"])
            vendor = rng.choice(["Hikvision", "Dahua", "Axis"])
            locked = rng.choice(periods) if rng.random() < 0.12 else ""
            rows.append([f"U{nid}", "Org", s, kind, vendor, sens, cat, str(rng.randint(2010, 2020)),
                         str(rng.randint(1, 2)), locked])
    with open(os.path.join(d, "register.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["device_id", "council", "site_id", "kind", "vendor", "sensitivity",
                    "site_category", "installed", "quantity", "locked_period"])
        w.writerows(rows)
    scen = {"periods": periods, "objective": rng.choice(["exposure", "exposure", "cost"]),
            "vendors": {"hikvision": 1, "dahua": 0.5},
            "kinds": {"camera": {"replaceCost": 500, "labourHours": 2, "risk": 1},
                      "recorder": {"replaceCost": 1500, "labourHours": 5, "risk": 3,
                                   "replacedFirst": True}},
            "siteVisitCost": {"town-centre": rng.choice([0, 200, 450])},
            "inflation": rng.choice([0, 0.05, 0.1]), "discountRate": 0.035,
            "budgets": {"Org": [rng.choice([0, 500, 1000, 1800, 2500, 4000]) for _ in periods]},
            "carryOver": rng.choice([0, 0.5, 1])}
    if rng.random() < 0.5:
        scen["labourHours"] = {"default": [rng.choice([4, 8, 12, 30]) for _ in periods]}
    if rng.random() < 0.4:
        scen["deadlines"] = [{"sensitivity": rng.choice(["critical", "high", "standard"]),
                              "by": rng.choice(periods)}]
    with open(os.path.join(d, "scenario.json"), "w") as f:
        json.dump(scen, f)


@pytest.mark.parametrize("seed", range(80))
def test_brute_force_cross_check(tmp_path, seed):
    rng = random.Random(1000 + seed)
    random_instance(rng, tmp_path)
    reg, scen = str(tmp_path / "register.csv"), str(tmp_path / "scenario.json")
    summary, results, *_ = hm.plan(reg, scen, gap=1e-9, shortfall=True)
    sc = hm.read_scenario(scen)
    rows, _, _ = hm.read_register(reg, sc)
    orgs = hm.build_groups(sc, rows)
    site_cat = {(r.council, r.site_id): r.category for r in rows}
    if not orgs:
        return
    groups = orgs["org"]
    lab = sc.labour.get("org", sc.labour_default)
    best, short = brute_force(sc, groups, site_cat, sc.budgets["org"], lab)
    o = summary["perOrganisation"][0]
    if best is None:
        assert o["status"] == "infeasible"
        sf = o["shortfall"]
        if short is None:
            assert sf["structural"] is True
        else:
            assert sf["structural"] is False
            assert sum(sf["moneyExact"]) == pytest.approx(short[0], abs=1e-6)
            assert sum(sf["hoursExact"]) == pytest.approx(short[1], abs=1e-6)
            assert sf["moneyTotal"] >= short[0] - 1e-9 and sf["hoursTotal"] >= short[1] - 1e-9
            assert sf["fundedPlan"]["status"] == "optimal"
            assert sf["fundedPlan"]["violations"] == []
        return
    assert o["status"] == "optimal", o
    assert o["violations"] == []
    if sc.objective == "exposure":
        assert o["exposure"] == pytest.approx(best[0], abs=1e-7)
        assert o["nominalCost"] == pytest.approx(best[1], rel=1e-7, abs=1e-6)
    else:
        assert o["presentValueCost"] == pytest.approx(best[0], rel=1e-8, abs=1e-6)
        assert o["exposure"] == pytest.approx(best[1], abs=1e-7)


def test_timing_synthetic(tmp_path):
    n = int(os.environ.get("PHASEOUT_PEER_BIG", "300"))
    reg, scen = make_synthetic.generate(n, max(1, n // 400), 7, str(tmp_path))
    t0 = time.perf_counter()
    summary, *_ = hm.plan(reg, scen, time_limit=float(os.environ.get("PHASEOUT_PEER_TL", "120")))
    wall = time.perf_counter() - t0
    print(f"\nsynthetic {summary['registerUnits']} units ({summary['modelUnits']} in model), "
          f"{summary['organisations']} organisations: status {summary['status']}, "
          f"E {summary['exposure']:.3f} bound {summary['bound']}, gap {summary['gap']}, "
          f"wall {wall:.2f} s, peak RSS {summary['peakRssMB']} MB")
    assert summary["status"] in ("optimal", "feasible", "infeasible")
    for o in summary["perOrganisation"]:
        assert o.get("violations", []) == []
