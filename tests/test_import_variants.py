"""Hand-made variations of the seed plans import to the same structure as the originals.

All variants go through one `planbook import --dry-run --json FOLDER` run, as a user importing a folder would.
"""

from __future__ import annotations

import html
import json
import textwrap
import unicodedata
from pathlib import Path

import docx
import pytest

from tests.conftest import SEEDS, run_cli

HALF_FULL = str.maketrans(
    {
        ",": "，",
        "，": ",",
        ":": "：",
        "：": ":",
        "(": "（",
        "（": "(",
        ")": "）",
        "）": ")",
        ";": "；",
        "；": ";",
        "!": "！",
        "！": "!",
        "?": "？",
        "？": "?",
    }
)


def gbk(text: str) -> bytes:
    # GBK has no NBSP or bullet; a GBK page would have used these instead
    return text.replace("\u00a0", "\u3000").replace("\u2022", "\u00b7").encode("gbk")


def punctuation_swapped(text: str) -> str:
    out = text.translate(HALF_FULL)
    # task numbers 1. ↔ 1．
    return "\n".join(_swap_task_dot(line) for line in out.split("\n"))


def _swap_task_dot(line: str) -> str:
    stripped = line.lstrip()
    digits = len(stripped) - len(stripped.lstrip("0123456789"))
    if digits and stripped[digits : digits + 1] in (".", "．"):
        dot = "．" if stripped[digits] == "." else "."
        return line[: len(line) - len(stripped)] + stripped[:digits] + dot + stripped[digits + 1 :]
    return line


def blank_lines(text: str) -> str:
    lines = []
    for line in text.split("\n"):
        lines += [line + " \u3000", "", "\u00a0\u3000", "\t"]
    return "\n".join(lines)


def hard_wrapped(text: str, width: int = 60) -> str:
    """What copying out of a PDF gives: every paragraph broken at a fixed printed width, mid-sentence
    (a Chinese character is two columns wide, a digit or Latin letter one)."""
    out = []
    for line in text.split("\n"):
        line, piece, used = line.strip(), "", 0
        for ch in line:
            w = 2 if unicodedata.east_asian_width(ch) in "WF" else 1
            if used + w > width:
                out.append(piece)
                piece, used = "", 0
            piece += ch
            used += w
        out.append(piece)
    # a PDF's page numbers come along, between any two lines
    for page, at in enumerate(range(45, len(out), 45), start=2):
        out.insert(at + page - 2, f"— {page} —")
    return "\n".join(out)


def char_wrapped(text: str, width: int = 33) -> str:
    """The same by character count, as some PDF extractors do."""
    out = []
    for line in text.split("\n"):
        line = line.strip()
        out += textwrap.wrap(line, width, break_long_words=True, break_on_hyphens=False) if line else [""]
    return "\n".join(out)


def html_page(text: str) -> str:
    paragraphs = "".join(
        f"<p style='text-indent:2em'>{html.escape(line).replace(' ', '&nbsp;')}</p>\n"
        for line in text.split("\n")
        if line.strip()
    )
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>页面</title>"
        "<script>document.write('<p>一、脚本里的标题</p>')</script><style>p{margin:0}</style>"
        "<link rel='stylesheet' href='http://example.invalid/x.css'></head><body>"
        "<div class='nav'><a href='/'>网站首页</a> | <a href='/x'>机构概况</a></div>"
        "<table width='100%'><tr><td><div class='content'>" + paragraphs + "</div></td></tr></table>"
        "<div style='display:none'>1.隐藏的任务。</div><img src='http://example.invalid/a.png'>"
        "</body></html>"
    )


def docx_bytes(text: str, path: Path) -> None:
    document = docx.Document()
    for line in text.split("\n"):
        document.add_paragraph(line)
    document.save(path)


