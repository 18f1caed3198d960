"""Tests of highs_per_org.py on the SPEC fixtures' exported models.

They need the `phaseout` executable to export the models: $PHASEOUT_BIN, or the release or debug
build of the repository; they are skipped without one.
"""
import json
import os
import subprocess
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import highs_per_org  # noqa: E402

ROOT = os.path.join(HERE, "..", "..")
FIX = os.environ.get("PHASEOUT_FIXTURES", "/work/shared/fixtures")
if not os.path.isdir(FIX):
    FIX = os.path.join(ROOT, "Tests", "Fixtures", "spec")


def phaseout():
    for path in (os.environ.get("PHASEOUT_BIN"), os.path.join(ROOT, ".build", "release", "phaseout"),
                 os.path.join(ROOT, ".build", "debug", "phaseout")):
        if path and os.access(path, os.X_OK):
            return path
    pytest.skip("no phaseout executable (set PHASEOUT_BIN or build the package)")


def export(name, tmp_path):
    d = os.path.join(FIX, name)
    if not os.path.isdir(d):
        pytest.skip(f"fixture {d} not found (set PHASEOUT_FIXTURES)")
    models = tmp_path / "models"
    subprocess.run([phaseout(), "export-model", os.path.join(d, "register.csv"), os.path.join(d, "scenario.json"),
                    "--format", "mps", "--out", str(models), "--quiet"], check=True)
    return models


def run(models, tmp_path, *extra):
    out = tmp_path / "summary.json"
    assert highs_per_org.main([str(models), "--json", str(out), *extra]) == 0
    return json.loads(out.read_text())


def test_fixture_1_reaches_the_spec_optimum(tmp_path):
    # EXPECTED.md: exposure 22 (optimum -8 plus the constant 30), proven.
    s = run(export("1_exposure_inflation_carry_visit", tmp_path), tmp_path)
    assert s["status"] == "optimal"
    assert s["exposure"] == pytest.approx(22) and s["bound"] == pytest.approx(22) and s["gap"] == pytest.approx(0)
    assert [o["constant"] for o in s["perOrganisation"]] == [30]


def test_an_infeasible_organisation_counts_at_its_baseline(tmp_path):
    # Fixture 3: Orkney cannot meet its deadline; Shetland is planned at 0.5.
    s = run(export("3_infeasible_shortfall", tmp_path), tmp_path)
    by_name = {o["organisation"]: o for o in s["perOrganisation"]}
    assert by_name["Orkney"]["status"] == "infeasible"
    assert by_name["Orkney"]["exposure"] == by_name["Orkney"]["constant"] == by_name["Orkney"]["bound"]
    assert by_name["Shetland"]["status"] == "optimal" and by_name["Shetland"]["exposure"] == pytest.approx(0.5)
    assert s["statusCounts"] == {"infeasible": 1, "optimal": 1}


def test_the_time_is_shared_among_organisations(tmp_path):
    s = run(export("3_infeasible_shortfall", tmp_path), tmp_path, "--time-limit", "4")
    shares = [o["share"] for o in s["perOrganisation"]]
    assert shares[0] == pytest.approx(2, abs=0.1)      # half of the 4 s for the first of two
    assert shares[1] >= shares[0] - 0.1                # what the first left passes on
