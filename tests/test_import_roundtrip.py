"""Round trip through print: each seed, exported as our PDF, as DOCX, as LibreOffice's PDF of that DOCX and as a
Word 97 .doc that LibreOffice saves from it, imports back to the plan it was: the same tree, titles, fields,
numbering mode and notice (发文字号, title, recipients, signers, 成文日期, plan title and year).

The LibreOffice cases skip, saying why, where soffice is not installed.
"""

from __future__ import annotations

import shutil
import subprocess

import pytest

from planbook.core.punctuation import cjk_punctuation
from planbook.exporters import EXPORTERS
from planbook.importers import import_with_warnings
from planbook.importers.plaintext import parse_text

from .conftest import SEEDS
from .test_import_kinds import notice_facts, shape

PREFIXES = ["000", "001", "002", "003", "004"]
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    """seed prefix → (original plan, folder with {prefix}.pdf, .docx and, with LibreOffice, lo/{prefix}.pdf, .doc)."""
    if not SEEDS.is_dir():
        pytest.skip(f"the seed plans are not at {SEEDS}")
    folder = tmp_path_factory.mktemp("roundtrip")
    plans = {}
    for prefix in PREFIXES:
        plan = parse_text(next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")).plans[0]
        plans[prefix] = plan
        for fmt in ("pdf", "docx"):
            EXPORTERS[fmt](plan, folder / f"{prefix}.{fmt}", "notice")
    if SOFFICE:
        docs = [str(folder / f"{p}.docx") for p in PREFIXES]
        profile = folder / "profile"
        for target, out in (("pdf", folder / "lo"), ('doc:MS Word 97', folder)):
            subprocess.run([SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", target,
                            "--outdir", str(out), *docs], check=True, capture_output=True, timeout=600)
    return plans, folder


@pytest.mark.parametrize("kind", ["pdf", "docx", "lo/pdf", "doc"])
@pytest.mark.parametrize("prefix", PREFIXES)
def test_seed_comes_back_from_print(exported, prefix, kind):
    plans, folder = exported
    if kind in ("lo/pdf", "doc") and not SOFFICE:
        pytest.skip("LibreOffice (soffice) is not installed: it writes the .doc and its own PDF")
    path = folder / (f"lo/{prefix}.pdf" if kind == "lo/pdf" else f"{prefix}.{kind}")
    result = import_with_warnings(path)
    original, back = plans[prefix], result.plans[0]
    assert shape(back) == shape(original)
    assert back.numbering == original.numbering
    assert notice_facts(back) == notice_facts(original)
    assert cjk_punctuation(back.preamble) == cjk_punctuation(original.preamble)


def test_scanned_pdf_is_refused_with_what_to_do(tmp_path):
    """A PDF of pictures only (a scan) has no text to import: the clerk is told, no empty plan is made."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.rect(100, 100, 300, 500, fill=1)  # a page with marks on it but no text
    c.showPage()
    c.save()
    with pytest.raises(Exception) as e:
        import_with_warnings(path)
    assert "no text layer" in str(e.value) and "OCR" in str(e.value)


def test_broken_pdf_and_doc_are_refused_in_one_sentence(tmp_path):
    bad_pdf = tmp_path / "bad.pdf"
    bad_pdf.write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 100)
    bad_doc = tmp_path / "bad.doc"
    bad_doc.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    for path in (bad_pdf, bad_doc):
        with pytest.raises(Exception) as e:
            import_with_warnings(path)
        message = str(e.value)
        assert path.name in message and "\n" not in message and "Traceback" not in message


def test_pdf_import_through_the_cli(exported, tmp_path):
    """`planbook import x.pdf` stores the plan, as for any other file."""
    import json

    from .conftest import run_cli

    _, folder = exported
    r = run_cli("import", "--dry-run", "--json", folder / "003.pdf")
    assert r.code == 0, r.err
    plan = json.loads(r.out)["plan"]
    assert plan["notice"]["doc_number"] == "湘教发〔2020〕8号"
    assert len(plan["nodes"]) == 8
