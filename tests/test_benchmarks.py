"""The benchmark scripts keep running as the code changes (tiny sizes; nothing here is timed)."""

import subprocess
import sys

from .conftest import ROOT


def test_library_benchmark_runs_and_prints_its_table():
    out = subprocess.run(
        [sys.executable, "benchmarks/bench_library.py", "--plans", "15", "--runs", "2"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert out.returncode == 0, out.stderr
    assert "open the library" in out.stdout and "load a 100-task plan" in out.stdout


def test_compare_benchmark_runs():
    out = subprocess.run(
        [sys.executable, "benchmarks/bench_compare.py", "--tasks", "20", "--runs", "2"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert out.returncode == 0, out.stderr
    assert "compare (match + inline diffs)" in out.stdout


def test_start_benchmark_runs():
    out = subprocess.run(
        [sys.executable, "benchmarks/bench_start.py", "--plans", "5", "--runs", "1", "--bundle", "/nonexistent"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert out.returncode == 0, out.stderr
    assert "source: window shown" in out.stdout and "source: planbook --version" in out.stdout


def test_review_benchmark_runs():
    out = subprocess.run(
        [sys.executable, "benchmarks/bench_review.py", "--tasks", "20", "--plans", "10", "--runs", "2"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert out.returncode == 0, out.stderr
    assert "review a drafted plan (values)" in out.stdout and "replace preview, all 12 plans" in out.stdout


def test_growth_benchmark_runs_and_prints_every_row():
    out = subprocess.run(
        [sys.executable, "benchmarks/bench_growth.py", "--sizes", "6/12", "--runs", "1"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert out.returncode == 0, out.stderr
    for row in (
        "window shown, first start of the day",
        "`planbook list`, first command of the day",
        "library pane populate + paint",
        "library list in the pane",
        "compare two versions",
        "PDF export",
        "XLSX breakdown",
        "print preview of the notice: first page",
        "next-year draft",
        "library file and backups",
        "`reindex`",
    ):
        assert row in out.stdout, out.stdout
    assert "6 plans / 12 tasks" in out.stdout and "baseline: bare QMainWindow" in out.stdout
