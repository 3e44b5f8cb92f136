"""Loading and validating record files: errors name the file, the field path and the problem."""

from pathlib import Path

import pytest

from secondchance.record import RecordError, load_record


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def problems(path: Path) -> list[str]:
    with pytest.raises(RecordError) as info:
        load_record(path)
    return info.value.problems


def test_valid_yaml_and_json_load_the_same(tmp_path: Path) -> None:
    yaml_text = (
        "person: {name: A, bop_register_number: 12345-678}\n"
        "convictions:\n"
        "  - jurisdiction: federal\n"
        "    conviction_date: 2015-03-02\n"
        "    counts: [{statute: 21 U.S.C. 844(a), substance: marijuana}]\n"
    )
    json_text = (
        '{"person": {"name": "A", "bop_register_number": "12345-678"},'
        ' "convictions": [{"jurisdiction": "federal", "conviction_date": "2015-03-02",'
        ' "counts": [{"statute": "21 U.S.C. 844(a)", "substance": "marijuana"}]}]}'
    )
    a = load_record(write(tmp_path, "a.yaml", yaml_text))
    b = load_record(write(tmp_path, "b.json", json_text))
    assert a == b
    assert a.convictions[0].conviction_date is not None
    assert a.convictions[0].conviction_date.isoformat() == "2015-03-02"


def test_impossible_date_names_the_field(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "r.yaml",
        "convictions:\n  - jurisdiction: federal\n    conviction_date: 2023-02-30\n",
    )
    [problem] = problems(path)
    assert problem.startswith("convictions[0].conviction_date:")


def test_unknown_field_is_named(tmp_path: Path) -> None:
    path = write(tmp_path, "r.yaml", "person: {name: A, nickname: B}\n")
    [problem] = problems(path)
    assert problem.startswith("person.nickname: unknown field")


def test_unknown_field_suggests_the_field_of_that_place(tmp_path: Path) -> None:
    # The suggestion comes from the fields allowed where the typo stands: a sentence's
    # "supervisd_release" is its supervised_release, a count's "statut" its statute.
    path = write(
        tmp_path,
        "r.yaml",
        "person: {name: A, register_number: '1'}\n"
        "convictions:\n  - jurisdiction: federal\n"
        "    sentence: {imprisonment: 5 months, supervisd_release: 3 years}\n",
    )
    assert sorted(problems(path)) == [
        "convictions[0].sentence.supervisd_release: unknown field: did you mean "
        "'supervised_release'? (see `secondchance schema`)",
        "person.register_number: unknown field: did you mean 'bop_register_number'? "
        "(see `secondchance schema`)",
    ]


def test_a_misspelt_court_finding_is_refused_with_the_name_it_resembles(tmp_path: Path) -> None:
    # 18 U.S.C. 3632(d)(4)(D)(lxv)-(lxviii) need a "leader_organizer" finding; a misspelt one
    # would be read as no finding at all (the clause undecided, nobody told): refused, naming the
    # entry and the name it resembles, as an unknown field is. "career_offender" resembles none.
    path = write(
        tmp_path,
        "r.yaml",
        "convictions:\n  - jurisdiction: federal\n    counts:\n"
        "      - statute: 21 U.S.C. 848(a)\n"
        "        court_findings: [leader_organiser, 'not:leader_organizr', threat_only,"
        " career_offender]\n",
    )
    where = "convictions[0].counts[0].court_findings"
    listed = "(the findings the law reads are listed in docs/law-sentence.md; 'not:<name>' where "
    assert problems(path) == [
        f"{where}[0]: unknown court finding 'leader_organiser': did you mean 'leader_organizer'? "
        + listed
        + "the court found it absent)",
        f"{where}[1]: unknown court finding 'not:leader_organizr': did you mean "
        "'not:leader_organizer'? " + listed + "the court found it absent)",
        f"{where}[3]: unknown court finding 'career_offender' " + listed + "the court found it "
        "absent)",
    ]


