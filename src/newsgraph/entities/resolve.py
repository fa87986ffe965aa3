"""The entity stage: documents + parses -> entities, mentions, relations and merge decisions.

Per document: ``find_mentions`` -> ``link_document`` -> ``extract_relations``. Across
documents, knowledge-base entities meet by id; names the KB does not know are merged only
with evidence:

``normalized_name``   the same normalized full name: two or more words for people ("Mohammed
                      Nasr" in two articles), any name for organisations and places
``shared_context``    the same one-word person name, or the same consonant skeleton of a full
                      name ("Mohammed Nasr" / "Muhammad Nasr"), plus at least two co-mentioned
                      entities in common; a shared first name or surname alone never merges
``new_entity``        otherwise each stays its own entity (ids get "~2", "~3" ... in input order)
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from newsgraph.entities.kb import KnowledgeBase
from newsgraph.entities.link import Linked, link_document
from newsgraph.entities.mentions import find_mentions
from newsgraph.entities.roles import RawRelation, extract_relations
from newsgraph.errors import InputError
from newsgraph.model import (
    Document,
    Entity,
    Evidence,
    Mention,
    MergeDecision,
    ParsedDocument,
    Relation,
)

__all__ = ["PRODUCER", "EntityResult", "resolve_entities"]

PRODUCER = "newsgraph.entities.v1"
_MIN_SHARED_CONTEXT = 2


@dataclass(slots=True)
class EntityResult:
    """Everything the entity stage found in a set of documents, in a deterministic order."""

    entities: list[Entity] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    decisions: list[MergeDecision] = field(default_factory=list)


@dataclass(slots=True)
class _Local:
    """A "new:" entity of one document, before cross-document merging."""

    doc_index: int
    ref: str
    type: str
    key: str
    surfaces: list[str]
    context: frozenset[str]  # KB ids co-mentioned in the document


@dataclass(slots=True)
class _Cluster:
    type: str
    key: str
    members: list[_Local]
    context: set[str]

    def final_type(self) -> str:
        """The members' most frequent type (PERSON wins a tie with ORG)."""
        counts: dict[str, int] = defaultdict(int)
        for member in self.members:
            counts[member.type] += len(member.surfaces)
        return max(counts, key=lambda t: (counts[t], t == "PERSON"))


def _skeleton(key: str) -> str:
    return re.sub(r"[aeiouy]", "", key)


def _words(local: _Local) -> int:
    return max(len(s.split()) for s in local.surfaces)


def _merge_new(
    locals_: list[_Local], docs: list[Document]
) -> tuple[dict[tuple[int, str], str], list[MergeDecision]]:
    """Final ids of the "new:" refs of every document, and the cross-document decisions."""
    clusters: list[_Cluster] = []
    decisions: list[MergeDecision] = []
    for local in locals_:
        full_person = local.type != "PERSON" or _words(local) >= 2
        target: _Cluster | None = None
        rule = detail = ""
        for cluster in clusters:
            if cluster.type != local.type and not (
                {cluster.type, local.type} == {"PERSON", "ORG"} and _words(local) >= 2
            ):
                # The small model tags some full names of people as ORG: a full name of two
                # or more words may join across that split, nothing else crosses types.
                continue
            shared = cluster.context & local.context
            if cluster.key == local.key and full_person:
                target, rule = cluster, "normalized_name"
                detail = f"same normalized name {local.surfaces[0]!r} as in an earlier document"
                break
            same_variant = cluster.key == local.key or (
                local.type == "PERSON"
                and full_person
                and _skeleton(cluster.key) == _skeleton(local.key)
            )
            if same_variant and len(shared) >= _MIN_SHARED_CONTEXT:
                target, rule = cluster, "shared_context"
                detail = (
                    f"{local.surfaces[0]!r} is a variant of a name in an earlier document and "
                    f"both documents mention {', '.join(sorted(shared)[:4])}"
                )
                break
        if target is None:
            clusters.append(_Cluster(local.type, local.key, [local], set(local.context)))
            continue
        target.members.append(local)
        target.context |= local.context
        decisions.append(
            MergeDecision("", local.surfaces[0], docs[local.doc_index].id, rule, detail)
        )
    ids: dict[tuple[int, str], str] = {}
    used: dict[str, int] = defaultdict(int)
    final_of_cluster: dict[int, str] = {}
    for n, cluster in enumerate(clusters):
        base = f"ent:{cluster.final_type()}:{cluster.key}"
        used[base] += 1
        final = base if used[base] == 1 else f"{base}~{used[base]}"
        final_of_cluster[n] = final
        for member in cluster.members:
            ids[(member.doc_index, member.ref)] = final
    # Fill the entity id of the cross-document decisions now that ids are known.
    out = [
        MergeDecision(
            next(
                ids[(m.doc_index, m.ref)]
                for c in clusters
                for m in c.members
                if m.surfaces[0] == d.surface and docs[m.doc_index].id == d.doc
            ),
            d.surface,
            d.doc,
            d.rule,
            d.detail,
        )
        for d in decisions
    ]
    return ids, out


