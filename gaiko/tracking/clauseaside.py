"""What in a report's clause is aside from its own deed (used by :mod:`gaiko.tracking.clause`): a word of a name, a set
phrase, a past participle modifying a noun, a background clause, a contrary word that is a place or names people, a
rule begun applying.

Split from :mod:`gaiko.tracking.clause` in round p28 (docs/rounds/pledges.md, Round p28), which added the contrary-act helpers
(:func:`contrary_modifier`, :func:`begins_to_apply`) and the background clause with a noun subject. Positions are token
indices into ``toks`` (:func:`gaiko.tracking.text.tokenize`); ``text`` is the report sentence the tokens' character
offsets point into.
"""

from __future__ import annotations

import re

from ..tables import word_sets
from .lexicon import Lexicon
from .text import Tok

__all__ = ["aside_cue", "held_detained", "subject_modifier", "contrary_modifier", "begins_to_apply", "measure_acts", "SWITCH", "HOLD", "STILL"]

#: cue words that after "in" make an adverb, not a deed: "15 days in advance" (no progress), "in effect" (practically)
_SET_PHRASE_NOUNS = frozenset({"advance", "effect"})
#: a subordinate clause with a pronoun of its own as subject, up to a cue ("after he completed his sentence")
_SUBORDINATE = re.compile(r"\b(?:after|before|when|while|since|because|until|once)\s+(?:he|she|they|it|we)\s+"
                          r"(?:had |has |have |was |were |is |are )?$", re.I)
#: the same with a noun subject ("five months after the first vote was annulled", "since the row began") or a relative
#: clause of whose ("migrants whose asylum bids were rejected"): the cue tells a background event (round p28)
_SUBORDINATE_NOUN = re.compile(r"\b(?:(?:after|before|since|because|once)\s+(?:the|a|an|its|their|his|her)|whose)"
                               r"(?:\s+[\w'-]+){1,3}\s+(?:(?:had|has|have) been |was |were |had |has )?$", re.I)


#: word lists: ``gaiko/data/pledges/participles.yaml`` (read once, on first use)
_WORDS = "pledges/participles.yaml"


def _w(key: str) -> frozenset[str]:
    """A word list of ``pledges/participles.yaml`` as a set: ``not_a_noun``, ``linking``, ``office_heads``,
    ``np_openers``."""
    return word_sets(_WORDS)[key]


def subject_modifier(text: str, toks: list[Tok], k: int) -> bool:
    """Whether token k is a modifier inside a speaker's noun phrase (round n44): right before a head of
    ``office_heads`` ("finance" in "the Swiss finance ministry", "Switzerland's finance minister", "trade" in "Japan's
    trade minister", "aid agency", "energy regulator") and opening the phrase, after a determiner, a possessive, a
    capitalised name or adjective, or at the sentence's start. Such a word is never the act ("would hold off on the
    payment" is no payment because the speaker is the finance ministry). A verb before such a noun keeps its reading
    ("Iran will release officials detained in March", "will cut agency budgets")."""
    if k + 1 >= len(toks) or toks[k + 1].text not in _w("office_heads"):
        return False
    if k == 0:
        return True
    prev = toks[k - 1]
    between, word = text[prev.end:toks[k].start], text[prev.start:prev.end]
    return prev.text in _w("np_openers") or "'" in between or "\u2019" in between or word[:1].isupper()


def _noun_modifier(text: str, toks: list[Tok], lo: int, i: int) -> bool:
    """Whether the one-word past participle at ``i`` modifies the noun before it (a reduced relative clause) and
    reports no deed of its own: "every contract signed by its predecessor". It needs a lower-case word before it that
    is no auxiliary, pronoun or adverb, and "by" (the passive's agent) right after it ("the contract was signed by
    both", "the ministers signed on Monday" are deeds). Round p26 also tried a participle before "in", "at", ... with
    a finite verb later ("the trucks held in Belarus have been allowed"): it moved other readings on fresh-e, not kept."""
    if i <= lo or i + 1 >= len(toks) or not toks[i].text.lower().endswith(("ed", "held", "sent", "paid", "made", "signed")):
        return False
    prev = toks[i - 1].text
    if not prev.isalpha() or not prev.islower() or prev in _w("not_a_noun") or prev.endswith("ly"):
        return False
    return toks[i + 1].text.lower() == "by"


