"""Web chrome: a site's breadcrumbs, menus and footers dropped, the metadata its page header carries kept."""

from __future__ import annotations

import re

from ...core.model import NOTICE_SPECS
from .dates import normalise_doc_number, parse_date
from .lines import _organ_like, marker
from .patterns import COLON, ORGAN_END_RE, Block, TableBlock
from .state import _Doc


def _spaced(word: str) -> str:
    """A regex for a label that sites print with spaces between its characters (索 引 号)."""
    return r"\s*".join(map(re.escape, word))


# Page-header labels whose values Planbook keeps, and where they go.
META_LABELS = {
    **{label: spec.name for spec in NOTICE_SPECS for label in spec.import_labels},  # the notice's, from its table
    "发布机构": "publisher",
    "发文机关": "publisher",
    "发文机构": "publisher",
    "名称": "title",
    "标题": "title",
    # legal databases' and other sites' names for the same (【制定机关】, 【字号】)
    "发布单位": "publisher",
    "制定机关": "publisher",
    "发文单位": "publisher",
    "字号": "doc_number",
    "公布日期": "published_on",
}
# Labels of page furniture: the line is dropped, the value is not kept.
CHROME_LABELS = (
    "公开方式",
    "公开范围",
    "公开时限",
    "公开形式",
    "信息来源",
    "来源",
    "浏览次数",
    "浏览量统计",
    "浏览量",
    "点击数",
    "点击量",
    "阅读次数",
    "访问次数",
    "作者",
    "责任编辑",
    "编辑",
    "字体",
    "分享到",
    "分享",
    "打印",
    "效力状态",
    "有效性",
    "体裁分类",
    "组配分类",
    "生效日期",
    "失效日期",
    "所属机构",
    "信息类别",
    "内容概述",
    "文件状态",
    "时效",
)
_LABEL_ALTS = sorted(list(META_LABELS) + list(CHROME_LABELS), key=len, reverse=True)
LABEL_RE = re.compile(rf"(?:^|(?<=[\s•·|【\[]))({'|'.join(_spaced(w) for w in _LABEL_ALTS)})\s*{COLON}")
BRACKET_LABEL_RE = re.compile(rf"【\s*({'|'.join(map(re.escape, META_LABELS))})\s*】")
CHROME_LINE_RES = [
    re.compile(p)
    for p in (
        r"^(您的位置|您现在的位置|您现在所在的位置|您所在的位置|您当前的位置|当前位置|所在位置|所在的位置|当前的位置)\s*[:：]?",
        r"首\s*页\s*[>›»＞/\\]",
        r"扫一扫",
        r"^上一(条|篇)",
        r"^下一(条|篇)",
        r"(主办|承办|维护)单位\s*[:：]",
        # a footer's 联系我们 / 联系电话：…, not a paragraph that asks for 联系方式 (…服务机构及联系方式、监督投诉电话)
        r"^联系(地址|电话|方式|我们)|联系(地址|电话|方式)\s*[:：]",
        r"网站标识码",
        r"ICP\s*备",
        r"公网安备",
        r"网站地图",
        r"版权所有",
        r"(?i)copyright",
        r"欢迎(您|光临)",
        r"【\s*字体",
        r"字体\s*[:：]?\s*[【\[]?\s*大\s*中\s*小",
        r"^文件解读",
        r"^(相关|推荐)(链接|文件|阅读|新闻|附件)",
        r"^(?:[【】\s]*(?:打印|关闭|收藏|返回顶部|关闭窗口|打印本页|打印此页|返回|我要纠错|加入收藏))+[【】\s]*$",
        r"点击上方.{0,8}关注",
        r"^阅读原文$",
        r"长按(识别|二维码)",
        r"^(微信|手机)扫一扫",
        r"^(全文|正文|文章属性)$",
        r"^[（(]本文有删减[）)]$",  # the site's note that it abridged the text (gov.cn), not the document's words
        r"^(?:(?:打印|分享到?|收藏|关闭)[\s:：]*)+$",
        r"^[|>•·\-—*#\s:：]*$",
    )
]
FOOTER_RES = [
    re.compile(p)
    for p in (
        r"扫一扫",
        r"^上一(条|篇)",
        r"^下一(条|篇)",
        r"(主办|承办)单位\s*[:：]",
        r"网站标识码",
        r"ICP\s*备",
        r"网站地图",
        r"版权所有",
        r"(?i)copyright",
        r"^文件解读",
        r"^(相关|推荐)(链接|文件|阅读|新闻)",
    )
]


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
        value = line[m.end() : end].strip(" 【】[]|•·")
        pairs.append((re.sub(r"\s+", "", m[1]), value))
    return pairs


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
        return (
            len(value) <= 16
            # an empty 主题词 cell: the next line is the document's title (…关于…, …转发…), not its words (民政 社团 通知)
            and (" " in value.strip() or not re.search(r"关于|转发|印发", value))
            and not re.search(r"[。，,；;]", value)
            and not normalise_doc_number(value)
            and parse_date(value) is None
        )
    return False


