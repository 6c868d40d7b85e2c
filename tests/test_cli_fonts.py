"""`planbook fonts`: what IT staff use to set a machine's fonts without the window (the same settings files)."""

from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path

from planbook.core.exchange import dumps

from .conftest import ROOT, run_cli, sample_plan

KAI = ROOT / "resources" / "fonts" / "FandolKai-Regular.ttf"


def settings() -> tuple[dict, dict]:
    """What fonts.json and word-fonts.json hold ({} for a file not written)."""
    files = [Path(os.environ[name]) for name in ("PLANBOOK_FONTS", "PLANBOOK_WORD_FONTS")]
    return tuple(json.loads(f.read_text(encoding="utf-8")) if f.exists() else {} for f in files)


def test_show_set_use_and_reset(tmp_path, monkeypatch):
    monkeypatch.setenv("PLANBOOK_FONTS", str(tmp_path / "fonts.json"))
    monkeypatch.setenv("PLANBOOK_WORD_FONTS", str(tmp_path / "word-fonts.json"))
    shown = json.loads(run_cli("fonts", "--json").out)
    assert [r["role"] for r in shown["roles"]] == ["xiaobiaosong", "fangsong", "heiti", "kaiti", "song", "fallback"]
    assert shown["roles"][1]["word"] == "仿宋_GB2312" and shown["roles"][1]["pdf"].startswith("(bundled)")
    r = run_cli("fonts", "--word", "fangsong=方正仿宋_GBK", "--pdf", f"fangsong={KAI}")
    assert r.code == 0, r.err
    assert "fangsong\t方正仿宋_GBK (仿宋)\t" + str(KAI) in r.out
    assert settings() == ({"fangsong": str(KAI)}, {"fangsong": "方正仿宋_GBK"})
    # Both exports follow: the Word file names the font, the PDF embeds the chosen file's face.
    src = tmp_path / "p.json"
    src.write_text(dumps(sample_plan()), encoding="utf-8")
    lib = tmp_path / "lib.db"
    assert run_cli("import", src, library=lib).code == 0
    assert run_cli("export", "1", "--format", "docx", "-o", tmp_path / "p.docx", library=lib).code == 0
    with zipfile.ZipFile(tmp_path / "p.docx") as z:
        assert 'w:eastAsia="方正仿宋_GBK"' in z.read("word/styles.xml").decode("utf-8")
    assert run_cli("export", "1", "--format", "pdf", "-o", tmp_path / "p.pdf", library=lib).code == 0
    assert b"FandolKai" in (tmp_path / "p.pdf").read_bytes()
    assert run_cli("fonts", "--reset", "all").code == 0
    assert settings() == ({}, {})


def test_bad_settings_are_refused_and_nothing_is_written(tmp_path, monkeypatch):
    monkeypatch.setenv("PLANBOOK_FONTS", str(tmp_path / "fonts.json"))
    monkeypatch.setenv("PLANBOOK_WORD_FONTS", str(tmp_path / "word-fonts.json"))
    readme = ROOT / "README.md"
    for args, words in (
        (["--pdf", f"heiti={readme}"], "it is not a usable TrueType font file"),
        (["--pdf", f"heiti={tmp_path / 'none.ttf'}"], "does not exist"),
        (["--word", "bogus=宋体"], "write ROLE=VALUE with ROLE one of"),
        (["--word", "kaiti=" + "楷" * 40], "Word allows at most 31"),
        (["--word", "fangsong=方正仿宋_GBK", "--pdf", "fangsong={x}.ttf"], "does not exist"),
    ):
        r = run_cli("fonts", *args)
        assert r.code == 1 and words in r.err and len(r.err.strip().splitlines()) == 1, (args, r.err)
        assert not (tmp_path / "fonts.json").exists() and not (tmp_path / "word-fonts.json").exists()
