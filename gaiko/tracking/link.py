"""Link: mentions of one pledge into one entry, and later sentences to the entries they may be about.

**Mentions -> pledges** (:func:`group_mentions`). Mentions in different *buckets* (the actor's side, and for a
demand the party asked) are never one pledge. Within a bucket, a mention joins an earlier pledge when they
promise the same act on overlapping objects (concept keys: "cut the levy" and "lower the duty on rice" are
one pledge; "cut the rice tariff" and "cut the steel tariff" are two, as rice and steel are different goods; "cut
the rice tariff" and "buy corn" are two, as the acts differ).
Two acts of one sentence are never merged ("buy 2 Mt this year and 5 Mt a year from 2026"), and a
restatement with a quantity joins the pledge with that quantity.

**Sentences -> pledges** (:func:`candidates`). A sentence is retrieved for a pledge when, published between
the pledge's first mention and its horizon, it shares one of the pledge's topic keys (its object in meaning)
and either names the pledge's doer (sides the coder resolved, countries it names), or opens with the other party
or a country the pledge's object names ("Washington welcomed the lower duty"; "the lower duty on American rice came
into force"), or names no side at all in an article whose context is one of those (a report need not name the
actor: "the lower duty came into force"; a side the resolver placed only by a place the sentence names, none of the
pledge's sides, counts as none: :mod:`gaiko.tracking.guessed`, round t63). A sentence that opens with a country the
pledge does not concern, quoting no one, is not read ("China bought record volumes of Brazilian soybeans" for a
Japanese pledge); nor is one that misses a counterpart of a meeting pledge. A pledge whose actor the coder could not
place is linked by meaning alone, with two shared keys. :mod:`gaiko.tracking.decide` then reads who does what in
the sentence, and what it says.
"""

from __future__ import annotations

import re
from functools import lru_cache
from collections.abc import Iterable, Sequence
from typing import Any

from .actstages import other_stage
from .destined import elsewhere, other_destination
from .otheract import other_act
from .owed import debt_needs, paid_rows
from .lexicon import Lexicon, lexicon
from .narrower import added, narrower, other_party
from .normalise import _VAGUE_ACTS, COUNTERPART_ACTS, Frame, money_kin, month_of, prepare, side_of
from .namedobject import min_other, name_sides, thing_names
from .people import named_back
from .planrevised import plan_revised, same_thing
from .completedact import completes_pledged
from .restated import Told, told_of
from .sideinfo import SENTENCE_INFO, SIDES, no_side_sql, sides_table
from ..tables import word_sets
from .tables import KEYS, registered
from .talksoff import TALK_ACTS, talks_off_key

__all__ = ["bucket", "group_mentions", "candidates", "details", "sides_table", "SIDES"]


def bucket(mention: dict[str, Any]) -> str:
    """Mentions in different buckets are never one pledge: the actor's side, and for a demand the party asked."""
    actor = side_of(mention.get("actor")) or "?"
    if mention.get("kind") == "demand":
        return f"{actor}|demand:{side_of(mention.get('target')) or '?'}"
    return actor


#: the act shared by pledges whose verb puts one's own measure off for a time (``pause_verbs``), in signatures only
_PAUSE = "~pause"
#: a condition that puts the act off rather than refusing it ("until the audit is finished")
_LATER = re.compile(r"\s*(until|till|before)\b", re.I)


def _signature(m: dict[str, Any]) -> tuple[frozenset[str], frozenset[str], tuple[str, int], str | None, bool]:
    q = m.get("quantity") or {}
    qkey = f"{q.get('unit')}={q.get('value')}" if q.get("unit") else None
    narrow = frozenset(m.get("_narrow") or m["_topic"]) or frozenset(m["_topic"])
    # "will not release ..." (extraction writes "not " + act) refrains; "will not release ... until the audit is
    # finished" (a condition "until"/"till"/"before") still promises the act, later
    refrain = (m.get("action") or "").lower().startswith("not ") and not _LATER.match(str(m.get("conditions") or ""))
    acts = frozenset(m["_acts"])
    if (m.get("action") or "").split(" ")[0].lower() in word_sets("pledges/clause_words.yaml")["pause_verbs"]:
        acts |= {_PAUSE}  # "pause the tariffs for 90 days" and "delay its planned tariffs": one act (round t43, b39 F5)
    return narrow, acts, (m["article_id"], m["sentence_index"]), qkey, refrain


