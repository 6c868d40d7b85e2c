"""The shared layout: blocks in order with derived numbers, elements without data left out, title breaking."""

from __future__ import annotations

import datetime as dt

import pytest

from planbook.core.model import Notice, Plan, Sealing
from planbook.layout import (
    FACES,
    PAGE,
    STYLES,
    Blank,
    Imprint,
    Masthead,
    PageBreak,
    Paragraph,
    Rule,
    Signature,
    TitleLines,
    break_title,
    build_document,
    chinese_date,
    cjk_punctuation,
    grid_width,
    text_width,
)

from .conftest import sample_plan


def full_plan() -> Plan:
    plan = sample_plan()
    n = plan.notice
    n.signed_on = dt.date(2020, 3, 6)
    n.annotation = "此件公开发布"
    n.cc = "省教育厅，市人民政府办公室"
    n.printed_by = "某市教育局办公室"
    n.printed_on = dt.date(2020, 3, 9)
    return plan


def kinds(blocks) -> list[str]:
    return [b.kind for b in blocks if not isinstance(b, Blank)]


def test_a_notice_that_is_its_own_plan_prints_once_with_its_points_before_the_signature():
    """关于开展…工作的通知 whose 一、二、 are the plan: one document as the office printed it, the points in the
    notice's body above the signature and date; no page break and no second copy of the title."""
    plan = full_plan()
    plan.title = plan.notice.title
    blocks = build_document(plan, "notice")
    got = kinds(blocks)
    assert "page_break" not in got and "plan_title" not in got
    assert [b.kind for b in blocks if isinstance(b, TitleLines)] == ["title"]
    sig = got.index("signature")
    assert got.index("heading1") < sig and got[sig - 1] in ("task", "item", "field", "body", "closing")
    assert got.index("body") < got.index("heading1")
    assert got[sig + 1 :][:1] == ["annotation"]


def test_notice_order_and_standard_spacing():
    blocks = build_document(full_plan(), "notice")
    assert kinds(blocks)[:9] == [
        "masthead",
        "doc_number",
        "red_rule",
        "title",
        "recipients",
        "body",
        "signature",
        "annotation",
        "page_break",
    ]
    assert kinds(blocks)[-1] == "imprint"
    # 发文字号 空二行 under the masthead; title 空二行 under the rule; recipients 空一行 under the title
    assert isinstance(blocks[1], Blank) and blocks[1].lines == 2
    i = next(i for i, b in enumerate(blocks) if isinstance(b, Rule))
    assert isinstance(blocks[i + 1], Blank) and blocks[i + 1].lines == 2
    assert isinstance(blocks[i + 2], TitleLines)
    assert isinstance(blocks[i + 3], Blank) and blocks[i + 3].lines == 1
    for b in blocks:
        assert b.style in STYLES
        assert STYLES[b.style].face in FACES


def test_every_node_numbered_in_order_and_task_lead_bold():
    plan = full_plan()
    paras = [b for b in build_document(plan, "plan") if isinstance(b, Paragraph)]
    numbered = [p for p in paras if p.number]
    assert [p.number for p in numbered] == [
        "一、",
        "1.",
        "2.",
        "（一）",
        "3.",
        "（1）",
        "二、",
        "4.",
        "5.",
        "三、",
        "6.",
        "7.",
    ]
    task = next(p for p in paras if p.kind == "task")
    assert task.runs[0].text == "1.任务1-1。" and task.runs[0].bold
    assert task.runs[1].text == "具体措施。" and not task.runs[1].bold
    fields = [p.text for p in paras if p.kind == "field"]
    assert fields[:2] == ["牵头单位：基教科", "完成时限：12月底"]
    assert [p.style for p in numbered[:2]] == ["heading1", "task"]


def test_bare_heading_title_does_not_swallow_the_body():
    from planbook.core.model import Node, NodeKind

    plan = Plan(
        title="某局2021年工作要点",
        nodes=[Node(NodeKind.SECTION, "总体要求", children=[Node(NodeKind.TASK, "健全体制机制", "精心筹备会议。")])],
    )
    paras = [b for b in build_document(plan, "plan") if isinstance(b, Paragraph)]
    assert [(p.kind, p.text) for p in paras] == [
        ("heading1", "一、总体要求"),
        ("task", "1.健全体制机制"),
        ("body", "精心筹备会议。"),
    ]
    assert paras[1].keep_with_next  # a bare task title is never left alone at a page's foot


