"""Hostile and broken input: each gets one clear line on stderr, no traceback, and nothing in the library."""

from __future__ import annotations

import io
import json
import os
import pty
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest

from tests.conftest import ROOT, run_cli

PLAN = "某市教育局2021年工作要点\n总体要求是……\n一、加强党建\n1.抓好学习。具体措施。\n牵头单位：办公室\n"


def assert_refused(path: Path, library: Path, *words: str) -> str:
    r = run_cli("import", path, library=library)
    assert r.code == 1
    assert "Traceback" not in r.err and len(r.err.strip().splitlines()) == 1, r.err
    for word in words:
        assert word in r.err
    if library.exists():
        assert json.loads(run_cli("list", "--json", library=library).out) == []
    return r.err


def test_fifty_megabyte_file_is_refused_unread(tmp_path, library):
    for name in ("big.txt", "big.html", "big.docx"):
        path = tmp_path / name
        with path.open("wb") as f:
            f.truncate(50 * 1024 * 1024)  # sparse: the size is there, the disk is not used
        assert_refused(path, library, "too large")


def test_binary_and_image_files(tmp_path, library):
    (tmp_path / "random.txt").write_bytes(bytes(range(256)) * 40)
    assert_refused(tmp_path / "random.txt", library, "binary")
    (tmp_path / "picture.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(500))
    assert_refused(tmp_path / "picture.txt", library, "image")
    (tmp_path / "scan.txt").write_bytes(b"%PDF-1.7\n" + os.urandom(500))
    assert_refused(tmp_path / "scan.txt", library, "PDF")


def test_empty_and_blank_files(tmp_path, library):
    for name, data in (
        ("empty.txt", b""),
        ("blank.txt", "\n \u3000\n\n".encode()),
        ("empty.html", b""),
        ("empty.docx", b""),
    ):
        (tmp_path / name).write_bytes(data)
        assert_refused(tmp_path / name, library)


def test_text_without_a_plan(tmp_path, library):
    (tmp_path / "letter.txt").write_text("各位同事：\n明天下午开会。\n", encoding="utf-8")
    assert_refused(tmp_path / "letter.txt", library, "no plan structure")


def test_undecodable_text_is_an_error_not_mojibake(tmp_path, library):
    (tmp_path / "latin1.txt").write_bytes("Plan d'action: café, naïve, élève. 1. Lire.\n".encode("latin-1"))
    assert_refused(tmp_path / "latin1.txt", library, "encoding")
    (tmp_path / "big5.txt").write_bytes(PLAN.encode("big5", errors="ignore") * 3)
    assert_refused(tmp_path / "big5.txt", library, "encoding")
    (tmp_path / "utf16.txt").write_bytes(PLAN.encode("utf-16-le"))  # no byte-order mark
    assert_refused(tmp_path / "utf16.txt", library, "UTF-16 text without a byte-order mark")


def test_docx_that_is_not_a_zip(tmp_path, library):
    (tmp_path / "plan.docx").write_text(PLAN, encoding="utf-8")
    assert_refused(tmp_path / "plan.docx", library, "not a zip")
    (tmp_path / "old.docx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    assert_refused(tmp_path / "old.docx", library, ".doc")
    (tmp_path / "other.docx").write_bytes(_zip({"readme.txt": b"hello"}))
    assert_refused(tmp_path / "other.docx", library, "not a Word document")
    (tmp_path / "cut.docx").write_bytes(_real_docx()[:3000])  # a download cut short
    assert_refused(tmp_path / "cut.docx", library, "not a readable Word")


def test_zip_bombs_named_docx_are_refused_before_inflating(tmp_path, library):
    bomb = tmp_path / "bomb.docx"
    with (
        zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z,
        z.open("word/document.xml", "w", force_zip64=True) as member,
    ):
        chunk = b"\0" * (1 << 20)
        for _ in range(110):
            member.write(chunk)
    assert bomb.stat().st_size < 1024 * 1024
    assert_refused(bomb, library, "zip bomb")
    ratio = tmp_path / "ratio.docx"
    ratio.write_bytes(_zip({"[Content_Types].xml": b"<Types/>", "word/media/x.bin": b"\0" * (8 << 20)}))
    assert_refused(ratio, library, "zip bomb")


def test_xml_entities_are_refused(tmp_path, library):
    data = _real_docx()
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    xml = parts["word/document.xml"].decode()
    decl_end = xml.index("?>") + 2
    parts["word/document.xml"] = (
        xml[:decl_end]
        + '<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        + xml[decl_end:].replace("抓好学习", "&x;")
    ).encode()
    (tmp_path / "xxe.docx").write_bytes(_zip(parts))
    err = assert_refused(tmp_path / "xxe.docx", library, "DOCTYPE")
    assert "root:" not in err


def test_a_folder_goes_on_past_bad_files(tmp_path, library):
    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "a_good.txt").write_text(PLAN, encoding="utf-8")
    (folder / "b_bad.docx").write_text("not a docx", encoding="utf-8")
    (folder / "c_good.docx").write_bytes(_real_docx())
    (folder / "d_empty.txt").write_bytes(b"")
    (folder / "notes.pptx").write_bytes(b"PK")
    (folder / ".hidden.txt").write_text(PLAN, encoding="utf-8")
    r = run_cli("import", folder, library=library)
    assert r.code == 1
    assert "Traceback" not in r.err
    assert "imported 2 file(s), skipped 2, ignored 1 unsupported file(s)" in r.err
    assert "skipped" in r.err and "b_bad.docx" in r.err and "d_empty.txt" in r.err
    titles = [p["title"] for p in json.loads(run_cli("list", "--json", library=library).out)]
    assert titles == ["某市教育局2021年工作要点"] * 2
    assert "\r" not in r.err  # no progress bar when stderr is not a terminal


def test_progress_bar_on_a_terminal(tmp_path, library):
    folder = tmp_path / "plans"
    folder.mkdir()
    for i in range(3):
        (folder / f"p{i}.txt").write_text(PLAN, encoding="utf-8")
    main, secondary = pty.openpty()
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "PLANBOOK_LIBRARY": str(library)}
    proc = subprocess.run(
        [sys.executable, "-m", "planbook", "import", str(folder)],
        stdout=subprocess.PIPE,
        stderr=secondary,
        env=env,
        cwd=ROOT,
        timeout=120,
    )
    os.close(secondary)
    seen = b""
    while True:
        try:
            chunk = os.read(main, 4096)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    os.close(main)
    assert proc.returncode == 0
    assert b"3/3" in seen and b"\r" in seen
    assert len(proc.stdout.decode().splitlines()) == 3


