"""Text with no line breaks: OCR output, or a plan copied out of some PDF viewers and web pages as one line.

The recogniser reads lines, so such a run is cut back into the lines it lost. Structure comes from the
numbering markers themselves: a marker counts where it follows a sentence end, a colon, a heading or a field
(`…体制机制目标任务：…`), and — where the text gives no such sign — only when its number is the next one
expected at its level, so that `一、二年级` or `第3.5条` in a sentence stays text. The notice around the plan is
cut at its landmarks: the 发文字号, `…的通知` and its recipients, the signature and date, the annotation, the
plan's title and 附件 notes; the 版记 at the end (抄送, `…印发`).

Every pattern here is linear in the text (no nested quantifiers), so a crafted line costs O(n).
"""

from __future__ import annotations

import re

from ..core.model import NodeKind

CN = "一二三四五六七八九十"
_TERMINAL = "。！？；：:;!?"
# One alternation per outline level; group names give the level.
_MARKS = re.compile(
    rf"(?P<sub>[（(]\s?(?P<subn>[{CN}]{{1,3}})\s?[）)])"
    rf"|(?P<sec>(?P<secn>[{CN}]{{1,3}})\s?[、．.](?![\d{CN}]))"
    r"|(?P<item>[（(]\s?(?P<itemn>\d{1,2})\s?[）)])"
    r"|(?P<task>(?<![\d.．])(?P<taskn>\d{1,3})\s?[.．、](?![\d％%]))"
)
_EXTRA_LABELS = ("工作举措", "实施主体", "推进单位", "支撑单位", "参与单位", "责任领导")


def _label_re(colon: str = r"\s?[:：]") -> re.Pattern[str]:
    from .recognise import KNOWN_FIELD_LABELS  # the recogniser's list, read when first needed (no import cycle)

    labels = sorted({*KNOWN_FIELD_LABELS, *_EXTRA_LABELS}, key=len, reverse=True)
    return re.compile(rf"(?:{'|'.join(labels)}){colon}")


_BARE: re.Pattern[str] | None = None


def _bare_label(line: str, pos: int) -> tuple[int, int] | None:
    """A label with no colon and its short value just before `pos`, after a sentence end (…抓队伍。责任单位组织科二、):
    a label that stood on its own line, its value on the next. Its start and end, or None."""
    global _BARE
    _BARE = _BARE or _label_re(colon="")
    window = line[max(0, pos - 40) : pos]
    stop = max(window.rfind(c) for c in "。；;")
    if stop < 0:
        return None
    m = _BARE.match(window, stop + 1)
    if not m or not 1 <= pos - (pos - len(window) + m.end()) <= 20 or re.search("[，,：:]", window[m.end() :]):
        return None
    return pos - len(window) + m.start(), pos - len(window) + m.end()


_LABEL: re.Pattern[str] | None = None
_DATE = re.compile(
    r"(?:\d{4}|[一二三四五六七八九〇○零O]{4})\s?年\s?[\d一二三四五六七八九十]{1,3}\s?月\s?[\d一二三四五六七八九十]{1,3}\s?日"
)
# a date a web copy left as bare digits (2018319), only where spaces set it apart
_BARE_DATE = re.compile(r"(?<=\s)(?:19|20)\d{2}[01]?\d[0-3]?\d(?=\s|$)")
_ORGAN_END = re.compile(r"(?:委员会|工委|党委|党组|局|厅|委|政府|办公室|办公厅|部|院|中心|办|署)$")
_KIND_END = re.compile(
    r"(?:工作要点|工作计划|行动计划|行动方案|实施方案|工作方案|工作安排|任务清单|实施意见|要点|计划|方案|规划)"
)
_DOC_NO = re.compile(r"[\u4e00-\u9fff]{1,12}\s?[〔\[(（【［]\s?(?:19|20)\d{2}\s?[〕\])）】］]\s?[的第]?\s?\d{1,5}\s?号")
_NOTICE_END = re.compile(r"的(?:若干|实施|指导)?(?:通知|决定|通报|函|意见)")
_PAGE_LABELS = re.compile(
    r"(?:您的位置|您现在的位置|当前位置|索\s?引\s?号|发布机构|发文机关|发文日期|发布日期|发布时间|成文日期|"
    r"发文字号|主\s?题\s?词|主题分类|信息来源|浏览次数|名\s?称|标\s?题)\s?[:：]"
)
_MIN_RUN = 160  # a line shorter than this is an ordinary paragraph