def _strip_chrome(items: list[Block], doc: _Doc) -> list[Block]:
    """Drop site furniture; keep the header's metadata in `doc.meta`."""
    items = _below_breadcrumb(_mend_broken_labels(items), doc)
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
        pairs = _header_pairs(item, seen_structure, awaiting)
        if pairs is not None:
            _keep_meta(pairs, doc)
            label, value = pairs[-1]
            awaiting = label if not value and label in META_LABELS and not seen_structure else None
            continue
        awaiting = None
        if is_chrome(item):
            continue
        item = _EDITOR_NOTE_RE.sub("", item) or item  # 一九九六年二月五日（本文有删减）: a PDF line joined them
        seen_structure = seen_structure or marker(item) is not None
        out.append(item)
    return out


# A header label wider than its table cell, printed to PDF, breaks over two lines and the pieces join the values
# next to them: …主题分 / 类：民政… or 发文字 / 号：国办发…. Each label's possible head (its first characters, at a
# line's end) and tail (the rest, with its colon, at the next line's start).
_LABEL_SPLITS = sorted(
    (
        (label[:k], label[k:])
        for label in (*META_LABELS, *CHROME_LABELS)
        if len(label) >= 2
        for k in range(1, len(label))
    ),
    key=lambda split: -len(split[0]),
)


_EDITOR_NOTE_RE = re.compile(r"\s*[（(]本文有删减[）)]$")


def _mend_broken_labels(items: list[Block]) -> list[Block]:
    """Put a header label broken over two lines back together at the start of the second (the page header only)."""
    out = list(items)
    for i in range(min(len(out), 24) - 1):
        line, nxt = out[i], out[i + 1]
        if not (isinstance(line, str) and isinstance(nxt, str)):
            continue
        squeezed = re.sub(r"\s+", "", line)
        for head, tail in _LABEL_SPLITS:
            # a two-character label (标 / 题：) only when its head stands alone: …目标 / 题：… is no label
            short = len(head) + len(tail) < 3
            if (squeezed == head if short else squeezed.endswith(head)) and re.match(
                rf"{_spaced(tail)}\s*{COLON}", nxt
            ):
                out[i] = _drop_tail_chars(line, len(head))
                out[i + 1] = head + nxt
                break
    return [x for x in out if x != ""]


def _drop_tail_chars(line: str, count: int) -> str:
    """`号：000014349/2018-00229主题分` without its last `count` visible characters (spaces between them too)."""
    kept = line
    for _ in range(count):
        kept = kept.rstrip()[:-1]
    return kept.rstrip()


def _below_breadcrumb(items: list[Block], doc: _Doc) -> list[Block]:
    """The site's banner and menus sit above the breadcrumb: only their metadata is kept."""
    head = [x if isinstance(x, str) else "" for x in items[:12]]
    crumb = next((i for i, x in enumerate(head) if CHROME_LINE_RES[0].search(x)), None)
    if crumb is None:
        crumb = next((i for i, x in enumerate(head) if CHROME_LINE_RES[1].search(x)), None)
    if crumb is None:
        return items
    for item in items[:crumb]:
        if isinstance(item, str):
            _keep_meta(label_pairs(item) or [], doc)
    return items[crumb + 1 :]


def _header_pairs(item: str, seen_structure: bool, awaiting: str | None) -> list[tuple[str, str]] | None:
    """The page-header (label, value) pairs a line holds, or None when it is not such a line."""
    pairs = label_pairs(item)
    if pairs is not None and seen_structure and (len(item) > 60 or any(k in META_LABELS for k, _ in pairs)):
        pairs = None  # inside the plan only a short line of page furniture (来源： 责任编辑：) goes
    if pairs is None and awaiting is not None and _plausible_meta(META_LABELS[awaiting], item):
        pairs = [(awaiting, item)]  # `索引号：` on one line, its value on the next
    return pairs


def _keep_meta(pairs: list[tuple[str, str]], doc: _Doc) -> None:
    for label, value in pairs:
        if (key := META_LABELS.get(label)) and value:
            doc.meta.setdefault(key, value)
