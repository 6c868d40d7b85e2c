"""The structure recogniser: lines (and task tables) of a work plan → a `Plan` plus warnings for the user.

Every importer (plain text, HTML, DOCX) reduces its input to a list of blocks, each a line of text or a
`TableBlock`, and hands them here. The recogniser then, in order:

1. normalises whitespace (U+3000, NBSP, tabs) and re-joins lines hard-wrapped in mid-sentence (PDF copies);
2. drops web-site chrome (breadcrumbs, 发布时间/浏览次数, 扫一扫, ICP备 …) while keeping the metadata a page
   header carries (索引号, 发文字号, 主题词 …);
3. reads the issuing notice when there is one (masthead, 发文字号, 关于印发…的通知, recipients, body, signers,
   date, annotation, imprint);
4. reads the plan: title, issuers, year, preamble, the 一、/（一）/1./（1） tree with fields, and the closing.

Source numbers are read, not trusted: the tree is numbered by position later, and whatever the source got
wrong (gaps, repeats) becomes a warning. Nothing here is keyed on a particular document's text.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ..core.errors import FormatError
from ..core.issuing import fill_masthead
from ..core.messages import QT_TRANSLATE_NOOP, Message
from ..core.model import KINDS as NODE_KINDS
from ..core.model import MAX_CHARACTERS, NOTICE_SPECS, Field, Node, NodeKind, Notice, Numbering, Plan, outer_kinds
from ..core.numbering import chinese_numeral, printed_tree
from ..core.numbering import label as number_label
from ..layout.blocks import chinese_date
from .flat import split_run

# ---- blocks ------------------------------------------------------------------------------------------


@dataclass
class TableBlock:
    """A table as rows of cell texts (a cell's paragraphs joined by newlines)."""

    rows: list[list[str]]


Block = str | TableBlock


@dataclass
class Recognised:
    plan: Plan
    warnings: list[Message] = field(default_factory=list)


# ---- character classes and patterns -------------------------------------------------------------------

_SPACES = re.compile(r"[\s\u00a0\u3000\u2000-\u200b\u202f\u205f\ufeff]+")
CN_NUM = "一二三四五六七八九十百零〇两"
_CN_DIGIT = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}

SECTION_RE = re.compile(rf"^([{CN_NUM}]{{1,4}})\s*[、，,．.]\s*(.*)$")
SUBSECTION_RE = re.compile(rf"^[（(]\s*([{CN_NUM}]{{1,4}})\s*[）)]\s*[、.．]?\s*(.*)$")
TASK_RE = re.compile(r"^(\d{1,3})\s*(?:[.．、]|\s)(?!\d)\s*(.*)$")
ITEM_RE = re.compile(r"^[（(]\s*(\d{1,3})\s*[）)]\s*[、.．]?\s*(.*)$")
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
CIRCLED_RE = re.compile(rf"^([{CIRCLED}])\s*(.*)$")

COLON = "[:：]"
# Labels a task's field lines use. Others of the same shape (a few Han characters ending like these) count too.
KNOWN_FIELD_LABELS = (
    "牵头领导", "分管领导", "责任领导", "牵头单位", "牵头科室", "牵头处室", "牵头部门", "责任单位", "责任科室",
    "责任处室", "责任部门", "责任人", "配合单位", "配合科室", "配合处室", "配合部门", "协办单位", "主办单位",
    "目标任务", "工作目标", "工作措施", "主要措施", "具体措施", "完成时限", "完成时间", "时间节点", "进度安排",
    "工作要求", "预期成果", "成果形式", "考核指标",
)
_FIELD_SUFFIXES = ("单位", "科室", "处室", "部门", "领导", "时限", "时间", "责任人", "负责人", "措施", "目标", "任务",
                   "成果", "指标", "节点")
FIELD_LINE_RE = re.compile(rf"^([\u4e00-\u9fff]{{2,8}})\s*{COLON}\s*(.*)$")
# （责任单位：市教育局） at a paragraph's end, possibly several labels separated by ；
INLINE_FIELDS_RE = re.compile(rf"[（(]\s*((?:[\u4e00-\u9fff]{{2,6}})\s*{COLON}[^（）()]*)[）)]\s*[。.；;]?$")

DATE_RE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
ISO_DATE_RE = re.compile(r"(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})")
CN_DATE_RE = re.compile(rf"([{CN_NUM}○O]{{4}})年([{CN_NUM}]{{1,2}})月([{CN_NUM}]{{1,3}})日")
DIGITS_DATE_RE = re.compile(r"^(\d{4})(\d{2,4})$")

# 机关代字〔2020〕8号, with [] () （） 【】 ［］ or spaced 〔 2020 〕 forms, and the 的/第 OCR puts before the serial.
DOC_NO_RE = re.compile(
    r"([\u4e00-\u9fffA-Za-z]{1,16}?)\s*[〔\[(（【［]\s*((?:19|20)\d{2})\s*[〕\])）】］]\s*(?:[的第]\s*)?(\d{1,5})\s*号"
)
NOTICE_TITLE_RE = re.compile(r"^(.{0,60}?关于.{2,}的(?:通知|决定|通报|函|(?:实施|指导|若干)?意见))$")
MASTHEAD_RE = re.compile(r"^([\u4e00-\u9fff\s]{2,40}?文\s*件)\s*[|｜]?$")
ANNOTATION_RE = re.compile(r"^[（(]\s*(此件[^）)]{1,20}|[^）)]{2,20}发布)\s*[）)]$")
# An imprint line is short: the length is checked first (a long line of spaces made every split be tried).
IMPRINT_RE = re.compile(r"^(?=.{4,200}$)(.{2,40}?)\s*((?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)|(?:\d{4}-\d{1,2}-\d{1,2}))\s*印\s*发$")
# Page numbers and running heads a PDF copy leaves between the lines: — 3 —, - 3 -, 第3页 共10页.
PAGE_NUMBER_RE = re.compile(r"^(?:[-—–－─\s]*\d{1,3}[-—–－─\s]*|第\s*\d+\s*页\s*(?:[，,/]?\s*共\s*\d+\s*页)?)$")
CC_RE = re.compile(rf"^抄\s*送\s*{COLON}\s*(.*)$")

KINDS = ("工作要点", "工作计划", "行动计划", "行动方案", "实施方案", "工作方案", "工作安排", "工作思路", "工作重点",
         "重点工作", "任务清单", "实施意见", "要点", "计划", "方案", "规划", "安排", "意见")
KIND_END_RE = re.compile(rf"({'|'.join(KINDS)})$")
YEAR_RE = re.compile(r"((?:19|20)\d{2})\s*年")
ORGAN_END_RE = re.compile(r"(委员会|工委|党委|党组|局|厅|委|政府|办公室|办公厅|部|院|会|中心|办|署|所|站|学校|大学|学院)$")
# what a title carries after its name: （征求意见稿）, or the years it covers （2018—2020年）
DRAFT_RE = re.compile(r"[（(](?:征求意见稿|送审稿|讨论稿|草案|试行|暂行|代拟稿|修订稿|初稿|审议稿"
                      r"|(?:19|20)\d{2}\s*[—\-–~－至]+\s*(?:19|20)\d{2}\s*年?)[）)]$")
CLOSING_RE = re.compile(r"^(在完成上述|在抓好上述|除上述|除以上|以上各项|上述各项|此外|其他工作)")

# ---- web chrome -----------------------------------------------------------------------------------------


def _spaced(word: str) -> str:
    """A regex for a label that sites print with spaces between its characters (索 引 号)."""
    return r"\s*".join(map(re.escape, word))


