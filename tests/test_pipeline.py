"""End to end: the seed corpus through ingest -> clean -> store, as a user would run it."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsgraph import Config, ingest_paths, open_store
from newsgraph.model import Rejection

# Lines of page junk in the seeds that must never reach a stored body.
SEED_JUNK = [
    "Current:Home",
    "Date:2025-04-22",
    "veryGood!",
    "Juan Soto to be introduced",
    "Highlights from Trump",
    "Rylee Arnold",
    "Do you like this article?",
    "Captcha",
    "available without charge to any eligible news publisher",
    "small donation via Paypal",
    "Related Articles",
    "One Comment",
    "I am calling B.S.",
    "Back to top button",
    "By Pishtaz and AFP",
]

# One snippet per real paragraph kind that must survive: datelines, quotes, short paragraphs,
# in-body subheadings, contributor credits, last paragraphs.
SEED_KEEP = [
    "BEIRUT (AP) — A senior Hamas official told The Associated Press",
    "Hamad reiterated those statements.",
    "contributed to this report.",
    "BEIRUT -- Senior officials of terrorist groups Hamas",
    "Suspicions growing",
    "Lebanese Hizbullah also praised Hamas",
    "The Hamas movement has signaled",
    "former Israeli Prime Minister Benjamin Netanyahu",
    "Iran claims Hamas did not give advance notice",
    "did not immediately respond to a request for comment.",
    "BEIRUT — Hezbollah’s Secretary General Hassan Nasrallah hosted",
    "Israel says 14 soldiers and 10 civilians have been killed.",
]


@pytest.fixture()
def seeded(tmp_path: Path, seeds_dir: Path):
    store = open_store(tmp_path / "s.db")
    report = ingest_paths([str(seeds_dir)], store, Config())
    yield store, report
    store.close()


def test_seeds_ingest_five_documents(seeded) -> None:
    store, report = seeded
    assert report.ok, report.rejections
    assert len(report.added) == 5
    assert store.count_documents() == 5


def test_seed_bodies_keep_paragraphs_and_drop_junk(seeded) -> None:
    store, _ = seeded
    bodies = "\n\n".join(doc.body for doc in store.iter_documents())
    for junk in SEED_JUNK:
        assert junk not in bodies, junk
    for keep in SEED_KEEP:
        assert keep in bodies, keep


def test_seed_paragraph_counts_survive(seeded, seed_texts: dict[str, str]) -> None:
    """Every long sentence-like line of a seed (a body paragraph) is in its body, verbatim."""
    store, _ = seeded
    by_source = {doc.source: doc for doc in store.iter_documents()}
    for name, text in seed_texts.items():
        body = by_source[name].body
        for line in text.splitlines():
            line = line.strip()
            # Real paragraphs: long and ending like a sentence; junk lists are short headlines.
            if len(line) > 150 and line[-1] in '.”"' and not any(j in line for j in SEED_JUNK):
                assert line in body, (name, line[:60])


def test_seed_metadata(seeded) -> None:
    store, _ = seeded
    meta = {doc.source[:3]: doc.meta for doc in store.iter_documents()}
    assert meta["000"].title == (
        "Hamas official calls for stronger intervention by regional allies in its war with Israel"
    )
    assert meta["000"].outlet == "FutureFinance"
    assert meta["000"].dateline == "BEIRUT"
    assert meta["000"].wire_sources == ("AP",)
    assert "stated_date_mismatch" in meta["000"].flags
    assert meta["000"].stated_date is not None and meta["000"].stated_date.year == 2025
    assert meta["000"].events_date is not None and meta["000"].events_date.latest.year == 2023
    assert meta["001"].byline == "By Pishtaz and AFP"
    assert meta["001"].wire_sources == ("AFP",)
    assert meta["001"].dateline == "BEIRUT"
    assert "stated_date_mismatch" not in meta["001"].flags
    assert meta["002"].wire_sources == ()
    assert meta["003"].title == "Iran Tells Hamas It Won’t Be Joining War Against Israel"
    assert meta["003"].outlet == "Conservative Daily News"
    assert meta["003"].wire_sources == ("Daily Caller News Foundation",)
    assert meta["004"].title == (
        "Lebanon’s Hezbollah hosts Hamas delegation, fires 60 rockets on Israel"
    )
    assert meta["004"].dateline == "BEIRUT"
    assert all(m.language == "en" for m in meta.values())


def test_reingest_adds_nothing(seeded, seeds_dir: Path) -> None:
    store, _ = seeded
    again = ingest_paths([str(seeds_dir)], store, Config())
    assert again.added == [] and again.new_versions == []
    assert len(again.duplicates) == 5
    assert store.count_documents(all_versions=True) == 5


def test_changed_page_becomes_new_version(tmp_path: Path) -> None:
    page = tmp_path / "story.txt"
    para = (
        "KHARTOUM — Aid convoys reached the eastern districts of the city on Monday after a "
        "week of negotiations between the warring parties, officials from two agencies said."
    )
    page.write_text("Aid convoys reach city\n" + para + "\n" + para.replace("Monday", "Sunday"))
    with open_store(tmp_path / "v.db") as store:
        first = ingest_paths([str(page)], store, Config())
        page.write_text(
            "Aid convoys reach city\n" + para + "\nA third convoy is expected on Thursday, "
            "according to the agencies, which asked for guarantees of safe passage for drivers."
        )
        second = ingest_paths([str(page)], store, Config())
        assert len(first.added) == 1 and len(second.new_versions) == 1
        versions = store.versions(str(page.resolve()))
        assert [v.version for v in versions] == [1, 2]
        assert versions[1].supersedes == versions[0].id
        assert versions[0].body != versions[1].body  # the old body is kept unchanged
        assert store.count_documents() == 1
        assert store.count_documents(all_versions=True) == 2


def test_bad_inputs_are_skipped_with_reasons(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (corpus / "nobody.html").write_text("<html><head><title>x</title></head></html>")
    (corpus / "good.txt").write_text(
        "Flooding closes border crossing\n"
        "AMMAN — Heavy rain flooded the main crossing between the two countries on Tuesday, "
        "stranding hundreds of lorries, the interior ministry said in a statement.\n"
        "Officials said the crossing would reopen once engineers had inspected the road."
    )
    with open_store(tmp_path / "b.db") as store:
        report = ingest_paths([str(corpus)], store, Config(min_body_chars=100))
        reasons = {Path(r.source).name: r.reason_code for r in report.rejections}
        assert reasons == {"empty.txt": "empty", "image.png": "binary", "nobody.html": "no_body"}
        assert len(report.added) == 1
        assert all(isinstance(r, Rejection) for r in store.rejections())
        assert len(store.rejections()) == 3
        # Running again stores nothing twice: no new document, no duplicated rejection.
        ingest_paths([str(corpus)], store, Config(min_body_chars=100))
        assert store.count_documents(all_versions=True) == 1
        assert len(store.rejections()) == 3


KILL_SCRIPT = """
import sys, time
from newsgraph import Config, open_store
from newsgraph.pipeline import Ingestor
store = open_store(sys.argv[1])
ing = Ingestor(store, Config())
orig = ing.ingest_raw
def slow(raw, report):
    orig(raw, report)
    print("stored", flush=True)
    time.sleep(0.3)
ing.ingest_raw = slow
ing.run([sys.argv[2]])
"""


def test_killed_ingest_then_rerun_stores_each_once(tmp_path: Path, seeds_dir: Path) -> None:
    corpus = tmp_path / "c"
    shutil.copytree(seeds_dir, corpus)
    db = tmp_path / "k.db"
    proc = subprocess.Popen(
        [sys.executable, "-c", KILL_SCRIPT, str(db), str(corpus)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert proc.stdout is not None
    deadline = time.monotonic() + 60
    stored = 0
    while stored < 2 and time.monotonic() < deadline:
        if proc.stdout.readline().startswith("stored"):
            stored += 1
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    proc.stdout.close()
    with open_store(db) as store:
        assert 2 <= store.count_documents() < 5
        report = ingest_paths([str(corpus)], store, Config())
        assert store.count_documents(all_versions=True) == 5
        assert len(report.added) + len(report.duplicates) == 5
