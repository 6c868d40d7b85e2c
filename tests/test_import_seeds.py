"""The five seed plans, imported through the real CLI: the structure table of issue 3, down to titles and fields."""

from __future__ import annotations

import json

import pytest

from tests.conftest import run_cli

# file prefix → (sections, level-2 per section, tasks per section, numbering)
TABLE = {
    "000": (5, [0, 0, 0, 0, 0], [6, 4, 5, 8, 5], "continuous"),
    "001": (6, [0] * 6, [4, 3, 7, 3, 7, 3], "continuous"),
    "002": (3, [2, 0, 4], [0, 10, 0], "outline"),  # an action plan: its tasks are （一） items
    "003": (8, [0] * 8, [4, 4, 3, 2, 5, 7, 3, 5], "continuous"),
    "004": (7, [0] * 7, [4, 8, 5, 5, 6, 4, 5], "per-section"),
}


def seed(seeds, prefix: str):
    return next(seeds.glob(f"{prefix}_*.txt"))


def recognised(seeds, prefix: str) -> dict:
    r = run_cli("import", "--dry-run", "--json", seed(seeds, prefix))
    assert r.code == 0, r.err
    return json.loads(r.out)


def walk(nodes):
    for n in nodes:
        yield n
        yield from walk(n["children"])


def tasks(plan: dict) -> list[dict]:
    return [n for n in walk(plan["nodes"]) if n["kind"] == "task"]


def fields(node: dict) -> dict[str, str]:
    return {f["label"]: f["value"] for f in node["fields"]}


@pytest.mark.parametrize("prefix", sorted(TABLE))
def test_structure_counts(seeds, prefix):
    doc = recognised(seeds, prefix)
    plan = doc["plan"]
    n_sections, level2, per_section, numbering = TABLE[prefix]
    assert [n["kind"] for n in plan["nodes"]] == ["section"] * n_sections
    assert [sum(c["kind"] == "subsection" for c in s["children"]) for s in plan["nodes"]] == level2
    assert [sum(n["kind"] == "task" for n in walk(s["children"])) for s in plan["nodes"]] == per_section
    assert plan["numbering"] == numbering


def test_000_xiangtan_metadata_without_notice(seeds):
    doc = recognised(seeds, "000")
    plan, notice = doc["plan"], doc["plan"]["notice"]
    assert plan["title"] == "湘潭市教育局2017年工作要点"
    assert plan["year"] == 2017 and plan["issuers"] == ["湘潭市教育局"]
    assert notice["index_no"] == "4303000014-2017-00043"
    assert notice["subject_words"] == "统计"
    assert notice["published_on"] == "2017-02-22"
    assert notice["doc_number"] == notice["title"] == notice["masthead"] == "" and notice["signers"] == []
    ts = tasks(plan)
    assert len(ts) == 28 and not any(t["fields"] for t in ts)
    assert ts[0]["title"] == "切实加强德育工作。"
    assert ts[0]["body"].startswith("建成未成年人思想道德建设工作先进城市。")
    assert ts[27]["title"] == "统筹协调相关专项事务。"
    assert plan["preamble"].startswith("2017年全市教育工作的总体要求是")
    # the page's chrome is gone
    text = json.dumps(doc, ensure_ascii=False)
    for chrome in ("您的位置", "责任编辑", "字体", "jy.xiangtan.gov.cn"):
        assert chrome not in text
    # task 9 has no full stop after its title in the source: the user is told
    assert any("characters long" in w for w in doc["warnings"])


def test_001_leshan_joint_issuers_and_blank_fields(seeds):
    doc = recognised(seeds, "001")
    plan = doc["plan"]
    assert plan["title"] == "中共乐山市委教育工作委员会 乐山市教育局2020年工作要点"
    assert plan["issuers"] == ["中共乐山市委教育工作委员会", "乐山市教育局"]
    assert plan["year"] == 2020 and plan["notice"]["doc_number"] == ""
    ts = tasks(plan)
    assert len(ts) == 27
    assert all([f["label"] for f in t["fields"]] == ["牵头领导", "牵头科室", "责任科室"] for t in ts)
    assert ts[0]["title"] == "坚持以党的政治建设为统领。"
    assert fields(ts[0]) == {"牵头领导": "刘友军", "牵头科室": "工委办", "责任科室": "机关各科室、直属事业单位"}
    assert fields(ts[9])["牵头领导"] == ""  # blank in the source, kept blank
    assert fields(ts[9])["牵头科室"] == "技装处"
    assert fields(ts[26]) == {
        "牵头领导": "刘友军、梁开禹",
        "牵头科室": "干部人事科、教师发展科",
        "责任科室": "基教科、民教科",
    }
    text = json.dumps(doc, ensure_ascii=False)
    for chrome in ("当前位置", "扫一扫", "网站标识码", "ICP备", "公网安备", "网站地图", "浏览量"):
        assert chrome not in text