def test_missing_file_and_empty_folder(tmp_path, library):
    r = run_cli("import", tmp_path / "nope.txt", library=library)
    assert r.code == 1 and "cannot read" in r.err and "Traceback" not in r.err
    (tmp_path / "empty").mkdir()
    r = run_cli("import", tmp_path / "empty", library=library)
    assert r.code == 1 and "no file to import" in r.err
    assert not library.exists()


@pytest.mark.parametrize("flag", ["--dry-run", "--json"])
def test_failed_dry_run_writes_nothing(tmp_path, library, flag):
    (tmp_path / "x.txt").write_bytes(b"")
    r = run_cli("import", "--dry-run", flag, tmp_path / "x.txt", library=library)
    assert r.code == 1 and not library.exists()


def _zip(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return out.getvalue()


def _real_docx() -> bytes:
    document = docx.Document()
    for line in PLAN.splitlines():
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_deeply_nested_html_is_read_without_recursion_errors(tmp_path, library):
    page = "<div>" * 50_000 + "某局2021年工作要点<p>一、甲</p><p>1.乙。丙。</p>" + "<table><tr><td>" * 3000
    (tmp_path / "deep.html").write_text(page, encoding="utf-8")
    r = run_cli("import", "--dry-run", "--json", tmp_path / "deep.html", library=library)
    assert r.code == 0, r.err
    plan = json.loads(r.out)["plan"]
    assert plan["nodes"][0]["title"] == "甲" and plan["nodes"][0]["children"][0]["title"] == "乙。"


def test_an_unusable_library_stops_the_import_with_one_message(tmp_path):
    bad = tmp_path / "notes.db"
    bad.write_text("my notes, not a library", encoding="utf-8")
    for i in range(2):
        (tmp_path / f"p{i}.txt").write_text(PLAN, encoding="utf-8")
    r = run_cli("import", tmp_path / "p0.txt", tmp_path / "p1.txt", library=bad)
    assert r.code == 1 and len(r.err.strip().splitlines()) == 1 and "not a Planbook library" in r.err
    assert bad.read_text(encoding="utf-8") == "my notes, not a library"
