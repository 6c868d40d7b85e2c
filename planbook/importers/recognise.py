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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ..core.errors import FormatError
from ..core.model import Field, Node, NodeKind, Notice, Numbering, Plan
from ..core.numbering import chinese_numeral, number_tree
from ..core.numbering import label as number_label

# ---- blocks ------------------------------------------------------------------------------------------


@dataclass
class TableBlock:
    """A table as rows of cell texts (a cell's paragraphs joined by newlines)."""

    rows: list[list[str]]


Block = str | TableBlock


@dataclass
class Recognised:
    plan: Plan
    warnings: list[str] = field(default_factory=list)


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

# 机关代字〔2020〕8号, with [] () （） 【】 or spaced 〔 2020 〕 forms.
DOC_NO_RE = re.compile(
    r"([\u4e00-\u9fffA-Za-z]{1,16}?)\s*[〔\[(（【［]\s*((?:19|20)\d{2})\s*[〕\])）】］]\s*(\d{1,5})\s*号"
)
NOTICE_TITLE_RE = re.compile(r"^(.{0,60}?关于.{2,}的(?:通知|决定|通报|函|意见))$")
MASTHEAD_RE = re.compile(r"^([\u4e00-\u9fff\s]{2,40}?文\s*件)\s*[|｜]?$")
ANNOTATION_RE = re.compile(r"^[（(]\s*(此件[^）)]{1,20}|[^）)]{2,20}发布)\s*[）)]$")
IMPRINT_RE = re.compile(r"^(.{2,40}?)\s*((?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)|(?:\d{4}-\d{1,2}-\d{1,2}))\s*印\s*发$")
CC_RE = re.compile(rf"^抄\s*送\s*{COLON}\s*(.*)$")

KINDS = ("工作要点", "工作计划", "行动计划", "行动方案", "实施方案", "工作方案", "工作安排", "工作思路", "要点",
         "计划", "方案", "规划", "安排")
KIND_END_RE = re.compile(rf"({'|'.join(KINDS)})$")
YEAR_RE = re.compile(r"((?:19|20)\d{2})\s*年")
ORGAN_END_RE = re.compile(r"(委员会|工委|党委|党组|局|厅|委|政府|办公室|办公厅|部|院|会|中心|办|署|所|站|学校|大学|学院)$")
CLOSING_RE = re.compile(r"^(在完成上述|在抓好上述|除上述|除以上|以上各项|上述各项|此外|其他工作)")

# ---- web chrome -----------------------------------------------------------------------------------------


def _spaced(word: str) -> str:
    """A regex for a label that sites print with spaces between its characters (索 引 号)."""
    return r"\s*".join(map(re.escape, word))


# Page-header labels whose values Planbook keeps, and where they go.
META_LABELS = {
    "索引号": "index_no", "发布机构": "publisher", "发文机关": "publisher", "发文机构": "publisher",
    "发文日期": "published_on", "发布日期": "published_on", "发布时间": "published_on", "主题词": "subject_words",
    "主题分类": "category", "发文字号": "doc_number", "文号": "doc_number", "成文日期": "signed_on",
    "名称": "title", "标题": "title",
}
# Labels of page furniture: the line is dropped, the value is not kept.
CHROME_LABELS = (
    "公开方式", "公开范围", "公开时限", "公开形式", "信息来源", "来源", "浏览次数", "浏览量统计", "浏览量", "点击数", "点击量",
    "阅读次数", "访问次数", "作者", "责任编辑", "编辑", "字体", "分享到", "分享", "打印", "效力状态", "有效性",
    "体裁分类", "组配分类", "生效日期", "失效日期", "所属机构", "信息类别",
)
_LABEL_ALTS = sorted(list(META_LABELS) + list(CHROME_LABELS), key=len, reverse=True)
LABEL_RE = re.compile(rf"(?:^|(?<=[\s•·|【\[]))({'|'.join(_spaced(w) for w in _LABEL_ALTS)})\s*{COLON}")
CHROME_LINE_RES = [re.compile(p) for p in (
    r"^(您的位置|您现在的位置|您现在所在的位置|您当前的位置|当前位置|所在位置|当前的位置)\s*[:：]?",
    r"首\s*页\s*[>›»＞/\\]",
    r"扫一扫", r"^上一(条|篇)", r"^下一(条|篇)", r"(主办|承办|维护)单位\s*[:：]", r"联系(地址|电话|方式|我们)\s*[:：]?",
    r"网站标识码", r"ICP\s*备", r"公网安备", r"网站地图", r"版权所有", r"(?i)copyright", r"欢迎(您|光临)",
    r"【\s*字体", r"字体\s*[:：]?\s*[【\[]?\s*大\s*中\s*小", r"^文件解读", r"^(相关|推荐)(链接|文件|阅读|新闻|附件)",
    r"^【?\s*(打印|关闭|收藏|返回顶部|关闭窗口|打印本页|打印此页|返回)\s*】?$",
    r"^((打印|分享到?|收藏|关闭)\s*[:：]?\s*)+$", r"^[|>•·\-—*#\s:：]*$",
)]
FOOTER_RES = [re.compile(p) for p in (
    r"扫一扫", r"^上一(条|篇)", r"^下一(条|篇)", r"(主办|承办)单位\s*[:：]", r"网站标识码", r"ICP\s*备", r"网站地图",
    r"版权所有", r"(?i)copyright", r"^文件解读", r"^(相关|推荐)(链接|文件|阅读|新闻)",
)]