def test_no_data_no_element():
    plan = Plan(title="某局2021年工作要点")
    blocks = build_document(plan, "notice")
    assert kinds(blocks) == ["plan_title"]
    plan.notice = Notice(
        masthead="某局文件", title="关于印发《某局2021年工作要点》的通知", recipients="各科室：", body="现印发给你们。"
    )
    blocks = build_document(plan, "notice")
    assert kinds(blocks) == ["masthead", "red_rule", "title", "recipients", "body", "page_break", "plan_title"]
    assert not any(isinstance(b, (Imprint, Signature)) for b in blocks)  # no signer, no 抄送: no 落款, no 版记
    plan.notice = Notice(published_on=dt.date(2021, 3, 1), index_no="001")  # a web page's metadata: no notice
    assert kinds(build_document(plan, "notice")) == ["plan_title"]


@pytest.mark.parametrize(
    "notice, missing",
    [
        (Notice(doc_number="某教发〔2021〕3号"), ["masthead", "title", "recipients", "body"]),
        # the head is never empty (a web copy's lost head is proposed on import; one nobody chose is refused)
        (Notice(title="关于印发《某局2021年工作要点》的通知", recipients="各科室：", body="现印发。"), ["masthead"]),
        (Notice(masthead="某局文件", recipients="各科室：", body="现印发。"), ["title"]),
        (Notice(title="关于印发《某局2021年工作要点》的通知", body="现印发。"), ["masthead", "recipients"]),
        (
            Notice(title="关于印发《某局2021年工作要点》的通知", recipients="各科室：", signers=["某局"]),
            ["masthead", "body"],
        ),
    ],
)
def test_incomplete_notice_is_refused_saying_what_is_missing(notice, missing):
    from planbook.layout import NoticeIncomplete

    plan = Plan(title="某局2021年工作要点", notice=notice)
    with pytest.raises(NoticeIncomplete) as refused:
        build_document(plan, "notice")
    assert refused.value.missing == missing
    assert "title (标题)" in str(refused.value) if "title" in missing else "title (标题)" not in str(refused.value)
    assert kinds(build_document(plan, "plan")) == ["plan_title"]  # the plan alone still goes out


def test_plan_layout_has_no_notice_parts():
    blocks = build_document(full_plan(), "plan")
    assert not any(isinstance(b, (Masthead, Rule, Imprint, Signature, PageBreak)) for b in blocks)
    assert blocks[0].kind == "plan_title"
    assert any(isinstance(b, Paragraph) and b.text == "（2020年3月6日）" for b in blocks)


def test_unknown_layout_is_refused():
    with pytest.raises(ValueError, match="unknown layout"):
        build_document(full_plan(), "letter")


def test_imprint_and_signature_follow_the_standard():
    blocks = build_document(full_plan(), "notice")
    imprint = blocks[-1]
    assert imprint.cc == "抄送：省教育厅，市人民政府办公室。"
    assert imprint.printed_on == "2020年3月9日印发"
    sig = next(b for b in blocks if isinstance(b, Signature))
    # Sealed (the default for a 印发通知, 7.3.5.1): date 右空四字, 署名 centred over it, the seal's centre there
    date_centre = sig.date.indent_chars + grid_width(sig.date.text) / 2
    assert sig.date.indent_chars + grid_width(sig.date.text) == PAGE.chars_per_line - 4
    assert sig.signers[0].indent_chars + grid_width("某市教育局") / 2 == date_centre
    assert [(s.x_chars, s.line) for s in sig.seals] == [(date_centre, 0.25)]
    i = blocks.index(sig)
    assert sum(b.lines for b in blocks[i - 2 : i] if isinstance(b, Blank)) == 2  # 空二行: the seal's room
    plan = full_plan()
    plan.notice.sealing = Sealing.UNSEALED
    sig = next(b for b in build_document(plan, "notice") if isinstance(b, Signature))
    # 署名 右空二字, the date 2 characters further right than the 署名 starts (7.3.5.2)
    assert sig.signers[0].indent_chars + grid_width("某市教育局") <= PAGE.chars_per_line - 2
    assert sig.date.indent_chars == sig.signers[0].indent_chars + 2
    assert sig.date.indent_chars + grid_width(sig.date.text) == PAGE.chars_per_line - 2
    assert not sig.seals


