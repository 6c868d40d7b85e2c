"""The use cases the CLI and the window share (core.usecases): the same plan, warnings and links either way."""

from __future__ import annotations

import pytest

from planbook.core import usecases
from planbook.core.drafting import link_of
from planbook.core.errors import PlanbookError
from planbook.core.exchange import dumps
from planbook.core.library import Library
from planbook.core.model import Plan
from tests.conftest import SEEDS, run_cli, sample_plan

if not SEEDS.is_dir():  # a clone with no ../shared beside it: skip, as the `seeds` fixture does
    pytest.skip(f"the seed plans are not at {SEEDS} (they live in ../shared/seeds)", allow_module_level=True)
SEED = next(SEEDS.glob("003_*.txt"))


def test_import_warns_about_a_plan_the_library_holds_already_and_stores_each_file_in_one_step(tmp_path):
    with Library.open(tmp_path / "lib.db") as lib:
        first = usecases.read_file(SEED)
        ids = usecases.import_into(lib, first)
        assert len(ids) == 1 and not any("already holds" in str(w) for w in first.warnings)
        again = usecases.read_file(SEED)
        usecases.import_into(lib, again)
        assert any(f"(plan {ids[0]})" in str(w) for w in again.warnings)
        assert lib.load_plan(ids[0]).title == first.plans[0].title


def test_the_cli_says_what_the_use_case_warns(tmp_path):
    library = tmp_path / "lib.db"
    assert run_cli("import", SEED, library=library).code == 0
    again = run_cli("import", SEED, library=library)
    with Library.open(library) as lib:
        result = usecases.read_file(SEED)
        usecases.warn_duplicates(lib, [result])
    assert again.code == 0 and f"warning: {result.warnings[-1]}" in again.err


def test_a_copy_is_the_same_plan_under_new_ids_and_links_back_only_when_asked(tmp_path):
    with Library.open(tmp_path / "lib.db") as lib:
        source_id = lib.add_plan(sample_plan())
        plain = usecases.copy_plan(lib, source_id)
        assert plain.link is None and plain.plan.id is None and all(n.id is None for n in plain.plan.walk())
        linked = usecases.copy_plan(lib, source_id, linked=True)
        copy_id = usecases.store(lib, linked)
        assert link_of(lib, copy_id) == linked.link and linked.link.relation == "copy"
        source, copy = lib.load_plan(source_id), lib.load_plan(copy_id)
        copy.id = source.id
        assert dumps(copy) == dumps(source)  # the same plan, every node and field


def test_next_year_is_drafted_once_linked_and_refused_without_a_year(tmp_path):
    with Library.open(tmp_path / "lib.db") as lib:
        source_id = lib.add_plan(sample_plan())
        assert usecases.drafts_of(lib, source_id) == []
        draft = usecases.next_year(lib, source_id)
        draft_id = usecases.store(lib, draft)
        assert draft.plan.year == lib.load_plan(source_id).year + 1
        assert usecases.drafts_of(lib, source_id) == [(draft_id, draft.plan.title)]
        no_year = lib.add_plan(Plan(title="工作要点"))
        with pytest.raises(PlanbookError, match="names no year"):
            usecases.next_year(lib, no_year)
