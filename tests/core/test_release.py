"""parse_release: ``konzept_release`` from conf.py, checked, the usable rest kept."""

from __future__ import annotations

import pytest

from konzept.core import Decision, Release, parse_release

from .conftest import codes

WHERE = ("conf.py", 42)

ADOPTED = {
    "version": "2016",
    "title": "Integrationskonzept Kreis Musterland 2016",
    "date": "2016-04-11",
    "status": "adopted",
    "predecessor": "2011",
    "decisions": [
        {"body": "Sozialausschuss", "date": "2016-05-11", "kind": "preliminary"},
        {
            "body": "Kreistag",
            "date": "2016-06-27",
            "kind": "resolution",
            "result": "adopted unchanged",
            "document": "50/020/2016",
        },
    ],
}


def parse(data, **kwargs):
    return parse_release(data, "Projekt aus conf.py", "draft", where=WHERE, **kwargs)


def test_the_release_of_the_spec():
    release, problems = parse(ADOPTED)
    assert problems == []
    assert release == Release(
        version="2016",
        title="Integrationskonzept Kreis Musterland 2016",
        date="2016-04-11",
        status="adopted",
        predecessor="2011",
        decisions=(
            Decision("Sozialausschuss", "2016-05-11", "preliminary"),
            Decision("Kreistag", "2016-06-27", "resolution", "adopted unchanged", "50/020/2016"),
        ),
    )


@pytest.mark.parametrize("data", [None, {}])
def test_without_release_data_the_project_name_and_version_are_used(data):
    release, problems = parse(data)
    assert problems == []
    assert (release.version, release.title, release.status) == (
        "draft",
        "Projekt aus conf.py",
        "draft",
    )
    assert release.date is None
    assert release.decisions == ()


def test_a_year_written_as_a_number_is_a_version():
    release, problems = parse({"version": 2016})
    assert problems == []
    assert release.version == "2016"


def test_dates_and_terms_are_normalised():
    release, problems = parse(
        {
            "date": "2016-4-11",
            "status": " Adopted ",
            "decisions": [{"body": "Kreistag", "date": "2016-6-27", "kind": "Resolution"}],
        }
    )
    assert problems == []
    assert release.date == "2016-04-11"
    assert release.status == "adopted"
    assert release.decisions[0].date == "2016-06-27"
    assert release.decisions[0].kind == "resolution"


def test_a_bad_date_is_reported_and_the_rest_kept():
    release, problems = parse({**ADOPTED, "date": "11.04.2016"})
    assert codes(problems) == ["bad_release"]
    assert "11.04.2016" in problems[0].message
    assert release.date is None
    assert (release.version, release.status, len(release.decisions)) == ("2016", "adopted", 2)


def test_a_bad_status_falls_back_to_draft():
    release, problems = parse({**ADOPTED, "status": "beschlossen"})
    assert codes(problems) == ["bad_release"]
    assert "beschlossen" in problems[0].message
    assert release.status == "draft"
    assert release.version == "2016"


def test_a_misspelt_status_gets_a_suggestion():
    _, problems = parse({"status": "adoptd"})
    assert "did you mean 'adopted'" in problems[0].message


def test_an_unknown_key_is_reported_and_the_known_ones_used():
    release, problems = parse({"version": "2016", "titel": "Tippfehler"})
    assert codes(problems) == ["bad_release"]
    assert "'titel'" in problems[0].message
    assert "title" in problems[0].message  # the keys are listed
    assert release.version == "2016"
    assert release.title == "Projekt aus conf.py"


def test_problems_are_located_where_the_adapter_says():
    _, problems = parse({"titel": "x", "date": "gestern", "status": "fertig"})
    assert codes(problems) == ["bad_release"] * 3
    assert {(p.docname, p.line) for p in problems} == {WHERE}


@pytest.mark.parametrize("data", ["2016", ["2016"], 2016])
def test_not_a_dict_at_all(data):
    release, problems = parse(data)
    assert codes(problems) == ["bad_release"]
    assert (release.version, release.title) == ("draft", "Projekt aus conf.py")


@pytest.mark.parametrize("value", [True, ["2016"], {"v": 1}])
def test_a_key_of_the_wrong_type(value):
    release, problems = parse({"version": value, "title": "T"})
    assert codes(problems) == ["bad_release"]
    assert release.version == "draft"
    assert release.title == "T"


# -- the Beratungsfolge ------------------------------------------------------


def test_decisions_that_are_not_a_list():
    release, problems = parse({"decisions": {"body": "Kreistag"}})
    assert codes(problems) == ["bad_release"]
    assert release.decisions == ()


def test_a_decision_that_is_not_a_dict_is_skipped_the_others_kept():
    release, problems = parse(
        {"decisions": ["Kreistag 2016", {"body": "Kreistag", "date": "2016-06-27"}]}
    )
    assert codes(problems) == ["bad_release"]
    assert "#1" in problems[0].message
    assert release.decisions == (Decision("Kreistag", "2016-06-27", "resolution"),)


def test_a_decision_without_kind_is_a_resolution():
    release, _ = parse({"decisions": [{"body": "Kreistag", "date": "2016-06-27"}]})
    assert release.decisions[0].kind == "resolution"


def test_an_unknown_decision_kind_is_reported_and_kept_as_written():
    release, problems = parse(
        {"decisions": [{"body": "Kreistag", "date": "2016-06-27", "kind": "Beschluss"}]}
    )
    assert codes(problems) == ["bad_release"]
    assert release.decisions[0].kind == "Beschluss"


def test_a_decision_with_an_unknown_key_is_reported_and_kept():
    release, problems = parse(
        {"decisions": [{"body": "Kreistag", "date": "2016-06-27", "ergebnis": "ja"}]}
    )
    assert codes(problems) == ["bad_release"]
    assert "'ergebnis'" in problems[0].message
    assert release.decisions[0].body == "Kreistag"


def test_a_decision_without_date_is_reported_but_shown():
    release, problems = parse({"decisions": [{"body": "Kreistag", "result": "noted"}]})
    assert codes(problems) == ["bad_release"]
    assert [(d.body, d.date, d.result) for d in release.decisions] == [("Kreistag", "", "noted")]


def test_a_decision_with_a_bad_date_is_reported_but_shown():
    release, problems = parse({"decisions": [{"body": "Kreistag", "date": "27.6.2016"}]})
    assert "bad_release" in codes(problems)
    assert "27.6.2016" in " ".join(p.message for p in problems)
    assert [d.body for d in release.decisions] == ["Kreistag"]


def test_an_empty_decision_is_dropped_with_a_message():
    release, problems = parse({"decisions": [{"kind": "resolution"}]})
    assert codes(problems) == ["bad_release"]
    assert release.decisions == ()


def test_the_release_as_json():
    release, _ = parse(ADOPTED)
    data = release.to_json()
    assert data["decisions"][1] == {
        "body": "Kreistag",
        "date": "2016-06-27",
        "kind": "resolution",
        "result": "adopted unchanged",
        "document": "50/020/2016",
    }
    assert data["decisions"][0]["result"] is None
    assert {k: data[k] for k in ("version", "date", "status", "predecessor")} == {
        "version": "2016",
        "date": "2016-04-11",
        "status": "adopted",
        "predecessor": "2011",
    }
