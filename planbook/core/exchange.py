"""Exchange formats: lossless `planbook/1` JSON, and the plan as numbered plain text."""

from __future__ import annotations

import base64
import datetime as dt
import json
from typing import Any

from .errors import FormatError
from .messages import QT_TRANSLATE_NOOP
from .model import (
    DATE_FIELDS,
    ISSUE_FIELDS,
    KIND_NAMES,
    MAX_DEPTH,
    MAX_NODES,
    NOTICE_FIELDS,
    DocFormat,
    Field,
    Node,
    NodeKind,
    Notice,
    Numbering,
    Plan,
    Progress,
    ProgressNote,
    Sealing,
    Status,
    may_contain,
)
from .numbering import number_tree

FORMAT = "planbook/1"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


# ---- planbook/1 JSON ----------------------------------------------------------------------------------


def plan_to_dict(plan: Plan, seals: bool = False) -> dict[str, Any]:
    """The plan as planbook/1 data. Electronic seals go in only when asked (`seals`): a plan file is passed
    around, and an organ's seal must not travel with it unnoticed."""
    notice = {name: getattr(plan.notice, name) for name in NOTICE_FIELDS}
    for name in DATE_FIELDS:
        notice[name] = notice[name].isoformat() if notice[name] else None
    notice["signers"] = list(plan.notice.signers)
    # Optional keys: a notice issued the default way writes exactly what it wrote before they existed.
    if plan.notice.sealing is not Sealing.SEALED:
        notice["sealing"] = str(plan.notice.sealing)
    if plan.notice.doc_format is not DocFormat.FILE:
        notice["doc_format"] = str(plan.notice.doc_format)
    if plan.notice.masthead_proposed:
        notice["masthead_proposed"] = True
    if seals and plan.notice.seals:
        notice["seals"] = [base64.b64encode(image).decode("ascii") for image in plan.notice.seals]
    return {
        "format": FORMAT,
        "plan": {
            "title": plan.title,
            "kind": plan.kind,
            "year": plan.year,
            "issuers": list(plan.issuers),
            "preamble": plan.preamble,
            "closing": plan.closing,
            "numbering": str(plan.numbering),
            "status": str(plan.status),
            "notice": notice,
            "nodes": [_node_to_dict(n) for n in plan.nodes],
        },
    }


def _node_to_dict(node: Node) -> dict[str, Any]:
    d: dict[str, Any] = {
        "kind": str(node.kind),
        "title": node.title,
        "body": node.body,
        "fields": [{"label": f.label, "value": f.value} for f in node.fields],
    }
    # Optional keys: a plan without progress writes exactly what it wrote before progress existed.
    if node.status != Progress.NOT_STARTED:
        d["status"] = str(node.status)
    if node.notes:
        d["notes"] = [{"date": n.date.isoformat(), "text": n.text} for n in node.notes]
    d["children"] = [_node_to_dict(c) for c in node.children]
    return d


def dumps(plan: Plan, seals: bool = False) -> str:
    return json.dumps(plan_to_dict(plan, seals), ensure_ascii=False, indent=2) + "\n"


