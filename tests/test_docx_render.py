"""The DOCX as LibreOffice lays it out: 22 lines a page, 28 characters a line, masthead and rule in place.

Runs scripts/render_docx.py for real; skips (saying why) where LibreOffice or poppler is not installed.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from planbook.core.exchange import dumps

from .conftest import ROOT, sample_plan

SCRIPT = ROOT / "scripts" / "render_docx.py"


def long_plan():
    plan = sample_plan(sections=3, tasks_per_section=6)
    text = "坚持以人民为中心的发展思想，深化教育领域综合改革，推进教育治理体系和治理能力现代化，办好人民满意的教育。"
    for node in plan.walk():
        node.body = text * 3
    plan.notice.body = text
    return plan


def test_render_script_says_when_libreoffice_is_missing(tmp_path):
    src = tmp_path / "p.json"
    src.write_text(dumps(sample_plan()), encoding="utf-8")
    env = {**os.environ, "PATH": str(Path(sys.executable).parent)}
    r = subprocess.run(
        [sys.executable, SCRIPT, src, "-o", tmp_path / "out"], capture_output=True, text=True, env=env, timeout=60
    )
    assert r.returncode == 2 and "LibreOffice is not installed" in r.stderr


@pytest.mark.skipif(
    not (shutil.which("soffice") and shutil.which("pdftotext")),
    reason="LibreOffice (soffice) and poppler-utils (pdftotext) are needed to render",
)
def test_libreoffice_renders_22_lines_of_28(tmp_path):
    src = tmp_path / "plan.json"
    src.write_text(dumps(long_plan()), encoding="utf-8")
    r = subprocess.run([sys.executable, SCRIPT, src, "-o", tmp_path], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    pdf = Path(r.stdout.splitlines()[0])
    bbox = subprocess.run(["pdftotext", "-bbox-layout", pdf, "-"], capture_output=True, text=True, check=True).stdout
    pages = bbox.split("<page ")[1:]
    assert len(pages) >= 4
    lines_per_page, chars_per_line = Counter(), Counter()
    for page in pages[2:-1]:  # full pages of the plan
        rows = re.findall(
            r'<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">(.*?)</line>', page, re.S
        )
        body = [r for r in rows if float(r[1]) * 25.4 / 72 < 263]  # above the page number
        lines_per_page[len(body)] += 1
        for x0, _y, x1, words in body:
            text = "".join(re.findall(r">([^<]+)</word>", words))
            if (
                abs(float(x0) * 25.4 / 72 - 28) < 0.5
                and float(x1) * 25.4 / 72 > 183
                and not re.search(r"\w", text, re.A)
            ):
                chars_per_line[len(text)] += 1
    assert lines_per_page.most_common(1)[0][0] == 22, lines_per_page
    assert chars_per_line.most_common(1)[0][0] == 28, chars_per_line
    first = pages[0]
    head = re.search(r'<line xMin="[\d.]+" yMin="([\d.]+)"[^>]*>.*?某市教育局文件', first, re.S)
    assert head and 68 < float(head.group(1)) * 25.4 / 72 < 74  # masthead top ≈ 72 mm from the paper's top


@pytest.mark.skipif(
    not (shutil.which("soffice") and shutil.which("pdftotext")),
    reason="LibreOffice (soffice) and poppler-utils (pdftotext) are needed to render",
)
def test_libreoffice_keeps_body_and_signature_on_page_one(tmp_path):
    """The defect this guards: with keep-with-next alone, LibreOffice moved the one-paragraph body of a crowded
    notice to page 2 with the signature, leaving page 1 without 正文 (7.3.3). The tightened pitch keeps all on 1."""
    from .conftest import crowded_notice_plan

    plan = crowded_notice_plan()
    src = tmp_path / "plan.json"
    src.write_text(dumps(plan), encoding="utf-8")
    r = subprocess.run([sys.executable, SCRIPT, src, "-o", tmp_path], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    pdf = Path(r.stdout.splitlines()[0])
    page1 = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", "-layout", pdf, "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = re.sub(r"\s+", "", page1)
    assert "现将《湖南省教育厅" in flat and flat.index("认真贯彻落实。") < flat.index("2020年3月6日"), page1
    assert all(s in flat for s in plan.notice.signers)
    page2 = subprocess.run(
        ["pdftotext", "-f", "2", "-l", "2", pdf, "-"], capture_output=True, text=True, check=True
    ).stdout
    assert re.sub(r"\s+", "", page2).startswith(re.sub(r"\s+", "", plan.title)[:8])


@pytest.mark.skipif(
    not (shutil.which("soffice") and shutil.which("pdftotext")),
    reason="LibreOffice (soffice) and poppler-utils (pdftotext) are needed to render",
)
@pytest.mark.parametrize("paragraphs", [2, 5, 12])
def test_libreoffice_never_leaves_page_one_without_body_or_the_signature_alone(tmp_path, paragraphs):
    from .conftest import crowded_notice_plan

    plan = crowded_notice_plan()
    sentence = "现将工作要点印发给你们，请结合实际认真贯彻落实，确保各项任务落到实处。"
    plan.notice.body = "\n".join(f"{i + 1}{sentence * (1 + i % 3)}" for i in range(paragraphs))
    src = tmp_path / "plan.json"
    src.write_text(dumps(plan), encoding="utf-8")
    r = subprocess.run([sys.executable, SCRIPT, src, "-o", tmp_path], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    pdf = Path(r.stdout.splitlines()[0])
    pages = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True, check=True).stdout.split("\f")
    flat = [re.sub(r"\s+", "", page) for page in pages]
    assert "1现将工作要点" in flat[0]  # 正文 on page 1 (7.3.3)
    date_page = next(i for i, page in enumerate(flat) if "2020年3月6日" in page)
    before_signature = flat[date_page].split(plan.notice.signers[0])[0]
    assert "落到实处。" in before_signature  # body text above the signature on its page (7.3.5.5)


@pytest.mark.skipif(
    not (shutil.which("soffice") and shutil.which("pdftotext")),
    reason="LibreOffice (soffice) and poppler-utils (pdftotext) are needed to render",
)
def test_joint_notice_of_three_keeps_its_body_on_page_1_in_libreoffice(tmp_path):
    """LibreOffice moves a keep-with-next paragraph whole; the body's first line stays on page 1 (7.3.3), as in the
    PDF, and only its last line goes over with the signature."""
    from .test_layout import joint_three_plan

    src = tmp_path / "plan.json"
    src.write_text(dumps(joint_three_plan()), encoding="utf-8")
    r = subprocess.run([sys.executable, SCRIPT, src, "-o", tmp_path], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    pdf = Path(r.stdout.splitlines()[0])
    page = [
        subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), pdf, "-"], capture_output=True, text=True).stdout
        for n in (1, 2)
    ]
    flat = [re.sub(r"\s+", "", p) for p in page]
    assert "现将《某市教育局2021年工作要点》印发给你们，请认真贯" in flat[0]
    assert flat[1].startswith("彻落实。") and "2021年3月6日" in flat[1]


@pytest.mark.skipif(
    not (shutil.which("soffice") and shutil.which("pdftotext")),
    reason="LibreOffice (soffice) and poppler-utils (pdftotext) are needed to render",
)
def test_signature_and_seal_sit_where_the_pdf_puts_them_in_libreoffice(tmp_path):
    """Sealed (7.3.5.1: date 右空四字, 署名 and seal centred over it) and unsealed joint (7.3.5.2: 署名 右空二字,
    the date two characters right of its first character): every name and the date start where our PDF starts
    them (± 0.5 mm; LibreOffice once put a 17-cell indent a whole cell right), the seal centred over the date."""
    import pdfplumber

    from planbook.core.model import Sealing
    from planbook.exporters.docx_writer import export_docx
    from planbook.exporters.pdf_writer import write_pdf

    from .pdfcheck import MM, read_pdf
    from .test_issuing import notice_plan
    from .test_pagination import _libreoffice

    organs = ["某市教育局", "某市财政局", "某市人力资源和社会保障局"]
    plans = {"sealed": notice_plan(organs[:1], seals=True), "joint": notice_plan(organs, Sealing.UNSEALED)}
    (tmp_path / "lo").mkdir()
    for name, plan in plans.items():
        write_pdf(plan, tmp_path / f"{name}.pdf", "notice")
        export_docx(plan, tmp_path / "lo" / f"{name}.docx")
    _libreoffice([str(tmp_path / "lo" / f"{name}.docx") for name in plans], tmp_path / "lo")
    for name in plans:
        starts = []
        for pdf in (tmp_path / f"{name}.pdf", tmp_path / "lo" / f"{name}.pdf"):
            doc = read_pdf(pdf)
            date = next(x for x in doc.lines if x.text.replace(" ", "") == "2021年3月6日")
            found = {"date": (date.x0_mm, date.x1_mm)}
            for line in doc.on_page(date.page):
                text = line.text.replace(" ", "")
                for organ in organs:
                    if organ in text:
                        at = line.text.find(organ)
                        found[organ] = (line.chars[at]["x0"] / MM, line.chars[at + len(organ) - 1]["x1"] / MM)
            starts.append(found)
            if name == "sealed":
                with pdfplumber.open(pdf) as p:
                    (seal,) = p.pages[date.page - 1].images
                centre = (seal["x0"] + seal["x1"]) / 2 / MM
                assert abs(centre - (date.x0_mm + date.x1_mm) / 2) < 1.0, f"{pdf}: seal at {centre:.2f} mm"
                assert abs(date.x1_mm - (28 + 24 * 156 / 28)) < 0.8, f"{pdf}: date ends at {date.x1_mm:.2f} mm"
        ours, theirs = starts
        assert ours.keys() == theirs.keys() and len(ours) == 1 + len(plans[name].notice.signers)
        for key, (x0, _x1) in ours.items():
            assert abs(theirs[key][0] - x0) < 0.5, f"{name}: {key} starts at {theirs[key][0]:.2f}, PDF {x0:.2f}"