def _goods(keys: frozenset[str], lex: Lexicon) -> set[str]:
    return {k for k in keys if k in lex.category}


def _restates(a: tuple[Any, ...], b: tuple[Any, ...], lex: Lexicon) -> bool:
    """Same pledge (within one bucket): not the same sentence; the same polarity (a pledge to refrain restates no
    pledge to act, round l20); no rival objects of one category; the objects overlap, by a third with the same act,
    else by 0.6."""
    sa, sb = a[0], b[0]
    if not sa or not sb or a[2] == b[2]:
        return False
    if a[4] != b[4]:
        return False  # "will not release the funds" does not restate "will release the funds": it refuses it
    ga, gb = _goods(sa, lex), _goods(sb, lex)
    if ga and gb and not ga & gb:
        return False
    if a[1] and b[1] and not a[1] & b[1]:
        return False  # "cut the rice tariff" and "buy corn" are two pledges, whatever their objects share
    overlap = len(sa & sb) / min(len(sa), len(sb))
    same_act = bool(a[1] & b[1])
    return (same_act and overlap >= 0.34) or overlap >= 0.6


def group_mentions(mentions: list[dict[str, Any]], lex: Lexicon | None = None, groups: list[list[dict[str, Any]]]
                   | None = None, fell: list[str] | None = None) -> list[list[dict[str, Any]]]:
    """Merge mentions of one bucket (oldest first) into pledges: each joins the first earlier pledge one of whose
    mentions it restates (the one with its quantity, when several do); first among those sharing a topic key with it,
    then (none fitting) by passes reading every pledge. ``groups``, in the order they were made, are pledges grouped
    earlier (mentions prepared), extended in place. ``fell`` collects the ids of the mentions that reached those."""
    lex = lex or lexicon()
    groups = [] if groups is None else groups
    by_key: dict[str, set[int]] = {}
    sigs: list[set[tuple[Any, ...]]] = []  # restatements alike compare once
    summaries: list[Told] = []  # what :func:`gaiko.tracking.restated.restated_elsewhere` reads of each group, made on need
    for gi, g in enumerate(groups):
        sigs.append({_signature(x) for x in g})
        for x in g:
            for t in x["_topic"]:
                by_key.setdefault(t, set()).add(gi)
    for m in mentions:
        if "_topic" not in m:
            prepare(m, lex)
        sig = _signature(m)
        near = sorted(set().union(*(by_key.get(t, ()) for t in m["_topic"]))) if m["_topic"] else []
        fits = [i for i in near if any(_restates(x, sig, lex) for x in sigs[i])
                and not any(x[2] == sig[2] for x in sigs[i]) and not narrower(m, groups[i])
                and not added(m, groups[i]) and not other_party(m, groups[i]) and not other_stage(m, groups[i], lex)
                and not other_act(m, groups[i])  # "would put the guards on trial by mid-October" (round t41)
                and not other_destination(m, groups[i], lex)]  # sent elsewhere: "station gendarmes in Gambia" (t53)
        if not fits and plan_revised(m):  # "would hold the summit in the spring, later than first planned" (t34)
            fits = [i for i in near if any(same_thing(x, sig) for x in sigs[i]) and not narrower(m, groups[i])
                    and not other_party(m, groups[i]) and not other_stage(m, groups[i], lex)
                    and not other_destination(m, groups[i], lex)]
        if not fits and fell is not None:
            fell.append(m["id"])
        if not fits:  # "the four men would be freed" after "will release four detained Britons" (round t38)
            fits = [i for i, g in enumerate(groups) if named_back(m, g)]
        if not fits:  # told again elsewhere in other words: "would sanction Philippine officials" (round x24, b47 F7)
            told = told_of(m, lex)  # (round L55: what it reads of the mention once, of each group kept as it grows)
            summaries.extend(Told.of(g, lex) for g in groups[len(summaries):])
            fits = [i for i, g in enumerate(groups) if summaries[i].restates(told) and not other_party(m, g)
                    and not other_destination(m, g, lex)]
        if not fits:  # "the handover of the 12 fishermen is to be completed" after "hand over the 12 ..." (round t57)
            fits = [i for i, g in enumerate(groups) if completes_pledged(m, g, lex)]
        same_q = [i for i in fits if sig[3] and any(x[3] == sig[3] for x in sigs[i])]
        found = (same_q or fits or [None])[0]
        if found is None:
            gi = len(groups)
            groups.append([m])
            sigs.append(set())
        else:
            gi = found
            groups[gi].append(m)
            if gi < len(summaries):
                summaries[gi].add(m)
        sigs[gi].add(sig)
        for t in m["_topic"]:
            by_key.setdefault(t, set()).add(gi)
    return groups