def loads(text: str) -> Plan:
    """Parse planbook/1 JSON; anything malformed raises FormatError naming what and where."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise FormatError(
            QT_TRANSLATE_NOOP("Messages", "not valid JSON (line {line}, column {column}: {reason})"),
            line=e.lineno,
            column=e.colno,
            reason=e.msg,
        ) from e
    except RecursionError:
        raise FormatError(QT_TRANSLATE_NOOP("Messages", "not a plan: the JSON is nested too deeply")) from None
    except ValueError as e:  # a number of thousands of digits
        raise FormatError(QT_TRANSLATE_NOOP("Messages", "not valid JSON ({reason})"), reason=e) from None
    return plan_from_dict(data)


def plan_from_dict(data: Any) -> Plan:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        found = data.get("format") if isinstance(data, dict) else type(data).__name__
        raise FormatError(
            QT_TRANSLATE_NOOP("Messages", 'not a Planbook file: expected "format": "{expected}", found {found!r}'),
            expected=FORMAT,
            found=found,
        )
    p = _obj(data.get("plan"), "plan")
    plan = Plan(
        title=_str(p, "title", "plan", required=True),
        kind=_str(p, "kind", "plan") or "工作要点",
        year=_year(p.get("year")),
        issuers=_str_list(p, "issuers", "plan"),
        preamble=_str(p, "preamble", "plan"),
        closing=_str(p, "closing", "plan"),
        numbering=_enum(Numbering, p.get("numbering", "continuous"), "plan.numbering"),
        status=_enum(Status, p.get("status", "draft"), "plan.status"),
        notice=_notice(p.get("notice") or {}),
    )
    nodes = p.get("nodes", [])
    if not isinstance(nodes, list):
        raise FormatError(QT_TRANSLATE_NOOP("Messages", "{where} must be a list"), where="plan.nodes")
    _count_nodes(nodes)
    plan.nodes = [_node(n, f"plan.nodes[{i}]", None, 1) for i, n in enumerate(nodes)]
    return plan


def _count_nodes(nodes: list) -> None:
    """Refuse a file of more than MAX_NODES nodes before building any (a million took minutes to refuse)."""
    count, stack = 0, list(nodes)
    while stack:
        item = stack.pop()
        count += 1
        if count > MAX_NODES:
            raise FormatError(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "the plan has more than {limit} headings, tasks and items; a plan may have at most {limit}",
                ),
                limit=MAX_NODES,
            )
        if isinstance(item, dict) and isinstance(item.get("children"), list):
            stack.extend(item["children"])


def _notice(data: Any) -> Notice:
    d = _obj(data, "plan.notice")
    unknown = set(d) - set(NOTICE_FIELDS) - set(ISSUE_FIELDS)
    if unknown:
        raise FormatError(
            QT_TRANSLATE_NOOP("Messages", "plan.notice has unknown keys: {keys}"), keys=", ".join(sorted(unknown))
        )
    values: dict[str, Any] = {}
    for name in NOTICE_FIELDS:
        if name in DATE_FIELDS:
            values[name] = _date(d.get(name), f"plan.notice.{name}")
        elif name == "signers":
            values[name] = _str_list(d, name, "plan.notice")
        else:
            values[name] = _str(d, name, "plan.notice")
    values["sealing"] = _enum(Sealing, d.get("sealing", "sealed"), "plan.notice.sealing")
    values["doc_format"] = _enum(DocFormat, d.get("doc_format", "file"), "plan.notice.doc_format")
    proposed = d.get("masthead_proposed", False)
    if not isinstance(proposed, bool):
        raise FormatError(
            QT_TRANSLATE_NOOP("Messages", "{where} must be true or false"), where="plan.notice.masthead_proposed"
        )
    values["masthead_proposed"] = proposed
    values["seals"] = [_seal(v, f"plan.notice.seals[{i}]") for i, v in enumerate(_str_list(d, "seals", "plan.notice"))]
    return Notice(**values)


def _seal(text: str, where: str) -> bytes:
    try:
        image = base64.b64decode(text, validate=True)
    except ValueError as e:
        raise FormatError(QT_TRANSLATE_NOOP("Messages", "{where} is not base64 data"), where=where) from e
    if not image.startswith(PNG_SIGNATURE):
        raise FormatError(QT_TRANSLATE_NOOP("Messages", "{where} is not a PNG image"), where=where)
    return image


def _node(data: Any, where: str, parent: NodeKind | None, depth: int) -> Node:
    if depth > MAX_DEPTH:
        raise FormatError(
            QT_TRANSLATE_NOOP("Messages", "{where}: nodes nest deeper than {limit} levels"),
            where=where[:60] + "…",
            limit=MAX_DEPTH,
        )
    d = _obj(data, where)
    kind = _enum(NodeKind, d.get("kind"), f"{where}.kind")
    if not may_contain(parent, kind):
        if parent is None:
            raise FormatError(
                QT_TRANSLATE_NOOP("Messages", "{where}: a {kind} cannot sit at the top level"),
                where=where,
                kind=KIND_NAMES[kind],
            )
        raise FormatError(
            QT_TRANSLATE_NOOP("Messages", "{where}: a {kind} cannot sit inside a {parent}"),
            where=where,
            kind=KIND_NAMES[kind],
            parent=KIND_NAMES[parent],
        )
    fields_ = d.get("fields", [])
    if not isinstance(fields_, list):
        raise FormatError(QT_TRANSLATE_NOOP("Messages", "{where} must be a list"), where=f"{where}.fields")
    children = d.get("children", [])
    if not isinstance(children, list):
        raise FormatError(QT_TRANSLATE_NOOP("Messages", "{where} must be a list"), where=f"{where}.children")
    notes = d.get("notes", [])
    if not isinstance(notes, list):
        raise FormatError(QT_TRANSLATE_NOOP("Messages", "{where} must be a list"), where=f"{where}.notes")
    return Node(
        kind=kind,
        title=_str(d, "title", where),
        body=_str(d, "body", where),
        fields=[_field(f, f"{where}.fields[{i}]") for i, f in enumerate(fields_)],
        children=[_node(c, f"{where}.children[{i}]", kind, depth + 1) for i, c in enumerate(children)],
        status=_enum(Progress, d.get("status", "not_started"), f"{where}.status"),
        notes=[_note(n, f"{where}.notes[{i}]") for i, n in enumerate(notes)],
    )


def _note(data: Any, where: str) -> ProgressNote:
    d = _obj(data, where)
    date = _date(d.get("date"), f"{where}.date")
    if date is None:
        raise FormatError(QT_TRANSLATE_NOOP("Messages", "{where} is missing"), where=f"{where}.date")
    return ProgressNote(date, _str(d, "text", where))


def _field(data: Any, where: str) -> Field:
    d = _obj(data, where)
    return Field(label=_str(d, "label", where, required=True), value=_str(d, "value", where))


def _obj(value: Any, where: str) -> dict:
    if not isinstance(value, dict):
        raise FormatError(QT_TRANSLATE_NOOP("Messages", "{where} must be an object"), where=where)
    return value


def _str(d: dict, key: str, where: str, required: bool = False) -> str:
    value = d.get(key)
    if value is None:
        if required:
            raise FormatError(QT_TRANSLATE_NOOP("Messages", "{where} is missing"), where=f"{where}.{key}")
        return ""
    if not isinstance(value, str):
        raise FormatError(QT_TRANSLATE_NOOP("Messages", "{where} must be text"), where=f"{where}.{key}")
    return value


def _str_list(d: dict, key: str, where: str) -> list[str]:
    value = d.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise FormatError(QT_TRANSLATE_NOOP("Messages", "{where} must be a list of text"), where=f"{where}.{key}")
    return list(value)


def _year(value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 1900 <= value <= 2200:
        raise FormatError(
            QT_TRANSLATE_NOOP("Messages", "plan.year must be a year such as 2020, not {value!r}"), value=value
        )
    return value


def _date(value: Any, where: str) -> dt.date | None:
    if value is None or value == "":
        return None
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise FormatError(
            QT_TRANSLATE_NOOP("Messages", "{where} must be a date YYYY-MM-DD, not {value!r}"), where=where, value=value
        ) from None


def _enum(enum, value: Any, where: str):
    try:
        return enum(value)
    except ValueError:
        allowed = ", ".join(e.value for e in enum)
        raise FormatError(
            QT_TRANSLATE_NOOP("Messages", "{where} must be one of {allowed}, not {value!r}"),
            where=where,
            allowed=allowed,
            value=value,
        ) from None


# ---- plain text ----------------------------------------------------------------------------------------


def plan_to_text(plan: Plan) -> str:
    """The plan as a clerk reads it: title, issuers, preamble, numbered headings and tasks, fields, closing."""
    numbers = number_tree(plan.nodes, plan.numbering)
    lines: list[str] = [plan.title]
    if plan.issuers:
        lines.append("  ".join(plan.issuers))
    lines.append("")
    if plan.preamble:
        lines += [plan.preamble, ""]
    for node in plan.walk():
        lines.append(f"{numbers[id(node)]}{node.title}")
        if node.body:
            lines.append(node.body)
        lines += [f"{f.label}：{f.value}" for f in node.fields]
    if plan.closing:
        lines += ["", plan.closing]
    return "\n".join(lines).rstrip() + "\n"
