"""diff.rules: the README's table is the rules in code, and every grade that differs from oasdiff says why."""

from __future__ import annotations

from modelcatalog.tooling.upstream.diff.rules import RULES, SCHEMA_RULES, Level, all_rules, rules_markdown
from upstream_runs import README


def test_the_readme_table_is_the_rules_in_code() -> None:
    readme = README.read_text(encoding="utf-8")
    start, end = (
        "<!-- rules: generated from modelcatalog.tooling.upstream.diff.rules.rules_markdown() -->",
        "<!-- /rules -->",
    )
    assert start in readme
    assert end in readme
    table = readme.split(start, 1)[1].split(end, 1)[0].strip("\n") + "\n"
    assert table == rules_markdown(), (
        "run: python -c 'from modelcatalog.tooling.upstream.diff.rules import rules_markdown as r; print(r())'"
    )


def test_every_grade_that_differs_from_oasdiff_says_why() -> None:
    for _, rule in all_rules():
        if rule.oasdiff is not None and rule.oasdiff is not rule.level:
            assert rule.why, rule.id
        assert rule.side in ("request", "response", "document", "overlay"), rule.id
    differing = {(what, rule.id) for what, rule in all_rules() if rule.oasdiff and rule.oasdiff is not rule.level}
    assert ("optional property removed", "response-optional-property-removed") in differing
    assert ("", "api-security-added") in differing
    assert ("enum value added", "{p}-enum-value-added") in differing  # a closed enum
    assert ("enum value added to open enum", "{p}-enum-value-added") not in differing  # agrees with oasdiff


def test_the_table_counts_every_rule_once() -> None:
    rows = rules_markdown().splitlines()[2:]
    assert all(row.startswith("| `") for row in rows)
    assert (
        len(rows)
        == len(all_rules())
        == len(RULES)
        + sum((request is not None) + (response is not None) for request, response in SCHEMA_RULES.values())
    )
    assert {Level.ERR, Level.WARN, Level.INFO} == {rule.level for _, rule in all_rules()}
