"""A notice that can always be issued: the masthead proposed where a copy lost it, incomplete notices refused, the
sealed layout (GB/T 9704 7.3.5.1) with electronic seals in both writers, stored in the library (schema v5) and kept
out of plan files unless asked."""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from pathlib import Path

import pytest

from planbook.core import editing
from planbook.core.checks import check_plan
from planbook.core.drafting import next_year_plan
from planbook.core.exchange import dumps, loads
from planbook.core.issuing import fill_masthead, propose_masthead
from planbook.core.library import Library
from planbook.core.model import Notice, Plan, Sealing
from planbook.core.schema import MIGRATIONS, SCHEMA_VERSION
from planbook.core.seals import SealError, read_seal, seal_png

from .conftest import library_at_version, run_cli, sample_plan
from .pdfcheck import LEFT_MM, MM, TYPE_W_MM, read_pdf

CELL_MM = TYPE_W_MM / 28


def seal_image(colour=(215, 25, 35, 235), size=300, margin=20, mode="RGBA") -> bytes:
    """A seal as an office scans one: a red ring and star on a transparent background, with some margin."""
    from PIL import Image, ImageDraw

    im = Image.new(mode, (size, size), (0, 0, 0, 0) if mode == "RGBA" else (255, 255, 255))
    d = ImageDraw.Draw(im)
    d.ellipse((margin, margin, size - margin, size - margin), outline=colour[: len(mode)], width=12)
    c = size / 2
    d.regular_polygon((c, c, size / 6), 5, fill=colour[: len(mode)])
    out = io.BytesIO()
    im.save(out, "PNG")
    return out.getvalue()


def notice_plan(signers=("某市教育局",), sealing=Sealing.SEALED, seals=False) -> Plan:
    plan = sample_plan()
    n = plan.notice
    n.masthead = " ".join(signers) + "文件"
    n.signers = list(signers)
    n.signed_on = dt.date(2021, 3, 6)
    n.sealing = sealing
    n.seals = [seal_png(seal_image())] * len(signers) if seals else []
    return plan


def messages(plan: Plan) -> list[tuple[str, object, str]]:
    return [(str(f.severity), f.where, str(f.message)) for f in check_plan(None, plan)]


# ---- the head is never empty ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "signers, issuers, title, expected",
    [
        (["南宁市教育局"], [], "", "南宁市教育局文件"),
        (["湖南省教育厅、中共湖南省委教育工作委员会"], [], "", "湖南省教育厅 中共湖南省委教育工作委员会文件"),
        (
            [],
            ["甲市教育局", "甲市财政局", "甲市人力资源和社会保障局"],
            "",
            "甲市教育局 甲市财政局 甲市人力资源和社会保障局文件",
        ),
        ([], [], "盘锦市人民政府办公室关于印发盘锦市推进教育高质量发展行动计划的通知", "盘锦市人民政府办公室文件"),
        ([], [], "关于印发《某局2021年工作要点》的通知", ""),
    ],
)
def test_masthead_proposed_from_the_issuing_organs(signers, issuers, title, expected):
    plan = Plan(title="某局2021年工作要点", issuers=issuers, notice=Notice(title=title, signers=signers))
    assert propose_masthead(plan) == expected


def test_joint_proposal_lays_out_as_a_joint_head():
    from planbook.layout import build_document

    plan = notice_plan()
    plan.notice.masthead, plan.issuers = "", ["湖南省教育厅", "中共湖南省委教育工作委员会"]
    plan.notice.signers = ["湖南省教育厅", "中共湖南省委教育工作委员会"]
    assert fill_masthead(plan) and plan.notice.masthead_proposed
    head = build_document(plan, "notice")[0]
    assert head.names == ["湖南省教育厅", "中共湖南省委教育工作委员会"] and head.suffix == "文件"


def test_only_a_printed_notice_in_file_format_gets_a_proposal():
    plan = Plan(title="某局2021年工作要点", issuers=["某局"], notice=Notice(index_no="001"))
    assert not fill_masthead(plan) and plan.notice.masthead == ""  # a web page's metadata is no notice
    plan = notice_plan()
    assert not fill_masthead(plan) and not plan.notice.masthead_proposed  # it has its own