def normalise_line(text: str) -> str:
    """One line with every run of odd spaces (U+3000, NBSP, tabs …) turned into one plain space, trimmed."""
    return _SPACES.sub(" ", text).strip()


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


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
    label = m[1]
    if label in KNOWN_FIELD_LABELS or (len(label) <= 6 and label.endswith(_FIELD_SUFFIXES)):
        return Field(label, m[2].strip())
    return None


def split_title(text: str) -> tuple[str, str]:
    """A numbered paragraph's title is its first sentence (to the first 。) when more follows; the rest is body."""
    cut = text.find("。")
    if 0 <= cut < len(text) - 1:
        return text[: cut + 1].strip(), text[cut + 1:].strip()
    return text.strip(), ""


def inline_fields(text: str) -> tuple[str, list[Field]]:
    """Take `（责任单位：市教育局）` off a paragraph's end as fields."""
    m = INLINE_FIELDS_RE.search(text)
    if not m:
        return text, []
    found = []
    for part in re.split(r"[；;]", m[1]):
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
    matches = list(LABEL_RE.finditer(line))
    if not matches:
        return None
    head = line[: matches[0].start()].strip(" •·|-*")
    if head and (len(head) > 40 or re.search(r"[。，,；;]", head)):
        return None
    pairs = []
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(line)
        value = line[m.end(): end].strip(" 【】[]|")
        pairs.append((re.sub(r"\s+", "", m[1]), value))
    return pairs


# ---- hard wraps -----------------------------------------------------------------------------------------

_TERMINAL = tuple("。！？；：:;!?」』”）)》")


def unwrap(lines: list[str]) -> list[str]:
    """Re-join lines that a PDF copy broke at a fixed width in mid-sentence.

    A document counts as hard-wrapped when many of its lines share (nearly) the same, longest width; then a
    line that reaches that width and does not end a sentence runs on into the next one, unless the next line
    opens a numbered paragraph or a field.
    """
    widths = [_width(x) for x in lines if x]
    long_widths = [w for w in widths if w >= 24]
    if len(long_widths) < 5:
        return lines
    best, best_count = 0, 0
    for top in set(long_widths):
        count = sum(1 for w in long_widths if top - 4 <= w <= top)
        if count > best_count or (count == best_count and top > best):
            best, best_count = top, count
    if best_count < max(5, 0.3 * len(widths)) or best < max(long_widths) - 8:
        return lines
    out: list[str] = []
    joining = False
    for line in lines:
        if joining and line and not marker(line) and not field_line(line):
            out[-1] = _join(out[-1], line)
        else:
            out.append(line)
        current = out[-1]
        joining = bool(current) and _width(line) >= best - 6 and not current.endswith(_TERMINAL)
    return out


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
    warnings: list[str] = field(default_factory=list)
    notice: Notice = field(default_factory=Notice)
    numbers: dict[int, int] = field(default_factory=dict)  # id(node) → number the source printed

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)


