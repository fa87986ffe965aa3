"""Flags of an event predicate: negated, hypothetical, blocked, and who it is attributed to.

All rules read the dependency parse around the predicate (a verb, or the light verb that
governs an event noun); the word lists are the ``hypo``, ``negate``, ``block`` and ``speech``
rows of the lexicon.

negated       a ``neg`` child ("did not give", "won't be joining", "never"), the determiner
              "no" of an event noun ("made no apologies"), or a negating governor
              ("denied attacking", "failed to")
hypothetical  a modal or future auxiliary (would, could, might, may, should, will), a
              conditional clause ("if ..."), a governor that looks ahead ("threatened to X",
              "plans to", "urged X to", "is likely to"), an adjective on an event noun
              ("an anticipated ground offensive"); looked for on the predicate and on the chain
              of open complements and coordinations above it
blocked       the predicate is the complement of "refused/declined to": only the refusal is
              coded (REJECT)
attributed_to the speaker of the reporting verb whose complement holds the event ("Reuters
              reported", "Hamad said", "according to officials")
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from newsgraph.events.actors import DocParse
from newsgraph.events.lexicon import Lexicon

__all__ = ["Flags", "block_governor", "flags_of", "speech_governor"]

# Dependencies through which a governor's mood reaches its complement.
_OPEN: Final = frozenset({"xcomp", "conj", "acomp"})
_COMPLEMENT: Final = frozenset(
    {"xcomp", "ccomp", "pcomp", "pobj", "prep", "dobj", "relcl", "acl", "advcl"}
)
_CLAUSE: Final = frozenset({"ccomp", "advcl", "xcomp", "conj", "relcl", "acl", "pcomp", "dep"})


@dataclass(frozen=True, slots=True)
class Flags:
    negated: bool = False
    hypothetical: bool = False


def _own_negated(dp: DocParse, i: int, lexicon: Lexicon) -> bool:
    for c in dp.children[i]:
        tok = dp.tokens[c]
        if tok.dep == "neg":
            return True
        if tok.dep == "det" and dp.lemma(c) == "no":
            return True
        if tok.dep in ("aux", "auxpass") and any(dp.tokens[g].dep == "neg" for g in dp.children[c]):
            return True
    return False


def _own_hypothetical(dp: DocParse, i: int, lexicon: Lexicon) -> bool:
    hypo = lexicon.words("hypo")
    for c in dp.children[i]:
        tok = dp.tokens[c]
        lemma = dp.lemma(c)
        if tok.dep in ("aux", "auxpass") and (lemma in hypo or tok.tag == "MD"):
            return True
        if tok.dep in ("aux", "auxpass") and any(dp.tokens[g].tag == "MD" for g in dp.children[c]):
            return True  # "would not get involved": the modal hangs on "get"
        if tok.dep == "mark" and lemma in ("if", "unless"):
            return True
        if tok.dep in ("amod", "compound") and lemma in hypo:
            return True
        if tok.dep in ("amod",) and dp.text(c).lower() in hypo:
            return True
    return False


def flags_of(dp: DocParse, predicate: int, lexicon: Lexicon, noun: int | None = None) -> Flags:
    """Negation and mood of the event whose predicate is ``predicate`` (and event noun ``noun``)."""
    negate_words = lexicon.words("negate")
    hypo = lexicon.words("hypo")
    negated = _own_negated(dp, predicate, lexicon)
    hypothetical = _own_hypothetical(dp, predicate, lexicon)
    if noun is not None and noun != predicate:
        negated = negated or _own_negated(dp, noun, lexicon)
        hypothetical = hypothetical or _own_hypothetical(dp, noun, lexicon)
        # "is preparing an offensive", "plans a strike": the light verb looks ahead
        hypothetical = hypothetical or dp.lemma(predicate) in hypo
    i = predicate
    steps = 0
    while steps < 6:
        steps += 1
        tok = dp.tokens[i]
        head = tok.head
        if head == i:
            break
        head_lemma = dp.lemma(head)
        if tok.dep in ("xcomp", "ccomp", "pcomp", "pobj") and head_lemma in negate_words:
            negated = True
        if tok.dep in ("xcomp", "acomp", "pobj", "pcomp", "ccomp") and head_lemma in hypo:
            # "threatened to X", "plans to", "likely to", "would only ... if": X has not happened.
            if tok.dep != "ccomp" or head_lemma not in ("warn", "agree"):
                hypothetical = True
        if tok.dep == "advcl" and any(
            dp.tokens[c].dep == "mark" and dp.lemma(c) in ("if", "unless") for c in dp.children[i]
        ):
            hypothetical = True
        if tok.dep not in _OPEN and not (tok.dep == "pcomp" or tok.dep == "prep"):
            break
        i = head
        if tok.dep in ("xcomp", "conj"):
            # A conjoined or controlled verb shares its governor's auxiliaries ("would pursue
            # ... and push"): a modal or negation there counts for it.
            if tok.dep == "conj":
                hypothetical = hypothetical or _own_hypothetical(dp, i, lexicon)
            else:
                hypothetical = hypothetical or _own_hypothetical(dp, i, lexicon)
                negated = negated or _own_negated(dp, i, lexicon)
    return Flags(negated=negated, hypothetical=hypothetical)


def block_governor(dp: DocParse, predicate: int, lexicon: Lexicon) -> bool:
    """Whether the predicate is what a refusal, threat, request or accusation is about.

    "refused to X", "threatened to X", "urged Y to X", "accused Y of X-ing", "demanded a
    ceasefire": only the speech act is coded (the dev-set guidelines 5 and 6).
    """
    blocking = lexicon.words("block")
    i = predicate
    for _ in range(4):
        tok = dp.tokens[i]
        if tok.head == i or tok.dep not in _COMPLEMENT:
            return False
        if dp.lemma(tok.head) in blocking and dp.tokens[tok.head].pos in ("VERB", "AUX"):
            return True
        i = tok.head
    return False


def speech_governor(dp: DocParse, predicate: int, lexicon: Lexicon) -> int | None:
    """The reporting verb whose complement holds the predicate, or the "according to" token.

    Returns the token of the speech verb (its subject is the speaker) or of "according"; None
    when the event is stated by the article itself.
    """
    speech = lexicon.words("speech")
    i = predicate
    for _ in range(8):
        for c in dp.children[i]:
            if dp.text(c).lower() == "according" and dp.tokens[c].dep == "prep":
                return c
        tok = dp.tokens[i]
        head = tok.head
        if head == i:
            return None
        if tok.dep in ("ccomp", "parataxis", "xcomp") and dp.lemma(head) in speech:
            if dp.tokens[head].pos in ("VERB", "AUX"):
                return head
        if tok.dep not in _CLAUSE and tok.dep not in ("prep", "pobj", "nsubj", "nsubjpass", "dobj"):
            return None
        i = head
    return None