@lru_cache(maxsize=1)
def _late() -> tuple[int, int]:
    """(days after the horizon a late report is still read, object keys it must share): ``pledges/late_reports.yaml``."""
    from ..tables import data_path, load_yaml

    d = load_yaml(data_path("pledges/late_reports.yaml"))
    return int(d["late_days"]), int(d["late_min_shared"])


def _kin_needs(f: Frame) -> tuple[frozenset[str], list[str]]:
    """(the money kin keys a pledge of money is retrieved by, the other keys of its object one of which a sentence must
    share beside them): "Austrian aid for Moldova's rail network" for "give 300 million euros to rebuild Moldova's rail
    network", not "Austrian aid for flood victims" (round t50). No other key: the kin keys are weak."""
    if "o:money" not in f.heads:
        return frozenset(), []
    kin = (money_kin() & f.topic) - f.heads
    if not kin:
        return frozenset(), []
    return kin, sorted(k for k in f.objects - f.heads - kin - {"o:money"} if not k.startswith(("a:", "@", "^")))


def _from_deadline(f: Frame) -> bool:
    """Whether the pledge's horizon runs from its deadline (its end on or after the last mention), not from the last
    mention: such a pledge had its term, and a report a year after it is no late deed (round t48: 4 deciding reports
    against 3 look-alikes there)."""
    import datetime as dt

    if not f.deadline_end or not f.until:
        return False
    last = dt.date.fromisoformat(f.until[:10]) - dt.timedelta(days=lexicon().horizon_days)
    return f.deadline_end[:10] >= last.isoformat()


def _days_after(day: str | None, n: int) -> str | None:
    import datetime as dt

    return (dt.date.fromisoformat(day[:10]) + dt.timedelta(days=n)).isoformat() if day else None