def split_run(line: str, whole: bool = False) -> list[str]:
    """A line holding a whole notice and plan → its lines; any ordinary line comes back as it was. `whole`: the
    line is the whole document, so it is cut however short, and a notice with no numbered points at all (a notice
    alone) is still cut at its landmarks."""
    if len(line) < _MIN_RUN and not whole:
        return [line]
    # a PDF copy's page numbers between spaces (… - 1 - …) and the space it leaves before 年/月/日/号
    line = re.sub(r"(?<=\s)[-—－]\s?\d{1,3}\s?[-—－](?=\s)", "", line)
    line = re.sub(r"(?<=\d)\s(?=[年月日号])|(?<=[年月])\s(?=\d)", "", line)
    cuts = _structure_cuts(line)
    if len(cuts) < 2 and not whole:  # one paragraph that happens to be long
        return [line]
    first = min(cuts, default=len(line))
    front, place = _front_cuts(line, first)
    cuts |= front | _tail_cuts(line, first, place) | _closing_signature(line, max(cuts, default=0))
    return [part for x in _cut(line, sorted(cuts)) for part in _split_heading(x)]


def _closing_signature(line: str, after: int) -> set[int]:
    """The signer and date that close the document, after its last numbered point (a notice alone, a plan signed
    at its end): `…市局将组织督查。长沙市教育局2023年2月1日`."""
    dates = [m for m in _DATE.finditer(line, max(after, len(line) - 60))]
    return _signature_cuts(line, dates[-1], after) if dates else set()


def _cut(line: str, cuts: list[int]) -> list[str]:
    out, start = [], 0
    for c in cuts:
        if c > start:
            out.append(line[start:c].strip())
            start = c
    out.append(line[start:].strip())
    return [x for x in out if x]


# ---- the plan's outline -------------------------------------------------------------------------------

_LEVEL = {"sec": NodeKind.SECTION, "sub": NodeKind.SUBSECTION, "task": NodeKind.TASK, "item": NodeKind.ITEM}
_ORDER = [NodeKind.SECTION, NodeKind.SUBSECTION, NodeKind.TASK, NodeKind.ITEM]


def _number(kind: str, text: str) -> int:
    if kind in ("task", "item"):
        return int(text)
    from .recognise import parse_chinese_numeral  # the one reader of 一…九十九

    return parse_chinese_numeral(text) or 0


def _structure_cuts(line: str) -> set[int]:
    """Where numbered paragraphs and field labels start.

    `last` holds the last accepted number of each level; opening a level resets the deeper ones, so a plan whose
    task numbers restart in each section reads as well as one whose numbers run on."""
    cutter = _Cutter(line)
    for pos, what, m in _events(line):
        if pos < cutter.seg_start:
            continue
        if what == "label":
            cutter.label(pos)
        else:
            cutter.mark(pos, m)
    return cutter.cuts


def _events(line: str) -> list[tuple[int, str, re.Match[str]]]:
    """Every number marker and field label in the line, in order."""
    global _LABEL
    _LABEL = _LABEL or _label_re()
    events = [(m.start(), "mark", m) for m in _MARKS.finditer(line)]
    events += [(m.start(), "label", m) for m in _LABEL.finditer(line)]
    events.sort(key=lambda e: e[0])
    return events


