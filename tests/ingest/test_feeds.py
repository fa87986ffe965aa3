"""RSS/Atom feeds: items with content, items with only links, broken XML."""

from __future__ import annotations

from pathlib import Path

import httpx

from newsgraph.config import Config
from newsgraph.ingest import InputTarget, read_target
from newsgraph.ingest.feeds import READER, read_feed, read_feed_bytes
from newsgraph.model import RawDocument, Rejection

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Valley Gazette</title>
  <updated>2024-03-18T10:00:00Z</updated>
  <entry>
    <title>Tram depot to become a covered market</title>
    <link href="https://gazette.example/tram"/>
    <id>urn:uuid:1</id>
    <updated>2024-03-18T09:30:00+01:00</updated>
    <author><name>Paulo Mendes</name></author>
    <content type="html">&lt;p&gt;{body}&lt;/p&gt;</content>
  </entry>
</feed>
"""


def _items(samples, short_summary: str = "Ferries are running again.") -> bytes:
    return samples.rss(
        samples.rss_item(
            samples.headline, "https://courier.example/ferry", content=samples.item_content
        )
        + samples.rss_item("Tram depot to become market", "https://courier.example/tram",
                           summary=samples.second)
        + samples.rss_item("In pictures: the harbour", "https://courier.example/photos",
                           summary=short_summary)
    )  # fmt: skip


def test_items_with_content_become_html_documents(tmp_path: Path, samples) -> None:
    path = tmp_path / "courier.rss"
    path.write_bytes(_items(samples))
    items = list(read_target(InputTarget(str(path)), Config()))
    ferry, tram, photos = items
    assert isinstance(ferry, RawDocument) and isinstance(tram, RawDocument)
    assert ferry.kind == "html" and ferry.reader == READER == "newsgraph.ingest.feeds.v1"
    assert ferry.url == "https://courier.example/ferry"
    assert ferry.location == f"{path}#item=1" and ferry.source == "courier.rss"
    assert samples.paragraphs[1] in ferry.text.replace("&quot;", '"')
    assert dict(ferry.hints) == {
        "title": samples.headline,
        "published": "2024-03-14T08:20:00+00:00",
        "outlet": "Coastal Courier - Local",
        "byline": "Ines Talbot",
        "language": "en",
    }
    assert tram.location.endswith("#item=2") and samples.second in tram.text  # long summary
    assert isinstance(photos, Rejection) and photos.reason_code == "no_content"
    assert "--follow-links" in photos.detail and "Item 3" in photos.detail
    assert ferry.raw_hash != tram.raw_hash


def test_atom_feed(tmp_path: Path, samples) -> None:
    path = tmp_path / "gazette.atom"
    path.write_text(ATOM.format(body=samples.second))
    (doc,) = read_feed(path, Config())
    assert isinstance(doc, RawDocument) and doc.url == "https://gazette.example/tram"
    assert doc.hints["published"] == "2024-03-18T08:30:00+00:00"
    assert doc.hints["byline"] == "Paulo Mendes" and doc.hints["outlet"] == "Valley Gazette"
    assert samples.second in doc.text


def test_broken_feeds(tmp_path: Path, samples) -> None:
    whole = _items(samples).decode()
    # Cut inside the last item: the XML is broken but two items are complete.
    (tmp_path / "cut.xml").write_text(whole[: whole.index("In pictures")])
    (tmp_path / "junk.rss").write_text('<?xml version="1.0"?><rss><channel><title>x & y</chan')
    (tmp_path / "none.xml").write_bytes(samples.rss(""))
    cut = list(read_target(InputTarget(str(tmp_path / "cut.xml")), Config()))
    assert [type(i).__name__ for i in cut[:2]] == ["RawDocument", "RawDocument"]
    (junk,) = read_target(InputTarget(str(tmp_path / "junk.rss")), Config())
    assert isinstance(junk, Rejection) and junk.reason_code == "malformed_feed"
    (none,) = read_target(InputTarget(str(tmp_path / "none.xml")), Config())
    assert isinstance(none, Rejection) and none.reason_code == "empty"


def test_follow_links_fetches_items_without_content(samples) -> None:
    requested: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        requested.append(str(request.url))
        if request.url.path == "/photos":
            return httpx.Response(200, html=samples.article_html)
        return httpx.Response(404)

    data = samples.rss(
        samples.rss_item("In pictures: the harbour", "https://courier.example/photos")
        + samples.rss_item("Gone", "https://courier.example/gone")
    )
    items = list(
        read_feed_bytes(
            data,
            Config(follow_feed_links=True),
            source="https://courier.example/feed",
            location="https://courier.example/feed",
            transport=httpx.MockTransport(handler),
        )
    )
    photos, gone = items
    assert isinstance(photos, RawDocument) and photos.kind == "html"
    assert photos.url == "https://courier.example/photos"
    assert photos.hints["title"] == "In pictures: the harbour"  # the feed's metadata wins
    assert photos.hints["outlet"] == "Coastal Courier - Local" and "fetched" in photos.hints
    assert isinstance(gone, Rejection) and gone.reason_code == "http_status"
    assert "404" in gone.detail and "Item 2" in gone.detail
    assert requested == ["https://courier.example/photos", "https://courier.example/gone"]


def test_rss_author_email_gives_the_name(samples) -> None:
    item = samples.rss_item("Tram", "https://v.example/t", summary=samples.second).replace(
        "<dc:creator>Ines Talbot</dc:creator>",
        "<author>desk@courier.example (Marc Oyelaran)</author>",
    )
    (doc,) = read_feed_bytes(samples.rss(item), Config(), source="f.xml", location="/f.xml")
    assert isinstance(doc, RawDocument) and doc.hints["byline"] == "Marc Oyelaran"