def candidates(con: Any, frames: Sequence[Frame], as_of: str, *, new_only: bool = False,
               keys: str = KEYS) -> dict[int, list[dict[str, Any]]]:
    """Sentences that may be evidence for each pledge frame (see the module doc), keyed by position in ``frames``,
    each list in (published, article, sentence) order, as dicts: article_id, idx, shared (topic keys shared), text,
    published, sides (named in the sentence), context (its article's context sides). Only the new articles'
    sentences with ``new_only``. :func:`sides_table` must have been built from ``keys``."""
    gs, ks, strong, months, act, name, needs, only, kins, pn = [], [], [], [], [], [], [], [], [], []
    top = month_of(as_of) or 0
    late_days, late_shared = _late()
    lates = [None if _from_deadline(f) else _days_after(f.until, late_days) for f in frames]
    for g, f in enumerate(frames):
        lo, hi = month_of(f.first_published), month_of(lates[g])
        span = range(lo, min(hi if hi is not None else top, top) + 1) if lo is not None else [None]
        # the pledge's act, read where the article names its object elsewhere ("the reduction fell short")
        back = sorted(f.acts - _VAGUE_ACTS - f.topic) if f.objects else []
        named = sorted(f.doer_keys - f.topic - set(back))  # an unplaced doer's name: names it, shares nothing
        # talks or a visit called off, in a sentence naming the other party (round t36)
        off = [talks_off_key(f.other)] if f.acts & TALK_ACTS and f.other and not f.other.startswith("?:") else []
        modifies = dict(f.name_needs)  # a name of what the object's noun is: strong beside that noun (round t49)
        kin, aux = _kin_needs(f)  # aid, spending, investment for a sum: strong beside another word of its object (t50)
        modifies.update(dict.fromkeys(kin, aux))
        debt, daux = debt_needs(f)  # the debt for a sum owed: beside another word of its object or a paying act (t53)
        modifies.update(dict.fromkeys(debt, daux))
        kin, aux = kin | debt, [*aux, *(x for x in daux if x not in aux and x not in back)]
        own_names = thing_names(f) & f.topic  # the object's own names (round t61)
        for k in [*f.topic, *back, *named, *off, *(x for x in aux if x not in f.topic), *(debt - f.topic)]:
            for mo in span:  # the pledge's term, month by month: the join reads only its months' sentences
                gs.append(g)
                ks.append(k)
                # a concept, the object's own head word or a proper name of the object (round t48)
                strong.append(k not in named and k not in aux
                              and (":" in k or k in f.heads or not f.heads or k in f.names))
                needs.append(sorted(modifies[k]) if k in modifies and (k not in f.heads or k in debt)
                             and (":" not in k or k in kin) else None)
                months.append(mo)
                act.append(k in back and k not in f.topic)
                name.append(k in named)
                only.append(k in aux and k not in f.topic)
                kins.append(k in kin)
                pn.append(k in own_names)
    if not gs:
        return {}
    # only keys some ``needs`` list names are read in a sentence's keys (round L55: the list of every key shared, for
    # every (pledge, sentence) pair, was a third of the query's grouping; the test reads the same keys)
    needed = set().union(*(x for x in needs if x))
    nk = [k in needed for k in ks]
    scope = " AND st.article_id IN (SELECT article_id FROM _gaiko_new)" if new_only else ""
    meta: dict[str, list[Any]] = {
        "g": list(range(len(frames))), "start": [f.first_published or None for f in frames],
        "until": [f.until for f in frames], "late": lates, "doer": [f"@{f.doer.split('/')[0]}" if f.doer else None for f in frames],
        "related": [sorted({f"@{x.split('/')[0]}" for x in f.related}) for f in frames],
        "other": [f"@{f.other.split('/')[0]}" if f.other else None for f in frames],
        "parts": [sorted(f"@{x}" for x in f.participants) for f in frames],
        "made": [sorted(f.made_arts) for f in frames],
        "sym": [bool(f.acts & COUNTERPART_ACTS) for f in frames],  # "Trump met Takaichi": either may open the sentence
        "onames": [name_sides(f) for f in frames]}  # the object's names the coder took for unplaced actors (t61)
    out: dict[int, list[dict[str, Any]]] = {}
    # none, or only guessed sides none of which is the pledge's (round t63); the object's own name (round t61) still
    # asks for none at all: a sentence placed at the pledge's site by its host, in an article about the host alone
    no_side = no_side_sql()
    with registered(con, "_gaiko_topics", {"g": gs, "k": ks, "strong": strong, "mo": months, "act": act, "nm": name,
                                                 "needs": needs, "aux": only, "kn": kins, "pn": pn, "nk": nk}), \
            registered(con, "_gaiko_gmeta", meta):
        # sentence filters first (its date, its sides and its article's context: :data:`SENTENCE_INFO`), the
        # sentence's text only for the rows kept
        cur = con.execute(
            # a key with ``needs`` is strong only beside one of them among the sentence's keys shared: read per
            # sentence from the group's keys (round L53: a window over every row did it, a third of an update)
            f"""WITH r AS (
                SELECT t.g, t.k, t.act, t.nm, t.aux, t.kn, t.pn, t.nk, st.article_id, st.idx, t.strong,
                       CAST(t.needs AS VARCHAR[]) AS needs
                FROM _gaiko_topics t JOIN {keys} st ON st.key = t.k AND st.month IS NOT DISTINCT FROM t.mo{scope}
                WHERE st.idx >= 0),
            a AS (
                SELECT t.g, t.article_id, t.idx, count(*) FILTER (WHERE NOT t.act AND NOT t.nm AND NOT t.aux AND NOT t.kn)
                           + CAST(bool_or(t.kn) AND NOT bool_or(t.k = 'o:money') AS INTEGER) AS shared,
                       bool_or(t.strong AND t.needs IS NULL AND NOT t.act) AS top0, bool_or(t.strong AND t.needs IS NULL) AS any0,
                       list(t.needs) FILTER (WHERE t.strong AND t.needs IS NOT NULL AND NOT t.act) AS topn,
                       list(t.needs) FILTER (WHERE t.strong AND t.needs IS NOT NULL) AS anyn,
                       coalesce(list(t.k) FILTER (WHERE t.nk), []) AS ks,
                       bool_or(t.act) AS acted, bool_or(t.nm) AS named,
                       bool_or(t.pn) AND count(*) FILTER (WHERE NOT (t.act OR t.nm OR t.aux OR t.kn OR t.pn))
                           >= {min_other()} AS pname
                FROM r t GROUP BY t.g, t.article_id, t.idx),
            j AS (
                SELECT a.g, a.article_id, a.idx, a.shared,
                       a.top0 OR coalesce(len(list_filter(a.topn, lambda x: list_has_any(x, a.ks))) > 0, false) AS topical,
                       a.acted, a.named, a.pname
                FROM a WHERE a.any0 OR coalesce(len(list_filter(a.anyn, lambda x: list_has_any(x, a.ks))) > 0, false)),
            c AS (
                SELECT j.g, j.article_id, j.idx, j.shared, j.named, j.pname, NULL::BIGINT AS ante FROM j WHERE j.topical
                UNION ALL
                SELECT j.g, j.article_id, j.idx, j.shared, j.named, j.pname, max(t.idx) AS ante
                FROM j JOIN j t ON t.g = j.g AND t.article_id = j.article_id AND t.topical
                                   AND t.idx < j.idx AND t.idx >= j.idx - 3
                WHERE NOT j.topical AND j.acted GROUP BY ALL),
            kept AS (
                SELECT c.g, c.article_id, c.idx, c.shared, c.ante, i.pub, i.sides, i.ctx, i.guessed
                FROM c JOIN _gaiko_gmeta m ON m.g = c.g
                JOIN {SENTENCE_INFO} i ON i.article_id = c.article_id AND i.idx = c.idx
                WHERE i.published <= CAST(? AS DATE)
                  AND NOT (starts_with(m.doer, '@?:') AND NOT c.named
                           AND NOT list_contains(coalesce(i.unplaced, []), m.doer)
                           AND len(list_filter(coalesce(i.unplaced, []),
                                               lambda x: x <> m.doer AND NOT list_contains(m.onames, x))) > 0)
                  AND NOT list_contains(m.made, c.article_id)
                  AND (m.start IS NULL OR i.published >= CAST(m.start AS DATE))
                  AND (m.until IS NULL OR i.published <= CAST(m.until AS DATE)
                       OR (i.published <= CAST(m.late AS DATE) AND c.ante IS NULL AND c.shared >= {late_shared}
                           AND NOT starts_with(m.doer, '@?:') AND list_contains(coalesce(i.sides, []), m.doer)))
                  AND (i.first IS NULL OR i.first = m.doer OR i.first = m.other OR list_contains(m.related, i.first)
                       OR m.sym OR m.doer IS NULL OR starts_with(m.doer, '@?:') OR starts_with(m.doer, '@IGO:')
                       OR {no_side})
                  AND list_has_all(coalesce(i.sides, []), m.parts)
                  AND (list_contains(coalesce(i.sides, []), m.doer)
                   OR ((m.doer IS NULL OR starts_with(m.doer, '@?:')) AND c.shared >= 2)
                   OR (starts_with(m.doer, '@?:') AND c.named)
                   OR (NOT m.sym AND (i.first = m.other OR list_contains(m.related, i.first)))
                   OR ({no_side} AND (i.ctx IS NULL OR list_contains(i.ctx, m.doer)
                                            OR list_has_any(i.ctx, m.related)))
                   OR (i.first IS NULL AND NOT m.sym AND list_contains(i.ctx, m.doer))
                   OR (i.sides IS NULL AND c.pname AND c.ante IS NULL)))
            SELECT k.g, k.article_id, k.idx, k.shared, s.text, k.pub,
                   list_transform(coalesce(k.sides, []), lambda x: substr(x, 2)),
                   list_transform(coalesce(k.ctx, []), lambda x: substr(x, 2)),
                   k.ante, a.text, list_transform(coalesce(ai.sides, []), lambda x: substr(x, 2)),
                   list_transform(coalesce(k.guessed, []), lambda x: substr(x, 2))
            FROM kept k JOIN sentences s ON s.article_id = k.article_id AND s.idx = k.idx
            LEFT JOIN sentences a ON a.article_id = k.article_id AND a.idx = k.ante
            LEFT JOIN {SENTENCE_INFO} ai ON ai.article_id = k.article_id AND ai.idx = k.ante
            ORDER BY k.g, k.pub, k.article_id, k.idx""", [as_of])
        for g, art, idx, shared, text, pub, sides, ctx, ante, ante_text, ante_sides, guess in cur.fetchall():
            got = {"article_id": art, "idx": idx, "shared": shared, "text": text, "published": pub, "sides": sides,
                   "context": ctx, "guessed": guess}
            if frames[g].until and pub > frames[g].until:  # a late report, kept by the rule above (round t48)
                got["late"] = True
            if ante is not None:  # a back reference ("the reduction fell short"): the sentence naming what it refers to
                got["antecedent"] = {"idx": ante, "text": ante_text, "sides": ante_sides}
            out.setdefault(g, []).append(got)
    return _sent_elsewhere(frames, out)


