#!/usr/bin/env python3
"""A quick synthetic estate for timing the HiGHS peer (stand-in until `phaseout generate` exists).

    python3 make_synthetic.py --devices 2000 --councils 5 --seed 1 --out DIR

Writes DIR/register.csv and DIR/scenario.json (SPEC section 1).  Same seed, same files.
Sites hold 1-3 recorders and 2-25 cameras; about 55 % of units are of at-risk vendors under
assorted spellings; some batches (quantity > 1), a few contracted works (locked), critical
sites with a deadline; budgets sized so that roughly 60 % of the at-risk cost fits the horizon.
"""
import argparse
import csv
import json
import os
import random

VENDORS = [("Hikvision", 0.25), ("Hik Vision", 0.04), ("HIKVISION Digital Technology Co.", 0.04),
           ("Dahua", 0.12), ("Dahua Technology", 0.03), ("HiLook", 0.03), ("EZVIZ", 0.02),
           ("Axis", 0.15), ("Hanwha", 0.12), ("Bosch", 0.10), ("Avigilon", 0.10)]
CATS = [("town-centre", 0.2), ("school", 0.3), ("depot", 0.2), ("default", 0.3)]
SENS = [("critical", 0.05), ("high", 0.2), ("standard", 0.65), ("low", 0.1)]
PERIODS = ["2026/27", "2027/28", "2028/29", "2029/30", "2030/31"]


def pick(rng, table):
    x, acc = rng.random(), 0.0
    for v, p in table:
        acc += p
        if x < acc:
            return v
    return table[-1][0]


def generate(devices, councils, seed, out):
    rng = random.Random(seed)
    names = [f"Council{c + 1:02d}" for c in range(councils)]
    rows = []
    n = 0
    site_no = 0
    cost = {"camera": 850.0, "recorder": 3000.0}
    at_risk_cost = {c: 0.0 for c in names}
    while n < devices:
        council = names[site_no % councils]
        site_no += 1
        site = f"S{site_no:05d}"
        cat, sens = pick(rng, CATS), pick(rng, SENS)
        site_vendor = pick(rng, VENDORS)
        items = [("recorder", rng.randint(1, 3))] + [("camera", rng.randint(2, 25))]
        for kind, cnt in items:
            while cnt > 0 and n < devices:
                q = 1 if rng.random() < 0.7 else min(cnt, rng.randint(2, 6))
                v = site_vendor if rng.random() < 0.75 else pick(rng, VENDORS)
                locked = rng.choice(PERIODS[:3]) if rng.random() < 0.01 else ""
                n_id = len(rows) + 1
                rows.append(dict(device_id=f"D{n_id:07d}", council=council, site_id=site, kind=kind,
                                 vendor=v, sensitivity=sens, site_category=cat,
                                 installed=str(rng.randint(2008, 2022)), quantity=str(q),
                                 locked_period=locked))
                if any(v.lower().replace(" ", "").startswith(k) for k in
                       ("hikvision", "dahua", "hilook", "ezviz")):
                    at_risk_cost[council] += q * cost[kind]
                cnt -= q
                n += q
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "register.csv"), "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    budgets = {c: [round(0.6 * at_risk_cost[c] / len(PERIODS) * rng.uniform(0.8, 1.2), -2)
                   for _ in PERIODS] for c in names}
    scen = {
        "name": f"synthetic {devices} devices, {councils} councils, seed {seed}",
        "periods": PERIODS,
        "objective": "exposure",
        "kinds": {"camera": {"replaceCost": 850, "labourHours": 3, "risk": 1},
                  "recorder": {"replaceCost": 3000, "labourHours": 8, "risk": 4, "replacedFirst": True}},
        "siteVisitCost": {"town-centre": 1200, "school": 400, "depot": 250, "default": 0},
        "inflation": 0.03,
        "discountRate": 0.035,
        "budgets": budgets,
        "labourHours": {"default": [max(1000, int(0.3 * devices / councils * 3))] * len(PERIODS)},
        "carryOver": 0.5,
        "deadlines": [{"sensitivity": "critical", "by": "2028/29"}],
    }
    with open(os.path.join(out, "scenario.json"), "w") as f:
        json.dump(scen, f, indent=2)
    return os.path.join(out, "register.csv"), os.path.join(out, "scenario.json")


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--devices", type=int, default=2000)
    ap.add_argument("--councils", type=int, default=5)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    print(*generate(a.devices, a.councils, a.seed, a.out))
