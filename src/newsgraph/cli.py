"""The ``newsgraph`` command: parse arguments, call one library function, print the result.

Exit codes: 0 = everything went through (duplicates included), 1 = some inputs were skipped
(each with its reason), 2 = the command itself failed (bad option, unusable database, ...).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from newsgraph.config import DEFAULT_DB, Config
from newsgraph.errors import NewsgraphError
from newsgraph.export import FORMATS, document_to_dict, write_export
from newsgraph.ingest import InputTarget
from newsgraph.model import Document, Entity, Event, IngestReport, record_to_dict
from newsgraph.pipeline import Ingestor
from newsgraph.store import open_store
from newsgraph.store.base import Store

if TYPE_CHECKING:
    from newsgraph.analyse import AnalyseReport

app = typer.Typer(
    name="newsgraph",
    help=(
        "Turn messy news articles into source-attributed intelligence.\n\n"
        "Start with `newsgraph demo`, then `newsgraph ingest PATH|URL...` your own articles, "
        "`newsgraph analyse` them, and explore with `docs`, `show`, `search`, `entities`, "
        "`entity`, `events` and `export`."
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


def _progress(label: str, quiet: bool) -> Progress:
    """A progress bar on stderr, shown only on a terminal (never in pipes, logs or --json)."""
    return Progress(
        TextColumn(f"[bold]{label}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.description}"),
        console=err,
        transient=True,
        disable=quiet or not err.is_terminal,
    )


def _doc_id(store: Store, ref: str | None, db: str) -> str | None:
    """The id of the document ``ref`` names (id, prefix or source), or exit 2 saying so."""
    if not ref:
        return None
    found = store.get_document(ref)
    if found is None:
        err.print(f"[red]error:[/] no document {ref!r}; list them with `newsgraph docs --db {db}`")
        raise typer.Exit(2)
    return found.id


def _run_ingest(ingestor: Ingestor, targets: list[str], quiet: bool) -> IngestReport:
    """Run the ingest with a progress bar over input files/URLs (on stderr)."""
    with _progress("ingest", quiet) as progress:
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


def _run_analyse(store: Store, config: Config, quiet: bool) -> AnalyseReport:
    """Run the analysis with a progress bar over the documents to parse (on stderr)."""
    from newsgraph.analyse import analyse_store

    with _progress("analyse", quiet) as progress:
        task = progress.add_task("loading the NLP model", total=None)

        def parsed(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total, description="parsing")

        report = analyse_store(store, config, on_progress=parsed)
    return report


def _print_analyse(report: AnalyseReport) -> None:
    counts = ", ".join(f"{n} {kind}" for kind, n in report.counts.items())
    out.print(
        f"[green]analysed {report.documents} document(s)[/] ({report.parsed} parsed now): {counts}"
    )
    for rej in report.skipped:
        out.print(f"[yellow]skipped[/] {rej.source}: {rej.detail}", highlight=False)


@app.command()
def analyse(
    db: DbOption = DEFAULT_DB,
    config_file: Annotated[
        Path | None, typer.Option("--config", help="TOML settings file (see `newsgraph config`).")
    ] = None,
    model: Annotated[
        str | None,
        typer.Option(help="spaCy model package or path (default: the `nlp_model` setting)."),
    ] = None,
    n_process: Annotated[
        int | None, typer.Option("--n-process", help="Parser processes (default: setting).")
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    as_json: JsonOption = False,
) -> None:
    """Parse new documents, then resolve entities and code events over the whole store.

    Parses are kept, so a second run only parses documents added since; entities and events
    are recomputed over all documents (a new article can merge two spellings) and replace the
    previous analysis in one transaction.
    """
    overrides: dict[str, object] = {}
    if model:
        overrides["nlp_model"] = model
    if n_process:
        overrides["nlp_n_process"] = n_process
    config = _config(config_file, **overrides)
    with _store(db) as store:
        report = _run_analyse(store, config, quiet or as_json)
    if as_json:
        out.print_json(json.dumps(report.to_dict(), ensure_ascii=False))
    else:
        _print_analyse(report)


def _find_entities(store: Store, ref: str) -> list[Entity]:
    """Entities ``ref`` names: exact id/name/alias first; else the same name under spelling
    normalisation ("al-Aruri" finds Saleh al-Arouri, "Hizballah" finds Hezbollah), matched
    against whole aliases or their last words (a surname)."""
    found = store.match_entities(ref)
    if found:
        return found
    from newsgraph.entities import normalize_name

    key = normalize_name(ref)
    width = len(ref.split())
    if not key:
        return []
    matches = []
    for ent in store.find_entities():
        for alias in (ent.name, *ent.aliases):
            words = alias.split()
            if key in (normalize_name(alias), normalize_name(" ".join(words[-width:]))):
                matches.append(ent)
                break
    return matches


def _need_analysis(store: Store, db: str) -> None:
    if store.last_analysis() is None:
        err.print(
            f"[yellow]nothing analysed yet in {db}:[/] run `newsgraph analyse --db {db}` first"
        )
        raise typer.Exit(1)


@app.command("entities")
def list_entities(
    db: DbOption = DEFAULT_DB,
    entity_type: Annotated[
        str | None,
        typer.Option(
            "--type",
            help="PERSON, ORG, ARMED_GROUP, GOVERNMENT, COUNTRY, PLACE, MEDIA or OTHER.",
        ),
    ] = None,
    doc: Annotated[
        str | None, typer.Option(help="Only entities mentioned in this document (id or prefix).")
    ] = None,
    limit: Annotated[int, typer.Option(help="Most entities shown (0 = all).")] = 50,
    as_json: JsonOption = False,
) -> None:
    """List entities, most mentioned first."""
    with _store(db) as store:
        _need_analysis(store, db)
        entities = store.find_entities(
            type=entity_type, doc=_doc_id(store, doc, db), limit=limit or None
        )
    if as_json:
        out.print_json(json.dumps([record_to_dict(e) for e in entities], ensure_ascii=False))
        return
    table = Table("entity", "type", "mentions", "docs", "aliases", "id")
    for entity in entities:
        docs = {m.doc for m in entity.mentions}
        table.add_row(
            escape(entity.name),
            entity.type,
            str(len(entity.mentions)),
            str(len(docs)),
            escape(", ".join(a for a in entity.aliases if a != entity.name)[:60]),
            entity.id,
        )
    out.print(table)
    out.print(f"{len(entities)} entit{'y' if len(entities) == 1 else 'ies'}")


@app.command()
def entity(
    name: Annotated[str, typer.Argument(help="Entity id, name or any alias seen in the text.")],
    db: DbOption = DEFAULT_DB,
    why: Annotated[
        bool, typer.Option("--why", help="Explain why each surface form was linked to it.")
    ] = False,
    as_json: JsonOption = False,
) -> None:
    """Profile of one entity: aliases, roles, relations, mentions per document."""
    with _store(db) as store:
        _need_analysis(store, db)
        found = _find_entities(store, name)
        if not found:
            err.print(
                f"[red]error:[/] no entity {name!r}; list them with `newsgraph entities --db {db}`"
            )
            raise typer.Exit(2)
        if len(found) > 1:
            err.print(f"[yellow]{name!r} names {len(found)} entities; pick one by id:[/]")
            for e in found:
                err.print(f"  {e.id}  {e.name} ({e.type}, {len(e.mentions)} mentions)")
            raise typer.Exit(1)
        ent = found[0]
        relations = store.relations_of(ent.id)
        decisions = store.merge_decisions(ent.id) if why else []
        names = store.entity_names()
    if as_json:
        data = record_to_dict(ent)
        data["relations"] = [record_to_dict(r) for r in relations]
        if why:
            data["decisions"] = [record_to_dict(d) for d in decisions]
        out.print_json(json.dumps(data, ensure_ascii=False))
        return
    out.print(f"[bold]{escape(ent.name)}[/]  {ent.type}  [dim]{ent.id}[/]")
    if ent.wikidata:
        out.print(f"wikidata: {ent.wikidata}")
    if ent.aliases:
        out.print("aliases: " + escape(", ".join(ent.aliases)), highlight=False)
    if relations:
        out.rule("relations")
        for rel in relations:
            subject, obj = names.get(rel.subject, rel.subject), names.get(rel.object, rel.object)
            qualifier = f" ({rel.qualifier})" if rel.qualifier else ""
            out.print(
                f"{escape(subject)} [bold]{rel.predicate}[/] {escape(obj)}{escape(qualifier)}",
                highlight=False,
            )
            for ev in rel.evidence[:2]:
                out.print(f"   [dim]{ev.doc[:9]} {ev.start}-{ev.end}: {escape(ev.text)}[/]")
    out.rule(f"mentions ({len(ent.mentions)})")
    per_doc: dict[str, list[str]] = {}
    for ev in ent.mentions:
        per_doc.setdefault(ev.doc, []).append(ev.text)
    for doc_id, texts in per_doc.items():
        shown = ", ".join(dict.fromkeys(texts))
        out.print(f"{doc_id[:9]}  {len(texts)} × {escape(shown)}", highlight=False)
    if why:
        out.rule("why")
        seen: set[tuple[str, str]] = set()
        for decision in decisions:
            if (decision.surface, decision.rule) in seen:
                continue
            seen.add((decision.surface, decision.rule))
            out.print(
                f"[bold]{escape(decision.surface)}[/] [cyan]{decision.rule}[/]: "
                f"{escape(decision.detail)} [dim]({decision.doc[:9]})[/]",
                highlight=False,
            )


@app.command("events")
def list_events(
    db: DbOption = DEFAULT_DB,
    actor: Annotated[
        str | None, typer.Option(help="Only events with this actor (id, name or alias).")
    ] = None,
    event_type: Annotated[
        str | None, typer.Option("--type", help="PLOVER type, e.g. ASSAULT, CONSULT, THREATEN.")
    ] = None,
    since: Annotated[
        str | None, typer.Option(help="Only events on or after this date (YYYY-MM-DD).")
    ] = None,
    doc: Annotated[str | None, typer.Option(help="Only events of this document.")] = None,
    as_json: JsonOption = False,
) -> None:
    """List coded events (PLOVER): who did what to whom, where and when, with evidence."""
    try:
        since_date = date.fromisoformat(since) if since else None
    except ValueError:
        err.print(f"[red]error:[/] --since {since!r} is not a date; write it as YYYY-MM-DD")
        raise typer.Exit(2) from None
    with _store(db) as store:
        _need_analysis(store, db)
        actor_id = None
        if actor:
            found = _find_entities(store, actor)
            if len(found) != 1:
                what = "no entity" if not found else f"{len(found)} entities match"
                err.print(f"[red]error:[/] {what} {actor!r}; see `newsgraph entities --db {db}`")
                raise typer.Exit(2)
            actor_id = found[0].id
        events = store.find_events(
            actor=actor_id, type=event_type, since=since_date, doc=_doc_id(store, doc, db)
        )
        names = store.entity_names()
    if as_json:
        out.print_json(json.dumps([record_to_dict(e) for e in events], ensure_ascii=False))
        return
    for ev in events:
        out.print(_event_line(ev, names), highlight=False)
        for span in ev.evidence[:1]:
            out.print(f"     [dim]{span.doc[:9]} {span.start}-{span.end}: {escape(span.text)}[/]")
    out.print(f"{len(events)} event(s)")


def _event_line(ev: Event, names: dict[str, str]) -> str:
    """One line: date, TYPE/mode, source -> target, place, flags."""

    def who(ids: tuple[str, ...]) -> str:
        return " + ".join(names.get(i, i) for i in ids) or "?"

    kind = ev.type + (f"/{ev.mode}" if ev.mode else "")
    parts = [
        f"[bold]{ev.date.isoformat() if ev.date else '----------'}[/]",
        f"[cyan]{kind}[/]",
        escape(f"{who(ev.source)} → {who(ev.target)}"),
    ]
    if ev.subtype:
        parts.append(escape(f"({ev.subtype})"))
    if ev.location:
        parts.append(escape(f"in {names.get(ev.location, ev.location)}"))
    flags = [f for f, on in (("negated", ev.negated), ("hypothetical", ev.hypothetical)) if on]
    if ev.attributed_to:
        flags.append(f"per {names.get(ev.attributed_to, ev.attributed_to)}")
    if flags:
        parts.append(f"[yellow]{escape(', '.join(flags))}[/]")
    return "  ".join(parts)


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
        out.rule("analysis: entities and events")
        analysed = _run_analyse(store, Config(), quiet)
        _print_analyse(analysed)
        top = store.find_entities(limit=8)
        names = store.entity_names()
        events = store.find_events()
    if top:
        out.print(
            "most mentioned: " + ", ".join(f"{escape(e.name)} ({len(e.mentions)})" for e in top),
            highlight=False,
        )
    for ev in events[:8]:
        out.print(_event_line(ev, names), highlight=False)
    first = docs[0].id[:9] if docs else "ID"
    out.print(f"{total} document(s) stored in {db}. Next, try:")
    for command in (
        f"newsgraph show {first} --db {db} --junk",
        f"newsgraph search 'hezbollah OR hizbullah' --db {db}",
        f"newsgraph entities --db {db} --type ARMED_GROUP",
        f"newsgraph entity Hezbollah --db {db} --why",
        f"newsgraph events --db {db} --type ASSAULT",
        f"newsgraph export --db {db} --format json -o newsgraph.json",
    ):
        out.print(f"  {command}", highlight=False, markup=False)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
