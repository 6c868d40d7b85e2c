"""A full disk during an edit, an import or an export: a clear message, the library unchanged, no partial file."""

import json
import subprocess
import sys

import pytest

from planbook.core.exchange import dumps

from .conftest import ROOT, sample_plan


def test_full_disk_loses_nothing(tmp_path):
    probe = subprocess.run(["unshare", "-rm", "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip(f"cannot make a private small disk here: {probe.stderr.decode().strip()}")
    disk, outbox = tmp_path / "disk", tmp_path / "outbox"
    disk.mkdir()
    outbox.mkdir()
    plan = tmp_path / "plan.json"
    plan.write_text(dumps(sample_plan(sections=8, tasks_per_section=12)), encoding="utf-8")
    big = tmp_path / "big.json"
    big_plan = sample_plan(sections=30, tasks_per_section=30)
    for node in big_plan.walk():
        node.body = "推进教育现代化，办好人民满意的教育。" * 20
    big.write_text(dumps(big_plan), encoding="utf-8")
    script = f'mount -t tmpfs -o size=1m tmpfs "{disk}" && mount -t tmpfs -o size=256k tmpfs "{outbox}" && exec "$@"'
    proc = subprocess.run(
        [
            "unshare",
            "-rm",
            "sh",
            "-c",
            script,
            "sh",
            sys.executable,
            str(ROOT / "tests" / "disk_full_driver.py"),
            str(disk),
            str(outbox),
            str(plan),
            str(big),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert report["import_before"]["code"] == 0, report["import_before"]["err"]
    for step in ("import_full", "new_full", "export_full", "import_nearly_full"):
        result = report[step]
        assert result["code"] == 1, (step, result)
        assert result["err"].startswith("planbook: ") and result["err"].count("\n") == 1, (step, result["err"])
        assert "Traceback" not in result["err"]
    for step in ("import_full", "new_full", "import_nearly_full"):
        assert "the disk is full: free some space" in report[step]["err"], report[step]["err"]
    assert "No space left" in report["export_full"]["err"]
    assert report["outbox_full"] == ["filler"]  # no partial export
    assert report["shown_after"] == report["shown_before"] == report["shown_nearly_full"]
    assert len(json.loads(report["list_after"])) == 1
    assert report["integrity"] == "ok"