# Page-header labels whose values Planbook keeps, and where they go.
META_LABELS = {
    **{label: spec.name for spec in NOTICE_SPECS for label in spec.import_labels},  # the notice's, from its table
    "发布机构": "publisher", "发文机关": "publisher", "发文机构": "publisher", "名称": "title", "标题": "title",
    # legal databases' and other sites' names for the same (【制定机关】, 【字号】)
    "发布单位": "publisher", "制定机关": "publisher", "发文单位": "publisher", "字号": "doc_number",
    "公布日期": "published_on",
}
# Labels of page furniture: the line is dropped, the value is not kept.
CHROME_LABELS = (
    "公开方式", "公开范围", "公开时限", "公开形式", "信息来源", "来源", "浏览次数", "浏览量统计", "浏览量", "点击数", "点击量",
    "阅读次数", "访问次数", "作者", "责任编辑", "编辑", "字体", "分享到", "分享", "打印", "效力状态", "有效性",
    "体裁分类", "组配分类", "生效日期", "失效日期", "所属机构", "信息类别", "内容概述", "文件状态", "时效",
)
_LABEL_ALTS = sorted(list(META_LABELS) + list(CHROME_LABELS), key=len, reverse=True)
LABEL_RE = re.compile(rf"(?:^|(?<=[\s•·|【\[]))({'|'.join(_spaced(w) for w in _LABEL_ALTS)})\s*{COLON}")
BRACKET_LABEL_RE = re.compile(rf"【\s*({'|'.join(map(re.escape, META_LABELS))})\s*】")
CHROME_LINE_RES = [re.compile(p) for p in (
    r"^(您的位置|您现在的位置|您现在所在的位置|您所在的位置|您当前的位置|当前位置|所在位置|所在的位置|当前的位置)\s*[:：]?",
    r"首\s*页\s*[>›»＞/\\]",
    r"扫一扫", r"^上一(条|篇)", r"^下一(条|篇)", r"(主办|承办|维护)单位\s*[:：]", r"联系(地址|电话|方式|我们)\s*[:：]?",
    r"网站标识码", r"ICP\s*备", r"公网安备", r"网站地图", r"版权所有", r"(?i)copyright", r"欢迎(您|光临)",
    r"【\s*字体", r"字体\s*[:：]?\s*[【\[]?\s*大\s*中\s*小", r"^文件解读", r"^(相关|推荐)(链接|文件|阅读|新闻|附件)",
    r"^(?:[【】\s]*(?:打印|关闭|收藏|返回顶部|关闭窗口|打印本页|打印此页|返回|我要纠错|加入收藏))+[【】\s]*$",
    r"点击上方.{0,8}关注", r"^阅读原文$", r"长按(识别|二维码)", r"^(微信|手机)扫一扫", r"^(全文|正文|文章属性)$",
    r"^(?:(?:打印|分享到?|收藏|关闭)[\s:：]*)+$", r"^[|>•·\-—*#\s:：]*$",
)]
FOOTER_RES = [re.compile(p) for p in (
    r"扫一扫", r"^上一(条|篇)", r"^下一(条|篇)", r"(主办|承办)单位\s*[:：]", r"网站标识码", r"ICP\s*备", r"网站地图",
    r"版权所有", r"(?i)copyright", r"^文件解读", r"^(相关|推荐)(链接|文件|阅读|新闻)",
)]


def normalise_line(text: str) -> str:
    """One line with every run of odd spaces (U+3000, NBSP, tabs …) turned into one plain space, trimmed."""
    return _SPACES.sub(" ", text).strip()


def _wide_class() -> re.Pattern:
    """A character class of the wide and full-width characters (East Asian Width W or F), built once from
    unicodedata for the BMP; the planes above it are wide from U+20000 to U+3FFFD."""
    ranges, start = [], None
    for code in range(0x10000):
        wide = unicodedata.east_asian_width(chr(code)) in "WF"
        if wide and start is None:
            start = code
        elif not wide and start is not None:
            ranges.append((start, code - 1))
            start = None
    parts = "".join(f"\\u{a:04x}-\\u{b:04x}" for a, b in ranges)
    return re.compile(f"[{parts}\\U00020000-\\U0003fffd]")


_WIDE = _wide_class()


def _width(text: str) -> int:
    # Counted by one regex scan: a Python loop over every character cost minutes on a long document.
    return len(text) if text.isascii() else len(text) + len(_WIDE.findall(text))


# ---- numbers and dates --------------------------------------------------------------------------------


def parse_chinese_numeral(text: str) -> int | None:
    """一 → 1, 十二 → 12, 二十 → 20, 一百零一 → 101; None when it is not a numeral."""
    total, current = 0, 0
    for ch in text:
        if ch in _CN_DIGIT:
            current = _CN_DIGIT[ch]
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
        else:
            return None
    total += current
    return total or None


def _date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def parse_date(text: str) -> dt.date | None:
    """2020年3月6日, 2020-03-06, 2020/3/6, 二〇二〇年三月六日 → a date (None when it is not one)."""
    if m := DATE_RE.search(text) or ISO_DATE_RE.search(text):
        return _date(int(m[1]), int(m[2]), int(m[3]))
    if m := CN_DATE_RE.search(text):
        year = "".join(str(_CN_DIGIT.get(c, 0)) for c in m[1].replace("○", "〇").replace("O", "〇"))
        month, day = parse_chinese_numeral(m[2]), parse_chinese_numeral(m[3])
        if month and day:
            return _date(int(year), month, day)
    return None


def digits_date(text: str, near: dt.date | None) -> tuple[dt.date | None, list[dt.date]]:
    """`2018319` (a date whose 年月日 a web copy lost) → the reading nearest before `near`, and all readings."""
    m = DIGITS_DATE_RE.match(text)
    if not m:
        return None, []
    year, rest = int(m[1]), m[2]
    readings = []
    for cut in range(1, len(rest)):
        month, day = rest[:cut], rest[cut:]
        if len(month) <= 2 and len(day) <= 2 and (d := _date(year, int(month), int(day))):
            readings.append(d)
    if not readings:
        return None, []
    if near:  # a notice is signed before it is published
        before = [d for d in readings if d <= near]
        if before:
            return max(before), readings
    return readings[0], readings


def is_date_line(text: str) -> bool:
    t = text.replace(" ", "")
    return bool(
        re.fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日", t) or re.fullmatch(r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}", t)
        or CN_DATE_RE.fullmatch(t) or DIGITS_DATE_RE.fullmatch(t)
    )


def normalise_doc_number(text: str) -> str | None:
    """湘教发[2020]8号, 湘教发(2020)8号, 湘教发〔 2020 〕8号 → 湘教发〔2020〕8号."""
    m = DOC_NO_RE.search(text)
    return f"{m[1]}〔{m[2]}〕{m[3]}号" if m else None


# ---- line classification ------------------------------------------------------------------------------


@dataclass
class Marker:
    kind: NodeKind
    number: int
    text: str


def marker(line: str) -> Marker | None:
    """The outline level a line opens (一、 （一） 1. （1） ①) with its source number, or None."""
    if m := SECTION_RE.match(line):
        n = parse_chinese_numeral(m[1])
        if n and m[2]:
            return Marker(NodeKind.SECTION, n, m[2])
    if m := SUBSECTION_RE.match(line):
        n = parse_chinese_numeral(m[1])
        if n and m[2]:
            return Marker(NodeKind.SUBSECTION, n, m[2])
    if (m := TASK_RE.match(line)) and m[2] and not _looks_like_quantity(m[2]):
        return Marker(NodeKind.TASK, int(m[1]), m[2])
    if (m := ITEM_RE.match(line)) and m[2]:
        return Marker(NodeKind.ITEM, int(m[1]), m[2])
    if (m := CIRCLED_RE.match(line)) and m[2]:
        return Marker(NodeKind.ITEM, CIRCLED.index(m[1]) + 1, m[2])
    return None


def _looks_like_quantity(rest: str) -> bool:
    """`2 万人` or `3 所学校` after a bare space is a number in a sentence, not a task marker."""
    return bool(re.match(r"^(万|亿|千|百|个|所|名|人|项|年|月|日|%|％)", rest))


def field_line(line: str) -> Field | None:
    """`牵头单位：基教科` → Field; None for a sentence that merely contains a colon."""
    m = FIELD_LINE_RE.match(line)
    if not m:
        return None
    return Field(m[1], m[2].strip()) if _is_label(m[1]) else None


def _is_label(label: str) -> bool:
    return label in KNOWN_FIELD_LABELS or (len(label) <= 6 and label.endswith(_FIELD_SUFFIXES))


_NEXT_LABEL = re.compile(rf"(?<!\s)\s+(?=([\u4e00-\u9fff]{{2,8}})\s*{COLON})")
_FIELD_HEAD = re.compile(rf"([\u4e00-\u9fff]{{2,8}})\s*{COLON}\s*")


