"""PDFs other offices' Word made, read back: each seed written as a .docx in another office's look (a 12 pt body
and a one-line title Word wraps, bold 黑体 headings and no masthead, a running head repeating the title, page
numbers in the foot; `foreign_docx`), turned into PDF by LibreOffice, imports to the plan its text gives: the same
tree, fields, numbering mode and notice. So does every kind and real document in tests/data, printed by us and in
the same looks.

It skips, saying why, where soffice is not installed.
"""

from __future__ import annotations

import copy
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from planbook.core.punctuation import cjk_punctuation
from planbook.exporters import EXPORTERS
from planbook.importers import import_file, import_with_warnings
from planbook.importers.plaintext import parse_text
from planbook.layout.blocks import NoticeIncomplete, build_document

from .conftest import SEEDS
from .foreign_docx import LOOKS, write
from .test_import_kinds import notice_facts, shape

PREFIXES = ["000", "001", "002", "003", "004"]
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    """seed prefix → its plan as the text gives it; the folder of {prefix}-{look}.pdf."""
    if not SOFFICE:
        pytest.skip("LibreOffice (soffice) is not installed: it turns the .docx files into PDF")
    if not SEEDS.is_dir():
        pytest.skip(f"the seed plans are not at {SEEDS}")
    folder = tmp_path_factory.mktemp("looks")
    plans, docs = {}, []
    for prefix in PREFIXES:
        plans[prefix] = parse_text(next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")).plans[0]
    # a title no word of which says it is one, over its issuer's name: only its size and place tell
    plans["000t"] = copy.deepcopy(plans["000"])
    plans["000t"].title = "2017年全市教育系统重点攻坚事项"
    plans["000t"].issuers = ["湘潭市教育局"]
    for prefix in plans:
        EXPORTERS["pdf"](plans[prefix], folder / f"{prefix}-ours.pdf", _layout(plans[prefix]))
        for look in LOOKS:
            docs.append(folder / f"{prefix}-{look.name}.docx")
            write(plans[prefix], docs[-1], look)
    _to_pdf(folder, docs)
    return plans, folder


@pytest.mark.parametrize("look", ["ours", *(look.name for look in LOOKS)])
@pytest.mark.parametrize("prefix", [*PREFIXES, "000t"])
def test_another_offices_pdf_reads_as_its_text(printed, prefix, look):
    plans, folder = printed
    original = plans[prefix]
    back = import_with_warnings(folder / f"{prefix}-{look}.pdf").plans[0]
    assert shape(back) == shape(original)
    assert back.numbering == original.numbering
    assert notice_facts(back) == notice_facts(original)


# ---- every kind and real document in tests/data, as our PDF and in the other offices' looks ---------------------

DATA = Path(__file__).parent / "data"
# (source stem, why its printed copy cannot read back as its text)
NOT_BACK = {
    # a task title ending in a colon runs on into its text in print, and reads back as a longer first sentence
    "r18_anhui_opinion_2001": "a task title ending in “：” runs on into its text",
}


def _sources() -> list[Path]:
    found = [*sorted(DATA.glob("kinds/*.txt")), *sorted(DATA.glob("kinds/*.md"))]
    return found + sorted(DATA.glob("real/*.txt")) + sorted(DATA.glob("real/*.html"))


def _layout(plan) -> str:
    """The notice layout when the notice can be issued, else the plan alone (as a clerk would print it)."""
    try:
        build_document(plan, "notice")
    except NoticeIncomplete:
        return "plan"
    return "notice"


@pytest.fixture(scope="module")
def printed_data(tmp_path_factory):
    """source stem → (plan, layout); the folder of {stem}@ours.pdf and {stem}@{look}.pdf."""
    if not SOFFICE:
        pytest.skip("LibreOffice (soffice) is not installed: it turns the .docx files into PDF")
    folder = tmp_path_factory.mktemp("looks-data")
    plans, docs = {}, []
    for source in _sources():
        plan = import_file(source)[0]
        if not plan.nodes or source.stem in NOT_BACK:
            continue  # a notice alone prints no plan to read back
        layout = _layout(plan)
        plans[source.stem] = plan, layout
        EXPORTERS["pdf"](plan, folder / f"{source.stem}@ours.pdf", layout)
        for look in LOOKS:
            docs.append(folder / f"{source.stem}@{look.name}.docx")
            write(plan, docs[-1], look)
    _to_pdf(folder, docs)
    return plans, folder


def _to_pdf(folder: Path, docs: list[Path]) -> None:
    subprocess.run(
        [
            str(SOFFICE),
            f"-env:UserInstallation=file://{folder / 'profile'}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            *map(str, docs),
        ],
        check=True,
        capture_output=True,
        timeout=900,
    )


def _facts(plan, layout: str) -> tuple:
    """What print keeps of the notice and the plan's name: spaces a web copy put inside a line and half-width
    brackets are print's own business (a justified line has no spaces; print sets （ ）)."""

    def tidy(value):
        if isinstance(value, str):
            value = value.replace("〈", "").replace("〉", "")  # LibreOffice's fonts here have no glyph for them
            return re.sub(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])", "", cjk_punctuation(value))
        return [tidy(v) for v in value] if isinstance(value, list) else value

    facts = notice_facts(plan) if layout == "notice" else (plan.title,)  # the plan alone prints no notice
    return tuple(tidy(v) for v in facts)


@pytest.mark.parametrize("look", ["ours", *(look.name for look in LOOKS)])
def test_every_kind_and_real_document_reads_back_from_print(printed_data, look):
    plans, folder = printed_data
    wrong = []
    for stem, (plan, layout) in plans.items():
        back = import_with_warnings(folder / f"{stem}@{look}.pdf").plans[0]
        if shape(back) != shape(plan) or back.numbering != plan.numbering:
            wrong.append(f"{stem}: structure")
        elif _facts(back, layout) != _facts(plan, layout):
            wrong.append(f"{stem}: {_facts(back, layout)} ≠ {_facts(plan, layout)}")
    assert not wrong
    assert len(plans) >= 20