@pytest.mark.parametrize(
    "signers",
    [
        ["湖南省教育厅", "中共湖南省委教育工作委员会"],
        ["甲市教育局", "甲市财政局", "甲市人力资源和社会保障局"],
        ["甲局", "乙局", "丙局"],
    ],
)
def test_joint_sealed_signature_one_seal_per_organ_aligned_and_apart(signers):
    from planbook.layout import SEAL_MM, sealed_signature

    sig = sealed_signature(signers, "2020年3月6日", [b"png"] * len(signers))
    assert [line.text for line in sig.signers] == signers and len(sig.seals) == len(signers)
    cell_mm, line_mm = PAGE.cell_pt * 25.4 / 72, PAGE.line_pitch_pt * 25.4 / 72
    last = sig.seals[-1]
    assert last.x_chars == sig.date.indent_chars + grid_width(sig.date.text) / 2  # the last seal covers the date
    assert sig.date.line == sig.signers[-1].line + 1
    for a, seal in zip(sig.signers, sig.seals):  # each name centred under its own seal
        assert a.indent_chars + grid_width(a.text) / 2 == pytest.approx(seal.x_chars) or a.indent_chars == 0
        assert seal.image == b"png"
        r = SEAL_MM / 2 / cell_mm
        assert seal.x_chars - r >= 0 and seal.x_chars + r <= PAGE.chars_per_line  # within the type area
    for i, a in enumerate(sig.seals):
        for b in sig.seals[i + 1 :]:
            dist = ((a.x_chars - b.x_chars) * cell_mm) ** 2 + ((a.line - b.line) * line_mm) ** 2
            assert dist**0.5 > SEAL_MM  # neither touching nor overlapping
    assert len({s.line for s in sig.seals if s.line == sig.seals[0].line}) == 1  # rows aligned


def test_joint_masthead_stacks_names_with_wenjian_to_the_right():
    plan = full_plan()
    plan.notice.masthead = "湖南省教育厅\n中共湖南省委教育工作委员会文件"
    m = build_document(plan)[0]
    assert m.names == ["湖南省教育厅", "中共湖南省委教育工作委员会"] and m.suffix == "文件"
    # 15 characters do not fit at 初号: the size shrinks to stay inside the type area
    assert m.size_pt * 25.4 / 72 * 15 <= PAGE.type_width_mm


def test_chinese_date_has_no_padding():
    assert chinese_date(dt.date(2020, 3, 6)) == "2020年3月6日"
    assert chinese_date(None) == ""


@pytest.mark.parametrize(
    "title",
    [
        "关于印发《湖南省教育厅 中共湖南省委教育工委2020年工作要点》的通知",
        "南宁市教育局关于印发《南宁市教育局2018年工作要点》的通知",
        "某某县人民政府办公室关于印发《某某县2019年教育工作要点》的通知",
        "湖南省教育厅 中共湖南省委教育工委2020年工作要点",
    ],
)
def test_title_lines_fit_and_keep_pairs_and_years(title):
    lines = break_title(title, 20)
    assert "".join(lines).replace(" ", "") == title.replace(" ", "")
    assert all(text_width(line) <= 20 for line in lines)
    for line in lines:
        assert line[0] not in "，。、）》" and line[-1] not in "（《"
        assert not line[0].isdigit() or line[:4].isdigit()  # a year is never cut
    assert all(text_width(line) >= 4 for line in lines)  # never a 的通知 or a stub alone
    book = title[title.find("《") : title.find("》") + 1]
    if book and text_width(book) <= 20 and not any(book in line for line in lines):
        # broken inside only to get a 梯形 (keeping it whole would leave a short line or climb)
        widths = [text_width(x) for x in lines]
        assert all(a > b for a, b in zip(widths, widths[1:])), lines


def test_title_shape_is_trapezoid_or_diamond():
    lines = break_title("关于印发《湖南省教育厅 中共湖南省委教育工委2020年工作要点》的通知", 20)
    widths = [text_width(x) for x in lines]
    descending = all(a > b for a, b in zip(widths, widths[1:]))
    diamond = len(widths) == 3 and widths[1] > max(widths[0], widths[2])
    assert descending or diamond, lines
    assert lines[0] == "关于印发《湖南省教育厅"  # the joint issuers break at their space, not inside a name