def test_every_court_finding_the_law_reads_is_accepted_and_the_web_offers_only_those() -> None:
    from secondchance.law.sentence.clauses import finding_names
    from secondchance.record import validate
    from secondchance.web.interview import COURT_FINDINGS

    names = sorted(finding_names())
    # The names docs/law-sentence.md lists for the clauses of 3632(d)(4)(D).
    assert names == [
        "attempt_to_commit_manslaughter",
        "death_or_serious_bodily_injury",
        "fentanyl",
        "involuntary_manslaughter",
        "leader_organizer",
        "prior_serious_violent_felony_served_over_1_year",
        "substantial_risk_of_death_or_serious_bodily_injury",
        "threat_only",
        "weapon_of_mass_destruction",
    ]
    written = [*names, *(f"not:{n}" for n in names)]
    count = {"statute": "21 U.S.C. 848(a)", "court_findings": written}
    record = validate({"convictions": [{"jurisdiction": "federal", "counts": [count]}]}, "t")
    assert record.convictions[0].counts[0].court_findings == written
    assert {name for name, _ in COURT_FINDINGS} <= set(names)


def test_wrong_type_is_named(tmp_path: Path) -> None:
    path = write(tmp_path, "r.yaml", "convictions: {jurisdiction: federal}\n")
    [problem] = problems(path)
    assert problem.startswith("convictions:")


def test_negative_term_is_named(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "r.yaml",
        "convictions:\n  - jurisdiction: federal\n    sentence: {imprisonment: '-5 months'}\n",
    )
    [problem] = problems(path)
    assert problem.startswith("convictions[0].sentence.imprisonment:")
    assert "negative" in problem


def test_yaml_syntax_error_gives_line(tmp_path: Path) -> None:
    path = write(tmp_path, "r.yaml", "person:\n  name: [unclosed\n")
    [problem] = problems(path)
    assert "YAML syntax error" in problem
    assert problem.startswith("line ")


def test_json_syntax_error_gives_line(tmp_path: Path) -> None:
    path = write(tmp_path, "r.json", '{"person": {"name": "A",}}')
    [problem] = problems(path)
    assert problem.startswith("line 1, column")


def test_top_level_must_be_a_mapping(tmp_path: Path) -> None:
    path = write(tmp_path, "r.yaml", "- a\n- b\n")
    [problem] = problems(path)
    assert "mapping" in problem


def test_end_before_start_is_rejected(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "r.yaml",
        "supervision:\n  - {kind: parole, start: 2024-01-01, end: 2023-01-01}\n",
    )
    [problem] = problems(path)
    assert problem.startswith("supervision[0].end:")  # the cell the message is about
    assert "before start" in problem


def test_state_conviction_must_name_state(tmp_path: Path) -> None:
    path = write(tmp_path, "r.yaml", "convictions:\n  - jurisdiction: state\n")
    [problem] = problems(path)
    assert problem.startswith("convictions[0].state:")


def test_ownership_over_100_percent(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "r.yaml",
        "business:\n  name: B\n  people:\n"
        "    - {name: X, roles: [{role: owner, ownership_percent: 120}]}\n",
    )
    [problem] = problems(path)
    assert problem.startswith("business.people[0].roles[0].ownership_percent:")


def test_missing_file(tmp_path: Path) -> None:
    assert problems(tmp_path / "nope.yaml") == ["file not found"]


def test_duplicate_yaml_key_is_named(tmp_path: Path) -> None:
    path = write(tmp_path, "r.yaml", "person:\n  name: A\n  name: B\n")
    [problem] = problems(path)
    assert "duplicate key 'name'" in problem
    assert problem.startswith("line 3")


def test_duplicate_json_key_is_named(tmp_path: Path) -> None:
    path = write(tmp_path, "r.json", '{"person": {"name": "A", "name": "B"}}')
    assert problems(path) == ["duplicate key 'name'"]


def test_unknown_schema_version(tmp_path: Path) -> None:
    path = write(tmp_path, "r.yaml", 'schema_version: "9.9"\n')
    [problem] = problems(path)
    assert problem.startswith("schema_version:")


def test_offense_after_conviction(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "r.yaml",
        "convictions:\n  - {jurisdiction: federal, conviction_date: 2019-01-01,\n"
        "     counts: [{statute: 18 U.S.C. 1001, offense_date: 2020-01-01}]}\n",
    )
    [problem] = problems(path)
    assert problem.startswith("convictions[0].counts[0].offense_date:")
    assert "is after the conviction's conviction_date 2019-01-01" in problem


@pytest.mark.parametrize(
    ("text", "field"),
    [
        (
            "convictions:\n  - {jurisdiction: federal, counts: [{statute: X, felony: 1}]}\n",
            "felony",
        ),
        (
            "business:\n  name: B\n  people:\n"
            "    - {name: X, roles: [{role: owner, ownership_percent: true}]}\n",
            "ownership_percent",
        ),
    ],
)
def test_no_silent_type_coercion(tmp_path: Path, text: str, field: str) -> None:
    [problem] = problems(write(tmp_path, "r.yaml", text))
    assert problem.split(":")[0].endswith(field)