def fields_of_line(line: str) -> list[Field]:
    """`牵头单位：办公室 责任单位：各科室` → two fields; one for a line with one label; [] for a sentence."""
    first = field_line(line)
    if first is None:
        return []
    # One pass over the value: each label found cuts it (slicing the rest again at every label was quadratic).
    value, start, out = first.value, 0, [first]
    for cut in _NEXT_LABEL.finditer(value):
        if cut.start() < start or not _is_label(cut[1]):
            continue
        head = _FIELD_HEAD.match(value, cut.end())
        out[-1].value = value[start: cut.start()].strip()
        out.append(Field(head[1], ""))
        start = head.end()
    out[-1].value = value[start:].strip()
    return out


def split_title(text: str) -> tuple[str, str]:
    """A numbered paragraph's title is its first sentence (to the first 。) when more follows; the rest is body."""
    cut = text.find("。")
    if 0 <= cut < len(text) - 1:
        return text[: cut + 1].strip(), text[cut + 1:].strip()
    return text.strip(), ""


# A run of separators is tried once, from its start (from each of its characters it was quadratic).
_INLINE_SPLIT = re.compile(rf"[；;]|(?<![，,、\s])[，,、\s]+(?=[\u4e00-\u9fff]{{2,6}}\s*{COLON})")


# （市发展改革委、市财政局负责） or (市教育局牵头,市财政局配合) at a paragraph's end: units named without a label
RESPONSIBLE_RE = re.compile(r"[（(]((?:[^（）()。:：]|[（(][^（）()]{1,6}[）)]){2,80}?(?:负责|牵头|配合|参与|落实))[）)]"
                            r"\s*[。.；;]?$")  # a unit may hold one bracket: 各区县（市）人民政府
_ROLE_LABEL = {"牵头": "牵头单位", "配合": "配合单位", "参与": "配合单位", "负责": "责任单位", "落实": "责任单位"}


def responsible_units(text: str) -> tuple[str, list[Field]]:
    """Take an unlabelled `（A、B负责）` / `（A牵头，B配合）` off a paragraph's end as 责任单位 / 牵头单位 and 配合单位."""
    m = RESPONSIBLE_RE.search(text)
    if not m:
        return text, []
    found = []
    for part in re.split(r"[，,；;]", m[1]):
        pm = re.fullmatch(r"\s*(.+?)\s*(负责|牵头|配合|参与|落实)\s*", part)
        if not pm or len(pm[1]) > 60 or re.search(r"\d{4}|年底|月底|前完成", pm[1]):
            return text, []  # not a list of units (a time limit, a sentence)
        label = _ROLE_LABEL[pm[2]]
        if found and found[-1].label == label:
            found[-1].value += "、" + pm[1]
        else:
            found.append(Field(label, pm[1]))
    rest = text[: m.start()].rstrip()
    if m[0].rstrip().endswith(("。", ".")) and rest and not rest.endswith("。"):
        rest += "。"
    return rest, found


def inline_fields(text: str) -> tuple[str, list[Field]]:
    """Take `（责任单位：市教育局）` off a paragraph's end as fields, or an unlabelled `（市教育局负责）`."""
    m = INLINE_FIELDS_RE.search(text)
    if not m:
        return responsible_units(text)
    found = []
    for part in _INLINE_SPLIT.split(m[1]):
        fm = re.match(rf"^\s*([\u4e00-\u9fff]{{2,6}})\s*{COLON}\s*(.*?)\s*$", part)
        if not fm:
            return text, []
        label = fm[1]
        if not (label in KNOWN_FIELD_LABELS or label.endswith(_FIELD_SUFFIXES)):
            return text, []
        found.append(Field(label, fm[2]))
    rest = text[: m.start()].rstrip()
    # keep the sentence's full stop when the parenthesis sat before it
    if m[0].rstrip().endswith(("。", ".")) and rest and not rest.endswith("。"):
        rest += "。"
    return rest, found


def is_chrome(line: str) -> bool:
    return any(r.search(line) for r in CHROME_LINE_RES)


def label_pairs(line: str) -> list[tuple[str, str]] | None:
    """`索 引 号:430… 主题分类:统计` → [("索引号", "430…"), ("主题分类", "统计")], if the line is only such pairs.

    Text before the first label may be a bullet or a site's name and address (湘潭市教育局 jy.xiangtan.gov.cn).
    """
    if "【" in line:  # 【制定机关】苏州市教育局 (legal databases) reads as 制定机关：苏州市教育局
        line = BRACKET_LABEL_RE.sub(r"\1：", line)
    matches = list(LABEL_RE.finditer(line))
    if not matches:
        return None
    head = line[: matches[0].start()].strip(" •·|-*")
    if head and (len(head) > 40 or re.search(r"[。，,；;]", head)):
        return None
    pairs = []
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(line)
        value = line[m.end(): end].strip(" 【】[]|•·")
        pairs.append((re.sub(r"\s+", "", m[1]), value))
    return pairs


# ---- hard wraps -----------------------------------------------------------------------------------------

_TERMINAL = tuple("。！？；：:;!?")
_LEAD_IN = tuple("：:")  # a line ending in a colon (主送机关：) is never run on into the next


