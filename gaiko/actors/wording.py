"""Words that change what a name means: "pro-Russian", "Iran-backed", "English-speaking" (no country), and the
last words of organisation names ("... Liberation Front") that the tagger may take for people."""

from __future__ import annotations

from spacy.tokens import Doc

from ..docindex import columns

__all__ = ["HONORIFICS", "ORG_HEADS", "NOT_OF", "pro_anti"]

#: last words of organisation names the tagger may take for people ("The Tigray People's Liberation Front")
ORG_HEADS = frozenset({"front", "party", "movement", "army", "council", "commission", "union", "league", "alliance",
                       "group", "organisation", "organization", "brigade", "brigades", "forces", "committee",
                       "congress", "assembly", "ministry", "agency", "authority", "court", "bank", "institute",
                       "association", "federation", "coalition", "militia", "network", "service", "guard", "corps"})
#: words before a name that are no first name ("Mr Trump", "Sheikh Tamim")
HONORIFICS = frozenset({"sheikh", "mr.", "mrs.", "ms.", "dr.", "sir", "lord", "lady", "madam", "mr", "mrs", "ms", "dr",
                        "dame", "prof", "prof.", "gen.", "gen", "col.", "lt.", "sgt.", "capt.", "rev.", "fr.", "st.",
                        "herr", "frau", "monsieur", "madame", "senor", "señor", "senora", "señora", "comrade"})
#: "Iran-backed", "English-speaking", "US-made": the name before them is not the country of what they describe
NOT_OF = frozenset({"backed", "funded", "sponsored", "allied", "aligned", "supported", "speaking", "born", "style",
                    "made", "built", "designed", "friendly", "leaning", "trained", "brokered", "educated"})


def pro_anti(doc: Doc, i: int, end: int | None = None) -> bool:
    """The name at tokens i..end-1 gives no country to what it describes: "pro-Russian separatists",
    "anti-American protests", "Iran-backed militias", "English-speaking regions"."""
    low = columns(doc).lower
    if i >= 1 and low[i - 1] in ("pro-", "anti-"):
        return True
    if i >= 2 and low[i - 1] == "-" and low[i - 2] in ("pro", "anti"):
        return True
    if end is not None and end + 1 < len(low) and low[end] == "-" and low[end + 1] in NOT_OF:
        return True
    return end is not None and end < len(low) and low[end].lstrip("-") in NOT_OF and low[end].startswith("-")
