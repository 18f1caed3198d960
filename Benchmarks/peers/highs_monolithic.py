#!/usr/bin/env python3
"""Phaseout peer / oracle: the SPEC.md section 2 model built monolithically, solved by HiGHS.

Independent of the Swift planner.  One MILP per organisation (organisations share nothing in
SPEC v1), no aggregation across sites, no decomposition.  Python 3.11, stdlib + highspy + numpy.

    python3 highs_monolithic.py REGISTER.csv SCENARIO.json [--gap 1e-4] [--time-limit 60]
        [--threads 1] [--json OUT.json] [--plan plan.csv] [--write-mps DIR] [--no-shortfall]

Secondary aims are lexicographic: solve the primary objective, then add
primary <= primary* + 1e-9*max(1,|primary*|) and minimise the secondary objective, warm-started
with the stage-1 incumbent.  See README.md in this folder.
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import math
import os
import re
import resource
import sys
import time
from dataclasses import dataclass, field

import numpy as np

try:
    import highspy
except ImportError:  # pragma: no cover
    sys.exit("highspy is required: pip install highspy")

MONEY_EPS = 1e-6          # SPEC 2.3 rule 7: money compared with 1e-6 * max(1, available)
LEX_REL_TOL = 1e-9        # tolerance when fixing the primary objective for the secondary stage
BUILTIN_VENDORS = {"hikvision": 1.0, "hilook": 1.0, "hiwatch": 1.0, "ezviz": 1.0,
                   "dahua": 1.0, "imou": 1.0, "default": 0.0}
DEFAULT_SENSITIVITY = {"critical": 8.0, "high": 4.0, "standard": 1.0, "low": 0.5}


class InputError(Exception):
    pass


# ----------------------------------------------------------------------------------------------
# Input (SPEC section 1)
# ----------------------------------------------------------------------------------------------

def trim(s: str) -> str:
    # str.strip() without arguments removes every character with isspace(), which includes
    # U+00A0 (no-break space), U+2000..U+200A, U+3000 etc.
    return s.strip()


def fold(s: str) -> str:
    return trim(s).lower()


def norm_vendor(s: str) -> str:
    return "".join(ch for ch in s.lower() if ch.isalnum())


@dataclass
class Row:
    line: int
    device_id: str
    council: str          # folded
    site_id: str
    kind: str             # folded
    vendor_raw: str
    vendor: str           # normalised
    sensitivity: str      # folded, default applied
    category: str         # folded, default applied
    installed: int | None
    quantity: int
    locked: int | None    # 0-based period index
    raw: dict             # every column, trimmed


@dataclass
class Group:
    org: str
    site: str
    kind: str
    vendor: str
    locked: int | None
    weight: float
    deadline: int | None  # 0-based index of the last allowed period
    n: int = 0
    units: list = field(default_factory=list)   # (sort key, row index) one entry per row, with qty

    @property
    def at_risk(self) -> bool:
        return self.weight > 0


@dataclass
class Scenario:
    name: str
    periods: list
    Y: float
    objective: str
    vendors: dict          # normalised key -> weight (no default)
    vendor_default: float
    sensitivity: dict
    kinds: dict            # folded -> dict(cost, hours, risk, first)
    visit: dict
    visit_default: float
    inflation: float
    discount: float
    budgets: dict
    budget_default: list | None
    labour: dict
    labour_default: list | None
    carry: float
    deadlines: list        # list of (dict of folded fields, by index)

    @property
    def T(self):
        return len(self.periods)

    def infl(self, t):  # t is 0-based
        return (1.0 + self.inflation) ** (self.Y * t)

    def pv_factor(self, t):
        return (1.0 + self.inflation) ** (-self.Y * t) * (1.0 + self.discount) ** (-self.Y * (t + 0.5))

    def vendor_weight(self, v: str) -> float:
        best, best_len = None, -1
        for k, w in self.vendors.items():
            if k and v.startswith(k) and len(k) > best_len:
                best, best_len = w, len(k)
        return self.vendor_default if best is None else best


def _no_dup_pairs(pairs):
    d = {}
    for k, v in pairs:
        if k in d:
            raise InputError(f"duplicate key {k!r} in scenario")
        d[k] = v
    return d


def _num(x, what, allow_neg=False, gt=None):
    if isinstance(x, bool) or not isinstance(x, (int, float)) or not math.isfinite(x):
        raise InputError(f"{what}: not a finite number")
    if gt is not None and not x > gt:
        raise InputError(f"{what}: must be > {gt}")
    if not allow_neg and x < 0:
        raise InputError(f"{what}: negative")
    return float(x)


def _folded_map(obj, what):
    out = {}
    for k, v in obj.items():
        fk = fold(k)
        if fk in out:
            raise InputError(f"{what}: keys fold to the same name {fk!r}")
        out[fk] = v
    return out


def read_scenario(path: str) -> Scenario:
    with open(path, encoding="utf-8-sig") as f:
        s = json.load(f, object_pairs_hook=_no_dup_pairs)
    allowed = {"name", "periods", "periodYears", "objective", "vendors", "sensitivity", "kinds",
               "siteVisitCost", "inflation", "discountRate", "budgets", "labourHours",
               "carryOver", "deadlines"}
    for k in s:
        if k not in allowed:
            raise InputError(f"{path}: unknown key {k!r}")
    periods = [trim(p) for p in s["periods"]]
    if not periods or len({p.lower() for p in periods}) != len(periods):
        raise InputError(f"{path}: periods must be T >= 1 distinct labels")
    T = len(periods)
    Y = _num(s.get("periodYears", 1.0), "periodYears", gt=0)
    objective = fold(s.get("objective", "exposure"))
    if objective not in ("exposure", "cost"):
        raise InputError(f"{path}: objective must be exposure or cost")

    if "vendors" in s:
        vt = _folded_map(s["vendors"], "vendors")
    else:
        vt = dict(BUILTIN_VENDORS)
    vendor_default = _num(vt.get("default", 0.0), "vendors.default")
    vendors = {}
    for k, w in vt.items():
        if k == "default":
            continue
        nk = norm_vendor(k)
        if nk in vendors:
            raise InputError(f"{path}: vendor keys normalise to the same name {nk!r}")
        vendors[nk] = _num(w, f"vendors.{k}")

    sens = dict(DEFAULT_SENSITIVITY)
    for k, w in _folded_map(s.get("sensitivity", {}), "sensitivity").items():
        sens[k] = _num(w, f"sensitivity.{k}")

    kinds = {}
    for k, d in _folded_map(s["kinds"], "kinds").items():
        for kk in d:
            if kk not in ("replaceCost", "labourHours", "risk", "replacedFirst"):
                raise InputError(f"{path}: kinds.{k}: unknown key {kk!r}")
        kinds[k] = dict(cost=_num(d["replaceCost"], f"kinds.{k}.replaceCost"),
                        hours=_num(d.get("labourHours", 0.0), f"kinds.{k}.labourHours"),
                        risk=_num(d.get("risk", 1.0), f"kinds.{k}.risk"),
                        first=bool(d.get("replacedFirst", False)))

    visit = {k: _num(v, f"siteVisitCost.{k}") for k, v in _folded_map(s.get("siteVisitCost", {}), "siteVisitCost").items()}
    visit_default = visit.pop("default", 0.0)

    def arrays(obj, what):
        out = {}
        for k, arr in _folded_map(obj, what).items():
            if not isinstance(arr, list) or len(arr) != T:
                raise InputError(f"{path}: {what}.{k}: needs {T} numbers")
            out[k] = [_num(x, f"{what}.{k}") for x in arr]
        return out

    budgets = arrays(s.get("budgets", {}), "budgets")
    budget_default = budgets.pop("default", None)
    labour = arrays(s.get("labourHours", {}), "labourHours")
    labour_default = labour.pop("default", None)
    carry = _num(s.get("carryOver", 0.0), "carryOver")
    if carry > 1:
        raise InputError(f"{path}: carryOver must be in [0,1]")
    inflation = _num(s.get("inflation", 0.0), "inflation", allow_neg=True, gt=-1)
    discount = _num(s.get("discountRate", 0.035), "discountRate", allow_neg=True, gt=-1)

    plabels = {p.lower(): i for i, p in enumerate(periods)}
    deadlines = []
    for j, rule in enumerate(s.get("deadlines", [])):
        fields = {}
        by = None
        for k, v in rule.items():
            if k == "by":
                by = plabels.get(fold(v))
                if by is None:
                    raise InputError(f"{path}: deadlines[{j}]: unknown period {v!r}")
            elif k in ("council", "site_category", "sensitivity", "kind"):
                fields[k] = fold(v)
            elif k == "vendor":
                fields[k] = norm_vendor(trim(v))
            else:
                raise InputError(f"{path}: deadlines[{j}]: unknown field {k!r}")
        if by is None:
            raise InputError(f"{path}: deadlines[{j}]: missing 'by'")
        if "kind" in fields and fields["kind"] not in kinds:
            raise InputError(f"{path}: deadlines[{j}]: unknown kind")
        if "sensitivity" in fields and fields["sensitivity"] not in sens:
            raise InputError(f"{path}: deadlines[{j}]: unknown sensitivity")
        deadlines.append((fields, by))

    return Scenario(name=str(s.get("name", "")), periods=periods, Y=Y, objective=objective,
                    vendors=vendors, vendor_default=vendor_default, sensitivity=sens, kinds=kinds,
                    visit=visit, visit_default=visit_default, inflation=inflation,
                    discount=discount, budgets=budgets, budget_default=budget_default,
                    labour=labour, labour_default=labour_default, carry=carry,
                    deadlines=deadlines)


def read_register(path: str, sc: Scenario):
    with open(path, encoding="utf-8-sig", newline="") as f:
        text = f.read()
    reader = csv.reader(io.StringIO(text, newline=""))
    header = None
    rows: list[Row] = []
    errors = []
    plabels = {p.lower(): i for i, p in enumerate(sc.periods)}
    seen_ids = set()
    first_spelling = {}   # folded council -> first spelling
    prev_end = 0
    for rec in reader:
        line = prev_end + 1
        prev_end = reader.line_num
        if all(trim(x) == "" for x in rec):
            continue
        if header is None:
            header = [fold(h) for h in rec]
            if len(set(header)) != len(header):
                raise InputError(f"{path}:{line}: duplicate header")
            for req in ("device_id", "council", "site_id", "kind", "vendor"):
                if req not in header:
                    raise InputError(f"{path}:{line}: missing column {req}")
            continue
        if len(rec) != len(header):
            errors.append(f"{path}:{line}: {len(rec)} fields, header has {len(header)}")
            continue
        d = {h: trim(v) for h, v in zip(header, rec)}
        bad = False
        for req in ("device_id", "council", "site_id", "kind", "vendor"):
            if d[req] == "":
                errors.append(f"{path}:{line}: column {req}: empty")
                bad = True
        if bad:
            continue
        q = d.get("quantity", "")
        if q == "":
            qty = 1
        elif re.fullmatch(r"[0-9]+", q) and int(q) > 0:
            qty = int(q)
        else:
            errors.append(f"{path}:{line}: column quantity: {q!r} is not a positive whole number")
            continue
        inst = d.get("installed", "")
        installed = None
        if inst != "":
            if re.fullmatch(r"-?[0-9]+", inst):
                installed = int(inst)
            else:
                errors.append(f"{path}:{line}: column installed: {inst!r} is not a year")
                continue
        lk = d.get("locked_period", "")
        locked = None
        if lk != "":
            locked = plabels.get(lk.lower())
            if locked is None:
                errors.append(f"{path}:{line}: column locked_period: unknown period {lk!r}")
                continue
        kind = d["kind"].lower()
        if kind not in sc.kinds:
            errors.append(f"{path}:{line}: column kind: unknown kind {d['kind']!r}")
            continue
        sens = (d.get("sensitivity", "") or "standard").lower()
        if sens not in sc.sensitivity:
            errors.append(f"{path}:{line}: column sensitivity: unknown level {sens!r}")
            continue
        if d["device_id"] in seen_ids:
            errors.append(f"{path}:{line}: column device_id: duplicate {d['device_id']!r}")
            continue
        seen_ids.add(d["device_id"])
        council = d["council"].lower()
        first_spelling.setdefault(council, d["council"])
        rows.append(Row(line=line, device_id=d["device_id"], council=council,
                        site_id=d["site_id"], kind=kind, vendor_raw=d["vendor"],
                        vendor=norm_vendor(d["vendor"]), sensitivity=sens,
                        category=(d.get("site_category", "") or "default").lower(),
                        installed=installed, quantity=qty, locked=locked, raw=d))
    if header is None:
        raise InputError(f"{path}: no header")
    # site consistency
    site_props = {}
    for r in rows:
        key = (r.council, r.site_id)
        p = (r.sensitivity, r.category)
        if site_props.setdefault(key, p) != p:
            errors.append(f"{path}:{r.line}: site {r.site_id} of {r.council}: sensitivity/site_category disagree")
    if errors:
        raise InputError("\n".join(errors))
    return rows, header, first_spelling


def unit_deadline(sc: Scenario, r: Row):
    best = None
    for fields, by in sc.deadlines:
        ok = True
        for k, v in fields.items():
            if k == "council":
                ok = r.council == v
            elif k == "site_category":
                ok = r.category == v
            elif k == "sensitivity":
                ok = r.sensitivity == v
            elif k == "kind":
                ok = r.kind == v
            elif k == "vendor":
                ok = r.vendor.startswith(v)
            if not ok:
                break
        if ok and (best is None or by < best):
            best = by
    return best


def build_groups(sc: Scenario, rows: list[Row]):
    """Groups per organisation: org -> list[Group]; also site info."""
    groups: dict = {}
    orgs: dict = {}
    for idx, r in enumerate(rows):
        k = sc.kinds[r.kind]
        w = sc.vendor_weight(r.vendor) * sc.sensitivity[r.sensitivity] * k["risk"]
        if w <= 0 and r.locked is None:
            continue  # not at risk, not contracted: left out
        key = (r.council, r.site_id, r.kind, r.vendor, r.locked)
        g = groups.get(key)
        if g is None:
            g = Group(org=r.council, site=r.site_id, kind=r.kind, vendor=r.vendor, locked=r.locked,
                      weight=max(w, 0.0), deadline=unit_deadline(sc, r) if w > 0 else None)
            groups[key] = g
            orgs.setdefault(r.council, []).append(g)
        g.n += r.quantity
        g.units.append(((r.installed is None, r.installed or 0, r.device_id.encode("utf-8")), idx))
    for g in groups.values():
        g.units.sort()
    return orgs


# ----------------------------------------------------------------------------------------------
# Model (SPEC section 2)
# ----------------------------------------------------------------------------------------------

def _safe(s):
    return re.sub(r"[^A-Za-z0-9_.-]", "_", s)


class OrgModel:
    """The monolithic MILP of one organisation, as plain arrays."""

    def __init__(self, sc: Scenario, org: str, groups: list[Group], site_cat: dict,
                 budget: list, labour: list | None, elastic: bool = False):
        T = sc.T
        self.sc, self.org, self.groups, self.T = sc, org, groups, T
        self.budget, self.labour, self.elastic = budget, labour, elastic
        lb, ub, integ, names = [], [], [], []
        self.e_coef, self.nom_coef, self.pv_coef = [], [], []

        def col(lo, hi, is_int, name, e=0.0, nom=0.0, pv=0.0):
            lb.append(lo); ub.append(hi); integ.append(1 if is_int else 0); names.append(name)
            self.e_coef.append(e); self.nom_coef.append(nom); self.pv_coef.append(pv)
            return len(lb) - 1

        starts, index, value, rlo, rhi = [0], [], [], [], []

        def row(idx, val, lo, hi):
            index.extend(idx); value.extend(val); starts.append(len(index))
            rlo.append(lo); rhi.append(hi)

        Y = sc.Y
        self.e_const = 0.0
        self.baseline = 0.0
        # x[g,t]
        self.x = []
        for gi, g in enumerate(groups):
            k = sc.kinds[g.kind]
            xs = []
            for t in range(T):
                if g.locked is not None:
                    lo = hi = (g.n if t == g.locked else 0)
                else:
                    lo, hi = 0, g.n
                ecoef = Y * g.weight * ((t + 0.5) - T)
                c = k["cost"] * sc.infl(t)
                xs.append(col(lo, hi, True, f"x_{gi}_{t}", e=ecoef, nom=c, pv=c * sc.pv_factor(t)))
            self.x.append(xs)
            self.e_const += Y * g.weight * T * g.n
        self.baseline = self.e_const
        # sites
        sites: dict = {}
        for gi, g in enumerate(groups):
            sites.setdefault(g.site, []).append(gi)
        self.sites = sites
        self.v = {}
        self.visit_cost = {}
        for s, gis in sites.items():
            base = site_cat[(org, s)]
            base = sc.visit.get(base, sc.visit_default)
            self.visit_cost[s] = base
            if base > 0:
                vs = []
                for t in range(T):
                    c = base * sc.infl(t)
                    vs.append(col(0, 1, True, f"v_{_safe(s)}_{t}", nom=c, pv=c * sc.pv_factor(t)))
                self.v[s] = vs
        # recorders first: y[s,t]
        self.y = {}
        for s, gis in sites.items():
            leaders = [gi for gi in gis if groups[gi].at_risk and sc.kinds[groups[gi].kind]["first"]]
            if leaders:
                self.y[s] = [col(0, 1, True, f"y_{_safe(s)}_{t}") for t in range(T)]
        # carry c[t] for t = 0..T-2 (carry out of period t into t+1)
        rho = sc.carry
        self.c = [col(0, highspy.kHighsInf, False, f"c_{t}") for t in range(T - 1)] if rho > 0 else []
        # elastic shortfall columns
        self.m, self.h = [], []
        if elastic:
            self.m = [col(0, highspy.kHighsInf, False, f"m_{t}") for t in range(T)]
            if labour is not None:
                self.h = [col(0, highspy.kHighsInf, False, f"h_{t}") for t in range(T)]

        must_all = sc.objective == "cost"
        # 1. sum_t x <= n (= n for cost objective; deadline rows)
        for gi, g in enumerate(groups):
            xs = self.x[gi]
            if not g.at_risk:
                continue  # contracted works: fixed by bounds
            if g.deadline is not None:
                row(xs[: g.deadline + 1], [1.0] * (g.deadline + 1), g.n, g.n)
                if g.deadline + 1 < T:
                    row(xs, [1.0] * T, 0 if not must_all else g.n, g.n)
            else:
                row(xs, [1.0] * T, g.n if must_all else 0, g.n)
        # 2. budget with carry-over
        # the elastic (shortfall) model compares money and hours exactly, so that the rounded-up
        # shortfall added back always suffices without relying on the tolerance
        eps = 0.0 if elastic else MONEY_EPS
        for t in range(T):
            B = budget[t]
            tol = eps * max(1.0, B)
            idx, val = [], []
            for gi, g in enumerate(groups):
                idx.append(self.x[gi][t]); val.append(self.nom_coef[self.x[gi][t]])
            for s, vs in self.v.items():
                idx.append(vs[t]); val.append(self.nom_coef[vs[t]])
            sp_idx, sp_val = list(idx), list(val)
            if t > 0 and self.c:
                idx.append(self.c[t - 1]); val.append(-(1.0 + eps))
            if elastic:
                idx.append(self.m[t]); val.append(-1.0)
            row(idx, val, -highspy.kHighsInf, B + tol)
            if self.c and t < T - 1:
                # c[t] <= rho * (B + tol + (1+eps) c[t-1] + m[t] - spend(t))
                idx2 = [self.c[t]] + sp_idx
                val2 = [1.0] + [rho * v for v in sp_val]
                if t > 0:
                    idx2.append(self.c[t - 1]); val2.append(-rho * (1.0 + eps))
                if elastic:
                    idx2.append(self.m[t]); val2.append(-rho)
                row(idx2, val2, -highspy.kHighsInf, rho * (B + tol))
        # 3. labour
        if labour is not None:
            for t in range(T):
                idx, val = [], []
                for gi, g in enumerate(groups):
                    hrs = sc.kinds[g.kind]["hours"]
                    if hrs > 0:
                        idx.append(self.x[gi][t]); val.append(hrs)
                if elastic:
                    idx.append(self.h[t]); val.append(-1.0)
                if idx:
                    row(idx, val, -highspy.kHighsInf, labour[t] + (0.0 if elastic else 1e-9 * max(1.0, labour[t])))
        # site visits: x[g,t] <= n_g v[s,t]
        for s, vs in self.v.items():
            for gi in sites[s]:
                g = groups[gi]
                for t in range(T):
                    row([self.x[gi][t], vs[t]], [1.0, -float(g.n)], -highspy.kHighsInf, 0.0)
        # 6. recorders first
        for s, ys in self.y.items():
            row(ys, [1.0] * T, 0.0, 1.0)
            for gi in sites[s]:
                g = groups[gi]
                if not g.at_risk:
                    continue
                if sc.kinds[g.kind]["first"]:
                    for t in range(T):
                        row([self.x[gi][t], ys[t]], [1.0, -float(g.n)], 0.0, 0.0)
                else:
                    for t in range(T):
                        row(self.x[gi][: t + 1] + ys[: t + 1],
                            [1.0] * (t + 1) + [-float(g.n)] * (t + 1), -highspy.kHighsInf, 0.0)

        self.col_lb = np.array(lb, dtype=np.float64)
        self.col_ub = np.array(ub, dtype=np.float64)
        self.integrality = np.array(integ, dtype=np.int32)
        self.names = names
        self.e_coef = np.array(self.e_coef)
        self.nom_coef = np.array(self.nom_coef)
        self.pv_coef = np.array(self.pv_coef)
        self.a_start = np.array(starts, dtype=np.int32)
        self.a_index = np.array(index, dtype=np.int32)
        self.a_value = np.array(value, dtype=np.float64)
        self.row_lb = np.array(rlo, dtype=np.float64)
        self.row_ub = np.array(rhi, dtype=np.float64)

    @property
    def size(self):
        return dict(rows=len(self.row_lb), columns=len(self.col_lb), nonzeros=len(self.a_value),
                    integerColumns=int(self.integrality.sum()))

    def highs(self, cost, offset, threads, gap, seed=0):
        h = highspy.Highs()
        h.setOptionValue("output_flag", False)
        h.setOptionValue("mip_rel_gap", gap)
        h.setOptionValue("random_seed", seed)
        h.setOptionValue("threads", threads)
        nc, nr = len(self.col_lb), len(self.row_lb)
        h.passModel(nc, nr, len(self.a_value), 2, 1, float(offset), np.asarray(cost, dtype=np.float64),
                    self.col_lb, self.col_ub, self.row_lb, self.row_ub,
                    self.a_start[:-1] if nr else np.zeros(0, dtype=np.int32),
                    self.a_index, self.a_value, self.integrality)
        return h


def run_highs(h, time_limit):
    h.setOptionValue("time_limit", max(0.01, float(time_limit)))
    h.run()
    st = h.getModelStatus()
    info = h.getInfo()
    has_sol = info.primal_solution_status == 2  # kSolutionStatusFeasible
    sol = np.array(h.getSolution().col_value) if has_sol else None
    return st, info, sol


MS = highspy.HighsModelStatus


def solve_stage(m: OrgModel, primary, p_off, secondary, s_off, deadline, share, threads, gap, mps=None):
    """Lexicographic solve.  Returns dict(status, value, bound, sol, solve time)."""
    t0 = time.perf_counter()
    h = m.highs(primary, p_off, threads, gap)
    if mps:
        for j, nm in enumerate(m.names):
            h.passColName(j, nm)
        h.writeModel(mps)
    stop1 = min(deadline, time.time() + 0.7 * share)
    st, info, sol = run_highs(h, stop1 - time.time())
    res = dict(modelStatus=h.modelStatusToString(st), primarySeconds=round(time.perf_counter() - t0, 4))
    if st in (MS.kInfeasible, MS.kUnboundedOrInfeasible):
        res.update(status="infeasible", sol=None)
    elif sol is None:
        res.update(status="unknown", sol=None, bound=info.mip_dual_bound)
    else:
        value = float(info.objective_function_value)
        bound = float(info.mip_dual_bound)
        res.update(status="optimal" if st == MS.kOptimal else "feasible", sol=sol, value=value,
                   bound=min(bound, value))
        if secondary is not None:
            # stage 2: primary <= value + tol, minimise secondary
            tol = LEX_REL_TOL * max(1.0, abs(value))
            nz = np.nonzero(primary)[0]
            h.addRow(-highspy.kHighsInf, value - p_off + tol, len(nz), nz.astype(np.int32),
                     np.asarray(primary, dtype=np.float64)[nz])
            h.changeColsCost(len(secondary), np.arange(len(secondary), dtype=np.int32),
                             np.asarray(secondary, dtype=np.float64))
            h.changeObjectiveOffset(float(s_off))
            h.setSolution(len(sol), np.arange(len(sol), dtype=np.int32), sol)
            remaining = min(deadline, time.time() + share - (time.perf_counter() - t0)) - time.time()
            st2, info2, sol2 = run_highs(h, max(0.05, remaining))
            res["secondaryStatus"] = h.modelStatusToString(st2)
            res["secondarySeconds"] = round(time.perf_counter() - t0 - res["primarySeconds"], 4)
            if sol2 is not None and float(primary @ sol2) + p_off <= value + 10 * tol + 1e-7:
                res["sol"] = sol2
    res["solveSeconds"] = time.perf_counter() - t0
    return res


# ----------------------------------------------------------------------------------------------
# Evaluation of an integer plan (recomputed exactly, independent of the solver's values)
# ----------------------------------------------------------------------------------------------

def evaluate(m: OrgModel, sol):
    sc, T, Y = m.sc, m.T, m.sc.Y
    X = [[int(round(sol[j])) if sol is not None else 0 for j in xs] for xs in m.x]
    E = 0.0
    spend = [0.0] * T
    units = [0] * T
    hours = [0.0] * T
    visits = []
    for gi, g in enumerate(m.groups):
        k = sc.kinds[g.kind]
        done = 0
        for t in range(T):
            q = X[gi][t]
            if q:
                done += q
                E += Y * g.weight * (t + 0.5) * q
                spend[t] += k["cost"] * sc.infl(t) * q
                units[t] += q
                hours[t] += k["hours"] * q
        E += Y * g.weight * T * (g.n - done)
    for s, gis in m.sites.items():
        if m.visit_cost[s] > 0:
            for t in range(T):
                if any(X[gi][t] > 0 for gi in gis):
                    c = m.visit_cost[s] * sc.infl(t)
                    spend[t] += c
                    visits.append((s, t, c))
    nominal = sum(spend)
    pv = sum(spend[t] * sc.pv_factor(t) for t in range(T))
    # carry bookkeeping + self-check of every constraint
    per, carry_in, violations = [], 0.0, []
    for t in range(T):
        avail = m.budget[t] + carry_in
        if spend[t] > avail + MONEY_EPS * max(1.0, avail):
            violations.append(f"budget t={t}: spend {spend[t]:.6f} > {avail:.6f}")
        cout = sc.carry * max(0.0, avail - spend[t])
        lab = m.labour[t] if m.labour is not None else None
        if lab is not None and hours[t] > lab + 1e-9 * max(1.0, lab):
            violations.append(f"labour t={t}: {hours[t]} > {lab}")
        per.append(dict(period=sc.periods[t], budget=m.budget[t], spend=spend[t], carryIn=carry_in,
                        carryOut=cout, units=units[t], labourHours=hours[t]))
        carry_in = cout
    for gi, g in enumerate(m.groups):
        tot = sum(X[gi])
        if tot > g.n or min(X[gi]) < 0:
            violations.append(f"group {gi}: {tot} > n")
        if g.locked is not None and sol is not None and X[gi][g.locked] != g.n:
            violations.append(f"group {gi}: lock")
        if g.deadline is not None and sol is not None and sum(X[gi][: g.deadline + 1]) != g.n:
            violations.append(f"group {gi}: deadline")
        if sc.objective == "cost" and g.at_risk and sol is not None and tot != g.n:
            violations.append(f"group {gi}: not all replaced")
    for s, gis in m.sites.items():
        leaders = [gi for gi in gis if m.groups[gi].at_risk and sc.kinds[m.groups[gi].kind]["first"]]
        if not leaders:
            continue
        lp = {t for gi in leaders for t in range(T) if X[gi][t] > 0}
        if len(lp) > 1 or any(sum(X[gi]) not in (0, m.groups[gi].n) for gi in leaders) or \
                (lp and any(sum(X[gi]) != m.groups[gi].n for gi in leaders)):
            violations.append(f"site {s}: leader block split")
        tau = min(lp) if lp else T
        for gi in gis:
            g = m.groups[gi]
            if g.at_risk and gi not in leaders and any(X[gi][t] > 0 for t in range(min(tau, T))):
                violations.append(f"site {s}: follower before leaders")
    return dict(X=X, exposure=E, nominalCost=nominal, presentValueCost=pv, periods=per,
                visits=visits, violations=violations)


# ----------------------------------------------------------------------------------------------
# Driver
# ----------------------------------------------------------------------------------------------

def ceil_money(x):
    # whole pounds / hours, rounded up; 1e-9 relative slack absorbs float noise (487.9000000001)
    return max(0, math.ceil(x - 1e-9 * max(1.0, abs(x))))


def solve_org(sc, org, groups, site_cat, budget, labour, deadline, share, threads, gap,
              mps_dir, shortfall, disp):
    t0 = time.perf_counter()
    m = OrgModel(sc, org, groups, site_cat, budget, labour)
    build = time.perf_counter() - t0
    if sc.objective == "exposure":
        prim, poff, sec, soff = m.e_coef, m.e_const, m.nom_coef, 0.0
    else:
        prim, poff, sec, soff = m.pv_coef, 0.0, m.e_coef, m.e_const
    mps = os.path.join(mps_dir, f"{re.sub(r'[^A-Za-z0-9_.-]', '_', disp)}.mps") if mps_dir else None
    r = solve_stage(m, prim, poff, sec, soff, deadline, share, threads, gap, mps)
    out = dict(organisation=disp, status=r["status"], modelStatus=r["modelStatus"],
               secondaryStatus=r.get("secondaryStatus"), model=m.size,
               primarySeconds=r["primarySeconds"], secondarySeconds=r.get("secondarySeconds"),
               buildSeconds=round(build, 4), solveSeconds=round(r["solveSeconds"], 4),
               baselineExposure=m.baseline)
    if r["sol"] is not None:
        ev = evaluate(m, r["sol"])
        value = ev["exposure"] if sc.objective == "exposure" else ev["presentValueCost"]
        bound = min(r["bound"], value)
        if abs(value - bound) <= 1e-9 * max(1.0, abs(value)):
            bound = value
        gapv = 0.0 if value == bound else (value - bound) / value
        if out["status"] == "feasible" and gapv <= gap:
            out["status"] = "optimal"  # proven within the gap even though HiGHS hit the time limit
        out.update(exposure=ev["exposure"], nominalCost=ev["nominalCost"],
                   presentValueCost=ev["presentValueCost"], bound=bound, gap=gapv,
                   periods=ev["periods"], violations=ev["violations"])
        out["_X"] = ev["X"]
        out["_visits"] = ev["visits"]
    else:
        # infeasible or unknown: the organisation's units stand unreplaced
        ev = evaluate(m, None)
        value = ev["exposure"] if sc.objective == "exposure" else ev["presentValueCost"]
        if r["status"] == "infeasible":
            bound = value
        else:
            bound = min(value, r.get("bound", -math.inf)) if math.isfinite(r.get("bound", -math.inf)) else None
        out.update(exposure=ev["exposure"], nominalCost=0.0, presentValueCost=0.0, bound=bound,
                   gap=(None if bound is None else (0.0 if value == bound else (value - bound) / value)),
                   periods=ev["periods"])
        out["_X"] = ev["X"]
        out["_visits"] = []
        if r["status"] == "infeasible" and shortfall:
            out["shortfall"] = solve_shortfall(sc, org, groups, site_cat, budget, labour,
                                               deadline, share, threads, gap)
    out["_model"] = m
    return out


def solve_shortfall(sc, org, groups, site_cat, budget, labour, deadline, share, threads, gap):
    """SPEC 2.5: least extra money (added to each period's budget, may carry), then least hours."""
    t0 = time.perf_counter()
    m = OrgModel(sc, org, groups, site_cat, budget, labour, elastic=True)
    money = np.zeros(len(m.col_lb)); money[m.m] = 1.0
    hrs = np.zeros(len(m.col_lb))
    if m.h:
        hrs[m.h] = 1.0
    r = solve_stage(m, money, 0.0, hrs if m.h else None, 0.0, deadline, share, threads, gap)
    res = dict(solveSeconds=None)
    if r["sol"] is None:
        res.update(structural=True, status=r["status"],
                   reason="no amount of money or labour makes it feasible (locks, deadlines and "
                          "recorders-first contradict each other)" if r["status"] == "infeasible"
                   else "time limit before a shortfall plan was found")
        return res
    # The solver's m and h carry LP noise (~1e-6); recompute them exactly for the integer plan it
    # chose: for a fixed plan the least money is the deficit of each period with the largest
    # carry the rules allow (a pound added earlier reaches a later period only at rate rho <= 1),
    # and the least hours are each period's excess.
    ev = evaluate(m, r["sol"])
    mvals, hvals, carry = [], [], 0.0
    for t, p in enumerate(ev["periods"]):
        avail = budget[t] + carry
        need = max(0.0, p["spend"] - avail)
        mvals.append(need)
        carry = sc.carry * max(0.0, avail + need - p["spend"])
        hvals.append(max(0.0, p["labourHours"] - labour[t]) if labour is not None else 0.0)
    solver_total = float(sum(r["sol"][j] for j in m.m))
    money_r = [ceil_money(v) for v in mvals]
    hours_r = [ceil_money(v) for v in hvals]
    res.update(structural=False, status=r["status"], money=money_r, moneyTotal=sum(money_r),
               hours=hours_r, hoursTotal=sum(hours_r), moneyExact=mvals, hoursExact=hvals,
               solverMoneyTotal=solver_total)
    # the funded plan: re-solve with the rounded shortfall added back
    fb = [b + a for b, a in zip(budget, money_r)]
    fl = [l + a for l, a in zip(labour, hours_r)] if labour is not None else None
    fm = OrgModel(sc, org, groups, site_cat, fb, fl)
    if sc.objective == "exposure":
        fr = solve_stage(fm, fm.e_coef, fm.e_const, fm.nom_coef, 0.0, deadline, share, threads, gap)
    else:
        fr = solve_stage(fm, fm.pv_coef, 0.0, fm.e_coef, fm.e_const, deadline, share, threads, gap)
    if fr["sol"] is not None:
        fev = evaluate(fm, fr["sol"])
        res["fundedPlan"] = dict(status=fr["status"], exposure=fev["exposure"],
                                 nominalCost=fev["nominalCost"],
                                 presentValueCost=fev["presentValueCost"],
                                 violations=fev["violations"])
        res["_funded"] = (fm, fev)
    else:
        res["fundedPlan"] = dict(status=fr["status"])
    res["solveSeconds"] = round(time.perf_counter() - t0, 4)
    return res


def plan(register, scenario, gap=1e-4, time_limit=60.0, threads=1, mps_dir=None, shortfall=True):
    wall0 = time.perf_counter()
    deadline = time.time() + time_limit
    sc = read_scenario(scenario)
    rows, header, spelling = read_register(register, sc)
    orgs = build_groups(sc, rows)
    site_cat = {(r.council, r.site_id): r.category for r in rows}
    E0 = sum(sc.Y * sc.T * g.weight * g.n for gs in orgs.values() for g in gs)
    # organisations with at-risk units or contracted works need a budget
    jobs = []
    for org in sorted(orgs):
        b = sc.budgets.get(org, sc.budget_default)
        if b is None:
            raise InputError(f"{scenario}: no budget for organisation {spelling[org]!r}")
        lab = sc.labour.get(org, sc.labour_default)
        jobs.append((org, b, lab))
    if mps_dir:
        os.makedirs(mps_dir, exist_ok=True)
    results = []
    for i, (org, b, lab) in enumerate(jobs):
        share = max(0.05, (deadline - time.time()) / (len(jobs) - i))
        results.append(solve_org(sc, org, orgs[org], site_cat, b, lab, deadline, share, threads,
                                 gap, mps_dir, shortfall, spelling[org]))
    sts = {r["status"] for r in results}
    status = ("unknown" if "unknown" in sts else "infeasible" if "infeasible" in sts
              else "feasible" if "feasible" in sts else "optimal")
    E = sum(r["exposure"] for r in results)
    nominal = sum(r["nominalCost"] for r in results)
    pv = sum(r["presentValueCost"] for r in results)
    value = E if sc.objective == "exposure" else pv
    bound = None if any(r["bound"] is None for r in results) else sum(r["bound"] for r in results)
    gapv = None if bound is None else (0.0 if value == bound else (value - bound) / value)
    summary = dict(solver=f"HiGHS {highspy.Highs().version()} via highspy (monolithic per organisation)",
                   scenario=sc.name, objective=sc.objective, status=status, exposure=E,
                   baselineExposure=E0, nominalCost=nominal, presentValueCost=pv, bound=bound,
                   gap=gapv, registerUnits=sum(r.quantity for r in rows),
                   modelUnits=sum(g.n for gs in orgs.values() for g in gs),
                   organisations=len(jobs), wallSeconds=round(time.perf_counter() - wall0, 4),
                   peakRssMB=round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0, 1),
                   settings=dict(gap=gap, timeLimit=time_limit, threads=threads,
                                 secondary="lexicographic"))
    summary["perOrganisation"] = [{k: v for k, v in r.items() if not k.startswith("_")}
                                  for r in results]
    for r in summary["perOrganisation"]:
        if "shortfall" in r:
            r["shortfall"] = {k: v for k, v in r["shortfall"].items() if not k.startswith("_")}
    return summary, results, rows, header, sc, spelling