VARIANTS = {
    "gbk.txt": lambda t, p: p.write_bytes(gbk(t)),
    "gb18030.txt": lambda t, p: p.write_bytes(t.encode("gb18030")),
    "bom.txt": lambda t, p: p.write_bytes(b"\xef\xbb\xbf" + t.replace("\n", "\r\n").encode()),
    "utf16.txt": lambda t, p: p.write_bytes(t.encode("utf-16")),
    "utf16be.txt": lambda t, p: p.write_bytes(b"\xfe\xff" + t.encode("utf-16-be")),
    "word.docx": lambda t, p: docx_bytes(t, p),
    "page.html": lambda t, p: p.write_text(html_page(t), encoding="utf-8"),
    "page-gbk.htm": lambda t, p: p.write_bytes(gbk(html_page(t).replace("charset='utf-8'", "charset='gbk'"))),
    "punct.txt": lambda t, p: p.write_text(punctuation_swapped(t), encoding="utf-8"),
    "blank.txt": lambda t, p: p.write_text(blank_lines(t), encoding="utf-8"),
    "wrapped.txt": lambda t, p: p.write_text(hard_wrapped(t), encoding="utf-8"),
    "charwrapped.txt": lambda t, p: p.write_text(char_wrapped(t), encoding="utf-8"),
}


def norm(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def shape(nodes) -> list:
    return [(n["kind"], norm(n["title"]), [f["label"] for f in n["fields"]], shape(n["children"])) for n in nodes]


def signature(doc: dict) -> dict:
    plan = doc["plan"]
    notice = plan["notice"]
    return {
        "title": norm(plan["title"]),
        "year": plan["year"],
        "numbering": plan["numbering"],
        "issuers": [norm(i) for i in plan["issuers"]],
        "doc_number": notice["doc_number"],
        "signed_on": notice["signed_on"],
        "signers": notice["signers"],
        "tree": shape(plan["nodes"]),
        "closing": bool(plan["closing"]),
    }


@pytest.fixture(scope="module")
def imported(tmp_path_factory) -> dict[str, dict]:
    """Every variant of every seed, recognised in one CLI run (the `seeds` fixture is per-test; this is not)."""
    if not SEEDS.is_dir():
        pytest.skip(f"the seed plans are not at {SEEDS}")
    folder = tmp_path_factory.mktemp("variants")
    for source in sorted(SEEDS.glob("*.txt")):
        text = source.read_text(encoding="utf-8")
        prefix = source.name[:3]
        (folder / f"{prefix}_original.txt").write_text(text, encoding="utf-8")
        for name, make in VARIANTS.items():
            make(text, folder / f"{prefix}_{name}")
    r = run_cli("import", "--dry-run", "--json", folder)
    assert r.code == 0, r.err
    return {Path(d["source"]).name: d for d in json.loads(r.out)}


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_variant_gives_the_same_structure(imported, prefix, variant):
    original = imported[f"{prefix}_original.txt"]
    doc = imported[f"{prefix}_{variant}"]
    assert signature(doc) == signature(original)


@pytest.mark.parametrize("prefix", ["001", "003"])
def test_field_values_survive_hard_wraps_and_encodings(imported, prefix):
    def values(doc):
        return [norm(f["value"]) for n in _walk(doc["plan"]["nodes"]) for f in n["fields"]]

    original = values(imported[f"{prefix}_original.txt"])
    for variant in ("wrapped.txt", "gbk.txt", "word.docx", "page.html"):
        assert values(imported[f"{prefix}_{variant}"]) == original, variant


def test_html_scripts_and_hidden_text_are_not_read(imported):
    text = json.dumps(imported["003_page.html"], ensure_ascii=False)
    assert "脚本里的标题" not in text and "隐藏的任务" not in text
    assert "网站首页" not in json.dumps(imported["003_page.html"]["plan"]["nodes"], ensure_ascii=False)


def _walk(nodes):
    for n in nodes:
        yield n
        yield from _walk(n["children"])