def test_seeds_without_a_masthead_get_one_proposed_on_import(seeds, tmp_path):
    library = tmp_path / "lib.db"
    result = run_cli("import", *sorted(seeds.glob("00[234]_*.txt")), library=library)
    assert result.code == 0, result.err
    assert "proposed “南宁市教育局文件”" in result.err and "proposed “盘锦市人民政府办公室文件”" in result.err
    with Library.open(library) as lib:
        plans = {p.title: lib.load_plan(p.id) for p in lib.list_plans()}
    nanning = next(p for t, p in plans.items() if "南宁" in t)
    hunan = next(p for t, p in plans.items() if "湖南" in t)
    assert (nanning.notice.masthead, nanning.notice.masthead_proposed) == ("南宁市教育局文件", True)
    assert (hunan.notice.masthead, hunan.notice.masthead_proposed) == ("湖南省教育厅文件", False)
    assert (
        "error",
        "notice.masthead",
        "the masthead “南宁市教育局文件” was proposed by Planbook: confirm it or change it",
    ) in messages(nanning)
    assert not [m for m in messages(hunan) if m[1] == "notice.masthead"]


def test_confirming_the_proposal_clears_the_error_and_undo_brings_it_back(tmp_path):
    plan = notice_plan()
    plan.notice.masthead = ""
    fill_masthead(plan)
    with Library.open(tmp_path / "lib.db") as lib:
        pid = lib.add_plan(plan)
        undo = editing.apply(lib, editing.UpdatePlan.of(pid, **{"notice.masthead_proposed": False}))
        assert not [m for m in messages(lib.load_plan(pid)) if m[1] == "notice.masthead"]
        editing.apply(lib, undo.inverse)
        assert lib.load_plan(pid).notice.masthead_proposed


def test_next_years_draft_gets_a_proposed_head_and_keeps_the_seals():
    plan = notice_plan(seals=True)
    plan.notice.masthead = ""
    plan.notice.sealing = Sealing.SEALED
    draft = next_year_plan(plan)
    assert (draft.notice.masthead, draft.notice.masthead_proposed) == ("某市教育局文件", True)
    assert draft.notice.seals == plan.notice.seals and draft.notice.sealing is Sealing.SEALED


# ---- incomplete notices -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "blank, expected",
    [
        (("title",), "title (标题)"),
        (("recipients",), "recipients (主送机关)"),
        (("body",), "body (正文)"),
        (("title", "recipients", "body"), "title (标题), recipients (主送机关) and body (正文)"),
    ],
)
def test_incomplete_notice_is_an_error_in_the_check_and_refused_by_both_exports(tmp_path, blank, expected):
    plan = notice_plan()
    for part in blank:
        setattr(plan.notice, part, "")
    errors = [m for m in messages(plan) if m[0] == "error"]
    assert [m[1] for m in errors] == [f"notice.{part}" for part in blank]
    library = tmp_path / "lib.db"
    with Library.open(library) as lib:
        pid = lib.add_plan(plan)
    for fmt in ("pdf", "docx"):
        out = tmp_path / f"out.{fmt}"
        result = run_cli("export", pid, "--format", fmt, "-o", out, library=library)
        assert result.code != 0 and not out.exists()
        assert f"the notice cannot be issued without its {expected}" in result.err
        assert len(result.err.strip().splitlines()) == 1
        assert run_cli("export", pid, "--format", fmt, "--layout", "plan", "-o", out, library=library).code == 0


def test_a_number_alone_is_not_printed_as_a_notice(tmp_path):
    plan = Plan(title="某局2021年工作要点", notice=Notice(doc_number="某教发〔2021〕3号"))
    assert {m[1] for m in messages(plan) if m[0] == "error"} >= {
        "notice.masthead",
        "notice.title",
        "notice.recipients",
        "notice.body",
    }


# ---- storage ------------------------------------------------------------------------------------------------


