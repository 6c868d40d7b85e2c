"""A plan imported from a published document (发文字号 and a date) is stored as issued; one without, as a draft;
a planbook/1 file keeps the status it names."""

from __future__ import annotations

from planbook.core import exchange
from planbook.core.model import Status
from planbook.importers import import_with_warnings
from planbook.importers.pasted import parse_pasted

PUBLISHED = """某县教育局文件
某教发〔2021〕3号
关于印发《某县教育局2021年工作要点》的通知
各乡镇中心学校：
现将《某县教育局2021年工作要点》印发给你们，请认真贯彻落实。
某县教育局
2021年3月5日
某县教育局2021年工作要点
一、加强党的建设
1.落实全面从严治党主体责任。
牵头单位：办公室
"""

DRAFT = """某县教育局2022年工作要点
一、加强党的建设
1.落实全面从严治党主体责任。
牵头单位：办公室
"""


def test_published_documents_are_issued_drafts_stay_drafts(tmp_path):
    published, draft = tmp_path / "published.txt", tmp_path / "draft.txt"
    published.write_text(PUBLISHED, encoding="utf-8")
    draft.write_text(DRAFT, encoding="utf-8")
    (plan,) = import_with_warnings(published).plans
    assert plan.notice.doc_number == "某教发〔2021〕3号" and plan.status is Status.ISSUED
    assert import_with_warnings(draft).plans[0].status is Status.DRAFT
    assert parse_pasted("", PUBLISHED).plans[0].status is Status.ISSUED  # Import from Clipboard too
    # planbook/1 says what it is, even with a number and a date
    plan.status = Status.DRAFT
    saved = tmp_path / "plan.json"
    saved.write_text(exchange.dumps(plan), encoding="utf-8")
    assert import_with_warnings(saved).plans[0].status is Status.DRAFT
