"""Files called .doc/.wps/.mht, read by what they contain: a renamed .docx, a web page Word or a site saved as
.doc (HTML or MHTML, GBK), and clear refusals for the binary formats and RTF. All through the CLI."""

from __future__ import annotations

import json
import quopri

import docx
import pytest

from .conftest import run_cli

PLAN = [
    "某县教育局2022年工作要点",
    "一、立德树人",
    "1.推进校园足球。",
    "牵头单位：体卫艺科",
    "二、教育公平",
    "2.推进义务教育均衡发展。",
    "责任单位：基教科",
]


def page() -> str:
    body = "".join(f"<p>{line}</p>" for line in PLAN)
    return (
        "<html xmlns:w='urn:schemas-microsoft-com:office:word'><head>"
        "<meta http-equiv=Content-Type content='text/html; charset=gb2312'><style>p{mso-x:1}</style></head>"
        f"<body lang=ZH-CN>{body}</body></html>"
    )


def mhtml() -> bytes:
    html = quopri.encodestring(page().encode("gb2312")).decode("ascii")
    return (
        'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="----=_NextPart_01"\r\n\r\n'
        "------=_NextPart_01\r\nContent-Location: file:///C:/x/plan.htm\r\n"
        'Content-Transfer-Encoding: quoted-printable\r\nContent-Type: text/html; charset="gb2312"\r\n\r\n'
        f"{html}\r\n------=_NextPart_01--\r\n"
    ).encode("ascii")


def renamed_docx(path) -> None:
    document = docx.Document()
    for line in PLAN:
        document.add_paragraph(line)
    document.save(str(path))


def dry_run(path) -> dict:
    r = run_cli("import", "--dry-run", "--json", path)
    assert r.code == 0, r.err
    return json.loads(r.out)["plan"]


@pytest.mark.parametrize(
    "name, make",
    [
        ("plan.doc", lambda p: renamed_docx(p)),
        ("web.doc", lambda p: p.write_bytes(page().encode("gbk"))),
        ("single.doc", lambda p: p.write_bytes(mhtml())),
        ("single.mht", lambda p: p.write_bytes(mhtml())),
        ("kingsoft.wps", lambda p: p.write_bytes(page().encode("gbk"))),
    ],
)
def test_what_hides_behind_an_old_name_is_read(tmp_path, name, make):
    path = tmp_path / name
    make(path)
    plan = dry_run(path)
    assert plan["title"] == "某县教育局2022年工作要点" and plan["year"] == 2022
    tasks = [t for s in plan["nodes"] for t in s["children"]]
    assert [(t["title"], t["fields"][0]["value"]) for t in tasks] == [
        ("推进校园足球。", "体卫艺科"),
        ("推进义务教育均衡发展。", "基教科"),
    ]
    assert "mso" not in json.dumps(plan, ensure_ascii=False)


@pytest.mark.parametrize(
    "data, words",
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "old binary Word or WPS format"),
        (b"{\\rtf1\\ansi\\deff0 {\\fonttbl}}", "is an RTF document"),
        ("一些文字，没有网页标记".encode("gbk"), "neither a Word document nor a web page"),
    ],
)
def test_what_cannot_be_read_says_what_to_do(tmp_path, data, words):
    path = tmp_path / "old.doc"
    path.write_bytes(data)
    lib = tmp_path / "lib.db"
    r = run_cli("import", path, library=lib)
    assert r.code == 1 and words in r.err and "old.doc" in r.err
    assert not lib.exists()


def test_a_folder_of_old_files_reports_each(tmp_path):
    folder = tmp_path / "archive"
    folder.mkdir()
    (folder / "2019.doc").write_bytes(page().encode("gbk"))
    (folder / "2018.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    r = run_cli("import", folder, library=tmp_path / "lib.db")
    assert "imported 1 file(s), skipped 1" in r.err and "2018.doc" in r.err