#: after a participle, what makes it a noun's modifier when the participle is a contrary act ("the prisoners held in
#: X", "migrants expelled by Y"): the agent or a place (round p28: for contrary acts only; p26 found the place variant
#: too loose for the promised act itself)
_MODIFIER_NEXT = frozenset({"by", "in", "at", "inside"})


#: "hold" as detention; "held up" is a delay (the stall cue "hold up"), not a detention (round p28)
HOLD = frozenset({"hold", "holds", "held", "holding"})
#: words before a contrary participle that make it a state going on ("remains closed", "stayed shut", "still blocked"):
#: the pledged act not done yet, a stall like the cues "remain closed", "remain shut" (round p28), not a new contrary act
STILL = frozenset({"remain", "remains", "remained", "stay", "stays", "stayed", "still"})


#: acts that change a rule or a state (concepts.yaml): done when the new rule starts to apply, not when it is finished
#: (a tariff imposed, a ban lifted, exports resumed); round p28. Not a pledge to stop: "ships began sailing again" is
#: what it stopped going on, read by the stop rule of clause.read_clause (it made one tuned pair a reversal)
SWITCH = frozenset({"a:impose", "a:remove", "a:resume", "a:reduce", "a:increase", "a:ban", "a:allow"})
_BEGIN = frozenset({"began", "begun", "begins", "started", "starts"})


def begins_to_apply(toks: list[Tok], i: int, j: int, hi: int, lex: Lexicon) -> bool:
    """Whether the cue [i, j) is "began" or "started" followed by a gerund ("began paying", "started flowing"): for a
    pledge that switches a rule, the rule reported applying. "began talks", "began work on" (a noun), "began to
    draft" and a verb of getting ready (relations.yaml ``preparatory``: "began preparing") stay progress; so does a
    pledge to build, deliver or free a number (not a switch)."""
    if not (j - i == 1 and toks[i].text in _BEGIN and j < hi and toks[j].text.endswith("ing") and len(toks[j].text) > 4):
        return False
    return toks[j].text not in lex.preparatory  # "began preparing": progress


def contrary_modifier(text: str, toks: list[Tok], lo: int, i: int) -> bool:
    """Whether the contrary act at ``i`` is a past participle modifying the noun before it: "the prisoners held in
    Peruvian jails went home", "migrants expelled by Washington landed": it names who they are, not a deed done now
    (the release or the intake may be what the sentence reports)."""
    if i <= lo or i + 1 >= len(toks) or not toks[i].text.endswith(("ed", "held", "kept", "taken")):
        return False
    prev = toks[i - 1].text
    if not prev.isalpha() or not text[toks[i - 1].start:toks[i - 1].start + 1].islower() or prev in _w("not_a_noun") \
            or prev in _w("linking") or prev.endswith("ly"):
        return False
    return toks[i + 1].text in _MODIFIER_NEXT


def aside_cue(text: str, toks: list[Tok], lo: int, i: int, rel: str | None = None) -> bool:
    """Whether the cue at token ``i`` says nothing of the report's own act: it is a word of a name, capitalised inside
    the sentence ("the International Committee of the Red Cross" is no committee stage), or the verb of a subordinate
    clause about someone else ("released a lorry driver after he completed his sentence": nothing promised is
    completed). A background clause with a noun subject ("after the first vote was annulled", "whose bids were
    rejected") counts only for a cue of ``rel`` reverses or progresses: "after the cut took effect" is the deed."""
    t = toks[i]
    if i > 0 and text[t.start:t.start + 1].isupper() and text[toks[i - 1].start:toks[i - 1].start + 1].isupper():
        return True
    if i > 0 and toks[i - 1].text == "in" and t.text in _SET_PHRASE_NOUNS:  # "notify 15 days in advance", "in effect"
        return True
    if _noun_modifier(text, toks, lo, i):  # "every contract signed by its predecessor": a noun's modifier
        return True
    if held_detained(text, toks, lo, i):  # "the soldiers held in Eritrea": a detention, no talks held (round t47)
        return True
    before = text[toks[lo].start:t.start]
    if _SUBORDINATE.search(before):
        return True
    # with a noun subject, only a reversal or a step is background: "after the cut took effect" is the deed itself
    return rel in ("reverses", "progresses") and bool(_SUBORDINATE_NOUN.search(before))