def _check_pair(doc: Document, parsed: ParsedDocument) -> None:
    if parsed.doc != doc.id:
        raise InputError(
            "parse_mismatch",
            f"the parse is of document {parsed.doc!r}, not {doc.id!r}; pass each Document "
            "with its own ParsedDocument",
            source=doc.source,
            stage="entities",
        )
    if parsed.tokens and parsed.tokens[-1].end > len(doc.body):
        raise InputError(
            "parse_mismatch",
            f"the parse of {doc.id!r} has offsets beyond the body; parse the stored body again",
            source=doc.source,
            stage="entities",
        )


def resolve_entities(
    items: Sequence[tuple[Document, ParsedDocument]], kb: KnowledgeBase | None = None
) -> EntityResult:
    """One canonical entity per real-world actor or place across ``items``.

    ``kb`` defaults to ``KnowledgeBase.load()``. Raises ``InputError`` (reason
    ``parse_mismatch``) when a ParsedDocument does not belong to its Document.
    """
    kb = kb or KnowledgeBase.load()
    docs: list[Document] = []
    per_doc: list[tuple[list[Linked], list[RawRelation]]] = []
    locals_: list[_Local] = []
    for index, (doc, parsed) in enumerate(items):
        _check_pair(doc, parsed)
        cands = find_mentions(doc, parsed, kb)
        linked = link_document(doc, parsed, cands, kb)
        relations, extra = extract_relations(doc, parsed, linked, cands, kb)
        linked = sorted([*linked, *extra], key=lambda lk: (lk.cand.start, lk.cand.end))
        docs.append(doc)
        per_doc.append((linked, relations))
        context = frozenset(lk.ref for lk in linked if not lk.ref.startswith("new:"))
        grouped: dict[str, list[str]] = {}
        for lk in linked:
            if lk.ref.startswith("new:"):
                grouped.setdefault(lk.ref, []).append(lk.surface)
        for ref, surfaces in grouped.items():
            _new, entity_type, key = ref.split(":", 2)
            locals_.append(_Local(index, ref, entity_type, key, surfaces, context))
    new_ids, cross_decisions = _merge_new(locals_, docs)
    return _assemble(docs, per_doc, new_ids, cross_decisions, kb)


def _assemble(
    docs: list[Document],
    per_doc: list[tuple[list[Linked], list[RawRelation]]],
    new_ids: dict[tuple[int, str], str],
    cross_decisions: list[MergeDecision],
    kb: KnowledgeBase,
) -> EntityResult:
    result = EntityResult()
    surfaces: dict[str, list[str]] = defaultdict(list)
    evidence: dict[str, list[Evidence]] = defaultdict(list)
    types: dict[str, str] = {}
    rel_evidence: dict[tuple[str, str, str, str | None], list[Evidence]] = defaultdict(list)
    for index, (doc, (linked, relations)) in enumerate(zip(docs, per_doc, strict=True)):

        def final(ref: str, index: int = index) -> str:
            return new_ids.get((index, ref), ref)

        for lk in linked:
            entity_id = final(lk.ref)
            ev = doc.evidence(lk.cand.start, lk.cand.end)
            types.setdefault(
                entity_id, entity_id.split(":")[1] if entity_id.startswith("ent:") else lk.type
            )
            evidence[entity_id].append(ev)
            if lk.rule != "descriptive" and lk.surface not in surfaces[entity_id]:
                surfaces[entity_id].append(lk.surface)
            result.mentions.append(Mention(entity_id, ev, lk.label))
            result.decisions.append(
                MergeDecision(entity_id, lk.surface, doc.id, lk.rule, lk.detail)
            )
        for rel in relations:
            key = (final(rel.subject), rel.predicate, final(rel.object), rel.qualifier)
            ev = doc.evidence(rel.start, rel.end)
            if ev not in rel_evidence[key]:
                rel_evidence[key].append(ev)
    result.decisions.extend(cross_decisions)
    for (subject, predicate, obj, qualifier), evs in sorted(
        rel_evidence.items(), key=lambda kv: (kv[0][0], kv[0][1], kv[0][2], kv[0][3] or "")
    ):
        for entity_id in (subject, obj):
            if entity_id not in types:  # an object known only from the KB
                entry = kb.get(entity_id)
                types[entity_id] = entry.type if entry else "OTHER"
        result.relations.append(
            Relation(subject, predicate, obj, qualifier, tuple(evs), producer=PRODUCER)
        )
    roles: dict[str, list[str]] = defaultdict(list)
    for rel in result.relations:
        role = f"{rel.predicate}:{rel.object}"
        if role not in roles[rel.subject]:
            roles[rel.subject].append(role)
    for entity_id in sorted(types):
        entry = kb.get(entity_id)
        names = surfaces.get(entity_id, [])
        name = (
            entry.name
            if entry
            else max(names, key=lambda s: (len(s.split()), len(s)), default=entity_id)
        )
        result.entities.append(
            Entity(
                id=entity_id,
                name=name,
                type=entry.type if entry else types[entity_id],
                aliases=tuple(names),
                kb_id=entry.id if entry else None,
                wikidata=entry.wikidata if entry else None,
                roles=tuple(sorted(roles.get(entity_id, []))),
                mentions=tuple(evidence.get(entity_id, [])),
                producer=PRODUCER,
            )
        )
    return result
