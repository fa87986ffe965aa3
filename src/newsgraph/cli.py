"""The ``newsgraph`` command: parse arguments, call one library function, print the result.

Exit codes: 0 = everything went through (duplicates included), 1 = some inputs were skipped
(each with its reason), 2 = the command itself failed (bad option, unusable database, ...).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from newsgraph.config import DEFAULT_DB, Config
from newsgraph.errors import NewsgraphError
from newsgraph.export import FORMATS, document_to_dict, write_export
from newsgraph.ingest import InputTarget
from newsgraph.model import Document, IngestReport
from newsgraph.pipeline import Ingestor
from newsgraph.store import open_store
from newsgraph.store.base import Store

app = typer.Typer(
    name="newsgraph",
    help=(
        "Turn messy news articles into source-attributed intelligence.\n\n"
        "Start with `newsgraph demo`, then `newsgraph ingest PATH|URL...` your own articles and "
        "explore them with `docs`, `show`, `search` and `export`."
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)
out = Console()
err = Console(stderr=True)

DbOption = Annotated[
    str,
    typer.Option("--db", envvar="NEWSGRAPH_DB", help="SQLite database file (created if missing)."),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print machine-readable JSON.")]


@contextmanager
def _store(db: str) -> Iterator[Store]:
    """Open the store, turning newsgraph errors into a message and exit code 2."""
    try:
        store = open_store(db)
    except NewsgraphError as exc:
        err.print(f"[red]error:[/] {exc}")
        raise typer.Exit(2) from exc
    try:
        yield store
    except NewsgraphError as exc:
        err.print(f"[red]error:[/] {exc}")
        raise typer.Exit(2) from exc
    finally:
        store.close()


def _config(config_file: Path | None, **overrides: object) -> Config:
    try:
        base = Config.from_toml(config_file) if config_file else Config()
        return base.with_overrides(**overrides)
    except NewsgraphError as exc:
        err.print(f"[red]error:[/] {exc}")
        raise typer.Exit(2) from exc


def _run_ingest(ingestor: Ingestor, targets: list[str], quiet: bool) -> IngestReport:
    """Run the ingest with a progress bar over input files/URLs (on stderr)."""
    with Progress(
        TextColumn("[bold]ingest"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.description}"),
        console=err,
        transient=True,
        disable=quiet or not err.is_terminal,
    ) as progress:
        task = progress.add_task("", total=None)

        def planned(total: int) -> None:
            progress.update(task, total=total)

        def done(target: InputTarget, report: IngestReport) -> None:
            name = Path(target.location).name if not target.is_url else target.location
            progress.update(task, advance=1, description=name[-50:])

        return ingestor.run(targets, on_target=done, on_plan=planned)


def _print_report(report: IngestReport) -> None:
    out.print(
        f"[green]ingested {len(report.added)}[/], new versions {len(report.new_versions)}, "
        f"duplicates {len(report.duplicates)}, "
        f"[{'yellow' if report.rejections else 'green'}]skipped {len(report.rejections)}[/]"
    )
    if report.rejections:
        table = Table("skipped", "stage", "reason", "detail", show_lines=False)
        for rej in report.rejections:
            table.add_row(rej.source, rej.stage, rej.reason_code, rej.detail)
        out.print(table)


@app.command()
def ingest(
    targets: Annotated[
        list[str], typer.Argument(help="Files, folders (read recursively) or http(s) URLs.")
    ],
    db: DbOption = DEFAULT_DB,
    follow_links: Annotated[
        bool, typer.Option("--follow-links", help="Fetch the pages of feed items without text.")
    ] = False,
    max_bytes: Annotated[
        int | None, typer.Option(help="Skip inputs larger than this many bytes.")
    ] = None,
    config_file: Annotated[
        Path | None, typer.Option("--config", help="TOML file of settings (see `config`).")
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    as_json: JsonOption = False,
) -> None:
    """Read articles (text, HTML, JSONL, WARC, RSS/Atom, URLs), clean them and store them.

    Ingest is idempotent: the same content twice adds nothing; a changed page at the same URL
    or path becomes a new version. Exit code 1 when any input was skipped.
    """
    config = _config(config_file, follow_feed_links=follow_links or None, max_bytes=max_bytes)
    with _store(db) as store:
        report = _run_ingest(Ingestor(store, config), targets, quiet or as_json)
    if as_json:
        out.print_json(json.dumps(report.to_dict()))
    else:
        _print_report(report)
    raise typer.Exit(0 if report.ok else 1)


def _print_docs(docs: list[Document]) -> None:
    """Three lines per document: id + headline, metadata, provenance (fits any width)."""
    for doc in docs:
        meta = doc.meta
        facts = [
            meta.outlet or "outlet unknown",
            meta.published.isoformat()[:10] if meta.published else "no date",
        ]
        if meta.dateline:
            facts.append(f"dateline {meta.dateline}")
        if meta.byline:
            facts.append(meta.byline)
        if meta.wire_sources:
            facts.append("wire: " + ", ".join(meta.wire_sources))
        if meta.flags:
            facts.append("[yellow]flags: " + ", ".join(meta.flags) + "[/]")
        out.print(f"[bold cyan]{doc.id[:9]}[/]  [bold]{escape(meta.title or '(no title)')}[/]")
        out.print("           " + " · ".join(facts), highlight=False)
        version = f" · version {doc.version}" if doc.version > 1 else ""
        out.print(
            f"[dim]           {escape(doc.location.rsplit('/', 1)[-1])} · {len(doc.body):,} chars"
            f" · {len(doc.removed)} line(s) removed{version}[/]",
            highlight=False,
        )


@app.command("docs")
def list_docs(
    db: DbOption = DEFAULT_DB,
    all_versions: Annotated[
        bool, typer.Option("--all-versions", help="Include superseded versions.")
    ] = False,
    as_json: JsonOption = False,
) -> None:
    """List stored documents (latest version of each page)."""
    with _store(db) as store:
        docs = list(store.iter_documents(all_versions=all_versions))
    if as_json:
        rows = [
            {k: v for k, v in document_to_dict(d).items() if k not in ("body", "removed")}
            for d in docs
        ]
        out.print_json(json.dumps(rows, ensure_ascii=False))
        return
    _print_docs(docs)
    out.print(f"{len(docs)} document(s) in {db}")


@app.command()
def show(
    doc: Annotated[str, typer.Argument(help="Document id, unique id prefix, or source name.")],
    db: DbOption = DEFAULT_DB,
    junk: Annotated[bool, typer.Option("--junk", help="Also list the removed lines.")] = False,
    as_json: JsonOption = False,
) -> None:
    """Show one document: metadata, clean body and (with --junk) what the cleaner removed."""
    with _store(db) as store:
        found = store.get_document(doc)
    if found is None:
        err.print(f"[red]error:[/] no document {doc!r}; list them with `newsgraph docs --db {db}`")
        raise typer.Exit(2)
    data = document_to_dict(found)
    if as_json:
        out.print_json(json.dumps(data, ensure_ascii=False))
        return
    meta = Table(show_header=False, box=None)
    for key in (
        "id", "source", "url", "title", "outlet", "byline", "dateline", "published",
        "stated_date", "events_date", "wire_sources", "language", "flags", "version",
    ):  # fmt: skip
        value = data.get(key)
        if value not in (None, [], ""):
            meta.add_row(
                f"[bold]{key}[/]",
                json.dumps(value, ensure_ascii=False)
                if isinstance(value, (list, dict))
                else str(value),
            )
    out.print(meta)
    out.rule("body")
    out.print(found.body, markup=False, highlight=False)
    if junk:
        out.rule(f"removed ({len(found.removed)})")
        for block in found.removed:
            out.print(f"[dim]{block.reason:>18}[/]  {block.text[:110]}", highlight=False)


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Full-text query (SQLite FTS5 syntax).")],
    db: DbOption = DEFAULT_DB,
    limit: Annotated[int, typer.Option(help="Most hits shown.")] = 20,
    as_json: JsonOption = False,
) -> None:
    """Full-text search over titles and bodies."""
    with _store(db) as store:
        hits = store.search(query, limit=limit)
    if as_json:
        out.print_json(
            json.dumps([h.__dict__ if hasattr(h, "__dict__") else h._asdict() for h in hits])
        )
        return
    for hit in hits:
        out.print(f"[bold]{hit.doc}[/] {hit.title or ''}  [dim]({hit.score:.2f})[/]")
        out.print(f"    {hit.snippet}", highlight=False)
    out.print(f"{len(hits)} hit(s)")


@app.command()
def export(
    db: DbOption = DEFAULT_DB,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help=f"One of: {', '.join(FORMATS)}.")
    ] = "json",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File to write (default: stdout).")
    ] = None,
) -> None:
    """Export everything in the store (contract: docs/export.md)."""
    if fmt not in FORMATS:
        err.print(f"[red]error:[/] unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
        raise typer.Exit(2)
    with _store(db) as store:
        if output is None:
            count = write_export(store, fmt, sys.stdout)
        else:
            newline = "" if fmt == "csv" else None
            with output.open("w", encoding="utf-8", newline=newline) as fh:
                count = write_export(store, fmt, fh)
            err.print(f"wrote {count} record(s) to {output}")


@app.command()
def rejections(db: DbOption = DEFAULT_DB, as_json: JsonOption = False) -> None:
    """List every input that was skipped, with its reason."""
    with _store(db) as store:
        rows = store.rejections()
    if as_json:
        out.print_json(json.dumps([r.to_dict() for r in rows]))
        return
    table = Table("source", "stage", "reason", "detail")
    for rej in rows:
        table.add_row(rej.source, rej.stage, rej.reason_code, rej.detail)
    out.print(table)


@app.command("config")
def show_config() -> None:
    """List every setting with its default (set them in a TOML file passed with --config)."""
    table = Table("setting", "default", "meaning")
    for name, default, help_text in Config.describe():
        table.add_row(name, repr(default), help_text)
    out.print(table)


def samples_dir() -> Path:
    """The sample articles shipped with newsgraph (fictional, written for the demo)."""
    return Path(str(resources.files("newsgraph") / "samples"))


@app.command()
def demo(
    db: DbOption = DEFAULT_DB,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Run the whole pipeline on the sample articles shipped with newsgraph and show the result.

    The samples are fictional articles written for newsgraph, with real-world page junk, rival
    spellings, conflicting figures and a few deliberately bad inputs.
    """
    source = samples_dir()
    out.print(f"newsgraph demo: ingesting the sample articles in {source}")
    with _store(db) as store:
        # Every sample file but the folder's README, which describes them.
        targets = [str(p) for p in sorted(source.iterdir()) if p.name != "README.md"]
        report = _run_ingest(Ingestor(store, Config()), targets, quiet)
        _print_report(report)
        docs = list(store.iter_documents())
        _print_docs(docs)
        total = store.count_documents()
    first = docs[0].id[:9] if docs else "ID"
    out.print(f"{total} document(s) stored in {db}. Next, try:")
    for command in (
        f"newsgraph show {first} --db {db} --junk",
        f"newsgraph search 'hezbollah OR hizbullah' --db {db}",
        f"newsgraph export --db {db} --format json -o newsgraph.json",
    ):
        out.print(f"  {command}", highlight=False, markup=False)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
