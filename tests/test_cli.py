"""The command line as a user meets it: exit codes, summaries, every command."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app

runner = CliRunner()


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> str:
    db = str(tmp_path_factory.mktemp("cli") / "s.db")
    result = runner.invoke(app, ["ingest", str(seeds_dir), "--db", db])
    assert result.exit_code == 0, result.output
    assert "ingested 5" in result.output and "skipped 0" in result.output
    return db


def test_export_json_contract(seed_db: str) -> None:
    result = runner.invoke(app, ["export", "--db", seed_db, "--format", "json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert set(data) >= {
        "schema_version", "documents", "entities", "relations", "events", "claims",
        "conflicts", "stories", "duplicates",
    }  # fmt: skip
    assert len(data["documents"]) == 5
    for doc in data["documents"]:
        for key in (
            "id", "source", "title", "outlet", "byline", "dateline", "published",
            "stated_date", "wire_sources", "language", "body", "flags",
        ):  # fmt: skip
            assert key in doc
    first = next(d for d in data["documents"] if d["source"].startswith("000"))
    assert "stated_date_mismatch" in first["flags"]
    assert first["stated_date"].startswith("2025-04-22")


def test_export_jsonl_and_csv(seed_db: str, tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", "--db", seed_db, "--format", "jsonl"])
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert lines[0]["record_type"] == "header"
    assert sum(1 for r in lines if r["record_type"] == "document") == 5
    out = tmp_path / "docs.csv"
    result = runner.invoke(app, ["export", "--db", seed_db, "--format", "csv", "-o", str(out)])
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert len(rows) == 5 and all(r["body"] for r in rows)


def test_docs_show_search(seed_db: str) -> None:
    listed = runner.invoke(app, ["docs", "--db", seed_db, "--json"])
    docs = json.loads(listed.stdout)
    assert len(docs) == 5
    target = next(d for d in docs if d["source"].startswith("001"))
    shown = runner.invoke(app, ["show", target["id"][:6], "--db", seed_db, "--junk"])
    assert shown.exit_code == 0
    assert "Nasrallah" in shown.stdout and "Captcha" in shown.stdout  # junk listed separately
    by_name = runner.invoke(app, ["show", target["source"], "--db", seed_db, "--json"])
    assert json.loads(by_name.stdout)["id"] == target["id"]
    found = runner.invoke(app, ["search", "Nakhaleh", "--db", seed_db, "--json"])
    hits = json.loads(found.stdout)
    assert {h["doc"] for h in hits} >= {target["id"]}
    missing = runner.invoke(app, ["show", "nonexistent-doc", "--db", seed_db])
    assert missing.exit_code == 2


def test_ingest_exit_code_reports_skips(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    result = runner.invoke(
        app, ["ingest", str(tmp_path / "empty.txt"), "--db", str(tmp_path / "e.db")]
    )
    assert result.exit_code == 1
    assert "empty" in result.output
    rej = runner.invoke(app, ["rejections", "--db", str(tmp_path / "e.db"), "--json"])
    assert json.loads(rej.stdout)[0]["reason_code"] == "empty"


def test_unusable_database_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "not_a_db.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    result = runner.invoke(app, ["docs", "--db", str(bad)])
    assert result.exit_code == 2
    assert "error" in result.output


def test_demo_runs_on_shipped_samples(tmp_path: Path) -> None:
    db = str(tmp_path / "demo.db")
    result = runner.invoke(app, ["demo", "--db", db])
    assert result.exit_code == 0, result.output
    assert "ingested" in result.output
    listed = json.loads(runner.invoke(app, ["docs", "--db", db, "--json"]).stdout)
    assert len(listed) >= 6
    again = runner.invoke(app, ["demo", "--db", db])
    assert "ingested 0" in again.output


def test_help_lists_every_command() -> None:
    result = runner.invoke(app, ["--help"])
    for command in (
        "ingest", "docs", "show", "search", "export", "rejections", "config", "demo",
        "analyse", "entities", "entity", "events",
    ):  # fmt: skip
        assert command in result.stdout


# -- analysis commands ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def analysed_db(seed_db: str, tmp_path_factory: pytest.TempPathFactory) -> str:
    db = str(tmp_path_factory.mktemp("cli-analysed") / "a.db")
    Path(db).write_bytes(Path(seed_db).read_bytes())
    result = runner.invoke(app, ["analyse", "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["documents"] == 5 and report["parsed"] == 5
    assert report["entities"] > 20 and report["events"] > 0
    return db


def test_entities_before_analyse_says_what_to_do(seed_db: str) -> None:
    result = runner.invoke(app, ["entities", "--db", seed_db])
    assert result.exit_code == 1
    assert "newsgraph analyse" in " ".join(result.output.split())


def test_analyse_again_parses_nothing_and_duplicates_nothing(analysed_db: str) -> None:
    before = json.loads(runner.invoke(app, ["export", "--db", analysed_db]).stdout)
    result = runner.invoke(app, ["analyse", "--db", analysed_db, "--json"])
    assert json.loads(result.stdout)["parsed"] == 0
    after = json.loads(runner.invoke(app, ["export", "--db", analysed_db]).stdout)
    for key in ("entities", "relations", "events"):
        assert after[key] == before[key], key


def test_entities_filters_by_type_and_document(analysed_db: str) -> None:
    groups = json.loads(
        runner.invoke(
            app, ["entities", "--db", analysed_db, "--type", "ARMED_GROUP", "--json"]
        ).stdout
    )
    assert {e["type"] for e in groups} == {"ARMED_GROUP"}
    hez = next(e for e in groups if e["id"] == "ng:hezbollah")
    assert {"Hezbollah", "Hizbullah"} <= set(hez["aliases"])
    docs = json.loads(runner.invoke(app, ["docs", "--db", analysed_db, "--json"]).stdout)
    first = docs[0]["id"]
    in_doc = json.loads(
        runner.invoke(app, ["entities", "--db", analysed_db, "--doc", first[:8], "--json"]).stdout
    )
    assert in_doc and all(any(m["doc"] == first for m in e["mentions"]) for e in in_doc)
    table = runner.invoke(app, ["entities", "--db", analysed_db])
    assert table.exit_code == 0 and "Hezbollah" in table.stdout


def test_entity_profile_explains_its_links(analysed_db: str) -> None:
    result = runner.invoke(app, ["entity", "Hizbullah", "--db", analysed_db, "--why"])
    assert result.exit_code == 0, result.output
    assert "Hezbollah" in result.stdout and "leader_of" in result.stdout
    assert "why" in result.stdout and "Hizbullah" in result.stdout
    data = json.loads(
        runner.invoke(app, ["entity", "al-Aruri", "--db", analysed_db, "--why", "--json"]).stdout
    )
    assert data["type"] == "PERSON" and {"Saleh al-Arouri", "Saleh al-Aruri"} <= set(
        data["aliases"]
    )
    assert data["decisions"] and all(d["rule"] for d in data["decisions"])
    missing = runner.invoke(app, ["entity", "Nobody Atall", "--db", analysed_db])
    assert missing.exit_code == 2 and "newsgraph entities" in " ".join(missing.output.split())


def test_events_filters(analysed_db: str) -> None:
    every = json.loads(runner.invoke(app, ["events", "--db", analysed_db, "--json"]).stdout)
    assert every and all(e["evidence"] for e in every)
    assaults = json.loads(
        runner.invoke(app, ["events", "--db", analysed_db, "--type", "ASSAULT", "--json"]).stdout
    )
    assert assaults and {e["type"] for e in assaults} == {"ASSAULT"}
    by_hez = json.loads(
        runner.invoke(app, ["events", "--db", analysed_db, "--actor", "Hizbullah", "--json"]).stdout
    )
    assert by_hez and all("ng:hezbollah" in e["source"] + e["target"] for e in by_hez)
    late = json.loads(
        runner.invoke(
            app, ["events", "--db", analysed_db, "--since", "2023-10-01", "--json"]
        ).stdout
    )
    assert all(e["date"] >= "2023-10-01" for e in late)
    bad = runner.invoke(app, ["events", "--db", analysed_db, "--since", "last week"])
    assert bad.exit_code == 2 and "YYYY-MM-DD" in " ".join(bad.output.split())
    text = runner.invoke(app, ["events", "--db", analysed_db])
    assert text.exit_code == 0 and "event(s)" in text.stdout
