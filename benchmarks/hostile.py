"""Hostile input for Planbook: lines built to make regexes backtrack, and files built to make reading slow or big.

Used by `bench_hostile.py` (every case, timed, with memory) and by the tests (`tests/test_hostile_inputs.py`, at
small sizes). Nothing here is specific to one bug: the regex lines are made from each pattern's own words, so a
new pattern is attacked the same way as the old ones.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import re
from collections.abc import Iterator
from pathlib import Path

# ---- the regexes -------------------------------------------------------------------------------------------


def project_patterns(packages: tuple[str, ...] = ("planbook.importers", "planbook.core")) -> dict[str, re.Pattern]:
    """Every compiled pattern at module level (alone, or in a list, tuple or dict) in the given packages."""
    found: dict[str, re.Pattern] = {}
    for package_name in packages:
        package = importlib.import_module(package_name)
        names = [package_name] + [f"{package_name}.{m.name}" for m in pkgutil.iter_modules(package.__path__)]
        for name in names:
            module = importlib.import_module(name)
            for attr, value in vars(module).items():
                values = (
                    value.values() if isinstance(value, dict) else value if isinstance(value, list | tuple) else [value]
                )
                for i, item in enumerate(values):
                    if isinstance(item, re.Pattern) and isinstance(item.pattern, str):
                        found.setdefault(f"{name}.{attr}" + (f"[{i}]" if item is not value else ""), item)
    return found


_WORD = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+")
_SEPARATORS = ("", " ", "：", "，", "】", "\t", "、")


def hostile_lines(pattern: re.Pattern, length: int = 100_000, words: int = 4) -> Iterator[tuple[str, str]]:
    """(name, line) pairs of about `length` characters: each of the pattern's words (and single characters)
    repeated with each separator, ended by something that makes the match fail at the very end."""
    source = pattern.pattern
    pieces = list(dict.fromkeys(_WORD.findall(source)))[:words]
    singles = [c for c in dict.fromkeys(source) if not c.isascii() or c in " ,.;:-(<[|#*"][: words * 2]
    for piece in pieces + singles + ["1", "a", " "]:
        for sep in _SEPARATORS:
            unit = piece + sep
            if not unit:
                continue
            yield f"({unit!r})*n+x", unit * (length // len(unit)) + "\x01本页"
    yield "digits then words", "1" * (length // 2) + "年" * (length // 2)


# ---- the files ---------------------------------------------------------------------------------------------

PLAN_TEXT = "某市教育局2021年工作要点\n一、总体要求\n1.抓好开学工作。做好准备。\n"


def _json_plan(nodes) -> str:
    return json.dumps(
        {"format": "planbook/1", "plan": {"title": "某市2021年工作要点", "nodes": nodes}}, ensure_ascii=False
    )


def _nested_items(depth: int) -> list:
    item: dict = {"kind": "item", "title": "最深处"}
    for _ in range(depth - 2):
        item = {"kind": "item", "title": "子项", "children": [item]}
    return [{"kind": "section", "title": "一", "children": [{"kind": "task", "title": "任务", "children": [item]}]}]


def _docx(paragraphs: int, path: Path) -> None:
    import random

    import docx

    rng = random.Random(15)
    words = "做好各项准备工作确保平稳有序推进教育改革发展提高质量加强队伍建设落实责任"
    document = docx.Document()
    document.add_paragraph("某市教育局2021年工作要点")
    for i in range(paragraphs):  # varied text, so it compresses as real text does (about 3:1), not as a bomb
        document.add_paragraph(f"{i + 1}." + "".join(rng.choice(words) for _ in range(300)) + "。")
    document.save(str(path))


def _mht(body: str, charset: str = "utf-8", nesting: int = 0) -> str:
    head = 'MIME-Version: 1.0\nContent-Type: multipart/related; boundary="B0"\n\n'
    parts = ""
    for level in range(nesting):
        parts += f'--B{level}\nContent-Type: multipart/related; boundary="B{level + 1}"\n\n'
    parts += (
        f"--B{nesting}\nContent-Type: text/html; charset={charset}\nContent-Transfer-Encoding: 8bit\n\n"
        f"<html><body>{body}</body></html>\n"
    )
    for level in range(nesting, -1, -1):
        parts += f"--B{level}--\n"
    return head + parts


def hostile_files(folder: Path, scale: float = 1.0) -> dict[str, Path]:
    """Write the hostile files into `folder`; `scale` 1.0 gives the sizes of the adversarial report, smaller ones
    the same shapes for tests. Returns name → file."""
    folder.mkdir(parents=True, exist_ok=True)

    def n(count: int) -> int:
        return max(10, int(count * scale))

    def write(name: str, text: str, encoding: str = "utf-8") -> None:
        (folder / name).write_text(text, encoding=encoding, errors="surrogatepass")

    write("chrome.txt", PLAN_TEXT + "打印 " * n(30) + "本页\n")
    write("chrome-long.txt", PLAN_TEXT + "打印 " * n(50_000) + "本页\n")
    write("angle-a.html", "<html><body>" + "<a" * n(150_000) + "</body></html>")
    write("numbered.txt", PLAN_TEXT + "".join(f"{i}.第{i}项\n" for i in range(5, n(60_000))))
    write("commas.txt", PLAN_TEXT + "2.做好工作（责任单位：" + "，" * n(30_000) + "）\n")
    write("labels.txt", PLAN_TEXT + "牵头单位：" + " 责任单位：甲" * n(30_000) + "\n")
    write("spaces.txt", PLAN_TEXT + "牵头单位：甲" + " " * n(100_000) + "x\n")
    write("deep.json", "[" * n(100_000) + "]" * n(100_000))
    write("digits.json", '{"format": "planbook/1", "plan": {"title": "x", "year": ' + "9" * n(5_000) + "}}")
    write("surrogate.json", _json_plan([{"kind": "section", "title": "\\ud800坏"}]).replace("\\\\ud800", "\\ud800"))
    write("nul.json", _json_plan([{"kind": "section", "title": "一\u0000二\u0007三"}]))
    write("bom-controls.txt", "\ufeff" + PLAN_TEXT + "2.控制\u0001字符\u000c很多\u001b。\n" * 20, "utf-8")
    write("nested-items.json", _json_plan(_nested_items(n(480))))
    write(
        "many-nodes.json",
        _json_plan(
            [
                {
                    "kind": "section",
                    "title": "一",
                    "children": [{"kind": "task", "title": f"任务{i}"} for i in range(n(1_000_000))],
                }
            ]
        ),
    )
    write("utf7.mht", _mht("一、总体要求", charset="utf-7"))
    write("mime-nested.mht", _mht("一、总体要求", nesting=n(5_000)))
    _docx(n(20_000), folder / "big.docx")
    fifo = folder / "pipe.txt"
    try:
        import os

        os.mkfifo(fifo)
    except (AttributeError, OSError):
        pass
    return {p.name: p for p in sorted(folder.iterdir())}