def test_reference_to_a_missing_conviction_is_named(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "r.yaml",
        "convictions:\n  - {id: wdmo-2012, jurisdiction: federal}\n"
        "custody:\n  - {kind: home_confinement, conviction_id: wdmo-2O12, start: 2016-01-01}\n",
    )
    [problem] = problems(path)
    assert problem.startswith("custody[0].conviction_id: 'wdmo-2O12' names no conviction")


def test_reference_inside_a_business_person_is_named_in_full(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "r.yaml",
        "business:\n  name: B\n  people:\n    - name: X\n      roles: [{role: officer}]\n"
        "      record: {clemency: [{kind: pardon, granted_on: 2020-01-01, "
        "conviction_ids: [nope]}]}\n",
    )
    [problem] = problems(path)
    assert problem.startswith("business.people[0].record.clemency[0].conviction_ids: 'nope'")


def test_duplicate_conviction_id(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "r.yaml",
        "convictions:\n  - {id: a, jurisdiction: federal}\n  - {id: a, jurisdiction: dc}\n",
    )
    assert problems(path) == ["convictions[1].id: 'a' is used twice"]


def test_owners_over_100_percent_on_one_day(tmp_path: Path) -> None:
    # 60% (from 2020) + 50% (from 2022) = 110% on 2022-01-01; before that only 60%.
    path = write(
        tmp_path,
        "r.yaml",
        "business:\n  name: B\n  people:\n"
        "    - {name: X, roles: [{role: owner, ownership_percent: 60, start: 2020-01-01}]}\n"
        "    - {name: Y, roles: [{role: owner, ownership_percent: 50, start: 2022-01-01}]}\n",
    )
    # Named on Y's share, the one begun on 2022-01-01 that takes the total over 100%.
    assert problems(path) == [
        "business.people[1].roles[0].ownership_percent: owners hold 110% of the equity on "
        "2022-01-01 (more than 100%), counting this share of 50% begun that day"
    ]


def test_successive_owners_may_each_hold_everything(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "r.yaml",
        "business:\n  name: B\n  people:\n"
        "    - {name: X, roles: [{role: owner, ownership_percent: 100, end: 2021-12-31}]}\n"
        "    - {name: Y, roles: [{role: owner, ownership_percent: 100, start: 2022-01-01}]}\n",
    )
    assert load_record(path).business is not None


def test_date_outside_the_calendar_a_record_may_hold(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "r.yaml",
        "convictions:\n  - {jurisdiction: federal, conviction_date: 9999-12-31}\n",
    )
    [problem] = problems(path)
    assert problem.startswith("convictions[0].conviction_date:")
    assert "1900-2200" in problem


def test_subject_in_business_takes_no_record_of_its_own(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "r.yaml",
        "business:\n  name: B\n  people:\n    - name: X\n      is_subject: true\n"
        "      roles: [{role: officer}]\n      record: {convictions: [{jurisdiction: federal}]}\n",
    )
    [problem] = problems(path)
    assert problem.startswith("business.people[0]:")


def test_nesting_too_deep_is_an_input_error(tmp_path: Path) -> None:
    path = write(tmp_path, "r.json", "[" * 100_000)
    assert problems(path) == ["(top level): nested too deeply to be a record"]


def test_day_counts_have_a_ceiling(tmp_path: Path) -> None:
    path = write(tmp_path, "r.yaml", "fsa: {gct_disallowed_days: 99999999999999999999}\n")
    [problem] = problems(path)
    assert problem.startswith("fsa.gct_disallowed_days:")


def test_a_grant_naming_an_empty_list_of_convictions_is_an_error(tmp_path: Path) -> None:
    # A grant naming no conviction covers every federal one: "[]" (perhaps "none known") must
    # not be read as that.
    path = write(
        tmp_path,
        "r.yaml",
        "convictions: [{id: c1, jurisdiction: federal}]\n"
        "clemency: [{kind: pardon, granted_on: 2020-01-01, conviction_ids: []}]\n",
    )
    [problem] = problems(path)
    assert problem.startswith("clemency[0].conviction_ids: an empty list names no conviction")
