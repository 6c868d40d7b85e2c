"""The recogniser's blocks, character classes and patterns: what every stage reads lines with."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from ...core.messages import Message
from ...core.model import Plan

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
    "牵头领导",
    "分管领导",
    "责任领导",
    "牵头单位",
    "牵头科室",
    "牵头处室",
    "牵头部门",
    "责任单位",
    "责任科室",
    "责任处室",
    "责任部门",
    "责任人",
    "配合单位",
    "配合科室",
    "配合处室",
    "配合部门",
    "协办单位",
    "主办单位",
    "目标任务",
    "工作目标",
    "工作措施",
    "主要措施",
    "具体措施",
    "完成时限",
    "完成时间",
    "时间节点",
    "进度安排",
    "工作要求",
    "预期成果",
    "成果形式",
    "考核指标",
)
_FIELD_SUFFIXES = (
    "单位",
    "科室",
    "处室",
    "部门",
    "领导",
    "时限",
    "时间",
    "责任人",
    "负责人",
    "措施",
    "目标",
    "任务",
    "成果",
    "指标",
    "节点",
)
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
IMPRINT_RE = re.compile(
    r"^(?=.{4,200}$)(.{2,40}?)\s*((?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)|(?:\d{4}-\d{1,2}-\d{1,2}))\s*印\s*发$"
)
# Page numbers and running heads a PDF copy leaves between the lines: — 3 —, - 3 -, 第3页 共10页.
PAGE_NUMBER_RE = re.compile(r"^(?:[-—–－─\s]*\d{1,3}[-—–－─\s]*|第\s*\d+\s*页\s*(?:[，,/]?\s*共\s*\d+\s*页)?)$")
CC_RE = re.compile(rf"^抄\s*送\s*{COLON}\s*(.*)$")

KINDS = (
    "工作要点",
    "工作计划",
    "行动计划",
    "行动方案",
    "实施方案",
    "工作方案",
    "工作安排",
    "工作思路",
    "工作重点",
    "重点工作",
    "任务清单",
    "实施意见",
    "要点",
    "计划",
    "方案",
    "规划",
    "安排",
    "意见",
)
KIND_END_RE = re.compile(rf"({'|'.join(KINDS)})$")
YEAR_RE = re.compile(r"((?:19|20)\d{2})\s*年")
ORGAN_END_RE = re.compile(r"(局|厅|委员会|委|办公室|政府|部|院|会|办|处|中心|集团|公司|学校|大学)$")
# what a title carries after its name: （征求意见稿）, or the years it covers （2018—2020年）
DRAFT_RE = re.compile(
    r"[（(](?:征求意见稿|送审稿|讨论稿|草案|试行|暂行|代拟稿|修订稿|初稿|审议稿"
    r"|(?:19|20)\d{2}\s*[—\-–~－至]+\s*(?:19|20)\d{2}\s*年?)[）)]$"
)
CLOSING_RE = re.compile(r"^(在完成上述|在抓好上述|除上述|除以上|以上各项|上述各项|此外|其他工作)")


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