def test_issue_properties_round_trip_the_library_and_survive_deletion_undo(tmp_path):
    plan = notice_plan(["湖南省教育厅", "中共湖南省委教育工作委员会"], seals=True)
    plan.notice.masthead_proposed = True
    with Library.open(tmp_path / "lib.db") as lib:
        pid = lib.add_plan(plan)
        loaded = lib.load_plan(pid).notice
        assert (loaded.sealing, loaded.masthead_proposed, loaded.seals) == (Sealing.SEALED, True, plan.notice.seals)
        editing.apply(lib, editing.UpdatePlan.of(pid, **{"notice.sealing": Sealing.UNSEALED, "notice.seals": []}))
        assert (lib.load_plan(pid).notice.sealing, lib.load_plan(pid).notice.seals) == (Sealing.UNSEALED, [])
        undo = editing.apply(lib, editing.DeletePlan(pid))
        assert lib.db.execute("SELECT count(*) FROM notice_issue").fetchone()[0] == 0
        editing.apply(lib, undo.inverse)
        assert lib.load_plan(pid).notice.sealing is Sealing.UNSEALED


def test_a_library_from_before_v5_is_upgraded_and_its_notices_are_sealed_by_default(tmp_path):
    path = tmp_path / "old.db"
    before = next(i for i, m in enumerate(MIGRATIONS) if m.__name__.endswith("_notice_issue"))
    db = library_at_version(path, before)
    db["plans"].insert({"id": 1, "title": "某局2021年工作要点"})
    db["notices"].insert({"plan_id": 1, "title": "关于印发的通知", "signers": "[]"})
    db.conn.commit()
    db.close()
    with Library.open(path) as lib:
        assert lib.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        n = lib.load_plan(1).notice
        assert (n.title, n.sealing, n.masthead_proposed, n.seals) == ("关于印发的通知", Sealing.SEALED, False, [])


def test_seals_stay_out_of_plan_files_unless_asked(tmp_path):
    plan = notice_plan(seals=True)
    assert "seals" not in json.loads(dumps(plan))["plan"]["notice"]
    assert loads(dumps(plan)).notice.seals == []
    assert loads(dumps(plan, seals=True)).notice.seals == plan.notice.seals
    library = tmp_path / "lib.db"
    with Library.open(library) as lib:
        pid = lib.add_plan(plan)
    plain, sealed = tmp_path / "plain.json", tmp_path / "sealed.json"
    assert run_cli("export", pid, "--format", "json", "-o", plain, library=library).code == 0
    assert run_cli("export", pid, "--format", "json", "--with-seals", "-o", sealed, library=library).code == 0
    assert "seals" not in plain.read_text(encoding="utf-8")
    assert loads(sealed.read_text(encoding="utf-8")).notice.seals == plan.notice.seals
    # a default notice writes exactly the keys it wrote before v5; the others only when set
    assert set(json.loads(plain.read_text(encoding="utf-8"))["plan"]["notice"]) == set(
        json.loads(dumps(sample_plan()))["plan"]["notice"]
    )


# ---- seal images --------------------------------------------------------------------------------------------


def test_a_seal_image_is_cropped_to_its_ink(tmp_path):
    from PIL import Image

    path = tmp_path / "seal.png"
    path.write_bytes(seal_image(size=300, margin=40))
    png = read_seal(path)
    im = Image.open(io.BytesIO(png))
    assert im.mode == "RGBA" and abs(im.size[0] - 220) <= 2 and abs(im.size[1] - 220) <= 2


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"GIF89a not a png", "is not a PNG file"),
        (seal_image(mode="RGB"), "has no transparent background"),
        (seal_image(colour=(20, 20, 200, 255)), "is not red"),
        (b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "is damaged"),
    ],
)
def test_a_file_that_cannot_be_a_seal_is_refused_with_the_reason(tmp_path, data, reason):
    path = tmp_path / "x.png"
    path.write_bytes(data)
    with pytest.raises(SealError, match=reason):
        read_seal(path)
    library = tmp_path / "lib.db"
    with Library.open(library) as lib:
        pid = lib.add_plan(notice_plan())
    result = run_cli("issue", pid, "--seal", path, library=library)
    assert result.code != 0 and reason in result.err and len(result.err.strip().splitlines()) == 1
    with Library.open(library) as lib:
        assert lib.load_plan(pid).notice.seals == []  # nothing half-stored


def test_a_huge_seal_is_refused_before_it_is_decoded(tmp_path):
    from PIL import Image

    out = io.BytesIO()
    Image.new("LA", (5000, 10), (0, 0)).save(out, "PNG")
    with pytest.raises(SealError, match="5000 × 10 pixels"):
        seal_png(out.getvalue())