def recognise(blocks: Iterable[Block]) -> Recognised:
    """Read a plan out of text lines and tables. Raises FormatError when there is no plan to be found."""
    doc = _Doc()
    items = _prepare(blocks)
    if not items:
        raise FormatError("no text found")
    items = _strip_chrome(items, doc)
    start = next((i for i, x in enumerate(items) if isinstance(x, TableBlock) or marker(x)), None)
    if start is None:
        raise FormatError("no plan structure found (no 一、 sections, （一） subsections or 1. tasks)")
    front = [x for x in items[:start] if isinstance(x, str)]
    body = items[start:]
    rest = _read_notice(front, doc)
    body = _read_imprint(body, doc)
    title, preamble = _read_title(rest, doc)
    nodes, closing = _build_tree(body, doc)
    plan = Plan(title=title, preamble="\n".join(preamble), closing=closing, nodes=nodes, notice=doc.notice)
    _fill_plan_metadata(plan, doc)
    plan.numbering = _check_numbers(plan, doc)
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
            flush()
            rows = [[normalise_cell(c) for c in row] for row in block.rows]
            rows = [r for r in rows if any(r)]
            if rows:
                out.append(TableBlock(rows))
        else:
            run.extend(normalise_line(x) for x in block.splitlines())
    flush()
    return out


def normalise_cell(text: str) -> str:
    return "\n".join(x for x in (normalise_line(p) for p in text.splitlines()) if x)


def _strip_chrome(items: list[Block], doc: _Doc) -> list[Block]:
    """Drop site furniture; keep the header's metadata in `doc.meta`."""
    head = min(len(items), 12)
    crumb = next((i for i in range(head) if isinstance(items[i], str) and CHROME_LINE_RES[0].search(items[i])), None)
    if crumb is None:
        crumb = next((i for i in range(head) if isinstance(items[i], str) and CHROME_LINE_RES[1].search(items[i])), None)
    if crumb is not None:
        items = items[crumb + 1:]  # the site's banner and menus sit above the breadcrumb
    out: list[Block] = []
    seen_structure = False
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
        if pairs is not None:
            for label, value in pairs:
                key = META_LABELS.get(label)
                if key and value and key not in doc.meta:
                    doc.meta[key] = value
            continue
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
    title_at = next((i for i, x in enumerate(front) if NOTICE_TITLE_RE.match(x)), None)
    for i, line in enumerate(front[: (title_at or 0) + 3]):
        if not n.masthead and (m := MASTHEAD_RE.match(line)):
            n.masthead = _unspace(m[1].strip())
            used.add(i)
        elif not n.doc_number and (no := normalise_doc_number(line)) and len(line) <= 30 and title_at != i:
            n.doc_number = no
            used.add(i)
    anchor = title_at
    if title_at is not None:
        line = front[title_at]
        if no := normalise_doc_number(line):
            n.doc_number = n.doc_number or no
            line = DOC_NO_RE.sub("", line, count=1).strip()
        n.title = line
        used.add(title_at)
    elif n.doc_number or n.masthead:
        anchor = max(used)
    if anchor is not None:
        _read_notice_body(front, anchor, used, doc)
    _apply_meta(doc)
    if title_at is None and not used:
        return front
    # What sits above the notice's title (a page heading repeating it) is not the plan's.
    last = max(used)
    return [x for i, x in enumerate(front) if i not in used and i > last]


def _unspace(text: str) -> str:
    """湖 南 省 教 育 厅 文 件 (letter-spaced in print) → 湖南省教育厅文件; spaces between organ names stay."""
    return text.replace(" ", "") if re.fullmatch(r"(\S )+\S", text) else text


def _read_notice_body(front: list[str], anchor: int, used: set[int], doc: _Doc) -> None:
    n = doc.notice
    recip = next((i for i in range(anchor + 1, min(len(front), anchor + 6))
                  if i not in used and front[i].endswith((":", "：")) and len(front[i]) >= 3), None)
    start = recip + 1 if recip is not None else anchor + 1
    if recip is not None:
        n.recipients = front[recip][:-1] + "："
        used.add(recip)
    date_at = next((i for i in range(start, len(front)) if is_date_line(front[i])), None)
    if date_at is None:
        doc.warn("印发通知：未找到成文日期，正文到计划标题之前为止")
        return
    first_signer = date_at
    while first_signer - 1 >= start and _organ_like(front[first_signer - 1]) and date_at - first_signer < 4:
        first_signer -= 1
    n.signers = front[first_signer:date_at]
    n.body = "\n".join(front[start:first_signer])
    used.update(range(start, date_at + 1))
    _read_signed_on(front[date_at], doc)
    if date_at + 1 < len(front) and ANNOTATION_RE.match(front[date_at + 1]):
        n.annotation = "（" + ANNOTATION_RE.match(front[date_at + 1])[1].strip() + "）"
        used.add(date_at + 1)


