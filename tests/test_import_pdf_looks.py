"""PDFs other offices' Word made, read back: each seed written as a .docx in another office's look (a 12 pt body
and a one-line title Word wraps, bold 黑体 headings and no masthead, a running head repeating the title, page
numbers in the foot; `foreign_docx`), turned into PDF by LibreOffice, imports to the plan its text gives: the same
tree, fields, numbering mode and notice.

It skips, saying why, where soffice is not installed.
"""

from __future__ import annotations

import shutil
import subprocess

import pytest

from planbook.importers import import_with_warnings
from planbook.importers.plaintext import parse_text

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
        for look in LOOKS:
            docs.append(folder / f"{prefix}-{look.name}.docx")
            write(plans[prefix], docs[-1], look)
    subprocess.run(
        [
            SOFFICE,
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
        timeout=600,
    )
    return plans, folder


@pytest.mark.parametrize("look", [look.name for look in LOOKS])
@pytest.mark.parametrize("prefix", PREFIXES)
def test_another_offices_pdf_reads_as_its_text(printed, prefix, look):
    plans, folder = printed
    original = plans[prefix]
    back = import_with_warnings(folder / f"{prefix}-{look}.pdf").plans[0]
    assert shape(back) == shape(original)
    assert back.numbering == original.numbering
    assert notice_facts(back) == notice_facts(original)