class _Cutter:
    """The state of one pass over a flattened line: the cuts so far, the last number of each level, the level of the
    last marker taken, and the current segment (where it starts, whether it opened with a marker or a label)."""

    def __init__(self, line: str) -> None:
        self.line = line
        self.last: dict[NodeKind, int] = {}
        self.cuts: set[int] = set()
        self.opened: NodeKind | None = None
        self.seg_start, self.seg_marked = 0, False

    def context(self, pos: int) -> tuple[bool, bool, bool, bool]:
        """(after a sentence end, after a space or bracket, after a heading, after a plan's title) at `pos`."""
        line = self.line
        before = line[max(0, pos - 2) : pos].rstrip()[-1:]
        strong = pos == 0 or before in _TERMINAL
        spaced = line[pos - 1 : pos].isspace()  # a paragraph's indent survives the join as a space
        spaced = spaced or before in "）)"  # after （责任单位：…） that ended the last paragraph
        segment = line[self.seg_start : pos] if pos - self.seg_start <= 60 else ""  # only a short segment is a heading
        heading = self.seg_marked and bool(segment) and not re.search("[。！？；]", segment)
        # a plan's title just before (…2023年安全生产工作要点一、…), however long the notice before it ran
        named = line[max(self.seg_start, pos - 8) : pos]
        title = not self.seg_marked and re.search(_KIND_END.pattern + "$", named) is not None
        return strong, spaced, heading, title

    def label(self, pos: int) -> None:
        strong, _, heading, _ = self.context(pos)
        run = self.line[max(self.seg_start, pos - 200) : pos]  # a bracket's fields sit close (bounded: O(n))
        if len(re.findall("[（(]", run)) > len(re.findall("[）)]", run)):
            return  # a bracket's second field ((牵头单位:…;配合单位:…)) stays in its bracket, as the lined text has it
        if strong or heading:
            self.cuts.add(pos)
            self.seg_start, self.seg_marked = pos, True

    def mark(self, pos: int, m: re.Match[str]) -> None:
        kind = next(k for k in _LEVEL if m[k])
        level, n = _LEVEL[kind], _number(kind, m[kind + "n"])
        if not n:
            return
        strong, spaced, heading, title = self.context(pos)
        expected = _expected(level, n, self.last)
        # a task 1 right after its section's heading restarts the count (tasks numbered per section)
        fresh = expected == "restart" and self.opened in (NodeKind.SECTION, NodeKind.SUBSECTION)
        bare = _bare_label(self.line, pos) if expected == "next" and not strong else None
        if bare:
            self.cuts |= set(bare)
        elif not expected or not (strong or ((heading or title or spaced) and (expected == "next" or fresh))):
            return
        self.cuts.add(pos)
        self.seg_start, self.seg_marked, self.opened = pos, True, level
        self.last[level] = n
        for deeper in _ORDER[_ORDER.index(level) + 1 :]:
            if deeper is not NodeKind.TASK:  # task numbers may run on through the plan
                self.last.pop(deeper, None)


def _expected(level: NodeKind, n: int, last: dict[NodeKind, int]) -> str:
    """ "next" when n is the number that comes next at its level; "restart" for a 1 that may begin a new run
    (tasks numbered per section); "" when it is no marker here."""
    prev = last.get(level, 0)
    if n == prev + 1:
        return "next"
    if n == 1 and level is NodeKind.TASK and prev and NodeKind.SECTION in last:
        return "restart"  # (a per-section restart is told apart by what precedes it: a heading or a stop)
    return ""


# A section heading with no full stop runs into the paragraph under it (一、总体要求以习近平…). It ends where a
# heading every plan uses ends, or where a sentence that opens a paragraph begins (以习近平…, 坚持把…, a ——
# principle), after a heading's worth of words with no sentence stop.
_HEAD_OPEN = re.compile(rf"^(?:[{CN}]{{1,3}}\s?[、．.]|[（(]\s?[{CN}]{{1,3}}\s?[）)])\s?")
_STANDARD_HEADING = re.compile(
    r"(?:总体要求|指导思想|基本原则|主要目标|工作目标|目标要求|目标任务|发展目标|重点任务|主要任务|工作任务|"
    r"保障措施|工作措施|组织保障|工作要求|实施步骤|工作步骤|进度安排|组织实施)(?![和与及、，,。：:；小机体])"
)
_PARAGRAPH_OPEN = re.compile(r"以习近平|以邓小平|深入贯彻|全面贯彻|认真贯彻|坚持以|坚持把|坚持用|——")


def _split_heading(line: str) -> list[str]:
    """A numbered heading and the text that ran into it → the heading and that text, as two lines."""
    head = _HEAD_OPEN.match(line)
    if not head:
        return [line]
    rest = line[head.end() :]
    if m := _STANDARD_HEADING.match(rest):
        at = m.end()
    else:
        m = _PARAGRAPH_OPEN.search(rest, 4, 40)
        at = m.start() if m else 0
    if not at or at >= len(rest) or re.search("[。！？；：:;]", rest[:at]):
        return [line]
    # what follows is a sentence, not the heading's own last words (一、保障措施到位。, 二、重点任务清单)
    if len(re.split("[，,。；;：:]", rest[at:], maxsplit=1)[0]) < 4 or not re.search("[。；;]", rest[at:]):
        return [line]
    return [line[: head.end() + at].rstrip(), rest[at:].strip()]