@pytest.mark.parametrize(
    "title, expected",
    [
        ("关于印发《某市教育局2021年工作要点》的通知", ["关于印发《某市教育局2021年", "工作要点》的通知"]),
        (
            "盘锦市人民政府办公室关于印发盘锦市推进教育高质量发展行动计划的通知",
            ["盘锦市人民政府办公室关于印发盘锦市", "推进教育高质量发展行动计划的通知"],
        ),
    ],
)
def test_title_never_leaves_de_tongzhi_alone_nor_climbs(title, expected):
    assert break_title(title, 20) == expected


def test_short_title_stays_on_one_line():
    assert break_title("某局2021年工作要点", 20) == ["某局2021年工作要点"]


@pytest.mark.parametrize(
    "typed, printed",
    [
        ("达到50%,2020年完成", "达到50%，2020年完成"),  # a number between the mark and the Chinese
        ("各市州教育(体）局", "各市州教育（体）局"),  # half a pair typed half-width
        ("完成率95%;其中", "完成率95%；其中"),
        ("在2020,2021两年", "在2020，2021两年"),
        ("经费1,000万元", "经费1,000万元"),  # a thousands separator stays
        ("version 1.2, then", "version 1.2, then"),  # Latin text stays
    ],
)
def test_print_makes_punctuation_full_width_in_chinese_context_without_changing_the_plan(typed, printed):
    plan = full_plan()
    plan.notice.body = typed
    body = next(b for b in build_document(plan, "notice") if isinstance(b, Paragraph) and b.kind == "body")
    assert body.text == printed
    assert plan.notice.body == typed  # the stored plan is not touched: 规范标点 (planbook tidy) stores it


def test_half_width_punctuation_in_chinese_text_becomes_full_width():
    assert cjk_punctuation("各市州教育(体)局、普通高等学校,厅委机关:") == "各市州教育（体）局、普通高等学校，厅委机关："
    assert (
        cjk_punctuation("经费1,000万元,推进2.0试点 see http://a.b/c?d=1")
        == "经费1,000万元，推进2.0试点 see http://a.b/c?d=1"
    )


# -- 7.3.5.5: the signature on the body's last page, by tightening the notice's pitch --------------------------


def _notice_lines(blocks):
    from planbook.layout.fit import _line_pages

    end = next(i for i, b in enumerate(blocks) if isinstance(b, PageBreak))
    return blocks[:end], list(_line_pages(blocks[:end]))


def test_crowded_notice_is_tightened_onto_one_page():
    from planbook.layout.fit import MIN_PITCH_PT, PITCHES

    from .conftest import crowded_notice_plan

    blocks = build_document(crowded_notice_plan(), "notice")
    notice, lines = _notice_lines(blocks)
    assert {page for _, page in lines} == {1}
    after_rule = notice[next(i for i, b in enumerate(notice) if isinstance(b, Rule)) + 1 :]
    pitches = {type(b).__name__: b.pitch_pt for b in after_rule if not isinstance(b, TitleLines)}
    assert set(pitches) == {"Blank", "Paragraph", "Signature"}
    pitch = pitches["Signature"]
    assert set(pitches.values()) == {pitch} and MIN_PITCH_PT <= pitch < PAGE.line_pitch_pt
    assert all(getattr(b, "pitch_pt", None) is None for b in notice if isinstance(b, TitleLines | Masthead))
    # The loosest pitch that fits: a whole line a page looser and the signature would go over onto page 2.
    assert pitch in PITCHES and PAGE.type_height_mm / 25.4 * 72 / pitch < PITCHES.index(pitch) + 24
    looser = PITCHES[PITCHES.index(pitch) - 1] if PITCHES.index(pitch) else PAGE.line_pitch_pt
    for b in after_rule:
        if not isinstance(b, TitleLines):
            b.pitch_pt = looser
    assert {page for _, page in _notice_lines(blocks)[1]} == {1, 2}
    # Above the rule nothing moves, and the plan after the notice keeps the grid.
    assert all(getattr(b, "pitch_pt", None) is None for b in blocks[len(notice) :])


def test_notice_with_room_for_its_signature_keeps_the_grid():
    blocks = build_document(sample_plan(), "notice")
    notice, lines = _notice_lines(blocks)
    assert all(getattr(b, "pitch_pt", None) is None for b in notice)
    assert {page for _, page in lines} == {1}