def write_plan(path, results, rows, header, sc, spelling, funded=False):
    """plan.csv per SPEC 3 (oldest units of a group first)."""
    base = ["device_id", "council", "site_id", "kind", "vendor", "period", "quantity", "cost",
            "sensitivity", "site_category", "deadline"]
    extra = [h for h in header if h not in base and h not in ("installed", "model", "quantity")]
    extra = ["model", "installed"] + [h for h in extra if h not in ("model", "installed")]
    out_rows = []
    for r in results:
        m, X = r["_model"], r["_X"]
        if funded and "shortfall" in r and "_funded" in r["shortfall"]:
            m, fev = r["shortfall"]["_funded"]
            X = fev["X"]
        for gi, g in enumerate(m.groups):
            # expand the group's units oldest first, assign periods in order
            queue = []
            for t in range(sc.T):
                queue += [t] * X[gi][t]
            queue += [None] * (g.n - len(queue))
            pos = 0
            for _, ri in g.units:
                row = rows[ri]
                take = queue[pos: pos + row.quantity]
                pos += row.quantity
                counts = {}
                for t in take:
                    counts[t] = counts.get(t, 0) + 1
                for t in sorted(counts, key=lambda t: (t is None, t if t is not None else 0)):
                    q = counts[t]
                    cost = 0.0 if t is None else q * sc.kinds[g.kind]["cost"] * sc.infl(t)
                    d = dict(device_id=row.device_id, council=spelling[row.council],
                             site_id=row.site_id, kind=row.raw["kind"], vendor=row.vendor_raw,
                             period="" if t is None else sc.periods[t], quantity=q,
                             cost=f"{cost:.2f}", sensitivity=row.sensitivity,
                             site_category=row.category,
                             deadline="" if g.deadline is None else sc.periods[g.deadline])
                    for h in extra:
                        d[h] = row.raw.get(h, "")
                    out_rows.append(d)
    tmp = path + ".tmp"
    with open(tmp, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=base + extra)
        w.writeheader()
        w.writerows(out_rows)
    os.replace(tmp, path)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("register")
    ap.add_argument("scenario")
    ap.add_argument("--gap", type=float, default=1e-4)
    ap.add_argument("--time-limit", type=float, default=60.0)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--json", help="write the summary JSON here (default stdout)")
    ap.add_argument("--plan", help="write plan.csv (SPEC 3 columns) here")
    ap.add_argument("--funded-plan", help="write the funded plan (SPEC 2.5) here")
    ap.add_argument("--write-mps", metavar="DIR", help="dump each organisation's model as MPS")
    ap.add_argument("--no-shortfall", action="store_true", help="skip the elastic shortfall model")
    a = ap.parse_args(argv)
    try:
        summary, results, rows, header, sc, spelling = plan(
            a.register, a.scenario, a.gap, a.time_limit, a.threads, a.write_mps, not a.no_shortfall)
    except (InputError, KeyError, ValueError, json.JSONDecodeError) as e:
        print(f"input error: {e}", file=sys.stderr)
        return 2
    if a.plan:
        write_plan(a.plan, results, rows, header, sc, spelling)
    if a.funded_plan:
        write_plan(a.funded_plan, results, rows, header, sc, spelling, funded=True)
    text = json.dumps(summary, indent=2)
    if a.json:
        tmp = a.json + ".tmp"
        with open(tmp, "w") as f:
            f.write(text + "\n")
        os.replace(tmp, a.json)
    else:
        print(text)
    return 4 if summary["status"] == "unknown" else 3 if summary["status"] == "infeasible" else 0


if __name__ == "__main__":
    sys.exit(main())
