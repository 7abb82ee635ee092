"""Pipeline component: pledges (``doc._.gaiko.pledges``).

A pledge is a statement of intent by an actor: promise, plan, agreement,
threat or demand. Cues come from ``gaiko/data/pledges/cues.yaml`` and are
matched over the dependency parse (:mod:`gaiko.pipeline.pledge_cues`), so the
rules are general:

* a commitment verb with an infinitive ("vowed to revise", "agreed to buy");
* a demand verb with an object and an infinitive ("urged Japan to abide by");
* a pledge noun with an infinitive ("a promise to never stand still");
* a future modal with an actor subject ("Japan will invest", "he said he would");
* a plan in hand ("preparing purchase packages", "lined up deals including A and B").

Reported speech keeps who said it: "Trump said Japan would buy trucks" is
Japan's pledge with Trump as ``speaker``.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Token

from ..actors.nosides import in_dateline
from ..docindex import columns, sentences, span_text
from ..ids import record_id
from ..types import Actor, Pledge
from .destination import destination
from .pledge_recipient import recipient
from .foreign import foreign_sentences
from .pledge_asked import asked_target, misread_verb
from .pledge_bound import holder
from .pledge_demander import also_asked, demander_side
from .pledge_cues import cue_lemmas, find_cues, refrains
from .pledge_fields import action_of, conditions_of, cue_text, event_type_of, status_in_text
from .pledge_made import made_on, noun_party, time_word
from .pledge_guards import no_pledge_here, others_fate, thing, they_means, warns_of_another
from .pledge_stance import stance_passive
from .pledge_deal import deal_parties, deal_side
from .pledge_enable import able_of, able_unvouched, enabled_act, enabled_action, told_of_people
from .pledge_relative import relative_noun, relative_pledger, relative_vouched
from .retold import retold_term
from .pledge_sides import agreed_with
from .pledge_speaker import done_to, speakers_own
from .pledge_spoken import spoken_for, text_issuer
from .pledge_suffered import suffered_threat
from .pledge_terms import deadline as pledge_deadline, included, split_objects
from .pledge_force import hostile_act, response_threat
from .pledge_forms import binding_verb, no_new_pledge, parties, passive_parts, question, threatened_means, vouched
from .pledge_parts import (
    Lexicon, country_in, is_actorish, lexicon, main_country, say_head, say_left, subject_of,
)
from ..tracking.quantities import best_quantity
from .state import DocState, get_state

__all__ = ["PledgeExtractor"]


def _span_actor(tok: Token) -> Actor:
    """An unplaced actor: the noun ``tok`` with its modifiers ("its Gulf neighbours")."""
    first = tok.i
    while first > tok.left_edge.i and tok.doc[first - 1].dep_ in ("compound", "amod", "det", "poss", "case", "nmod", "nummod", "flat", "punct") \
            and tok.doc[first - 1].text not in (",", "—"):
        first -= 1
    span = tok.doc[first : tok.i + 1]
    return Actor(text=span.text, start=span.start_char, end=span.end_char)


def _countries(tok: Token, state: DocState) -> set[str]:
    """The countries the phrase headed by ``tok`` names: its actor mentions, and names and adjectives ("Pakistani
    goods": PAK) as the tracker reads them (:func:`gaiko.tracking.text.countries_in`)."""
    from ..tracking.lexicon import lexicon
    from ..tracking.text import countries_in

    text = " ".join(t.text for t in tok.subtree)
    return {a.country for a in (state.actor_at(t) for t in tok.subtree) if a is not None and a.country} | \
        countries_in(text, lexicon())


class PledgeExtractor:
    name = "pledges"
    requires: tuple[str, ...] = ("token.dep", "gaiko.actors", "gaiko.events", "gaiko.meta")
    assigns: tuple[str, ...] = ("gaiko.pledges",)

    def __init__(self, pledge_cues: str | None = None, pledge_actions: str | None = None, **config: Any) -> None:
        self.config = config
        self.lex: Lexicon = lexicon(pledge_cues, pledge_actions)
        lex = self.lex
        self._promise_nouns = frozenset(n for n, k in lex.nouns.items() if k in ("promise", "plan", "agreement"))
        #: every lemma a cue can start from; other tokens are skipped without building them
        self._cue_lemmas = cue_lemmas(lex)
        #: verbs and nouns of the signing a pledge is made at, whose dates are no deadline (round p39)
        self._occasions = (lex.occasion_verbs, lex.occasion_nouns)

    # ----------------------------------------------------------------- actors
    def _actor(self, state: DocState, tok: Token | None, memory: dict[str, Actor]) -> Actor | None:
        if tok is not None and in_dateline(tok.doc, tok.idx):
            # "GYEONGJU, South Korea — President X and ... agreed": the dateline is no actor; who hangs off it is
            # ("NAIROBI (AFP) - Kenya pledged": the verb's other subject)
            tok = next((x for x in [*tok.subtree, *tok.head.children] if x.pos_ in ("PROPN", "NOUN")
                        and (x.dep_ in ("appos", "conj") or x.dep_ == tok.dep_ and x.head.i == tok.head.i)
                        and not in_dateline(x.doc, x.idx)), None)
        if tok is None:
            return None
        # "a spokesman for the group": the group named before (round e36); "..., the letter said": its issuer (x19)
        spoken = spoken_for(tok, state) or text_issuer(tok, state, self.lex.say_verbs, lambda x: self._actor(state, x, memory), memory)
        if spoken is not None:
            return spoken
        found = state.actor_in(tok)
        if found is not None and not (tok.pos_ == "PRON" and not (found.country or found.name)):
            return found
        if not is_actorish(tok, self.lex):
            return None
        if tok.pos_ == "PRON":
            key = "person" if tok.lower_ in ("he", "she", "i") else "group"
            return memory.get(key) or memory.get("any")
        if tok.pos_ == "DET" or tok.lower_ in ("who", "which", "that"):
            return None
        return _span_actor(tok)

    def _remember(self, tok: Token | None, actor: Actor | None, memory: dict[str, Actor]) -> None:
        """Note a named subject; pronouns later go to the most often named one (ties: the latest)."""
        if tok is None or actor is None or tok.pos_ == "PRON":
            return
        person = tok.ent_type_ == "PERSON" or bool(actor.person_id) or (
            tok.pos_ == "PROPN" and tok.ent_type_ not in ("GPE", "ORG", "NORP", "LOC", "FAC"))
        key = "person" if person else "group"
        counts: dict[str, int] = memory.setdefault("_counts", {})  # type: ignore[assignment, arg-type]
        name = f"{key}:{actor.name or actor.text}"
        counts[name] = counts.get(name, 0) + 1
        best = memory.get(key)
        if best is None or counts[name] >= counts.get(f"{key}:{best.name or best.text}", 0):
            memory[key] = actor
        memory["any"] = actor

    # ------------------------------------------------------------------- main
    def __call__(self, doc: Doc) -> Doc:
        state = get_state(doc)
        memory: dict[str, Actor] = {}
        used: set[int] = set()
        country_hint = next((a.country for a in state.actors if a.country and len(a.country) == 3), None) or main_country(doc)
        cols = columns(doc)
        foreign = foreign_sentences(doc)  # a paragraph in another language (round a36)
        for sent in sentences(doc).spans:
            if sent.start in foreign or question(sent):  # another language (a36); a question commits nobody (p42)
                continue
            for cue, verb, kind, party in find_cues(sent, self.lex, self._cue_lemmas):
                if verb.i in used:
                    continue
                used.add(verb.i)
                for p in self._pledge(doc, state, sent, cue, verb, kind, party, memory, country_hint):
                    parts = split_objects(p, verb, state.published, self._occasions)
                    state.pledges.extend(parts or [p])
                    state.pledges.extend(included(p, verb, self.lex.container_nouns))
            for i in range(sent.start, sent.end):  # remember sentence subjects for pronouns
                if cols.dep[i] == "nsubj" and cols.pos[i] in ("PROPN", "NOUN"):
                    t = doc[i]
                    self._remember(t, self._actor(state, t, memory), memory)
        return doc

    def _pledge(self, doc: Doc, state: DocState, sent: Any, cue: Token, verb: Token, kind: str,
                party: Token | None, memory: dict[str, Actor], country_hint: str | None) -> list[Pledge]:
        """The pledge(s) of one cue: one per party when several act ("Brazil and Argentina agreed to ...")."""
        lex = self.lex
        speaker_tok: Token | None = None
        passive = passive_parts(verb, lex)
        rel = relative_noun(verb, lex) if passive is not None and passive[1] is None else None
        rel_say: Token | None = None
        if rel is not None:  # "a referendum, which will be held on May 3": the noun; its setter or speaker (x22)
            passive = (rel, None)
            doer, rel_say = relative_pledger(rel, lex)
            passive = (rel, doer) if doer is not None else passive
        if cue.dep_ == "aux" and stance_passive(verb):  # "her country would not be bullied by X" (round t39)
            return []
        if kind == "demand":
            actor_tok = subject_of(cue)
            target = asked_target(verb, state) if misread_verb(verb, lex.action_verbs) else None  # round e36
            target = target or self._actor(state, party, memory)
            if target is None and party is not None and party.pos_ in ("NOUN", "PROPN"):
                # "China wants its neighbours to stop fishing": the party asked, named by a noun the actor lexicon
                # lacks, is still not the one asking (round p39)
                target = _span_actor(party)
        elif party is not None and (binding_verb(cue.lemma_.lower()) or kind == "agreement" and cue.lemma_.lower() == "call"):
            # "the joint statement commits both sides to ...", "the accord obliges Ghana to ..." (round x23), "the accord
            # calls for Armenia to ..." (round x24)
            actor_tok, target = party, None
        elif party is not None and (cue.lower_ == "to" or cue.lemma_.lower() == "be"):
            # a headline "EU to fine ...": X; "drone maker Baykar is to build": the name in apposition (round x20)
            actor_tok, target = party, None
        elif passive is not None:  # "the duty would be cut": the by-agent, else the speaker
            actor_tok, target = passive[1], None
        else:
            actor_tok = subject_of(verb) if cue.i == verb.i or cue.dep_ == "aux" else subject_of(cue)
            if actor_tok is None and cue.pos_ == "NOUN":
                poss = next((c for c in cue.children if c.dep_ == "poss"), None)
                if poss is not None and time_word(poss):
                    # "Monday's agreement with Ghana", "Friday's pledge by Uganda": a day is no pledger; the
                    # noun's "by" agent, else (an agreement) its "with" party, else none (round n47)
                    poss = noun_party(cue, "by") or (noun_party(cue, "with") if kind == "agreement" else None)
                    if poss is None:
                        return []
                actor_tok = poss or subject_of(cue.head) if cue.head.pos_ in ("VERB", "AUX") else poss
            target = None
        enabled = enabled_act(cue, lex) if cue.dep_ == "aux" else None
        if enabled is not None:  # "nurses will be able to work ..., the minister said": the speaker's side (x22)
            actor_tok = None
        # "'We will be able to reopen the crossing,' the minister said": the verb of saying over the "be" (round x24)
        say = rel_say or say_head(cue.head if enabled is not None or able_of(cue, verb) is not None
                                  else cue if cue.dep_ != "aux" else verb, lex)
        if say is None and cue.dep_ == "aux" and cue.lower_ in ("would", "wo"):
            say = say_left(verb, lex)  # a broken parse: "X said it was holding them and would release them"
        if say is not None:
            speaker_tok = subject_of(say)
            if cue.lemma_.lower() in ("warn", "threaten") or say.lemma_.lower() in ("warn", "threaten"):
                kind = "threat"
        speaker = self._actor(state, speaker_tok, memory)
        if able_unvouched(cue, verb, speaker):
            return []  # '"We will be able to see results," an economist said': nobody's side vouches (round x24)
        if (rel is not None or enabled is not None) and not relative_vouched(verb, passive[1] if rel is not None else None,
                                                                            speaker, speaker_tok):
            return []  # "the dam, which will be finished by 2027": no setter, no speaker who vouches (round x22)
        if no_pledge_here(cue, verb, actor_tok, say, speaker_tok, state.published, lex.condition_marks,
                          lex.actor_nouns):
            return []  # "in the 1990s Peru would offer ...", "pledged in 2019 to", "the summit will open" (round p57)
        third = they_means(actor_tok, say, speaker_tok) if kind != "demand" else None
        if third is not None:  # "A and B said the crews were angry and they would block the port" (round p57)
            if not is_actorish(third, lex):
                return []
            actor_tok = third
        actor: Actor | None
        group = parties(actor_tok, state, lambda x: self._actor(state, x, memory)) if kind != "demand" else []
        if not group and kind != "demand" and actor_tok is not None and actor_tok.lower_ == "they" and speaker_tok is not None:
            group = parties(speaker_tok, state, lambda x: self._actor(state, x, memory))  # "A and B said they would each"
        if actor_tok is not None and actor_tok.pos_ == "PRON" and speaker is not None:
            actor = speaker  # "Trump said he would visit China"
        elif actor_tok is None and speaker is not None and (passive is not None or cue.dep_ == "aux"):
            actor = speaker
        elif kind != "demand" and speaker is not None and (speaker.country or speaker.name) and done_to(verb, actor_tok):
            # "Niamey said the former president would be tried": the speaker's, the act done to the subject (e36)
            actor, group, passive = speaker, [], (actor_tok, None)
        else:
            actor = group[0] if group else self._actor(state, actor_tok, memory)
            if actor is not None and not group:  # "the German ministry said the troops would leave" (round e36)
                actor = speakers_own(actor_tok, actor, speaker) or actor
            if actor is not None and (cue.dep_ == "aux" or cue.lemma_ == "be") and not group and thing(actor_tok, state.actor_at, lex):
                actor = None  # "Nigeria's new refinery will struggle": a thing's future, its owner no pledger (round p57)
        if actor is None and speaker is not None and vouched(cue, verb, actor_tok, speaker, speaker_tok):
            actor = speaker  # "the new port will open by May, the minister said" (round p55)
            group = parties(speaker_tok, state, lambda x: self._actor(state, x, memory))  # "A and B agreed that" (p57)
            actor = group[0] if group else actor
        if actor is None and say is None and kind != "demand" and \
                (deal := deal_parties(verb, state.sentence_index(sent[0]), state.pledges)):
            actor, group, kind = deal[0], deal, "agreement"  # "elections will be held ... under the deal" (x23)
        elif actor is None and say is None and kind != "demand" and (side := deal_side(
                verb, state.sentence_index(sent[0]), state.pledges, lambda t: _countries(t, state))) is not None:
            actor, target = side  # "A 19% tariff will apply to Pakistani goods ... under a trade deal" (round x24)
        if actor is not None and kind == "threat" and suffered_threat(say, actor_tok, verb, speaker_tok):
            # "Lin warned that Japan would bear all the consequences": the warner's threat against Japan (round x2)
            warner = speaker or (_span_actor(speaker_tok) if speaker_tok is not None and speaker_tok.pos_ == "PROPN" else None)
            if warner is None:
                return []
            target, actor, speaker, group = actor, warner, None, []
        elif actor is None or warns_of_another(say, actor_tok, actor, speaker) or others_fate(cue, verb, actor, speaker) \
                or told_of_people(cue, actor_tok, actor, speaker, speaker_tok):  # "Fishermen will stay in port, ..." (x24)
            return []  # "..., warning that Minsk would use the revenue", "said the six sailors would stand trial" (t41)
        if speaker is not None and (speaker is actor or speaker.text == actor.text or
                                    (speaker.name and speaker.name == actor.name)):
            speaker = None
        if kind == "demand":  # "The families demanded that Lima ...": the group's side named before (round t39)
            actor = demander_side(actor, target, sent, state.actors)
            target = holder(verb, actor, state) if verb.pos_ == "NOUN" and verb.dep_ != "ccomp" else target  # t41
        self._remember(actor_tok, actor, memory)
        action, obj, obj_tok = action_of(verb, cue, passive, lex)
        action = enabled_action(cue, verb, action, lex)  # "let nurses work", "require importers to register" (x22)
        if no_new_pledge(verb, cue, kind, passive[0] if passive is not None else obj_tok, lex):
            return []  # "saying the target would be met", "..., the World Bank estimated" (round p49)
        if kind == "threat" and (means := threatened_means(verb, lex)) is not None:  # "threatened to act ..., warning
            obj_tok, obj = means, " ".join(t.text for t in means.subtree if t.dep_ != "punct")  # of tariffs" (p49)
            action = f"impose {obj}"
        if obj_tok is None:  # "the summit that Japan hopes to host": the object is the noun the clause modifies
            clause = next((a for a in [verb, *verb.ancestors] if a.dep_ == "relcl"), None)
            if clause is not None and clause.head.pos_ in ("NOUN", "PROPN"):
                obj_tok = clause.head
                obj = " ".join(t.text for t in obj_tok.subtree if t.i < clause.left_edge.i and t.dep_ != "punct") or obj_tok.text
                action = f"{action} {obj}"
        if any(c.dep_ == "neg" for c in verb.children) or (cue.i != verb.i and refrains(cue, lex)):
            action = "not " + action  # "will not tax", "would not seek to reopen" (round p55)
        if target is None and obj_tok is not None and not (kind == "demand" and verb.pos_ == "NOUN"):
            target = state.actor_in(obj_tok) if obj_tok.ent_type_ in ("GPE", "ORG", "NORP", "PERSON") else None
        if target is None and kind != "demand":
            target = agreed_with(cue, state)  # "Somalia agreed with Kenya to swap detainees" (round x18)
        target = target or destination(verb, state, actor.country)  # "pledged to deploy police to Haiti"
        if target is None and kind != "demand":  # "lift its ban on onion exports to Bangladesh" (round u46)
            target = recipient(verb, obj_tok, state, actor.country)
        country = actor.country or country_in(doc, actor.start, actor.end) or country_in(doc, sent.start_char, sent.end_char) or country_hint
        deadline = pledge_deadline(verb, cue, state.published, country, self._occasions)
        made, made_text = made_on(cue, sent, state)
        if deadline is not None and made_text and made != state.published and made_text in deadline.text:
            deadline = None  # "had promised in March to release them": the day it was made, no deadline (n49)
        if deadline is not None and deadline.kind == "within" and deadline.anchor == "published" and \
                retold_term(cue if cue.dep_ != "aux" else verb, say):
            deadline = None  # "had vowed to close the border within ten days": counted from an earlier day (t39)
        conditions = conditions_of(verb, cue, lex)
        if conditions and kind == "promise" and verb.lemma_.lower() in lex.action_verbs and lex.action_verbs[verb.lemma_.lower()] in ("COERCE", "ASSAULT", "SANCTION"):
            kind = "threat"
        elif kind == "promise" and cue.dep_ == "aux" and not action.startswith("not ") and (
                hostile_act(verb) or response_threat(verb, conditions)):  # "would act within days if ... not freed"
            kind = "threat"  # "said the United States would hit targets on land in Venezuela" (round t39; t41)
        event_type = event_type_of(state, verb, obj_tok, kind, lex)
        quantity = best_quantity(action)
        status = status_in_text(sent, cue, lex, self._promise_nouns)
        sidx = state.sentence_index(sent[0])
        pid = record_id("pl", state.article_id, cue.idx, verb.idx)
        conf = 0.8 if actor.country or actor.name else 0.5
        first = Pledge(
            id=pid, article_id=state.article_id, sentence_index=sidx, sentence=span_text(sent), actor=actor,
            action=action, event_type=event_type, kind=kind, cue=cue_text(cue, verb),
            cue_start=cue.idx, cue_end=cue.idx + len(cue.text), object=obj, target=target, speaker=speaker,
            quantity=quantity, deadline=deadline, conditions=conditions, made_on=made,
            status_in_text=status, confidence=conf,
        )
        if len(group) < 2 and kind == "demand" and target is not None:  # "called on A, B and C to" (round x20)
            asked = [a for a in (self._actor(state, c, memory) for c in also_asked(party)) if a is not None
                     and a.country and a.country not in (target.country, actor.country)]
            return [first, *(Pledge.from_dict({**first.to_dict(), "target": a.to_dict(),
                                               "id": record_id("pl", state.article_id, cue.idx, verb.idx, a.start)})
                             for a in asked)]
        if len(group) < 2:
            return [first]
        out = []
        for k, a in enumerate(group):  # one pledge per party; with two, each is the other's target
            d = first.to_dict()
            other = group[1 - k].to_dict() if len(group) == 2 else (target.to_dict() if target else None)
            d.update(id=record_id("pl", state.article_id, cue.idx, verb.idx, a.start), actor=a.to_dict(), target=other)
            out.append(Pledge.from_dict(d))
        return out