# ---- the sealed layout, measured in the PDF and the DOCX ---------------------------------------------------


def pdf_of(plan: Plan, tmp_path: Path, name: str = "n.pdf"):
    from planbook.exporters.pdf_writer import write_pdf

    out = tmp_path / name
    write_pdf(plan, out)
    return out


def seal_boxes(path: Path, page: int = 1) -> list[tuple[float, float, float, float]]:
    """(x0, top, x1, bottom) in mm of every image on the page."""
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return [(im["x0"] / MM, im["top"] / MM, im["x1"] / MM, im["bottom"] / MM) for im in pdf.pages[page - 1].images]


@pytest.mark.parametrize(
    "signers",
    [
        ["某市教育局"],
        ["某市教育局", "中共某市委教育工作委员会"],
        ["某市教育局", "某市财政局", "某市人力资源和社会保障局"],
    ],
)
def test_sealed_pdf_date_four_from_the_right_and_each_seal_over_its_organ(tmp_path, signers):
    plan = notice_plan(signers, seals=True)
    path = pdf_of(plan, tmp_path)
    doc = read_pdf(path)
    date = next(line for line in doc.lines if line.text == "2021年3月6日")
    # the date's last cell ends four cells from the type area's right edge (右空四字)
    date_right = LEFT_MM + 24 * CELL_MM
    assert abs(date.x1_mm - date_right) < 0.8, date.x1_mm
    boxes = seal_boxes(path, date.page)
    assert len(boxes) == len(signers)
    last = boxes[-1]
    assert abs((last[0] + last[2]) / 2 - (date.x0_mm + date.x1_mm) / 2) < 1.0  # centred over the date ± 1 mm
    assert abs((last[2] - last[0]) - 42) < 0.1  # 42 mm across
    assert last[1] < date.baseline_mm < last[3]  # pressing down on the date
    first_row = min(b[1] for b in boxes)
    body = [line for line in doc.on_page(date.page) if line.baseline_mm < first_row]
    assert body and 0 < first_row - body[-1].baseline_mm < 10.3  # the seals' top within one line of the body
    for box in boxes:
        assert box[0] >= LEFT_MM - 0.1 and box[2] <= LEFT_MM + TYPE_W_MM + 0.1  # within the type area
    for a, b in zip(boxes, boxes[1:]):
        centres = [((x0 + x1) / 2, (t + btm) / 2) for x0, t, x1, btm in (a, b)]
        dist = ((centres[0][0] - centres[1][0]) ** 2 + (centres[0][1] - centres[1][1]) ** 2) ** 0.5
        assert dist > 42  # neither touching nor overlapping
    for name in signers:  # each name centred under its seal
        line = next(
            x
            for x in doc.on_page(date.page)
            if name in x.text.replace(" ", "") and any(b[1] < x.baseline_mm < b[3] for b in boxes)
        )
        at = line.text.find(name)
        centre = (line.chars[at]["x0"] + line.chars[at + len(name) - 1]["x1"]) / 2 / MM
        assert any(b[0] < centre < b[2] for b in boxes)
    for line in doc.lines:  # no ink outside the type area
        assert line.x0_mm >= LEFT_MM - 0.5 and line.x1_mm <= LEFT_MM + TYPE_W_MM + 0.5, line.text


def test_sealed_without_an_image_keeps_the_room_and_unsealed_is_7_3_5_2(tmp_path):
    sealed = read_pdf(pdf_of(notice_plan(), tmp_path, "a.pdf"))
    unsealed = read_pdf(pdf_of(notice_plan(sealing=Sealing.UNSEALED), tmp_path, "b.pdf"))
    assert not seal_boxes(tmp_path / "a.pdf")

    def gap(doc) -> float:
        body = next(x for x in doc.lines if x.text.endswith("落实。"))
        name = next(x for x in doc.lines if x.text == "某市教育局" and x.page == body.page)
        return name.baseline_mm - body.baseline_mm

    pitch = 28.95 / MM
    assert abs(gap(sealed) - 3 * pitch) < 0.3  # 空二行: room for the seal's upper half
    assert abs(gap(unsealed) - 2 * pitch) < 0.3  # 空一行 (7.3.5.2)
    date = next(x for x in unsealed.lines if x.text == "2021年3月6日")
    assert abs(date.x1_mm - (LEFT_MM + 26 * CELL_MM)) < 0.8  # 右空二字