# ---- the notice before the plan and the 版记 after it ------------------------------------------------


def _doc_number_cuts(front: str, cuts: set[int]) -> None:
    """A 发文字号 ends a landmark; it starts one too when no Chinese runs into its organ code."""
    for m in _DOC_NO.finditer(front):
        if front[max(0, m.start() - 1) : m.start()] in ("（", "("):  # 《…》（国发明电〔2014〕1号）: a name cited
            continue
        cuts.add(m.end())
        if ended := _NOTICE_END.match(m[0]):  # 的通知盘政办发〔2021〕1号: the title's end runs into the code
            cuts.add(m.start() + ended.end())
            continue
        code = re.match(r"[\u4e00-\u9fff]+", m[0])
        if (m.start() == 0 or not re.match(r"[\u4e00-\u9fff]", front[m.start() - 1])) and code and len(code[0]) <= 8:
            cuts.add(m.start())  # else the notice title's end, found below, is where it starts


def _front_cuts(line: str, end: int) -> tuple[set[int], str]:
    """Landmarks of the notice and page header before the first numbered paragraph, and the place name its
    signer starts with (湖南, to find the printing office in the 版记)."""
    front = line[:end]
    cuts: set[int] = set()
    for m in _PAGE_LABELS.finditer(front):
        cuts.add(m.start())
    for m in re.finditer(r"文\s?件", front[:60]):  # the masthead: XX文件 at the very top
        cuts.add(m.end())
        break
    _doc_number_cuts(front, cuts)
    title_end = None
    for m in _NOTICE_END.finditer(front):
        if front[: m.start()].count("《") > front[: m.start()].count("》"):  # a notice cited by name (现将《…的通知》)
            continue
        start = front.rfind("关于", max(0, m.start() - 120), m.start())
        if start < 0 or m.start() - start > 120:
            continue
        # the title begins with the organ that sends it, after whatever precedes (a number, the masthead)
        cuts.add(_title_start(front, start))
        title_end = m.end()
        cuts.add(title_end)
        break
    # the recipients (主送机关) end in a colon and nearly always open with 各
    if recipients := re.compile(r"各[^。：:；;]{1,200}?[:：]").search(front, title_end or 0):
        cuts |= {recipients.start(), recipients.end()}
    after = title_end or 0
    for m in re.finditer(r"附\s?件\s?\d?\s?[:：]", front[after:]):
        cuts.add(after + m.start())
    place = ""
    for m in [*_DATE.finditer(front, after), *_BARE_DATE.finditer(front, after)]:
        found = _signature_cuts(front, m, after)
        if found and not place:
            place = front[min(found) :].strip()[:2]
        cuts |= found
    plan_title = _plan_title(front, cuts)
    if plan_title:
        cuts |= set(plan_title)
    return {c for c in cuts if 0 < c < end}, place


def _title_start(front: str, start: int) -> int:
    """Where a notice title that reads `…关于…` starts: after the last stop, number or masthead before 关于."""
    window = front[max(0, start - 40) : start]
    cut = max((window.rfind(c) for c in "。：:号件 "), default=-1)
    begin = (0 if start <= 40 else start) if cut < 0 else max(0, start - 40) + cut + 1
    # what precedes 关于 belongs to the title only when it names the sending organ (not a breadcrumb's 规划计划)
    return begin if _ORGAN_END.search(front[begin:start].strip()) else start


def _signature_cuts(front: str, m: re.Match, after: int) -> set[int]:
    """The signers and date after the notice body: `…贯彻落实。湖南省教育厅2020年3月6日（此件公开发布）`."""
    stop = max(front.rfind(c, max(after, m.start() - 120), m.start()) for c in "。！；")
    if stop < 0:
        return set()
    signers = front[stop + 1 : m.start()].strip()
    if not signers or len(signers) > 80 or not _ORGAN_END.search(signers):
        return set()
    cuts = {stop + 1, m.start(), m.end()}
    cuts |= {stop + 1 + k for k in _organ_cuts(signers, front[stop + 1 : m.start()])}
    if (named := _attachment_end(front[stop + 1 : m.start()])) is not None:
        cuts.add(stop + 1 + named)
    if ann := re.match(r"\s?[（(]\s?(此件[^）)]{1,20}|[^）)]{2,20}发布)\s?[）)]", front[m.end() :]):
        cuts.add(m.end() + ann.end())
    return cuts