def test_002_panjin_notice_and_tasks_numbered_as_subsections(seeds):
    doc = recognised(seeds, "002")
    plan, notice = doc["plan"], doc["plan"]["notice"]
    assert plan["title"] == "盘锦市推进教育高质量发展行动计划"
    assert plan["kind"] == "行动计划" and plan["year"] == 2019
    assert notice["doc_number"] == "盘政办发〔2019〕24号"
    assert notice["title"] == "盘锦市人民政府办公室关于印发盘锦市推进教育高质量发展行动计划的通知"
    assert notice["recipients"].startswith("各县、区人民政府") and notice["recipients"].endswith("：")
    assert notice["body"].startswith("经市政府八届第22次常务会议讨论研究通过")
    assert notice["signers"] == ["盘锦市人民政府办公室"]
    assert notice["signed_on"] == "2019-05-30"
    assert notice["annotation"] == "（此件公开发布）"
    assert notice["index_no"] == "pjsrmzf-2019-000657" and notice["category"] == "市政府办文件"
    second = plan["nodes"][1]
    assert second["title"] == "重点任务"
    assert len(second["children"]) == 10
    assert all([f["label"] for f in s["fields"]] == ["责任单位"] for s in second["children"])
    assert {s["kind"] for s in second["children"]} == {"task"}
    assert second["children"][0]["title"] == "实施教育系统党的建设行动计划。"
    assert fields(second["children"][2]) == {"责任单位": "各区县政府,市教育局、市自然资源局、市住房城乡建设局"}
    first = plan["nodes"][0]["children"][0]
    assert first["title"] == "指导思想。" and first["fields"] == [] and first["kind"] == "subsection"
    assert "文件解读" not in json.dumps(doc, ensure_ascii=False)


def test_003_hunan_masthead_two_signers_imprint_and_closing(seeds):
    doc = recognised(seeds, "003")
    plan, notice = doc["plan"], doc["plan"]["notice"]
    assert notice["masthead"] == "湖南省教育厅文件"
    assert notice["doc_number"] == "湘教发〔2020〕8号"
    assert notice["title"] == "关于印发《湖南省教育厅 中共湖南省委教育工委2020年工作要点》的通知"
    assert notice["signers"] == ["湖南省教育厅", "中共湖南省委教育工作委员会"]
    assert notice["signed_on"] == "2020-03-06"
    assert notice["printed_by"] == "湖南省教育厅办公室" and notice["printed_on"] == "2020-03-09"
    assert plan["title"] == "湖南省教育厅 中共湖南省委教育工委2020年工作要点"
    assert plan["year"] == 2020 and len(plan["issuers"]) == 2
    ts = tasks(plan)
    assert len(ts) == 33
    assert all([f["label"] for f in t["fields"]] == ["目标任务", "工作措施", "责任单位"] for t in ts)
    assert ts[0]["title"] == "进一步健全党对教育工作全面领导的体制机制"
    assert fields(ts[0])["责任单位"] == "秘书处、相关处室"
    assert fields(ts[32])["责任单位"] == "规划处、基教处、教师处"
    assert plan["closing"].startswith("在完成上述工作的同时")
    assert "责任单位：办公室、机关党委、老干处等" in plan["closing"]
    assert "印发" not in ts[32]["body"] and "在完成上述" not in json.dumps(ts[32], ensure_ascii=False)


def test_004_nanning_per_section_and_digits_only_date(seeds):
    doc = recognised(seeds, "004")
    plan, notice = doc["plan"], doc["plan"]["notice"]
    assert plan["title"] == "南宁市教育局2018年工作要点"
    assert notice["doc_number"] == "南教办〔2018〕23号"
    assert notice["title"] == "关于印发南宁市教育局2018年工作要点的通知"
    assert notice["signers"] == ["南宁市教育局"]
    assert notice["signed_on"] == "2018-03-19"
    assert notice["published_on"] == "2018-03-21"
    assert any("2018319" in w and "2018年3月19日" in w for w in doc["warnings"])
    ts = tasks(plan)
    assert len(ts) == 37
    assert ts[4]["title"] == "强化教育改革统筹谋划。"
    assert plan["nodes"][1]["children"][7]["title"] == "扩大教育对外交流与合作。"
    assert "分享到" not in json.dumps(doc, ensure_ascii=False)


def test_import_writes_the_plans_and_warnings_go_to_stderr(seeds, library):
    r = run_cli("import", seeds, library=library)
    assert r.code == 0, r.err
    assert len(r.out.strip().splitlines()) == 5
    assert "imported 5 file(s), skipped 0" in r.err
    assert "2018319" in r.err
    listed = json.loads(run_cli("list", "--json", library=library).out)
    assert sorted(p["title"] for p in listed)[0].startswith("中共乐山市委")
    plan_id = next(p["id"] for p in listed if p["title"].startswith("湖南省教育厅"))
    shown = json.loads(run_cli("show", str(plan_id), "--json", library=library).out)["plan"]
    assert shown["notice"]["doc_number"] == "湘教发〔2020〕8号"
    assert len(tasks(shown)) == 33 and fields(tasks(shown)[5])["责任单位"] == "财建处"


def test_dry_run_writes_nothing(seeds, library):
    r = run_cli("import", "--dry-run", seed(seeds, "003"), library=library)
    assert r.code == 0, r.err
    assert "一、加强党对教育工作的全面领导" in r.out and "33." in r.out
    assert "结构：8个一级标题，0个二级标题，33项任务，0个子项，99个字段；连续编号" in r.out
    assert "notice.masthead: 湖南省教育厅文件" in r.out and "notice.printed_on: 2020-03-09" in r.out
    assert not library.exists()