def test_sealed_docx_has_one_floating_seal_per_organ_placed_like_the_pdf(tmp_path):
    from planbook.exporters.docx_writer import export_docx

    plan = notice_plan(["某市教育局", "中共某市委教育工作委员会"], seals=True)
    out = tmp_path / "n.docx"
    export_docx(plan, out)
    with zipfile.ZipFile(out) as z:
        xml = z.read("word/document.xml").decode()
        media = [n for n in z.namelist() if n.startswith("word/media/")]
    assert media  # the PNG is in the package (once: both organs use the same image here)
    import re

    anchors = re.findall(r"<wp:anchor[^>]*>.*?</wp:anchor>", xml, re.S)
    assert len(anchors) == 2
    for a in anchors:
        assert 'behindDoc="0"' in a and "<wp:wrapNone/>" in a and 'relativeFrom="margin"' in a
        assert 'relativeFrom="paragraph"' in a
    x = [int(v) / 36000 for v in re.findall(r'<wp:positionH relativeFrom="margin"><wp:posOffset>(-?\d+)', xml)]
    size = [int(v) / 36000 for v in re.findall(r'<wp:extent cx="(\d+)"', xml)]
    # the last seal's centre over the date's centre: 28 − 4 − 3.5 cells from the left edge (2020年3月6日 takes 7
    # cells on the character grid: the year 2, each of 3 and 6 a whole cell)
    assert abs(x[-1] + size[-1] / 2 - 20.5 * CELL_MM) < 0.1
    assert all(abs(s - 42) < 0.1 for s in size)
    assert "某市教育局\t" not in xml  # names are runs, side by side through a tab stop
    assert re.search(r'<w:tab w:val="left" w:pos="\d+"/>', xml)


def test_digits_sit_in_half_cells_and_a_range_breaks_after_its_hyphen_in_the_pdf(tmp_path):
    plan = notice_plan()
    plan.notice.body = "现将《盘锦市推进教育高质量发展行动计划（2018-2020年）》印发给你们，2020年完成率达到95.5%。"
    doc = read_pdf(pdf_of(plan, tmp_path))
    line = next(x for x in doc.lines if "2018" in x.text)
    xs = [c["x0"] / MM for c in line.chars]
    at = line.text.index("2018")
    steps = [b - a for a, b in zip(xs[at : at + 4], xs[at + 1 : at + 5])]
    assert all(abs(s - CELL_MM / 2) < 0.01 for s in steps), steps  # a year is exactly two cells, not 2.03
    assert line.text.endswith("（2018-") or "2018-2020年" in line.text
    for x in doc.lines:
        assert x.x0_mm >= LEFT_MM - 0.5 and x.x1_mm <= LEFT_MM + TYPE_W_MM + CELL_MM / 2 + 0.5, x.text


def test_joint_masthead_names_are_spread_to_the_longest_in_the_pdf(tmp_path):
    """Joint organs' names in the red head are spread to one width (分散对齐), as the DOCX's cells spread them:
    every name starts and ends where the longest does, 文件 to their right."""
    import pdfplumber

    plan = notice_plan(["某市教育局", "某市财政局", "某市人力资源和社会保障局"])
    with pdfplumber.open(pdf_of(plan, tmp_path)) as pdf:
        head = [
            c for c in pdf.pages[0].chars if tuple(c["non_stroking_color"] or ()) == (0, 1, 1, 0) and c["size"] > 20
        ]
    rows: dict[int, list[dict]] = {}
    for c in head:
        rows.setdefault(round(c["top"]), []).append(c)
    names = [[c for c in sorted(r, key=lambda c: c["x0"]) if c["text"] not in "文件"] for r in rows.values()]
    assert ["".join(c["text"] for c in n) for n in names] == ["某市教育局", "某市财政局", "某市人力资源和社会保障局"]
    for n in names:
        assert abs(n[0]["x0"] - names[0][0]["x0"]) < 0.3 * MM and abs(n[-1]["x1"] - names[0][-1]["x1"]) < 0.3 * MM