def _attachment_end(raw: str) -> int | None:
    """Where an attachment's name ends and the signer begins: `附件:《政府工作报告》任务分解表盘锦市…办公室`. The
    name ends in a document's kind (表, 清单, 》, 工作要点…), the signer after it is an organ."""
    if not re.match(r"\s?附\s?件", raw):
        return None
    ends = [m.end() for m in re.finditer(rf"(?:表|清单|名单|目录|》|{_KIND_END.pattern})", raw)]
    good = [e for e in ends if 2 <= len(raw[e:].strip()) <= 40 and _ORGAN_END.search(raw[e:].strip())]
    return good[-1] if good and not re.search("[表》]", raw[good[-1] :]) else None


def _organ_cuts(signers: str, raw: str) -> list[int]:
    """Joint signers run together (湖南省教育厅中共湖南省委教育工作委员会): cut where a new organ starts, that is
    after an organ ending and before 中共, a repeat of the first organ's place name, or a space."""
    out = []
    place = signers[:2]
    for m in re.finditer(
        r"(?:委员会|工委|局|厅|政府|办公室|办公厅|部|院|中心)(?=\s|中共|" + re.escape(place) + ")", raw
    ):
        if 3 <= m.end() <= len(raw) - 3:
            out.append(m.end())
    return out


def _plan_title(front: str, cuts: set[int]) -> tuple[int, int] | None:
    """The plan's own title, from the last cut before the preamble to the end of its name (…2020年工作要点)."""
    start = max((c for c in cuts if c < len(front)), default=0)
    rest = front[start:]
    head = re.split("[，,。；“]", rest, maxsplit=1)[0]
    ends = [m.end() for m in _KIND_END.finditer(head[:120])]
    if not ends or ends[-1] >= len(rest):
        return None
    if head[: ends[-1]].count("《") > head[: ends[-1]].count("》"):  # a name quoted in the preamble (现将《…方案》)
        return None
    # page furniture may precede it on the same run (分享到 :…): the title starts after the last such mark
    lead = max((head.rfind(c, 0, ends[-1]) for c in ":：】|>"), default=-1)
    return start + lead + 1, start + ends[-1]


def _tail_cuts(line: str, first: int, place: str) -> set[int]:
    """The 版记 at the very end: `抄送：…`, `…办公室 2020年3月9日印发`."""
    cuts: set[int] = set()
    tail_from = max(first, len(line) - 400)
    # the closing paragraph after the last task (在完成上述工作的同时，…)
    for m in re.finditer(
        r"(?:在完成上述|在抓好上述|除上述|除以上|以上各项|上述各项)", line[max(first, len(line) - 3000) :]
    ):
        cuts.add(max(first, len(line) - 3000) + m.start())
    # a web page's footer (扫一扫…, 上一条:, 相关链接), which the recogniser drops line by line
    for m in re.finditer(
        r"扫一扫|上一[条篇]|下一[条篇]|【\s?打印|关闭窗口|文件解读|相关(?:链接|文件|阅读)|主办单位",
        line[max(first, len(line) - 3000) :],
    ):
        cuts.add(max(first, len(line) - 3000) + m.start())
    for m in re.finditer(r"特此(?:通知|通告|通报|函告|函复|批复)[。！]?$", line[tail_from:]):
        cuts.add(tail_from + m.start())  # a notice's closing words, its last line
    for m in re.finditer(r"抄\s?送\s?[:：]", line[tail_from:]):
        cuts.add(tail_from + m.start())
    for m in re.finditer(_DATE.pattern + r"\s?印\s?发", line[tail_from:]):
        at = tail_from + m.start()
        # the printing office: the organ words just before the date, after the last stop or field value
        window = line[max(0, at - 30) : at]
        known = window.rfind(place) if place else -1
        organ = re.search(r"[\u4e00-\u9fff]{2,14}?(?:办公室|办公厅|局|厅|委|政府|中心)\s?$", window)
        if known >= 0:
            cuts.add(at - len(window) + known)
        cuts.add(at - len(window) + organ.start() if organ and known < 0 else at)
    return cuts