def _read_signed_on(line: str, doc: _Doc) -> None:
    text = line.replace(" ", "")
    if date := parse_date(text):
        doc.notice.signed_on = date
        return
    published = parse_date(doc.meta.get("published_on", ""))
    date, readings = digits_date(text, published)
    if date:
        doc.notice.signed_on = date
        also = "、".join(f"{d.year}年{d.month}月{d.day}日" for d in readings if d != date)
        doc.warn(f"成文日期“{text}”缺少年月日，已读作{date.year}年{date.month}月{date.day}日"
                 + (f"（也可读作{also}）" if also else "") + "，请核对")


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
    k = 0
    while k < len(rest) and _short(rest[k]):
        k += 1
    heads, preamble = rest[:k], rest[k:]
    titles: list[str] = []
    acc = ""
    for line in heads:
        acc = _join_title(acc, line) if acc else line
        if KIND_END_RE.search(acc):
            titles.append(acc)
            acc = ""
    if titles:
        return titles[-1], preamble
    if acc and (YEAR_RE.search(acc) or not doc.notice.title):
        return acc, preamble
    if m := re.search(r"《(.+?)》", doc.notice.title):
        return m[1], preamble
    meta_title = doc.meta.get("title", "")
    if meta_title:
        return DOC_NO_RE.sub("", meta_title).strip(), preamble
    if doc.notice.title:
        return re.sub(r"^.*?关于(印发|转发|下发)?|的通知$", "", doc.notice.title), preamble
    doc.warn("未找到计划标题")
    return "未命名计划", preamble


def _join_title(a: str, b: str) -> str:
    """Two lines of one title: 湖南省教育厅 中共湖南省委教育工委 + 2020年工作要点; organs keep a space between."""
    if ORGAN_END_RE.search(a) and not b[0].isdigit() and ORGAN_END_RE.search(YEAR_RE.split(b)[0] or b):
        return f"{a} {b}"
    return a + b


def _fill_plan_metadata(plan: Plan, doc: _Doc) -> None:
    title = plan.title
    if m := KIND_END_RE.search(title):
        plan.kind = "工作要点" if m[1] == "要点" else m[1]
    if m := YEAR_RE.search(title):
        plan.year = int(m[1])
        prefix = title[: m.start()].strip()
        organs = [x for x in re.split(r"[\s、]+", prefix) if x]
        if organs and all(ORGAN_END_RE.search(o) for o in organs):
            plan.issuers = organs
    if doc.notice.signers and (not plan.issuers or len(doc.notice.signers) == len(plan.issuers)):
        plan.issuers = list(doc.notice.signers)  # signers are written out in full; titles often abbreviate
    if not plan.issuers and doc.meta.get("publisher"):
        plan.issuers = [doc.meta["publisher"]]
    if plan.year is None:
        for source in (doc.notice.title, doc.notice.doc_number):
            if m := re.search(r"((?:19|20)\d{2})", source):
                plan.year = int(m[1])
                break


# ---- the tree -----------------------------------------------------------------------------------------


_PARENT_KINDS = {
    NodeKind.SECTION: (),
    NodeKind.SUBSECTION: (NodeKind.SECTION,),
    NodeKind.TASK: (NodeKind.SUBSECTION, NodeKind.SECTION),
    NodeKind.ITEM: (NodeKind.TASK, NodeKind.SUBSECTION),  # consecutive items are siblings
}


class _Builder:
    def __init__(self, doc: _Doc) -> None:
        self.doc = doc
        self.nodes: list[Node] = []
        self.open: dict[NodeKind, Node] = {}  # the innermost open node of each kind
        self.last: Node | None = None  # the node text and fields attach to
        self.fields_since_node = 0

    def add(self, kind: NodeKind, number: int | None, text: str, fields: Sequence[Field] = ()) -> Node:
        if kind is NodeKind.SUBSECTION and NodeKind.SECTION not in self.open:
            self.doc.warn(f"“（{chinese_numeral(number or 1)}）{text[:12]}”前没有一级标题，已作为一级标题")
            kind = NodeKind.SECTION
        if kind is NodeKind.ITEM and not any(k in self.open for k in _PARENT_KINDS[NodeKind.ITEM]):
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
        self.fields_since_node = 0
        return node

    def text(self, line: str) -> None:
        if self.last is None:
            return
        node = self.last
        node.body = f"{node.body}\n{line}" if node.body else line


