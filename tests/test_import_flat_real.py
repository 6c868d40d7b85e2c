"""Every text document of `tests/data/kinds` and `tests/data/real`, flattened to one line (all its line breaks
lost, as OCR output or a copy out of some PDF viewers gives it), imports to the same outline and numbering as the
document with its lines. Those that do not yet are listed with the reason, so the list only shrinks."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from planbook.importers import import_file
from planbook.importers.plaintext import parse_text
from tests.test_import_kinds import shape

DATA = Path(__file__).parent / "data"
DOCUMENTS = sorted((DATA / "kinds").glob("*.txt")) + sorted((DATA / "real").glob("*.txt"))

NOT_YET = {
    "labels_own_line.txt": "a field label with no colon on its own line (责任单位 组织科) is lost when flattened",
    "r18_anhui_opinion_2001.txt": "a task title ending in a colon runs into the sentence after it",
}


def _params():
    for path in DOCUMENTS:
        reason = NOT_YET.get(path.name)
        marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
        yield pytest.param(path, id=path.name, marks=marks)


@pytest.mark.parametrize("path", _params())
def test_a_document_flattened_to_one_line_imports_as_it_does_with_its_lines(path: Path):
    lined = import_file(path)[0]
    flat = re.sub(r"[\r\n]+", "", path.read_text(encoding="utf-8"))
    back = parse_text(flat).plans[0]
    assert shape(back) == shape(lined)
    assert back.numbering == lined.numbering
    assert bool(back.nodes) == bool(lined.nodes)  # a notice alone stays one, with an empty plan


def test_the_list_of_documents_not_yet_surviving_names_only_documents_that_exist():
    assert set(NOT_YET) <= {p.name for p in DOCUMENTS}