def held_detained(text: str, toks: list[Tok], lo: int, i: int) -> bool:
    """Whether "held" at ``i`` modifies the noun before it as a detention or a place (round t47): "Djiboutian soldiers
    held in Eritrea", "the lorries held at the border", "sailors held captive since May" name who or what is held; the
    cue "hold" of ``relations.yaml`` (talks or elections held, a truce that held) reads no deed there. The noun before is
    a lower-case word that is no auxiliary or pronoun (``not_a_noun``, ``linking``) nor a thing itself held (an occasion
    of ``shared_words.yaml``'s ``held_events`` or ``held_occasions``, a truce noun): "the talks held in Doha", "the
    vote was held in May", "the truce held in most areas" keep their reading. The next word is one of ``held_next``."""
    if i <= lo or i + 1 >= len(toks) or toks[i].text != "held":
        return False
    prev = toks[i - 1].text
    if not prev.isalpha() or not text[toks[i - 1].start:toks[i - 1].start + 1].islower() or prev in _w("not_a_noun") \
            or prev in _w("linking") or prev.endswith("ly"):
        return False
    if prev in word_sets("pledges/shared_words.yaml")["held_events"] or prev in _w("held_occasions") \
            or prev in word_sets("pledges/truce_nouns.yaml")["truce_nouns"]:
        return False
    return toks[i + 1].text in _w("held_next")


def planned_other_act(acts: frozenset[str], text: str, toks: list[Tok], j: int, hi: int, lex: Lexicon) -> str | None:
    """The verb of a plan a withdrawal names right after its cue when the plan is itself to drop something and that is
    not the pledge's act ("has dropped its plan to cancel the pilot agreement" for a pledge to sell lithium: what is
    dropped is a cancellation; round p43), else None. A plan to do the pledge's own act, or to do anything that is not
    a dropping ("shelved its plan to lift the tariff to 50%" for a pledge to raise it), gives None."""
    from .text import analyse

    _toks, found, spans = analyse(text)
    for k in range(max(j - 1, 0), min(hi, j + 4) - 1):  # the cue may end with the plan noun ("dropped its plan")
        if not any(lem in lex.plan_nouns for lem, _t in lex.lemmas(toks[k].text)) or toks[k + 1].text != "to":
            continue
        if k + 2 >= hi:
            return None
        verb = {h.concept for h in found if h.i == k + 2 and h.concept.startswith("a:")}
        dropping = any(sp[0] == k + 2 and sp[2] == "withdraws" for sp in spans)
        return toks[k + 2].text if dropping and verb and not verb & acts else None
    return None

#: words between a measure and its verb that make the verb passive or the measure no subject of it
_BE = frozenset({"is", "are", "was", "were", "be", "been", "being", "'s", "has", "have", "had", "to", "and", "or", "that",
                 "which", "of", "on", "against", "no", "not", "n't"})
#: a word that opens a noun phrase: the verb has an object of its own
_OPENS_NP = frozenset({"the", "a", "an", "its", "their", "his", "her", "all", "some", "any", "assets", "funds", "accounts",
                       "property", "bank"})


def measure_acts(toks: list[Tok], i: int, j: int, object_ends: list[int], hi: int) -> bool:
    """Whether a cue verb [i, j) ("freeze", "block") has the pledge's object as its subject and an object of its own:
    the measure itself acting ("the sanctions freeze the assets of six officials", "the new tariffs block imports of
    ..."), i.e. in force, not the pledge dropped (round p44; "the sanctions were frozen", "froze the sanctions" are
    still a withdrawal). ``object_ends``: the end token of each object hit of the clause."""
    if j >= hi or toks[j].text not in _OPENS_NP and not toks[j].text[:1].isdigit():
        return False
    for end in object_ends:
        if end <= i and i - end <= 1 and not {t.text for t in toks[end:i]} & _BE:
            return True
    return False
