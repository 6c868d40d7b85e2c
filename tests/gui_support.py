"""Helpers for the GUI tests: a real window on a real library file, and what the tree and the file hold."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication

from planbook.core.library import Library
from planbook.core.model import Field, Node, NodeKind, Notice, Plan
from planbook.core.numbering import number_tree
from planbook.gui.app import remove_translations


def tree_lines(model) -> list[str]:
    """What the structure tree shows, through Qt's model API only: indent, number+title, lead unit."""
    lines: list[str] = []

    def walk(parent: QModelIndex, depth: int) -> None:
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            lead = model.index(row, 1, parent).data() or ""
            lines.append("  " * depth + index.data() + (f" | {lead}" if lead else ""))
            walk(index, depth + 1)

    plan = model.index(0, 0, QModelIndex())
    if plan.isValid():
        walk(plan, 0)
    return lines


def library_lines(path: Path, plan_id: int, untitled: str = "(untitled)") -> list[str]:
    """The same lines computed from the library file on disk, opened afresh (what a reopen would show)."""
    from planbook.gui.treemodel import lead_unit

    with Library.open(path) as lib:
        plan = lib.load_plan(plan_id)
    numbers = number_tree(plan.nodes, plan.numbering)
    lines: list[str] = []

    def walk(nodes: list[Node], depth: int) -> None:
        for node in nodes:
            title = node.title or untitled
            lead = lead_unit(node)
            lines.append("  " * depth + numbers[id(node)] + title + (f" | {lead}" if lead else ""))
            walk(node.children, depth + 1)

    walk(plan.nodes, 0)
    return lines


def stored_plan(path: Path, plan_id: int) -> Plan:
    with Library.open(path) as lib:
        return lib.load_plan(plan_id)


def settle() -> None:
    QApplication.processEvents()


def realistic_plan(year: int = 2021, tasks_per_section: int = 3) -> Plan:
    """A plan shaped like the real ones: sections, a subsection, tasks with fields, an item; invented text."""
    organ = "某市教育局"
    sections = [
        (
            "坚持立德树人，全面提升教育质量",
            ["切实加强德育工作。", "深入推进课程改革。", "加强教育科研力度。", "提高学校体育卫生艺术教育水平。"],
        ),
        (
            "坚持内涵发展，全面提升办学水平",
            ["科学编制教育规划方案。", "加快教育项目建设。", "提高教育信息化水平。", "推进学前教育普惠发展。"],
        ),
        (
            "坚持改革创新，全面激发教育活力",
            ["深化教育督导评价改革。", "推进县域义务教育优质均衡。", "完善学生资助体系。", "加强教师队伍建设。"],
        ),
        (
            "坚持从严治党，全面加强自身建设",
            [
                "落实全面从严治党主体责任。",
                "加强机关作风建设。",
                "统筹做好教育安全稳定工作。",
                "做好教育宣传和舆情工作。",
            ],
        ),
    ]
    units = ["基础教育科", "德育与体卫艺科", "发展规划科", "人事科", "督导室", "办公室", "计划财务科"]
    leaders = ["张局长", "李副局长", "王副局长"]
    nodes = []
    n = 0
    for s, (heading, titles) in enumerate(sections):
        section = Node(NodeKind.SECTION, heading)
        for title in titles[:tasks_per_section]:
            n += 1
            section.children.append(
                Node(
                    NodeKind.TASK,
                    title,
                    "围绕年度目标，细化工作举措，明确时间节点，确保各项任务按期完成并取得实效。",
                    [
                        Field("牵头领导", leaders[n % 3]),
                        Field("牵头单位", units[n % len(units)]),
                        Field("责任单位", f"{units[(n + 2) % len(units)]}、各县市区教育局"),
                        Field("完成时限", f"{year}年12月底"),
                    ],
                )
            )
        if s == 1:
            sub = Node(
                NodeKind.SUBSECTION,
                "加快推进教育现代化",
                children=[
                    Node(
                        NodeKind.TASK,
                        "实施教育现代化推进工程。",
                        "建立教育现代化监测评价体系。",
                        [Field("牵头单位", "发展规划科"), Field("完成时限", f"{year}年11月底")],
                        children=[
                            Node(NodeKind.ITEM, "开展教育现代化县市区创建。"),
                            Node(NodeKind.ITEM, "组织年度监测并通报结果。"),
                        ],
                    ),
                ],
            )
            section.children.append(sub)
        nodes.append(section)
    notice = Notice(
        masthead=f"{organ}文件",
        doc_number=f"某教发〔{year}〕3号",
        title=f"关于印发《{organ}{year}年工作要点》的通知",
        recipients="各县市区教育局，局属各单位：",
        body=f"现将《{organ}{year}年工作要点》印发给你们，请结合实际认真贯彻落实。",
        signers=[organ],
    )
    return Plan(
        title=f"{organ}{year}年工作要点",
        year=year,
        issuers=[organ],
        preamble=f"{year}年全市教育工作的总体要求是：坚持稳中求进，深化综合改革，推动教育事业高质量发展。",
        closing="在完成上述工作的同时，要统筹做好其他各项工作。",
        notice=notice,
        nodes=nodes,
    )


def press(qtbot, widget, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    widget.setFocus()
    qtbot.keyClick(widget, key, modifier)
    settle()


class Windows:
    """Opens real main windows on real library files, with settings in a temporary .ini file."""

    def __init__(self, qtbot, tmp_path: Path):
        self.qtbot = qtbot
        self.tmp_path = tmp_path
        self.opened: list = []

    def open(self, path: Path | None = None, lang: str = "zh", plan: int | None = None):
        from planbook.gui.app import setup_application
        from planbook.gui.mainwindow import MainWindow

        app, settings, language = setup_application(lang)
        lib = Library.open(path or self.tmp_path / "lib.db")
        window = MainWindow(lib, settings, language)
        self.qtbot.addWidget(window)
        window.restore(plan)
        window.show()
        self.qtbot.waitExposed(window)
        window.activateWindow()
        self.qtbot.waitUntil(lambda: window.first_paint.done)  # the daily backup and a large list's read started
        settle()
        self.opened.append(window)
        return window

    def close(self, window) -> None:
        window.close()
        window.lib.close()
        self.opened.remove(window)

    def cleanup(self) -> None:
        for window in list(self.opened):
            self.close(window)
        remove_translations()