@pytest.mark.parametrize("paragraphs", range(1, 40))
def test_signature_always_ends_on_the_body_page_or_the_body_carries_over(paragraphs):
    """Whatever the body's length: either the model puts the signature on the body's last page (tightened at
    most to the floor), or no pitch can, and the last body paragraph keeps with the signature."""
    from planbook.layout.fit import MIN_PITCH_PT

    plan = sample_plan()
    plan.notice.body = "\n".join(
        [
            "现将工作要点印发给你们，请结合实际认真贯彻落实，确保各项任务落到实处。"[: 20 + p % 17]
            for p in range(paragraphs)
        ]
    )
    plan.notice.signed_on = dt.date(2021, 3, 5)
    notice, lines = _notice_lines(build_document(plan, "notice"))
    sig = next(i for i, b in enumerate(notice) if isinstance(b, Signature))
    last_body = max(i for i, b in enumerate(notice) if isinstance(b, Paragraph) and b.kind == "body")
    assert notice[last_body].keep_with_next
    pitch = notice[sig].pitch_pt
    assert pitch is None or MIN_PITCH_PT <= pitch < PAGE.line_pitch_pt
    body_page = max(page for i, page in lines if i == last_body)
    fits = all(page == body_page for i, page in lines if i >= sig)
    assert fits or pitch is None  # tightened means it fits; untightened and not fitting is the carry-over case
    assert pitch is None or {page for _, page in lines} == {1}  # only a one-page notice is tightened


def test_fitted_pitches_give_whole_lines_in_libreoffices_units_too():
    """LibreOffice counts grid lines in 1/100 mm with each pitch rounded to them: every fitted pitch's lines stay
    inside the type area there, and a twip looser would not (25 lines: 509 twips, not 510)."""
    from planbook.layout.fit import GRID_SLACK_MM100, PITCHES, TYPE_H_MM100, grid_pitch_twips

    def mm100(twips: int, lines: int) -> int:
        return lines * round(twips * 2540 / 1440)

    assert grid_pitch_twips(25) == 509 and 25.45 in PITCHES
    for lines in range(23, 27):
        twips = grid_pitch_twips(lines)
        assert mm100(twips, lines) <= TYPE_H_MM100 - GRID_SLACK_MM100
        assert twips * lines <= PAGE.type_height_mm / 25.4 * 1440
        assert mm100(twips + 1, lines) > TYPE_H_MM100 - GRID_SLACK_MM100 or (twips + 1) * lines > 12756


def joint_three_plan():
    """A joint notice of three long-named organs, sealed: its head and signature leave no room on page 1 for the
    signature, so the body's last line goes over with it."""
    plan = sample_plan()
    organs = ["中共某某省委教育工作委员会", "某某省人力资源和社会保障厅", "某某省发展和改革委员会"]
    plan.notice.masthead = " ".join(organs) + "文件"
    plan.notice.signers = organs
    plan.notice.signed_on = dt.date(2021, 3, 6)
    return plan


def test_only_the_last_body_line_goes_over_with_the_signature():
    """LibreOffice moves a keep-with-next paragraph whole (Word splits it): the last line is a paragraph of its own,
    so the one-paragraph body keeps its first line on page 1 (7.3.3) in both writers."""
    blocks = build_document(joint_three_plan(), "notice")
    body = [b for b in blocks if isinstance(b, Paragraph) and b.kind == "body"]
    head, tail = body[0], body[1]
    assert (head.style, head.keep_with_next) == ("body", False)
    assert (tail.style, tail.keep_with_next) == ("body_continued", True)
    assert head.text + tail.text == "现将《某市教育局2021年工作要点》印发给你们，请认真贯彻落实。"
    assert tail.text == "彻落实。"  # the paragraph's last line as the grid breaks it
    from planbook.exporters.pdf_writer import Fonts, TextItem, typeset

    pages = typeset(blocks, Fonts())[:2]
    text = ["".join(p.text for item in page.items if isinstance(item, TextItem) for p in item.pieces) for page in pages]
    assert head.text in text[0] and text[1].startswith(tail.text)  # the PDF: the first line on page 1, the last on 2
    # A notice whose signature fits keeps its body paragraph whole.
    plain = [b for b in build_document(sample_plan(), "notice") if isinstance(b, Paragraph) and b.kind == "body"]
    assert [p.style for p in plain] == ["body"] and plain[0].keep_with_next