def _sent_elsewhere(frames: Sequence[Frame], out: dict[int, list[dict[str, Any]]]) -> dict[int, list[dict[str, Any]]]:
    """``out`` without the reports that send to another place than a pledge of sending states ("shelved plans to deploy
    troops to Benin" for "send more troops to the border": :func:`gaiko.tracking.destined.elsewhere`), nor those
    retrieved by the debt of a sum owed that pay nothing ("took on new debt": :func:`gaiko.tracking.owed.paid_rows`);
    round t53."""
    for g, rows in out.items():
        f = frames[g]
        if f.sends_to:
            rows = [r for r in rows if not elsewhere(f.sends_to, f.doer, r["text"])]
        out[g] = paid_rows(f, rows)
    return {g: rows for g, rows in out.items() if rows}


def details(con: Any, pairs: Iterable[tuple[str, int]]) -> tuple[dict[tuple[str, int], list[dict[str, Any]]],
                                                                 dict[tuple[str, int], list[tuple[int, int, str]]]]:
    """(events, actors) of the given (article, sentence) pairs: the coder's events (id, event_type, intended,
    negated, date) and the resolved actors as (start, end, side), offsets within the sentence."""
    keys = sorted(set(pairs))
    if not keys:
        return {}, {}
    events: dict[tuple[str, int], list[dict[str, Any]]] = {}
    actors: dict[tuple[str, int], list[tuple[int, int, str]]] = {}
    with registered(con, "_gaiko_keys", {"a": [k[0] for k in keys], "i": [k[1] for k in keys]}):
        rows = con.execute(
            "SELECT e.id, e.article_id, e.sentence_idx, e.event_type, e.intended, e.negated, CAST(e.date AS VARCHAR) "
            "FROM events e JOIN _gaiko_keys k ON k.a = e.article_id AND k.i = e.sentence_idx ORDER BY e.rowid").fetchall()
        for eid, art, idx, etype, intended, negated, date in rows:
            events.setdefault((art, idx), []).append({"id": eid, "event_type": etype, "intended": intended,
                                                      "negated": negated, "date": date})
        rows = con.execute(
            'SELECT s.article_id, s.idx, ac.start - s.start, ac."end" - s.start, ac.text, ac.name, ac.country, ac.sector '
            "FROM _gaiko_keys k JOIN sentences s ON s.article_id = k.a AND s.idx = k.i "
            'JOIN actors ac ON ac.article_id = s.article_id AND ac.start >= s.start AND ac.start < s."end" '
            "ORDER BY s.article_id, s.idx, ac.start").fetchall()
    for art, idx, start, end, text, name, country, sector in rows:
        side = side_of({"text": text, "name": name, "country": country, "sector": sector})
        if side:
            actors.setdefault((art, idx), []).append((int(start), int(end), side))
    return events, actors