def _depth(kind: NodeKind) -> int:
    return list(NodeKind).index(kind)


def _build_tree(body: list[Block], doc: _Doc) -> tuple[list[Node], str]:
    b = _Builder(doc)
    tail_from = _tail_start(body)
    for item in body[:tail_from]:
        if isinstance(item, TableBlock):
            _add_table(item, b)
        elif mk := marker(item):
            b.add(mk.kind, mk.number, mk.text)
        elif (f := field_line(item)) and b.last is not None:
            b.last.fields.append(f)
            b.fields_since_node += 1
        else:
            b.text(item)
    tail = [x for x in body[tail_from:] if isinstance(x, str)]
    closing = "\n".join(_closing_line(x) for x in tail)
    return b.nodes, closing


def _closing_line(line: str) -> str:
    f = field_line(line)
    return f"{f.label}：{f.value}" if f else line


def _tail_start(body: list[Block]) -> int:
    """Where the closing paragraph starts: unnumbered text after the last numbered paragraph and its fields,
    when it is set apart (the last paragraph carried fields, or it reads like a closing)."""
    last = max((i for i, x in enumerate(body) if isinstance(x, TableBlock) or marker(x)), default=-1)
    i = last + 1
    had_fields = isinstance(body[last], TableBlock) if last >= 0 else False
    while i < len(body) and isinstance(body[i], str) and field_line(body[i]):
        i += 1
        had_fields = True
    if i < len(body) and isinstance(body[i], str) and (had_fields or CLOSING_RE.match(body[i])):
        return i
    return len(body)


# ---- task tables ----------------------------------------------------------------------------------------

_NUMBER_HEAD = re.compile(r"^(序号|编号|序|No\.?)$", re.I)
_GROUP_HEAD = re.compile(r"^(类别|项目|领域|板块|方面|重点领域|工作类别|任务类别|分类)$")
_TASK_HEAD = re.compile(r"(任务|工作|内容|事项|要点)")


def _add_table(table: TableBlock, b: _Builder) -> None:
    """A table of tasks (序号 | 工作任务 | 牵头单位 | … ) becomes tasks with fields; any other table is read as text."""
    header = [re.sub(r"\s+", "", c) for c in table.rows[0]]
    roles = _table_roles(header)
    if roles is None:
        for row in table.rows:
            seen: list[str] = []
            for cell in row:
                if cell and cell not in seen:  # merged cells repeat their text
                    seen.append(cell)
                    for line in cell.splitlines():
                        _add_line(line, b)
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


def _add_line(line: str, b: _Builder) -> None:
    line = normalise_line(line)
    if not line:
        return
    if mk := marker(line):
        b.add(mk.kind, mk.number, mk.text)
    elif (f := field_line(line)) and b.last is not None:
        b.last.fields.append(f)
    else:
        b.text(line)


# ---- numbers ------------------------------------------------------------------------------------------


def _check_numbers(plan: Plan, doc: _Doc) -> Numbering:
    """Pick the numbering mode that fits the source's task numbers, and warn where the source skips or repeats."""
    source = doc.numbers
    mismatch = {}
    for mode in (Numbering.CONTINUOUS, Numbering.PER_SECTION):
        numbers = number_tree(plan.nodes, mode)
        mismatch[mode] = sum(1 for n in plan.walk() if n.kind is NodeKind.TASK and id(n) in source
                             and _task_number(numbers[id(n)]) != source[id(n)])
    mode = Numbering.PER_SECTION if mismatch[Numbering.PER_SECTION] < mismatch[Numbering.CONTINUOUS] else Numbering.CONTINUOUS
    numbers = number_tree(plan.nodes, mode)
    for node in plan.walk():
        if id(node) not in source:
            continue
        expected = numbers[id(node)]
        written = _label(node.kind, source[id(node)])
        if written != expected:
            doc.warn(f"“{written}{node.title[:16]}”：原文编号与位置不符，已按位置编为“{expected}”（编号跳过或重复）")
    for node in plan.walk():
        if len(node.title) > 60:
            doc.warn(f"“{node.title[:16]}…”标题有{len(node.title)}字，原文可能缺少句号，请核对")
    return mode


def _task_number(label: str) -> int:
    return int(label.rstrip("."))


def _label(kind: NodeKind, n: int) -> str:
    return number_label(kind, n) if 0 < n < 10000 else str(n)