def unwrap(lines: list[str]) -> list[str]:
    """Re-join lines that a PDF copy broke at a fixed width in mid-sentence.

    A document counts as hard-wrapped when many of its lines share (nearly) the same, longest length, counted
    in print columns (a Chinese character is two) or in characters, as extractors differ. Then a line that
    reaches that length runs on into the next one, unless the next line opens a numbered paragraph or a field.
    A full line ending in 。 runs on as well when what follows also ends a sentence: in a wrapped document a
    sentence ends at the margin as often as anywhere else, while a signer or heading after it ends in no stop.
    """
    measure, best = _wrap_width(lines)
    if not best:
        return lines
    # Each output line is kept as its pieces and joined once at the end: adding to a growing string at every
    # line was quadratic when thousands of lines run on into one.
    out: list[list[str]] = []
    joining = False
    for line in lines:
        if joining and line and not marker(line) and not field_line(line) and (
            not out[-1][-1].endswith(_TERMINAL) or measure(line) >= best - 2 or line.endswith(_TERMINAL)
        ):
            tail = out[-1][-1]
            out[-1].append(_join(tail, line)[len(tail):])  # the line, with the space _join puts between words
        else:
            out.append([line])
        tail = out[-1][-1]
        joining = bool(tail) and measure(line) >= best - max(6, best // 6) and not tail.endswith(_LEAD_IN)
    return ["".join(parts) for parts in out]


def _wrap_width(lines: list[str]):
    """(measure, width) of the margin most lines stop at, or (len, 0) when the text is not hard-wrapped."""
    found = (len, 0)
    strongest = 0
    for measure in (_width, len):
        sizes = [measure(x) for x in lines if x]
        long_sizes = [w for w in sizes if w >= 12]
        if len(long_sizes) < 5:
            continue
        tally = Counter(long_sizes)
        best, count = 0, 0
        for top in tally:
            n = sum(tally.get(w, 0) for w in range(top - 3, top + 1))
            if n > count or (n == count and top > best):
                best, count = top, n
        if count >= max(5, 0.3 * len(sizes)) and best >= max(long_sizes) - 4 and count > strongest:
            found, strongest = (measure, best), count
    return found


def _join(a: str, b: str) -> str:
    """Join two pieces of a broken line: no space between CJK, one between Latin words."""
    if a and b and a[-1].isascii() and a[-1].isalnum() and b[0].isascii() and b[0].isalpha():
        return f"{a} {b}"
    return a + b


# ---- the recogniser ------------------------------------------------------------------------------------


@dataclass
class _Doc:
    """Working state: what has been read so far."""

    meta: dict[str, str] = field(default_factory=dict)
    warnings: list[Message] = field(default_factory=list)
    notice: Notice = field(default_factory=Notice)
    numbers: dict[int, int] = field(default_factory=dict)  # id(node) → number the source printed
    _said: set[str] = field(default_factory=set)  # the warnings' sentences, for a constant-time "said already?"
    forwarded_signers: list[str] = field(default_factory=list)  # who issued the plan a 转发 notice forwards

    def warn(self, template: str, /, **fields: object) -> None:
        message = Message(template, **fields)
        if message not in self._said:
            self._said.add(message)
            self.warnings.append(message)


def recognise(blocks: Iterable[Block]) -> Recognised:
    """Read a plan out of text lines and tables. Raises FormatError when there is no plan to be found."""
    doc = _Doc()
    blocks = list(blocks)
    _check_length(blocks, ink_only=True)  # before _prepare, which costs seconds a million characters
    items = _prepare(blocks)
    if not items:
        raise FormatError(QT_TRANSLATE_NOOP("Messages", "no text found"))
    _check_length(items)
    items = _strip_chrome(items, doc)
    if _notice_alone(items):
        return _read_notice_alone(items, doc)
    start = next((i for i, x in enumerate(items) if isinstance(x, TableBlock) or marker(x)), None)
    if start is None:
        raise FormatError(QT_TRANSLATE_NOOP("Messages", "no plan structure found (no 一、 sections, （一） subsections "
                                                        "or 1. tasks)"))
    front = [x for x in items[:start] if isinstance(x, str)]
    body = items[start:]
    rest = _read_notice(front, doc)
    body = _read_imprint(body, doc)
    title, preamble = _read_title(rest, doc)
    title = re.sub(r"(?<=[\u4e00-\u9fff])\s+(?=\d)", "", title)  # 教育局 2021年工作要点: a PDF copy's space
    nodes, closing = _build_tree(body, doc)
    plan = Plan(title=title, preamble="\n".join(preamble), closing=closing, nodes=nodes, notice=doc.notice)
    _fill_plan_metadata(plan, doc)
    plan.numbering = _check_numbers(plan, doc, outline=_outline_tasks(plan))
    if fill_masthead(plan):  # web copies lose the red head: propose one, for the clerk to confirm
        doc.warn(QT_TRANSLATE_NOOP("Messages", "the notice has no masthead (发文机关标志); proposed “{masthead}”: "
                                               "confirm or change it before issuing"), masthead=plan.notice.masthead)
    return Recognised(plan, doc.warnings)


def _check_length(items: list[Block], ink_only: bool = False) -> None:
    """Refuse a document too long to be a plan before reading its structure (6 million characters took minutes).
    `ink_only` counts only non-space characters: what any reading of the raw blocks keeps at least."""
    size = _ink if ink_only else len
    count = sum(size(x) if isinstance(x, str) else sum(size(c) for row in x.rows for c in row) for x in items)
    if count > MAX_CHARACTERS:
        raise FormatError(QT_TRANSLATE_NOOP("Messages", "the document holds {count} characters of text; a plan may "
                                                        "hold at most {limit}"), count=count, limit=MAX_CHARACTERS)


def _ink(text: str) -> int:
    return sum(map(len, text.split()))


# A notice that carries a document (印发/转发 a plan, sends a draft for comment) names it; one that does not is
# the whole document, and its own 一、二、 points are the notice's body, not a plan's sections.
_CARRIES_RE = re.compile(r"印发|转发|下发|颁发|发布|征求|送审|报送|《")


def _notice_alone(items: list[Block]) -> bool:
    """A notice with no plan: its title carries nothing, and its signature and date close the document."""
    lines = [x for x in items if isinstance(x, str)]
    if len(lines) < 3 or any(isinstance(x, TableBlock) for x in items):
        return False
    title = next((x for x in lines[:15] if _notice_title(x)), None)
    tail = [x for x in lines[-4:] if not (ANNOTATION_RE.match(x) or IMPRINT_RE.match(x) or CC_RE.match(x))]
    if not any(is_date_line(x) or _signer_and_date(x) for x in tail[-2:]):
        # a letter to its recipients with no numbered paragraph at all is a notice, signed or not
        return _addressed(lines) and not any(map(marker, lines))
    if title is None:  # only the recipients, the body and the signature: a notice copied without its title
        return _addressed(lines) and not any(map(marker, lines))
    if not _CARRIES_RE.search(title):
        return True
    # it names a plan, but the plan is not here: the signature and date that close it are its only ones
    dates = [i for i, x in enumerate(lines) if is_date_line(x) or _signer_and_date(x)]
    return len(dates) == 1


def _addressed(lines: list[str]) -> bool:
    """The text opens (after its title) with recipients: 各县（市、区）教育局：."""
    return any(x.startswith("各") and x.endswith((":", "：")) and len(x) <= 200 for x in lines[:4])


def _read_notice_alone(items: list[Block], doc: _Doc) -> Recognised:
    lines = [x for x in items if isinstance(x, str)]
    lines = _read_imprint(lines, doc)
    if any(_notice_title(x) for x in lines[:15]):
        _read_notice(lines, doc)
    else:  # copied without its title: recipients, body, signature
        _read_notice_body(lines, -1, set(), doc)
        _apply_meta(doc)
    n = doc.notice
    if m := re.search(r"《(.+)》", n.title):
        title = m[1]  # the plan it sends, which is not here
    else:
        title = re.sub(r"^.*?关于(?:印发|转发|下发)?|的(?:通知|决定|通报|函|意见)$", "", n.title)
    title = title or re.sub(rf"^附\s*件\s*\d*\s*{COLON}\s*", "", n.attachments) or "未命名计划"
    plan = Plan(title=title, notice=n, issuers=list(n.signers))
    if m := YEAR_RE.search(n.title) or YEAR_RE.search(title):
        plan.year = int(m[1])
    doc.warn(QT_TRANSLATE_NOOP("Messages", "this is a notice with no plan in it; it was imported as the notice of an "
                                           "empty plan"))
    return Recognised(plan, doc.warnings)


def _prepare(blocks: Iterable[Block]) -> list[Block]:
    """Normalise spaces, split multi-line strings, re-join hard wraps, drop blank lines."""
    out: list[Block] = []
    run: list[str] = []

    def flush() -> None:
        out.extend(x for x in unwrap(run) if x)
        run.clear()

    for block in blocks:
        if isinstance(block, TableBlock):
            rows = [[normalise_cell(c) for c in row] for row in block.rows]
            rows = [r for r in rows if any(r)]
            # the header may sit under a caption row (XX年重点工作任务分解表) merged across the table
            head = next((i for i, r in enumerate(rows[:3]) if _table_roles(_header(r)) is not None), None)
            for row in rows[: len(rows) if head is None else head]:  # not a list of tasks: its text, cell by cell
                run.extend(_row_lines(row))
            if head is not None:
                flush()
                header = _header(rows[head])
                # a header repeated on every printed page is not a task
                out.append(TableBlock([rows[head]] + [r for r in rows[head + 1:] if _header(r) != header]))
        else:
            for line in map(normalise_line, block.splitlines()):
                if not PAGE_NUMBER_RE.match(line):
                    run.extend(split_run(line))  # a whole plan on one line (OCR, some PDF viewers) is cut up
    flush()
    return out


def _header(row: list[str]) -> list[str]:
    return [re.sub(r"\s+", "", c) for c in row]


def _row_lines(row: list[str]) -> list[str]:
    """A layout-table row as lines. Sites print page metadata as label cells and value cells
    (索 引 号 | 430… | 发布机构 | 市教育局); such a row becomes one `label：value label：value` line."""
    cells: list[str] = []
    for cell in row:
        if cell and cell not in cells:  # merged cells repeat their text
            cells.append(cell)
    labelled = False
    for i, cell in enumerate(cells):
        bare = re.sub(r"\s+", "", cell).rstrip(":：")
        if bare in META_LABELS or bare in CHROME_LABELS:
            cells[i] = bare + "："
            labelled = True
    if labelled and all("\n" not in c for c in cells):
        return [" ".join(cells)]
    return [line for cell in cells for line in cell.splitlines()]


def normalise_cell(text: str) -> str:
    return "\n".join(x for x in (normalise_line(p) for p in text.splitlines()) if x)


def _plausible_meta(key: str, value: str) -> bool:
    """Whether a line can be the value of a header label printed on the line before it."""
    if len(value) > 40 or marker(value) or is_chrome(value):
        return False
    if key in ("published_on", "signed_on"):
        return parse_date(value) is not None
    if key == "doc_number":
        return normalise_doc_number(value) is not None
    if key == "index_no":
        return bool(re.fullmatch(r"[0-9A-Za-z][0-9A-Za-z/_.\-\s]*", value))
    if key == "publisher":
        return bool(ORGAN_END_RE.search(value)) and _organ_like(value)
    if key in ("subject_words", "category"):
        return (len(value) <= 16 and not re.search(r"[。，,；;]", value) and not normalise_doc_number(value)
                and parse_date(value) is None)
    return False


def _strip_chrome(items: list[Block], doc: _Doc) -> list[Block]:
    """Drop site furniture; keep the header's metadata in `doc.meta`."""
    head = min(len(items), 12)
    crumb = next((i for i in range(head) if isinstance(items[i], str) and CHROME_LINE_RES[0].search(items[i])), None)
    if crumb is None:
        crumb = next((i for i in range(head) if isinstance(items[i], str) and CHROME_LINE_RES[1].search(items[i])), None)
    if crumb is not None:  # the site's banner and menus sit above the breadcrumb: only metadata is kept
        for item in items[:crumb]:
            for label, value in (label_pairs(item) or []) if isinstance(item, str) else []:
                if (key := META_LABELS.get(label)) and value:
                    doc.meta.setdefault(key, value)
        items = items[crumb + 1:]
    out: list[Block] = []
    seen_structure = False
    awaiting: str | None = None  # a header label whose value did not follow on its line
    for item in items:
        if isinstance(item, TableBlock):
            out.append(item)
            seen_structure = True
            continue
        if seen_structure and any(r.search(item) for r in FOOTER_RES):
            break  # the page's footer: nothing of the plan follows
        pairs = label_pairs(item)
        if pairs is not None and seen_structure and (len(item) > 60 or any(k in META_LABELS for k, _ in pairs)):
            pairs = None  # inside the plan only a short line of page furniture (来源： 责任编辑：) goes
        if pairs is None and awaiting is not None:
            if _plausible_meta(META_LABELS[awaiting], item):
                pairs = [(awaiting, item)]  # `索引号：` on one line, its value on the next
            awaiting = None
        if pairs is not None:
            for label, value in pairs:
                if (key := META_LABELS.get(label)) and value:
                    doc.meta.setdefault(key, value)
            label, value = pairs[-1]
            awaiting = label if not value and label in META_LABELS and not seen_structure else None
            continue
        awaiting = None
        if is_chrome(item):
            continue
        if marker(item):
            seen_structure = True
        out.append(item)
    return out


# ---- notice ---------------------------------------------------------------------------------------------


def _organ_like(line: str) -> bool:
    return len(line) <= 30 and not re.search(r"[。，,；;：:、《》“”]", line) and not is_date_line(line)


def _read_notice(front: list[str], doc: _Doc) -> list[str]:
    """Take the issuing notice out of the lines before the plan's first section; return what is left."""
    n = doc.notice
    used: set[int] = set()
    front = _join_notice_title(front)
    title_at = next((i for i, x in enumerate(front) if _notice_title(x)), None)
    if title_at is not None:
        # a page's headline often repeats the title above the document's own: the document's is the last one
        same = _notice_title(front[title_at])[1]
        title_at = max(i for i, x in enumerate(front[: title_at + 16]) if (t := _notice_title(x)) and t[1] == same)
        if DIRECT_RE.search(same):
            return _read_direct(front, title_at, doc)
    for i, line in enumerate(front[: (title_at or 0) + 3]):
        if not n.masthead and (m := MASTHEAD_RE.match(line)):
            n.masthead = _unspace(m[1].strip())
            used.add(i)
        elif not n.doc_number and (no := normalise_doc_number(line)) and len(line) <= 30 and title_at != i:
            n.doc_number = no
            used.add(i)
    anchor = title_at
    if title_at is not None:
        no, n.title = _notice_title(front[title_at])
        n.doc_number = n.doc_number or no
        used.add(title_at)
        for i in range(title_at + 1, min(len(front), title_at + 4)):  # the same title or number again
            again = _notice_title(front[i])
            if (again and again[1] == n.title) or normalise_doc_number(front[i]) == front[i].replace(" ", ""):
                n.doc_number = n.doc_number or normalise_doc_number(front[i]) or ""
                used.add(i)
    elif n.doc_number or n.masthead:
        anchor = max(used)
    if anchor is not None:
        _read_notice_body(front, anchor, used, doc)
    _apply_meta(doc)
    _read_telegram_header(front[: title_at or 0], n)
    if title_at is None and not used:
        return front
    # What sits above the notice's title (a page heading repeating it) is not the plan's.
    last = max(used)
    rest = [x for i, x in enumerate(front) if i not in used and i > last]
    return _read_forwarded(rest, doc)


def _read_forwarded(rest: list[str], doc: _Doc) -> list[str]:
    """A 转发 notice forwards another body's notice, which comes next with its own number, title, signature and
    date. It is kept, word for word, after the forwarding notice's body; its signers issued the plan."""
    if not re.search(r"转发|转印", doc.notice.title) or not any(_notice_title(x) for x in rest[:8]):
        return rest
    inner = _Doc()
    after = _read_notice(rest, inner)
    forwarded = rest[: len(rest) - len(after)]
    if not inner.notice.title or not forwarded:
        return rest
    doc.notice.body = "\n".join(x for x in (doc.notice.body, *forwarded) if x)
    doc.forwarded_signers = list(inner.notice.signers)
    return after


_TELEGRAM = {"等级": "urgency", "签批盖章": "issued_by", "签发人": "issued_by", "签批": "issued_by"}


def _read_telegram_header(lines: list[str], n: Notice) -> None:
    """A 明电's header: 发电单位 …, 签批盖章 …, 等级 特急 (the 发文字号 is read with the rest)."""
    for line in lines:
        for label, attr in _TELEGRAM.items():
            if (m := re.search(rf"{label}\s*[:：]?\s*([\u4e00-\u9fff·]{{2,8}})", line)) and not getattr(n, attr):
                setattr(n, attr, m[1])


# 关于…的实施意见 with a 发文字号 is the document itself (an 意见 issued as it is), not a notice sending one
DIRECT_RE = re.compile(r"的(?:实施意见|指导意见|若干意见|意见)$")


def _read_direct(front: list[str], title_at: int, doc: _Doc) -> list[str]:
    """A document issued without a covering notice: its title, 发文字号 and 主送机关 head it, and what follows the
    recipients is its own preamble. The title stays for the plan; the number and recipients go to the notice."""
    n = doc.notice
    rest = [front[title_at]]
    for i in range(title_at + 1, len(front)):
        line = front[i]
        if i <= title_at + 3 and not n.doc_number and DOC_NO_RE.fullmatch(line.strip("()（） ")):
            n.doc_number = normalise_doc_number(line) or ""
        elif i <= title_at + 4 and not n.recipients and line.endswith((":", "：")) and len(line) >= 3:
            n.recipients = line[:-1] + "："
        else:
            rest.append(line)
    _apply_meta(doc)
    return rest


def _join_notice_title(front: list[str]) -> list[str]:
    """A notice title printed in 梯形 lines (关于印发《… / …2020年 / 工作要点》的通知) as one line again."""
    for i in range(min(len(front), 20)):
        if (not front[i].startswith(("关于", "《")) and "关于" not in front[i]) or _notice_title(front[i]):
            continue
        acc = front[i]
        for k in range(i + 1, min(len(front), i + 4)):
            if not _short(front[k]) or len(acc) > 80:
                break
            acc = join_title(acc, front[k])
            if _notice_title(acc):
                return [*front[:i], acc, *front[k + 1:]]
    # the sending organ on a line of its own above 关于…: 济宁市人民政府 / 关于持续深化…的实施意见
    for i in range(1, min(len(front), 20)):
        if front[i].startswith("关于") and _notice_title(front[i]) and ORGAN_END_RE.search(front[i - 1]) \
                and _organ_like(front[i - 1]):
            return [*front[:i - 1], front[i - 1] + front[i], *front[i + 1:]]
    return front


def _notice_title(line: str) -> tuple[str, str] | None:
    """`盘政办发〔2019〕24号 关于印发…的通知` or `《…关于印发〈…〉的通知》` → (doc number or "", title)."""
    no = normalise_doc_number(line) or ""
    if no and DOC_NO_RE.match(line):
        line = DOC_NO_RE.sub("", line, count=1).strip()
    if line.startswith("《") and line.endswith("》"):
        line = line[1:-1].strip()
    line = _title_spaces(line)
    return (no, line) if NOTICE_TITLE_RE.match(line) else None


def _title_spaces(title: str) -> str:
    """A title copied from a page keeps its print line breaks as spaces (…办公室 关于印发…发展 实施方案的通知); only
    the space between two organ names (湖南省教育厅 中共湖南省委教育工委) belongs to it."""
    return re.sub(r"(?<![局厅委办部院会府室心])\s+|\s+(?=关于|的(?:通知|决定|通报|函|意见)$)", "", title)


def _unspace(text: str) -> str:
    """湖 南 省 教 育 厅 文 件 (letter-spaced in print) → 湖南省教育厅文件; spaces between organ names stay."""
    return text.replace(" ", "") if re.fullmatch(r"(\S )+\S", text) else text


def _side_by_side(line: str) -> list[str]:
    """湖南省教育厅 中共湖南省委教育工作委员会 → both organs; a name with one space in it stays whole unless both
    halves read as organs."""
    parts = line.split(" ")
    if len(parts) > 1 and all(len(p) >= 4 and ORGAN_END_RE.search(p) for p in parts):
        return parts
    return [line]


ORGAN_END_RE = re.compile(r"(局|厅|委员会|委|办公室|政府|部|院|会|办|处|中心|集团|公司|学校|大学)$")


def _read_notice_body(front: list[str], anchor: int, used: set[int], doc: _Doc) -> None:
    n = doc.notice
    recip = next((i for i in range(anchor + 1, min(len(front), anchor + 6))
                  if i not in used and front[i].endswith((":", "：")) and len(front[i]) >= 3), None)
    start = recip + 1 if recip is not None else anchor + 1
    if recip is not None:
        n.recipients = front[recip][:-1] + "："
        used.add(recip)
    date_at = next((i for i in range(start, len(front)) if is_date_line(front[i]) or _signer_and_date(front[i])), None)
    if date_at is None:
        end = next((k for k in range(start, len(front)) if _short(front[k]) and KIND_END_RE.search(front[k])),
                   len(front))
        _set_notice_body(front[start:end], n)
        used.update(range(start, end))
        doc.warn(QT_TRANSLATE_NOOP("Messages", "issuing notice: no date of signing and no signature found, "
                                               "please check"))
        return
    date_line = front[date_at]
    first_signer = date_at
    while first_signer - 1 >= start and _organ_like(front[first_signer - 1]) and date_at - first_signer < 4:
        first_signer -= 1
    # Sealed joint notices print the organs side by side on one line (7.3.5.1): one signer each.
    n.signers = [part for line in front[first_signer:date_at] for part in _side_by_side(line)]
    if pair := _signer_and_date(date_line):
        n.signers.append(pair[0])
        date_line = pair[1]
    _set_notice_body(front[start:first_signer], n)
    used.update(range(start, date_at + 1))
    _read_signed_on(date_line, doc)
    if date_at + 1 < len(front) and ANNOTATION_RE.match(front[date_at + 1]):
        n.annotation = "（" + ANNOTATION_RE.match(front[date_at + 1])[1].strip() + "）"
        used.add(date_at + 1)


def _signer_and_date(line: str) -> tuple[str, str] | None:
    """`南宁市教育局 2018年3月19日` on one line → (organ, date)."""
    m = re.match(r"^(.{2,30}?)\s+(\S+)$", line)
    if m and _organ_like(m[1]) and ORGAN_END_RE.search(m[1]) and is_date_line(m[2]):
        return m[1], m[2]
    return None


def _set_notice_body(lines: list[str], n: Notice) -> None:
    """The notice's body, with its 附件：… line kept apart as the attachment note."""
    body = []
    for line in lines:
        if re.match(rf"^附\s*件\s*\d*\s*{COLON}", line) and not n.attachments:
            n.attachments = line
        else:
            body.append(line)
    n.body = "\n".join(body)


def _read_signed_on(line: str, doc: _Doc) -> None:
    text = line.replace(" ", "")
    if date := parse_date(text):
        doc.notice.signed_on = date
        return
    published = parse_date(doc.meta.get("published_on", ""))
    date, readings = digits_date(text, published)
    if date:
        doc.notice.signed_on = date
        also = "、".join(chinese_date(d) for d in readings if d != date)  # dates as a 公文 writes them
        if also:
            doc.warn(QT_TRANSLATE_NOOP("Messages", "the date of signing “{text}” is bare digits; read as {date} "
                                                   "(it could also be {also}), please check"),
                     text=text, date=chinese_date(date), also=also)
        else:
            doc.warn(QT_TRANSLATE_NOOP("Messages", "the date of signing “{text}” is bare digits; read as {date}, "
                                                   "please check"), text=text, date=chinese_date(date))


def _apply_meta(doc: _Doc) -> None:
    """Page-header metadata fills what the document itself did not say."""
    n, meta = doc.notice, doc.meta
    n.index_no = n.index_no or meta.get("index_no", "")
    n.subject_words = n.subject_words or meta.get("subject_words", "")
    n.category = n.category or meta.get("category", "")
    if not n.doc_number and meta.get("doc_number"):
        n.doc_number = normalise_doc_number(meta["doc_number"]) or meta["doc_number"]
    if meta.get("published_on"):
        n.published_on = parse_date(meta["published_on"])
    if not n.signed_on and meta.get("signed_on") and (n.title or n.doc_number):
        n.signed_on = parse_date(meta["signed_on"])


def _read_imprint(body: list[Block], doc: _Doc) -> list[Block]:
    """Take 抄送 and `…办公室 2020年3月9日印发` off the end of the document."""
    n = doc.notice
    while body and isinstance(body[-1], str):
        line = body[-1]
        if m := IMPRINT_RE.match(line):
            n.printed_by, n.printed_on = m[1].strip(), parse_date(m[2])
        elif m := CC_RE.match(line):
            n.cc = m[1].strip()
        else:
            break
        body = body[:-1]
    return body


# ---- title, issuers, year ----------------------------------------------------------------------------


def _short(line: str) -> bool:
    return len(line) <= 50 and not line.endswith(_TERMINAL) and not re.search(r"[。，,；;]", line)


def _read_title(rest: list[str], doc: _Doc) -> tuple[str, list[str]]:
    """The plan's title (possibly broken over lines) and the preamble after it."""
    rest = [x for x in rest if not re.fullmatch(r"附\s*件\s*\d*\s*[:：]?", x)]  # the plan sent as 附件1
    while rest and not _short(rest[0]) and re.search(r"印发.*的通知$", rest[0]):
        rest = rest[1:]  # a page's headline naming the notice the page leaves out
    k = 0
    while k < len(rest) and _short(rest[k]):
        k += 1
    heads, preamble = rest[:k], rest[k:]
    titles: list[str] = []
    heads_done: list[str] = [""]  # after each line: the title just completed, or the part still open
    acc = ""
    for line in heads:
        if titles and not acc and DRAFT_RE.fullmatch(line):
            titles[-1] += line  # 2022年全省教育工作要点 / （征求意见稿）
            continue
        acc = join_title(acc, line) if acc else line
        if KIND_END_RE.search(acc):
            # 立山区政府2023年重点工作 / 任务分解和责任分工方案: a title whose first line already ends like one
            if titles and titles[-1] == heads_done[-1] and YEAR_RE.search(titles[-1]) and not YEAR_RE.search(acc):
                titles[-1] = join_title(titles[-1], acc)
            else:
                titles.append(acc)
            acc = ""
        heads_done.append(acc or titles[-1])
    if titles:
        return titles[-1], preamble
    if heads:  # no line ends like a plan's title: the one just above the preamble (a page headline may precede)
        last = heads[-1]
        if len(heads) > 1 and ORGAN_END_RE.search(heads[-2]) and last[0].isdigit():
            last = join_title(heads[-2], last)
        if YEAR_RE.search(last) or not doc.notice.title:
            return last, preamble
    if m := re.search(r"[《〈](.+?)[》〉]", doc.notice.title):
        return m[1], preamble
    meta_title = doc.meta.get("title", "")
    if meta_title:
        return DOC_NO_RE.sub("", meta_title).strip(), preamble
    if doc.notice.title:
        return re.sub(r"^.*?关于(印发|转发|下发)?|的通知$", "", doc.notice.title), preamble
    doc.warn(QT_TRANSLATE_NOOP("Messages", "no plan title found"))
    return "未命名计划", preamble


def join_title(a: str, b: str) -> str:
    """Two lines of one title: 湖南省教育厅 中共湖南省委教育工委 + 2020年工作要点; organs keep a space between."""
    if ORGAN_END_RE.search(a) and not b[0].isdigit() and ORGAN_END_RE.search(YEAR_RE.split(b)[0] or b):
        return f"{a} {b}"
    return a + b


def _fill_plan_metadata(plan: Plan, doc: _Doc) -> None:
    title = DRAFT_RE.sub("", plan.title)
    if m := KIND_END_RE.search(title):
        plan.kind = "工作要点" if m[1] == "要点" else m[1]
    if m := YEAR_RE.search(title) or re.search(r"((?:19|20)\d{2})(?:\s*[—\-–~－至]|(?=工作|行动|重点))", plan.title):
        plan.year = int(m[1])  # a plan for 2018—2020 is filed under its first year
        prefix = title[: m.start()].strip()
        organs = [x for x in re.split(r"[\s、]+", prefix) if x]
        if organs and all(ORGAN_END_RE.search(o) for o in organs):
            plan.issuers = organs
    if not plan.issuers and (m := re.match(r"^(.{2,30}?)关于", title)) and ORGAN_END_RE.search(m[1]) \
            and _organ_like(m[1]):
        plan.issuers = [m[1]]  # 济宁市人民政府关于…的实施意见: the document names its issuer
    signers = doc.forwarded_signers or doc.notice.signers
    if signers and (not plan.issuers or len(signers) == len(plan.issuers)):
        plan.issuers = list(signers)  # signers are written out in full; titles often abbreviate
    if not plan.issuers and doc.meta.get("publisher"):
        plan.issuers = [doc.meta["publisher"]]
    if plan.year is None:
        for source in (doc.notice.title, doc.notice.doc_number):
            if m := re.search(r"((?:19|20)\d{2})", source):
                plan.year = int(m[1])
                break


# ---- the tree -----------------------------------------------------------------------------------------


# Where a node of each kind hangs, nearest open kind first (consecutive items are siblings): from `model.KINDS`.
_PARENT_KINDS = {kind: outer_kinds(kind) for kind in NODE_KINDS}


class _Builder:
    def __init__(self, doc: _Doc) -> None:
        self.doc = doc
        self.nodes: list[Node] = []
        self.open: dict[NodeKind, Node] = {}  # the innermost open node of each kind
        self.last: Node | None = None  # the node text and fields attach to
        self.items_as_tasks = False  # （1） numbering stands in for tasks in this section

    def add(self, kind: NodeKind, number: int | None, text: str, fields: Sequence[Field] = ()) -> Node:
        if kind is NodeKind.SUBSECTION and NodeKind.SECTION not in self.open:
            self.doc.warn(QT_TRANSLATE_NOOP("Messages", "“{heading}” comes before any section; taken as a section"),
                          heading=f"（{chinese_numeral(number or 1)}）{text[:12]}")
            kind = NodeKind.SECTION
        if kind is not NodeKind.ITEM:
            self.items_as_tasks = False
        elif self.items_as_tasks or not any(k in self.open for k in _PARENT_KINDS[NodeKind.ITEM]):
            if NodeKind.SECTION in self.open and not self.items_as_tasks:
                self.doc.warn(QT_TRANSLATE_NOOP("Messages", "“{heading}” sits directly under a section; taken as "
                                                            "a task (it will be numbered “{number}.”)"),
                              heading=f"（{number}）{text[:12]}", number=number)
            self.items_as_tasks = True  # its siblings (（2）, （3）…) follow it
            kind = NodeKind.TASK
        text, inline = inline_fields(text)
        title, body = split_title(text)
        node = Node(kind, title, body, [*fields, *inline])
        if number is not None:
            self.doc.numbers[id(node)] = number
        parent = next((self.open[k] for k in _PARENT_KINDS[kind] if k in self.open), None)
        (parent.children if parent else self.nodes).append(node)
        # opening a node closes every deeper one (an item closes only deeper items, which it replaces)
        for k in list(self.open):
            if _depth(k) >= _depth(kind):
                del self.open[k]
        self.open[kind] = node
        self.last = node
        return node

    def text(self, line: str) -> None:
        if self.last is None:
            return
        node = self.last
        node.body = f"{node.body}\n{line}" if node.body else line


def _depth(kind: NodeKind) -> int:
    return NODE_KINDS[kind].depth


def _build_tree(body: list[Block], doc: _Doc) -> tuple[list[Node], str]:
    b = _Builder(doc)
    tail_from = _tail_start(body)
    waiting: Field | None = None  # a label on a line of its own (牵头单位：), its value on the next line
    for item in body[:tail_from]:
        if isinstance(item, TableBlock):
            _add_table(item, b)
        elif mk := marker(item):
            b.add(mk.kind, mk.number, mk.text)
        elif waiting is not None and not _bare_label(item) and not fields_of_line(item) and len(item) <= 80:
            waiting.value = item
        elif (fs := fields_of_line(item) or _bare_label(item)) and b.last is not None:
            b.last.fields.extend(fs)
        else:
            b.text(item)
        waiting = None
        if isinstance(item, str) and b.last is not None and b.last.fields and not b.last.fields[-1].value \
                and (_bare_label(item) or fields_of_line(item)):
            waiting = b.last.fields[-1]
    tail = [x for x in body[tail_from:] if isinstance(x, str)]
    closing = "\n".join(_closing_line(x) for x in tail)
    return b.nodes, closing


def _bare_label(line: str) -> list[Field]:
    """`责任单位` alone on a line, as tables pasted as text leave it: a field whose value is the next line."""
    label = line.rstrip("：: ")
    return [Field(label, "")] if label in KNOWN_FIELD_LABELS else []


def _closing_line(line: str) -> str:
    fields = fields_of_line(line)
    return "\n".join(f"{f.label}：{f.value}" for f in fields) if fields else line


def _tail_start(body: list[Block]) -> int:
    """Where the closing paragraph starts: unnumbered text after the last numbered paragraph's own fields, when it
    is set apart (that paragraph carried fields, or the text reads like a closing).

    A node's fields do not repeat a label, so a second 责任单位 after the last task belongs to the closing."""
    last = max((i for i, x in enumerate(body) if isinstance(x, TableBlock) or marker(x)), default=-1)
    had_fields = last >= 0 and isinstance(body[last], TableBlock)
    own_end = last + 1
    labels: set[str] = set()
    for j in range(last + 1, len(body)):
        f = field_line(body[j]) if isinstance(body[j], str) else None
        if f is None:
            continue
        if f.label in labels:
            break
        labels.add(f.label)
        own_end, had_fields = j + 1, True
    if own_end < len(body) and isinstance(body[own_end], str) and (had_fields or CLOSING_RE.match(body[own_end])):
        return own_end
    return len(body)


# ---- task tables ----------------------------------------------------------------------------------------

_NUMBER_HEAD = re.compile(r"^(序号|编号|序|No\.?)$", re.I)
_GROUP_HEAD = re.compile(r"^(类别|项目|领域|板块|方面|重点领域|工作类别|任务类别|分类)$")
_TASK_HEAD = re.compile(r"(任务|工作|内容|事项|要点)")


def _add_table(table: TableBlock, b: _Builder) -> None:
    """A table of tasks (序号 | 工作任务 | 牵头单位 | … ) becomes tasks with fields; any other table is read as text."""
    header = _header(table.rows[0])
    roles = _table_roles(header)
    if roles is None:  # _prepare let only task tables through
        return
    number_col, group_col, task_col = roles
    group = None
    for row in table.rows[1:]:
        cells = row + [""] * (len(header) - len(row))
        distinct = {c for c in cells if c}
        if len(distinct) == 1 and (mk := marker(next(iter(distinct)))) and mk.kind is not NodeKind.TASK:
            b.add(mk.kind, mk.number, mk.text)  # a merged row naming a section
            continue
        if group_col is not None and cells[group_col] and cells[group_col] != group:
            group = cells[group_col]
            mk = marker(group)
            b.add(NodeKind.SECTION, mk.number if mk else None, mk.text if mk else group)
        text = cells[task_col]
        if not text:
            continue
        mk = marker(text)
        number = mk.number if mk and mk.kind is NodeKind.TASK else None
        if number is None and number_col is not None and cells[number_col].isdigit():
            number = int(cells[number_col])
        fields = [Field(header[i], cells[i]) for i in range(len(header))
                  if i not in (number_col, group_col, task_col) and header[i]]
        b.add(NodeKind.TASK, number, mk.text if number is not None and mk else text.replace("\n", ""), fields)


def _table_roles(header: list[str]) -> tuple[int | None, int | None, int] | None:
    number_col = next((i for i, h in enumerate(header) if _NUMBER_HEAD.match(h)), None)
    group_col = next((i for i, h in enumerate(header) if _GROUP_HEAD.match(h)), None)
    task_col = next((i for i, h in enumerate(header) if i not in (number_col, group_col) and _TASK_HEAD.search(h)
                     and h not in KNOWN_FIELD_LABELS), None)
    if task_col is None or len(header) < 2:
        return None
    others = [h for i, h in enumerate(header) if i not in (number_col, group_col, task_col)]
    if not any(h in KNOWN_FIELD_LABELS or h.endswith(_FIELD_SUFFIXES) for h in others):
        return None
    return number_col, group_col, task_col


# ---- numbers ------------------------------------------------------------------------------------------


# Sections that frame a plan rather than hold its work: their （一） items are headings, never tasks.
_FRAME_RE = re.compile(r"^(总体要求|指导思想|基本原则|工作原则|主要目标|工作目标|总体目标|目标任务|发展目标|总体思路|工作思路"
                       r"|保障措施|组织保障|工作保障|保障机制|工作要求|组织实施|实施步骤|工作步骤|时间安排|进度安排)[。.]?$")


def _outline_tasks(plan: Plan) -> bool:
    """Make the （一） items the tasks where an action plan's work sits at that level; True when it did.

    The level that carries the fields (责任单位 …) is the task level: when （一） items carry them and no 1. task
    does, the （一） items of each section that has any with fields become its tasks, and their 1. points its items.
    A plan with no 1. task and no fields at all takes the （一） items of every section as its tasks, except in
    the sections that frame the plan (总体要求, 保障措施 …). Either way it keeps printing （一） and 1. as the
    document did: outline numbering."""
    every = list(plan.walk())
    subs = [n for n in every if n.kind is NodeKind.SUBSECTION]
    if not subs or any(n.kind is NodeKind.TASK for s in plan.nodes for n in [s, *s.children]):
        return False  # no （一）, or tasks (1.) printed directly under a section or at the top: not an outline
    _lift_closing_fields(subs)
    tasks = [n for n in every if n.kind is NodeKind.TASK]
    fielded = any(n.fields for n in every)
    if any(t.fields for t in tasks) or (tasks and not any(s.fields for s in subs)):
        return False  # the 1. level carries the work
    chosen = [s for s in plan.nodes if _holds_tasks(s, fielded)]
    for section in chosen:
        for node in section.children:
            _make_task(node)
    return bool(chosen)


def _lift_closing_fields(subs: list[Node]) -> None:
    """The fields that close a （一） item (责任单位 after its 1. 2. points) were read as its last point's: when only
    ever the last 1. of a （一） carries fields, and some （一） has several points, they are the （一） item's."""
    runs = [(s, [c for c in s.children if c.kind is NodeKind.TASK]) for s in subs]
    runs = [(s, kids) for s, kids in runs if kids]
    if any(k.fields for _, kids in runs for k in kids[:-1]):
        return
    if not any(len(kids) > 1 and kids[-1].fields for _, kids in runs):
        return
    for sub, kids in runs:
        if kids[-1].fields and not sub.fields:
            sub.fields, kids[-1].fields = kids[-1].fields, []


def _holds_tasks(section: Node, fielded: bool) -> bool:
    if fielded:
        return any(c.fields for c in section.children if c.kind is NodeKind.SUBSECTION)
    return not _FRAME_RE.match(section.title.strip())


def _make_task(node: Node) -> None:
    """A （一） item becomes a task, and the 1. points inside it its items."""
    if node.kind is not NodeKind.SUBSECTION:
        return
    node.kind = NodeKind.TASK
    for inner in node.walk():
        if inner is not node and inner.kind is NodeKind.TASK:
            inner.kind = NodeKind.ITEM


def _check_numbers(plan: Plan, doc: _Doc, outline: bool = False) -> Numbering:
    """Pick the numbering mode that fits the source's task numbers, and warn where the source skips or repeats."""
    candidates = (Numbering.OUTLINE,) if outline else (Numbering.CONTINUOUS, Numbering.PER_SECTION)
    modes = {mode: _sequences(plan.nodes, mode) for mode in candidates}
    breaks = {mode: sum(len(_breaks(seq, doc.numbers)) for seq in seqs) for mode, seqs in modes.items()}
    mode = min(candidates, key=lambda m: (breaks[m], m is not Numbering.CONTINUOUS))
    printed = printed_tree(plan.nodes, mode)
    for seq in modes[mode]:
        for node, problem in _breaks(seq, doc.numbers):
            number, printed_as = printed[id(node)]
            written = _label(printed_as, doc.numbers[id(node)])
            doc.warn(QT_TRANSLATE_NOOP("Messages", "“{heading}”: the source numbering {problem}; numbered "
                                                   "“{number}” by position"),
                     heading=f"{written}{node.title[:16]}", problem=problem, number=number)
    for node in plan.walk():
        if len(node.title) > 60:
            doc.warn(QT_TRANSLATE_NOOP("Messages", "“{start}…”: the heading is {length} characters long; the source "
                                                   "may lack a full stop, please check"),
                     start=node.title[:16], length=len(node.title))
    return mode


def _sequences(nodes: list[Node], mode: Numbering) -> list[list[Node]]:
    """Runs of nodes whose source numbers should count 1, 2, 3 …: sections; the subsections and items of each
    parent; tasks through the whole plan (continuous) or under each parent (per-section)."""
    seqs: list[list[Node]] = []
    all_tasks: list[Node] = []
    outline = mode is Numbering.OUTLINE

    def visit(children: list[Node]) -> None:
        by_kind: dict[NodeKind, list[Node]] = {}
        for child in children:
            by_kind.setdefault(NodeKind.SECTION if outline else child.kind, []).append(child)
            if child.kind is NodeKind.TASK:
                all_tasks.append(child)
            visit(child.children)
        for kind, run in by_kind.items():
            if kind is not NodeKind.TASK or mode is Numbering.PER_SECTION:
                seqs.append(run)

    visit(nodes)
    if mode is Numbering.CONTINUOUS:
        seqs.append(all_tasks)
    return seqs


def _breaks(seq: list[Node], source: dict[int, int]) -> list[tuple[Node, Message]]:
    """Where a run of source numbers does not go on by one: (node, what is wrong, in words)."""
    out = []
    prev = 0
    for node in seq:
        n = source.get(id(node))
        if n is None:
            prev += 1
            continue
        if n == prev:
            out.append((node, Message(QT_TRANSLATE_NOOP("Messages", "repeats"))))
        elif n == prev + 2:
            out.append((node, Message(QT_TRANSLATE_NOOP("Messages", "skips {number}"), number=prev + 1)))
        elif n > prev + 2:
            out.append((node, Message(QT_TRANSLATE_NOOP("Messages", "skips {first} to {last}"), first=prev + 1,
                                      last=n - 1)))
        elif n < prev:
            out.append((node, Message(QT_TRANSLATE_NOOP("Messages", "goes back (the one before is {number})"),
                                      number=prev)))
        prev = n
    return out


def _label(kind: NodeKind, n: int) -> str:
    return number_label(kind, n) if 0 < n < 10000 else str(n)
