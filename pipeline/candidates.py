"""Event candidates read off one parsed sentence: the act it reports (a trigger word from the
lexicon), who did it to whom, whether it is done or planned, and which of the sentence's dates
belong to it. Plain data out (character offsets), never spaCy objects.

What is *not* an event, and why (README, "Decisions about events"):
- a heading, a dateline or a running header glued to the sentence is cut off its start;
- a verb inside a relative clause or participle ("the positions approved in January") describes a
  noun, it is not the sentence's act; a noun trigger deep in a phrase ("reports of abuse") neither;
- what someone stated, reported or asked is speech: its act counts only with a date of its own,
  or as the speaker's own refusal ("he will not resign");
- public comment by an unnamed speaker, and imperatives (a report's recommendations).
"""
from __future__ import annotations

import re
from typing import Any

from pipeline.doc_text import text_of
from pipeline.court_orders import court_order
from pipeline.date_rules import DAY_NAMED_RE, FRONTED_RE, MONTH_ALT, NUMBER_WORDS
from pipeline.decided_items import item_candidate
from pipeline.date_scope import foreign_spans, inside, loose_foreign, without
from pipeline.headings import LIST_ITEM, is_caps_line, is_heading, runs_on
from pipeline.lexicon import (EVENT_NOUNS, GENERIC_TYPES, NAMED_SPEAKER_TRIGGERS, NOT_ACTS, PERFORMATIVES, ROLE_TITLES,
                              PLAIN_SAYING, PLAN_ADJECTIVES, PLAN_VERBS, PLANNED_CUES, PROCEDURAL, PROPOSING,
                              REPORTING_VERBS, ROLL_LABELS, SPEECH_VERBS, TEXT_NOUNS, TRIGGERS)
from pipeline.letters import LETTER_ANSWERED, letter_candidate
from pipeline.verdicts import SPEAKER_TURN, VERDICT, formula_candidate, verdict_candidate

_PROCEDURAL = re.compile("|".join(PROCEDURAL), re.IGNORECASE | re.MULTILINE)


# how far into a sentence a procedural line's words are looked for: a long sentence that a missed boundary ran on
# into the next one's "Hearings recessed subject to the call." (after "Washington, D.C.") keeps its act
PROCEDURAL_REACH = 200


def procedural(text: str) -> bool:
    """A procedural line of minutes (lexicon.PROCEDURAL): the call to order, the roll, the minutes' approval …"""
    return bool(_PROCEDURAL.search(text))

# "MILLBROOK —", "PINE RIDGE, Carver County —": the news dateline is not part of the sentence.
_DATELINE = re.compile(r"[A-Z][A-Z.'’ -]{1,40}[A-Z](?:,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3})?\s*[—–]\s*")
_SUBORDINATE = {"relcl", "acl"}                    # clauses that describe a noun
COUNTED_RECORDS = {"investigation", "report", "application", "case", "referral", "complaint", "call", "claim",
                   "request", "visit", "arrest", "indictment", "conviction", "lead", "file", "record",
                   "child", "worker", "caseworker", "employee", "people", "person", "student", "percent",
                   "resident", "client", "family", "inspection", "violation", "citation", "ticket", "defendant", "seizure"}
ASPECT_VERBS = {"begin", "start", "continue", "stop", "cease", "resume", "keep"}
# telling what is so, not doing: a minutes' staff report, a speaker's account
_TELLING = PLAIN_SAYING | {"report", "reply", "acknowledge", "describe", "observe", "indicate", "summarize", "inform",
                           "remind", "brief", "update", "assure", "highlight", "outline", "point", "reiterate",
                           "answer", "respond"}
# a view, a wish, a feeling: what a speaker holds, not what anyone did
_OPINING = {"believe", "think", "feel", "want", "hope", "wish", "like", "prefer", "support", "oppose", "favor",
            "worry", "doubt", "fear", "disagree", "know", "understand", "expect", "suspect"}
# saying, thanking, describing with no clause: talk at a meeting
_COURTESY = PLAIN_SAYING | {"thank", "express", "describe"}
# asking, urging, arguing: what a speaker wants done or holds, not done ("She asked if the boat ramp is a
# lawful use", "He implored Council to keep the ramp open", "She suggested the City post a sign")
_ASKING = {"ask", "inquire", "enquire", "wonder", "suggest", "implore", "encourage", "clarify", "reiterate", "claim",
           "dispute", "interject", "contend", "urge"}   # not "plead" ("She has pleaded not guilty"), not "warn"
# A handful of people as a subject is who something happened to, no figure ("TWO men were killed",
# "Three deputies were fired"): a count of people up to this many is an incident's.
_FEW = 12
_PEOPLE_NOUNS = {"man", "woman", "people", "person", "boy", "girl", "child", "teen", "teenager", "adult", "officer",
                 "deputy", "suspect", "victim", "employee", "worker", "member", "student", "resident", "inmate",
                 "caseworker", "teacher", "firefighter", "agent", "official", "director", "manager", "brother",
                 "sister", "son", "daughter", "juvenile", "driver", "passenger", "trooper", "soldier", "nurse", "doctor"}
_ARGUMENTS = {"ROOT", "nsubj", "nsubjpass", "dobj", "attr", "oprd"}


def event_candidate(sent: Any, ents: list[Any] | None = None) -> dict[str, Any] | None:
    """The sentence's best trigger (done before planned, specific before generic, one with a date
    of its own first, then the main verb), with its grammatical neighbourhood; None if no act.
    `rule` says whether a trigger word chose it; without one the sentence's root stands in, and only
    the learned filter can make it an event.
    `ents`: the sentence's entities, when the caller has read them (`sent.ents` walks the doc's)."""
    text = text_of(sent.doc)
    start = content_start(text, sent.start_char, sent.end_char)
    body = text[start:sent.end_char].strip()
    item = item_candidate(sent, start)
    if item is not None:   # an item of a list of decisions: its decision, on the list's day
        return item
    verdict = VERDICT.match(text, start, sent.end_char)
    if start >= sent.end_char or _PROCEDURAL.search(body, 0, PROCEDURAL_REACH) or not verdict and _imperative(sent, start):
        return None   # (a by-law's "Read a first, second and third time and passed …" is no imperative)
    lead = _SECONDED_LEAD.match(body)
    if (verdict or lead and VERDICT.match(body, lead.end()) or _SECONDED_ONLY.match(body) or _ABSTAINED.match(body)
            or _IT_PASSED.match(body)) \
            and _carries_procedure(sent, body):
        return None   # "Carried." after "That the meeting be adjourned." or the approval of the last minutes (its
        # second and its abstentions too: "Councilor Nyberg seconded the motion. Councilor Bahrman abstained.")
    if verdict:   # "Carried.", "Motion carried 5-0", "APPROVED – 2018 budget", "Moved by ..., Seconded by ..."
        return verdict_candidate(sent, start, verdict)
    second = _SECONDED_BY.match(body)
    if second:   # "Seconded by Councilor Ruble." after its motion: the second made at the meeting, though no finite verb
        # tells it (a line this short is otherwise a stamp)
        return formula_candidate(sent, start, second.group(1), text.find(second.group(1), start), "second", "decision")
    entry = _DOCKET_ENTRY.match(body)
    if entry:   # "| 04/07/2008 | 8 | AFFIDAVIT of Financial Status of …", "| 02/05/2015 | WRIT RECEIVED | | |"
        what = (entry.group("what") or entry.group("code")).split()[0]   # its first word names it
        return formula_candidate(sent, start, what, text.find(what, start), what.lower(), "legal")
    answered = LETTER_ANSWERED.search(text, start, sent.end_char)
    if answered:   # "in response to your letter of November 20, 2014, …": the letter answered, on its day
        return letter_candidate(sent, start, answered)
    if not_a_report(body) or _source_line(text, start, sent.end_char) or _name_list(sent, start) or _roster(sent, start) or _figure(sent, start) or _vote_roll(sent, body) or \
            _item_title(sent, body) or _form_fields(sent, body) or _marked_heading(text, start, sent.end_char):
        return None
    dates = [e for e in (sent.ents if ents is None else ents) if e.start_char >= start and (
        e.label_ == "DATE" or e.label_ == "TIME" and DAY_NAMED_RE.search(e.text))]
    found = []
    for tok in sent:
        if tok.idx < start or not _is_trigger(tok, sent):
            continue
        foreign = foreign_spans(sent, tok)
        said = None if _refusal(tok) else _said(tok)
        if said is not None:  # what was said happened when the saying says, not when it was said
            first, last = said.left_edge, said.right_edge
            foreign += [(sent.start_char, first.idx), (last.idx + len(last), sent.end_char)]
        own_date = any(not inside(d.start_char, foreign) for d in dates)
        reported = said is not None and not _moved_now(tok)   # ("Thank you, Mr. Speaker I'd like to … move …": no saying)
        if not own_date and _lemma(tok) not in TRIGGERS and (_first_person(tok) or _speakers_doing(tok)) and not any(
                not inside(d.start_char, loose_foreign(sent, tok, said)) for d in dates):
            continue  # "I talked to a number of people", "The Mayor and I had a meeting with staff": a speaker's
            # story, dated by nothing it says (a clause of the time may: "When Gerry approached me about a year ago
            # …, I told him …")
        if not own_date and _happening(tok):
            continue  # "There was a meeting with the City's Solicitor": a happening with no day of its own is no act
            # of the day the text is dated (_happening)
        if reported and not own_date:
            continue  # "Reyes reported that five caseworkers left": speech, not the act
        found.append((tok, own_date, reported, foreign))
    if _stamp(sent, start, ents, [f[0] for f in found]) or _fragment(sent, start) or _caption(sent.root):
        return None
    rule = bool(found)
    if not found and (_nothing_done(sent.root) or _first_person(sent.root) and _present(sent.root) and not any(
            t.tag_ == "VBD" or _lemma(t) in PERFORMATIVES for t in sent)):
        return None   # "We have a motion", "I must confess …", "we'll vote on one and two": talk at the meeting
        # ("I move that …", "I'll second it": saying it is the act; a story in the past may hold one)
    root = sent.root
    # ("I am pleased to introduce Items 1 to 6": a performative said now, no state of the speaker's)
    pleased = not found and root.lemma_ == "be" and _pleased(root) and any(_said_now(t) for t in sent if t.idx >= start)
    if root.tag_ in ("VBZ", "VBP") and (not found and root.lemma_ == "be" and not pleased
                                          or any(c.dep_ == "nsubj" and c.lemma_.lower() in TEXT_NOUNS for c in root.children)) \
            or _text_opens(sent, start, root):
        return _clause_act(sent, start, body, dates, root)   # a state or a schedule in the present ("Her last day
        # is April 1."), what a text says ("The rule provides that …", "Table 2 depicts …"): no act of its own, but a
        # clause may tell one with its date ("The bank is a subsidiary of a holding company that was formed in July 2007")
    if not found and root.tag_ in ("VBZ", "VBP") and \
            not any(d.end < len(sent.doc) and sent.doc[d.end].tag_ != "POS" for d in dates) and \
            not any(c.dep_ in ("aux", "auxpass") for c in root.children) and any(
            c.dep_ == "nsubj" and c.pos_ == "NOUN" and c.text.islower() and _lemma(c) not in _PEOPLE_NOUNS
            for c in root.children):
        return None   # what a thing is or does, told in the present with no trigger word and no date but a
        # possessive ("The grants support programs aimed at … building tomorrow's leaders", "The project includes …"): a
        # description, no act ("Court hears oral argument", "Director Goold asks …" are someone's acts)
    if not found and root.lemma_ == "be" and not dates and not pleased:
        return None   # a state told in the past with no trigger word and no date ("There were three new
        # recommendations", "The meeting was open to the public"): nothing done
    if not found and _tenure(sent, root, start):
        return None   # a post held or a service over a period, with no trigger word, even dated ("Seabrook was the
        # President of the COBA in June 2016", "She served on the Superior Court from January 2015 to December
        # 2019", "The Veteran had active duty service from September 1965 to September 1969"): a state, no act
    if _lemma(root) in PLAIN_SAYING and root.tag_ == "VBD" and "|" not in body and all(f[0].i == root.i for f in found) and (
            not any(c.dep_ == "ccomp" for c in root.children) or any(q in body for q in "“”\"")) and not _wrote_to(root):
        return None   # "“…,” Rene said Wednesday.", "Lopiano shared that sentiment on Wednesday": saying it is
        # no act (what someone says happened, said without quotes, may be: "Hasib said … someone took a report")
    vague = not any(any(c.isdigit() for c in d.text) or _DAY_WORDS.search(d.text) for d in dates)   # "before the end of the year"
    if not found and _lemma(sent.root) in _TELLING and any(
            c.dep_ == "ccomp" and ((not _done_then(c) or _lemma(c) in PLAIN_SAYING) and vague or _past_state(c))
            for c in sent.root.children):   # (what someone else said, told: "mentioned that TORMA said to …")
        return None   # "Ms. Crowder explained that the planned growth is based …", "Mr. Ahuja noted that the Agency
        # finds …", "the City may adopt …", "the Agency was conducting a capacity study", "challenges may affect the
        # timeline": what a staff member or a speaker tells of now, ahead or as going on, with no date of its own,
        # is no act (told as done it may be one: "reported that the Council held a closed session"); nor a state
        # told in the past ("reported that there was no indication …", "explained that the bill now had …")
    if not found and not dates and _habit(sent.root):
        return None   # "He works downtown", "She paddleboards and kayaks from the ramp", "Ms. Jahraus uses the
        # boat ramp to canoe": what a speaker does as a rule, told in the present, no act
    if not found and not dates and _ongoing_or_bound(sent.root):
        return None   # "The development is taking longer than anticipated", "Councilor Bahrman is not eliminating
        # …", "Connie Dalton cannot get a development permit …", "The Board may choose to respond …": what is going
        # on, can or may be done, told with no trigger word and no date, is no act
    if not found and not dates and _opinion(sent.root):
        return None   # "She believes the ramp should not be used as a fishing hole", "He doesn't want the ramp
        # closed", "She supports some type of middle-road regulation", "He would also like to see …": a view
        # told, no act (eval/real/ANNOTATING.md); "Investigators believe that Mr. Rahami drove …" tells one
    if all(f[0].i == sent.root.i for f in found) and not dates and _lemma(sent.root) in _ASKING and not any(
            c.dep_ in ("ccomp", "xcomp", "conj") and _done_then(c) and not _past_state(c) and c.lemma_ not in ("be", "have")
            for c in sent.root.children):
        return None   # "Mayor Kibbey asked Mr. Robinson if the City should install port-a-potties", "He implored
        # Council to keep the ramp open", "She suggested the City retain legal counsel": what a speaker asks or
        # urges is not done (a clause told as done is: "She clarified that the Council closed the ramp")
    if not found and not dates and _lemma(sent.root) in _COURTESY and not any(c.dep_ == "ccomp" for c in sent.root.children):
        return None   # "Mr. Long thanked Mr. Saul for his comments", "Mr. Saul expressed concern about …",
        # "Ms. Anderson described the Agency's implementation of …": talk at the meeting, no act
    if not found and sent.root.pos_ == "ADP" and not any(t.pos_ in ("VERB", "AUX") for t in sent):
        return None   # no verb, a preposition at its head: a credit or a source line ("From the Congressional
        # Record Online through the Government Publishing Office", "Courtesy of the county")
    if not found:
        # No trigger word: still a candidate for the learned filter (pipeline/event_filter.py), which
        # reads acts the lexicon does not list ("Measures Introduced: 12 bills", a councillor's account).
        found.append(_told_clause(sent, dates) or (sent.root, bool(dates), False, foreign_spans(sent, sent.root)))
    # a sentence that opens on its date tells the act of that day in its main verb, not in what it was
    # done for ("On October 18, 2022, the Board introduced an ordinance and set a hearing … to adopt the codes")
    opening = next((d for d in dates if FRONTED_RE.fullmatch(text, start, d.start_char)), None)
    best, _, reported, foreign = min(found, key=lambda f: (
        _planned(f[0]) and not _negated(f[0]), opening is not None and _purpose(f[0]) and f[0].dep_ == "advcl",
        _type(f[0]) in GENERIC_TYPES or _tells_a_clause(f[0]), not f[1],
        f[0].dep_ != "ROOT", f[0].pos_ != "VERB", f[0].i))
    out = _candidate_of(sent, start, body, best, reported, foreign, dates, opening,
                        sorted({_lemma(f[0]) for f in found}), rule)
    if out is not None and opening is None and not any(not inside(d.start_char, foreign) for d in dates) and \
            (alt := _clause_act(sent, start, body, dates, best)) is not None:
        # the main act has no date of its own, a clause's past act has one ("… is taking drastic measures after the
        # owner said a man entered one of their salons on Tuesday", "… the new indictment, which was filed on Nov. 20,
        # 2023"): if nothing else dates the main act (events.py), the clause's act is the sentence's dated act
        out["fallback"] = alt
    return out


def _clause_act(sent: Any, start: int, body: str, dates: list[Any], main: Any) -> dict[str, Any] | None:
    """The candidate of the dated past act in one of the sentence's clauses (`_dated_clause`), marked `clause_act`:
    events.py dates it only by a date of its own."""
    clause = _dated_clause(sent, start, dates, main)
    if clause is None or body.rstrip().endswith(":"):
        return None   # (a list's heading: "The Opinion(s) handed down on the 27th day of April, 2020 are as follows:")
    verb, spans, said = clause
    alt = _candidate_of(sent, start, body, verb, said is not None, spans, dates, None, [_lemma(verb)], True)
    return {**alt, "clause_act": True} if alt is not None and alt["modality"] == "done" else None


def _candidate_of(sent: Any, start: int, body: str, best: Any, reported: bool, foreign: list[tuple[int, int]],
                  dates: list[Any], opening: Any, lemmas: list[str], rule: bool) -> dict[str, Any] | None:
    """The candidate of a sentence whose act is `best`, or None if it names no act."""
    if best.pos_ == "NOUN" and best.dep_ in ("nsubj", "nsubjpass") and best.head.i == sent.root.i and \
            _lemma(sent.root) in NOT_ACTS and not dates:
        return None   # an act named as the subject of a description ("This audit focused on …", "The first
        # audit Mr. Ahuja discussed was the performance audit of …"), with no date: what it was, nothing done
    loose = loose_foreign(sent, best, _said(best) if reported else None)
    if opening is not None and best.dep_ == "ROOT" and not reported:
        # a date that opens the sentence frames its main verb, whatever clause the parser hung it on
        # ("On January 10, 2015, the agency received a report regarding a child admitted …": ROOT admitted)
        foreign, loose = without(foreign, opening), without(loose, opening)
    subtree = {t.i for t in best.subtree}
    agents = [t.i for t in best.children if t.dep_ in ("nsubj", "agent")]
    agents += [g.i for t in best.children if t.dep_ == "agent" for g in t.children if g.dep_ == "pobj"]
    if not agents and best.dep_ == "conj":  # "addressed the board and asked …": the subject is shared
        agents = [t.i for t in best.head.children if t.dep_ == "nsubj"]
    patients = [t.i for t in best.children if t.dep_ in ("dobj", "nsubjpass", "attr", "oprd")]
    negated = _negated(best)
    label = _PROPOSAL_LABEL.match(body)
    # (minutes' "Motion: Mayor Kibbey moved that the hearing be continued to …": the motion made, told in the past)
    proposed = bool(label) and not _MOVER_TOLD.match(body, label.end())
    # the court's own finding or order ("Defendant Leon must preserve …"): done on its decision date
    order = court_order(sent)
    moved_now = any(_moved_now(t) for t in sent if t.idx >= start)   # "I would like to … move adoption of …": the
    # motion is made by saying so, neither planned nor told of (the parser may hang it under "Thank you, …")
    planned = not order and (proposed or _planned(best) or best.pos_ == "NOUN" and _planned(best.head)) and not negated \
        and not moved_now
    reported = reported and not moved_now
    if planned and reported and (told := _announced(best, dates)) is not None:
        # "Haley said on Tuesday that she would resign": announcing it is the act, done the day it was said
        planned, foreign, loose = False, [told], [told]
    return {"start": start, "end": sent.end_char, "trigger": best.text, "trigger_at": best.idx, "rule": rule or order or moved_now,
            "self_dated": order,
            "lemma": _lemma(best), "type": _type(best), "generic": _lemma(best) not in TRIGGERS,
            "lemmas": lemmas,
            "agents": _expand(sent, agents), "patients": _expand(sent, patients),
            "subtree": [min(subtree), max(subtree)],
            "foreign": [list(s) for s in foreign],
            # when nothing outside them dates the act, a participle's or an adverbial clause's date
            # may ("Executive Order 14, issued on March 18, prohibited ..."); a relative clause's
            # about a person ("who was fired in March") or what someone said never does
            "loose_foreign": [list(s) for s in loose],
            # reported speech is an event only with a day (or week) of its own (events.py)
            "reported": reported,
            # "will not resign" is a refusal made now, not a plan
            "modality": "planned" if planned else "done",   # "The investigation will be conducted": the noun's verb says when
            "polarity": "negative" if negated else "positive",
            # the speaker does it by saying it ("I move that …", "we will vote on 1 to 3"): a transcript's
            # turn that the meeting's day dates (pipeline/transcript.py)
            "now": any(_said_now(t) for t in sent if t.idx >= start),
            # a figure ("courts sentenced 208 defendants"): over a fiscal year, a statistic (events.py)
            "counted": _counted(best, records=True),
            # the main verb in the present ("The lawsuit comes weeks after …", "She succeeds Dan Reyes"):
            # the story's now, never one of its steps (events.py)
            "present": sent.root.tag_ in ("VBZ", "VBP"),
            # told as done in the simple past ("This morning members of Council joined me to raise a flag"): a
            # council transcript's "today" dates it (events.py), not talk of the day ("we are approving this morning")
            "past": best.tag_ == "VBD" and not negated}



def _dated_clause(sent: Any, start: int, dates: list[Any], main: Any) -> tuple[Any, list[tuple[int, int]], Any] | None:
    """A past act in a relative, adverbial or reported clause, or a participle after its noun, that holds a date of
    its own naming a day, a month or a year ("a gas attack that killed dozens on April 7", "after the owner said a man
    entered the salon on Tuesday"): the verb, the spans whose dates are not its own, and the said clause it sits in
    (or None). Not a condition ("if it was approved in May"), a plan, a denial, what no one did, what an infinitive is
    for, an act in an aside about a person, nor one whose only date bounds it ("by 2003", "from 2008")."""
    for tok in sent:
        if tok.idx < start or tok.i == main.i or not _past_act(tok):
            continue
        head = tok
        while head.dep_ == "conj":
            head = head.head
        if head.dep_ not in ("relcl", "advcl", "ccomp", "acl") or any(t.i == main.i for t in head.subtree) or \
                any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in head.children):
            continue
        if _planned(tok) or _negated(tok) or _nothing_done(tok) or _counted(tok) or _for_a_purpose(head) or \
                _in_a_persons_aside(tok):
            continue
        lo, hi = head.left_edge.idx, head.right_edge.idx + len(head.right_edge)
        said = _said(tok)
        spans = foreign_spans(sent, tok) + [(sent.start_char, lo), (hi, sent.end_char)]
        if any(not inside(d.start_char, spans) and (any(c.isdigit() for c in d.text) or _DAY_WORDS.search(d.text))
               and _word_before(d) not in _BOUNDS for d in dates):
            # (a date after "by" or "from" bounds the act, never dates it: "students who had enrolled by 2003",
            # "losses carried forward from 2008")
            return tok, spans, said
    return None


def _in_a_persons_aside(tok: Any) -> bool:
    """Inside a relative clause about a person ("She succeeds Dan Reyes, who led the department after Peggy Whitfield
    resigned last March"): the aside tells who the person is, its acts are counted from the story, no entry of their
    own (a relative clause about a thing tells an act: "the indictment, which was filed on Nov. 20, 2023")."""
    return any(a.dep_ == "relcl" and (a.head.ent_type_ == "PERSON" or any(c.lower_ in ("who", "whom", "whose")
                                                                          for c in a.subtree))
               for a in [tok, *tok.ancestors])


def _for_a_purpose(clause: Any) -> bool:
    """A clause under an infinitive, over verbs and adjectives only: what it is for is not done ("is working to
    ensure that the filters were replaced on October 1", "to make sure that the pumps were tested")."""
    up = clause.head
    while up.pos_ in ("VERB", "AUX", "ADJ") and up.dep_ != "ROOT":
        if up.tag_ == "VB" and any(c.tag_ == "TO" for c in up.children):
            return True
        up = up.head
    return False


_BOUNDS = {"by", "from", "since", "until", "till", "through", "before", "after"}


def _word_before(span: Any) -> str:
    """The lower-cased word before a span, over line breaks; "" at the text's start."""
    i = span.start - 1
    while i >= 0 and span.doc[i].is_space:
        i -= 1
    return span.doc[i].lower_ if i >= 0 else ""


def _past_act(tok: Any) -> bool:
    """A verb of doing, told as done: in the past tense, or a passive or perfect participle ("was filed",
    "had resigned"); not a verb of being, thinking, seeing, saying or planning, nor under a modal."""
    lemma = _lemma(tok)
    if tok.pos_ != "VERB" or lemma in NOT_ACTS or lemma in SPEECH_VERBS or lemma in PLAN_VERBS or \
            any(c.tag_ == "MD" for c in tok.children):
        return False
    if tok.tag_ == "VBD":
        return True
    if tok.tag_ != "VBN":
        return False
    if tok.dep_ == "acl" and any(c.dep_ == "agent" for c in tok.children):
        return True   # a participle after its noun, with who did it ("The initiative, established by the Secretary in
        # May 2009, …"); without, it labels the thing ("the positions approved in January")
    return any((c.dep_ == "auxpass" and c.lower_ in ("was", "were", "been")) or (c.dep_ == "aux" and c.lemma_ == "have")
               for c in tok.children)

# A docket's entry: its date cell, then its number and what was filed or done ("| 04/07/2008 | 8 | AFFIDAVIT of
# Financial Status of …", "| 05/16/2008 | 12 | NOTICE OF TELEPHONE CONFERENCE as to …"), or a state court's event
# code in capitals ("| 02/05/2015 | WRIT RECEIVED | | |", "| 03/06/2015 | MOTION DISP | DENIED |"): each row is
# an act of the court's record, dated by its cell (events._date_cell), whether or not its words hold a verb
_DOCKET_DAY = rf"(?:\d{{1,2}}/\d{{1,2}}/(?:19|20)?\d\d|(?:{MONTH_ALT})\.?\s+\d{{1,2}},?\s+(?:19|20)\d\d)"
_DOCKET_ENTRY = re.compile(rf"\|\s*{_DOCKET_DAY}\s*\|\s*(?:\d{{1,4}}\s*\|\s*(?P<what>[A-Za-z][^|\n]{{8,}})"
                           r"|(?P<code>[A-Z][A-Z/&.'’ -]{3,}[A-Z.])\s*\|)")


BARE_VERDICT_WORDS = 5   # "Carried.", "Motion carried unanimously.", "ADOPTED as presented."


def _carries_procedure(sent: Any, body: str) -> bool:
    """A bare verdict whose motion, told in the sentence before it (or before its seconder's line), is
    procedure: the motion to adjourn, to approve the last minutes or the agenda, to go into closed session
    ("That the meeting be adjourned." / "Carried."): no act of its own, like its motion."""
    if len(_SECONDED_LEAD.sub("", body).split()) > BARE_VERDICT_WORDS or sent.start == 0:
        return False
    before = sent.doc[sent.start - 1].sent
    for _ in range(4):   # "Seconded by Trustee Lee.", "Councilor Bahrman abstained.", the chair's "All those in favour? Opposed?"
        # between the motion and its verdict
        if not (_SECONDED_ONLY.match(before.text) or _ABSTAINED.match(before.text) or _IT_PASSED.match(before.text)
                or _VOTE_CALLED.fullmatch(before.text)) \
                or before.start == 0:   # ("… It passed 3-0. Councilor Nyberg abstained.")
            break
        before = sent.doc[before.start - 1].sent
    return bool(_PROCEDURAL.search(before.text)) and bool(_MOTION_CUE.search(before.text))


# the vote told in a sentence of its own ("It passed 4-0.", "The motion carried unanimously.")
_IT_PASSED = re.compile(r"\s*(?:it|the\s+motion)\s+(?:passed|carried|failed)\b[^.\n]{0,20}\.?\s*$", re.IGNORECASE)
# the chair calling the vote ("All those in favour?", "Mr. Speaker: All in favour? Opposed?")
_VOTE_CALLED = re.compile(rf"\s*(?:{SPEAKER_TURN})?(?:(?:all\s+(?:those\s+)?in\s+favou?r|(?:all\s+(?:those\s+)?|any\s+)?"
                          r"opposed|those\s+against)\s*[?,.]?\s*){1,2}", re.IGNORECASE)
# a member's abstention or vote told after a motion ("Councilor Bahrman abstained.", "Trustee Lee voted no.")
_ABSTAINED = re.compile(r"\s*(?:[A-Z][\w.'’-]*\s+){1,4}(?:abstained|recused\s+\w+|voted\s+(?:no|nay|against(?:\s+it)?))\s*\.?\s*$")


# a motion told ("moved to adjourn", "That the meeting be adjourned", "R2023-140 S. Kirkey, S. Foote: That …")
_MOTION_CUE = re.compile(r"\b(?:moved?|motion|seconded)\b|\bthat\s+(?:the|we|council|this)\b|\bbe\s+(?:adjourned|approved|adopted)\b",
                         re.IGNORECASE)
_SECOND = r"(seconded)\s+by\s+[^.\n]{1,60}"   # "Seconded by Councilor Ruble"
_SECONDED_BY = re.compile(rf"\s*{_SECOND}\.?\s*$", re.IGNORECASE)   # the verbless second, alone
_SECONDED_LEAD = re.compile(rf"^\s*{_SECOND}\.\s*", re.IGNORECASE)   # "Seconded by X. Motion carried."
_SECONDED_ONLY = re.compile(rf"\s*(?:{_SECOND}|(?:[A-Z][\w.'’-]*\s+){{1,4}}seconded(?:\s+the\s+motion)?)\s*\.?\s*$",
                            re.IGNORECASE)


# A court's electronic filing stamp atop each page: "Case: 20-16276, 08/05/2020, ID: 11778722, DktEntry: 19",
# "Case 1:13-cv-05708-ER Document 11 Filed 09/27/13", "Appellate Case: 21-1234 Document: 0101 Date Filed: …",
# "Page: 1 Date Filed: 03/16/2022".
_FILING_STAMP = re.compile(r"(?:USCA\s+|Appellate\s+)?Case:?\s+[\w:.-]+,?\s+(?:Document:?\s|\d{1,2}/\d{1,2}/\d{2,4},?\s+ID:|"
                           r"Page:?\s+\d+\s+Date\s+Filed:)"   # (the Eighth Circuit's "Appellate Case: 17-2543 Page: 1 Date Filed: …")
                           r"|(?:Page:?\s+\d+\s+)?Date\s+Filed:")


# a close: "Respectfully submitted,", "Dated: …  Respectfully Submitted, s/…", "Sincerely,"
_SIGNED_OFF = re.compile(rf"(?:(?:Dated:?\s*)?{_DOCKET_DAY},?\s+)?"
                         r"(?:Respectfully\s+submitted|Sincerely|Very\s+truly\s+yours|Respectfully)\b\s*,", re.IGNORECASE)


# an issue on appeal or a question presented, put as "whether …" with no question mark
_WHETHER = re.compile(r"(?:\(?(?:\d{1,2}|[a-zA-Z]|[ivxIVX]{1,4})[.)]\s+)?Whether\b(?!\s+or\s+not\b)(?![^,;]{0,60},\s+(?:\w+\s+){0,3}\w+ed\b)")   # ("Whether by design or not, the board fired …" tells one)


# A press office's contact block ("Contact: Jane Roe Director of Communications … 214-653-3756 (office)",
# "Office: 714-347-8408 Cell: …"), and a listing's link label ("… Read More April 24, 2026 News …")
_CONTACT = re.compile(r"\b(?:contact|office|cell|phone|tel|fax|e-?mail|media)\s*:", re.IGNORECASE)
_STATE_ZIP = re.compile(r"\b[A-Z]{2},?\s+\d{5}(?:-\d{4})?\b")   # "Chicago IL 60625", "Santa Ana, CA 92701"
_PHONE_OR_MAIL = re.compile(r"(?<!\d)\(?\d{3}\)?[-. ]\d{3}[-. ]\d{4}(?!\d)|\b[\w.+-]+@[\w-]+\.[\w.]+\b")
# a report's list of reports, row by row: "A-07-12-05023 Medicare Compliance Review of … 11/13/2012"
# a line that ends on a web address with a day just before it or inside it: a source cited, no act
_SOURCE_LINE = re.compile(rf"(?:\b(?:{MONTH_ALT})\.?\s+\d{{1,2}},?\s+(?:19|20)\d\d|\b\d{{1,2}}/\d{{1,2}}/(?:19|20)?\d\d)"
                          r"[\s,.;:)\]]{1,4}(?:https?://|www\.)\S+\s*$"
                          r"|(?:https?://|www\.)\S*/(?:19|20)\d\d[/-]\d{1,2}[/-]\d{1,2}/\S*\s*$", re.IGNORECASE)


def _source_line(text: str, start: int, end: int) -> bool:
    """A source cited with its day, on a line that ends on its web address (the parser may cut the address off
    as a sentence of its own): "Rand Report: Legalizing Marijuana …, July 7, 2010, https://www.rand.org/…",
    "Big Cannabis is funding … - Los Angeles Times https://…/2022-12-15/…"."""
    end = start + len(text[start:end].rstrip())
    line_end = text.find("\n", end)
    return bool(_SOURCE_LINE.search(text, start, len(text) if line_end < 0 else line_end))


_CATALOGUE = re.compile(r"[A-Z]{1,4}-\d{2}-\d{2}-\d{3,6}\b")
_LINK_LABEL = re.compile(r"\bRead (?:More|more)\b|\bREAD MORE\b|\bView (?:Document|Opinion|Order|PDF)\s*$")


def _name_list(sent: Any, start: int) -> bool:
    """A list of capitalised names and nothing else, no verb: a vote's roll ("Darling, Haskew, Wilk,
    Mayor Pro Tem Silva, Mayor Francois.") whose label ("YEAS:") stood on the line before."""
    toks = [t for t in sent if t.idx >= start and not t.is_space]
    words = [t for t in toks if t.is_alpha and t.lower_ != "and"]
    return len(words) >= 3 and sum(t.text in (",", "and", "&") for t in toks) >= 2 and \
        all(t.text[0].isupper() for t in words) and not any(t.pos_ in ("VERB", "AUX") for t in toks) and \
        all(t.is_alpha or t.text in (",", ".", ";", "and", "&") or t.text.endswith(".") for t in toks)


# A figure that moved ("arrests increased by more than 57 percent", "BlackRock outperformed the index
# by 7 basis points", "the G Fund experienced an inflow of $1.4 billion", "The L Funds increased in
# value"): a statistic, no act. Intransitive, or a verb that only ever measures, with a measure told.
CHANGE_VERBS = {"increase", "decrease", "rise", "fall", "decline", "grow", "drop", "climb", "jump", "surge",
                "plunge", "dip", "slip", "rebound", "double", "triple", "gain", "outperform", "underperform",
                "experience", "total", "average", "exceed", "fluctuate", "worsen", "soar", "stabilize", "stabilise", "spike",
                "peak", "shrink", "plummet", "tumble", "sink", "swell", "dwindle", "balloon"}
_MEASURING = {"outperform", "underperform", "experience", "total", "average", "exceed"}
# a quantity as the subject: "the Aurora property crime rate has fluctuated", "trends have worsened in 2020",
# "The amount of major crimes in the first half of 2020 has increased": a figure moved, with no measure told
_QUANTITY_NOUNS = {"rate", "number", "amount", "count", "total", "level", "trend", "figure", "share", "price", "cost",
                   "revenue", "enrollment", "enrolment", "ridership", "volume", "percentage", "proportion", "ratio",
                   "average", "value", "balance", "population", "turnout", "demand", "spending", "crime", "unemployment"}
_MEASURE = re.compile(r"\bbasis\s+points?\b|\bin\s+value\b|\bpercent(?:age\s+points?)?\b|%")


def _figure(sent: Any, start: int) -> bool:
    root = sent.root
    if _lemma(root) not in CHANGE_VERBS or root.pos_ != "VERB":
        return False
    if any(c.dep_ == "dobj" for c in root.children) and _lemma(root) not in _MEASURING:
        return False   # "The council increased the fee by 2 percent": a body's act
    if any(c.dep_ in ("nsubj", "nsubjpass") and c.ent_type_ == "PERSON" for c in root.children):
        return False
    if any(c.dep_ == "nsubj" and c.lemma_.lower() in _QUANTITY_NOUNS for c in root.children):
        # ("The number of deputies fell after the sheriff fired six of them" tells an act beside it)
        return not any(t.pos_ == "VERB" and t.i != root.i and _lemma(t) in TRIGGERS and _lemma(t) not in CHANGE_VERBS
                       for t in sent)   # (another move of the figure is none: "peaked in 1997, and declined …")
    return bool(_MEASURE.search(text_of(sent.doc), start, sent.end_char)) or any(
        e.label_ in ("PERCENT", "MONEY") and e.start_char >= start for e in sent.ents)


_NAME_TITLE = re.compile(r"^\s*(?:and\s+)?(?:[A-Z][\w.'’-]*\s+){1,3}[A-Z][\w'’-]+,\s+[A-Z]")


_ROLL_LABEL = re.compile(rf"\b(?:{ROLL_LABELS.upper()})\s*:")   # in capitals: a form's labels


_ITEM_TITLE = re.compile(r"(?:[A-Z0-9.]+\s+){0,2}(?:ADOPTION|APPROVAL|AUTHORIZATION|AWARD|ACCEPTANCE|CONSIDERATION|"
                         r"DISCUSSION|INTRODUCTION|RATIFICATION|APPOINTMENT)\s+OF\b")


def _item_title(sent: Any, body: str) -> bool:
    """An item's title in capitals, a noun and no verb told ("ADOPTION OF RESOLUTION declaring the month
    of June 2022 …"): what the item is about; the line that records what was done is the act."""
    return bool(_ITEM_TITLE.match(body)) and _no_finite_verb(sent) and \
        not _RECORDED.search(body)   # ("APPROVAL OF CONSENT CALENDAR - Motion by Ames, carried 5-0" records the act)


# a heading marked as one in a markdown text ("### 1. Type IV Hearing for an amendment to Ordinance 70-2001 …"), on a
# line of its own: what the item is about, no act (the lines under it tell what was done)
_MARKDOWN_HEADING = re.compile(r"[ \t]*#{1,6}[ \t]+[^\n]*$")


def _marked_heading(text: str, start: int, end: int) -> bool:
    line = text.rfind("\n", 0, start) + 1
    stop = text.find("\n", start)
    return bool(_MARKDOWN_HEADING.match(text, line, len(text) if stop < 0 else stop)) and (stop < 0 or not text[stop:end].strip())


_RECORDED = re.compile(r"\b(?:motion|moved|carried|passed|approved|adopted|voted?|votes|unanimous(?:ly)?)\b", re.IGNORECASE)


_FIELD_LABEL = re.compile(r"(?:^|\s)[A-Z][\w#/&’'-]*(?:\s+(?:of|for|[A-Z][\w#/&’'-]*)){0,3}\s*:(?=\s|$)")


def _form_fields(sent: Any, body: str) -> bool:
    """A form's fields, two labels or more, no verb at all and no date ("Manager: Ki Seok Kim Hours of Operation:
    6:00 PM to 10:30 PM"): what a licence says, no act (a field that dates a notice, "Date: 08/07/2022
    Notice: Assault …", and a digest's "Committee on …: Held a hearing entitled …" may tell one)."""
    return len(_FIELD_LABEL.findall(body)) >= 2 and not any(t.pos_ == "VERB" for t in sent) and not _ANY_DATE.search(body) and \
        not any(e.label_ == "DATE" for e in sent.ents)


_ANY_DATE = re.compile(rf"\b(?:{MONTH_ALT})\b|\b\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}\b|\b(?:19|20)\d\d\b", re.IGNORECASE)


def _no_finite_verb(sent: Any, start: int = 0) -> bool:
    """No verb told in the past or the present, nor a modal, from `start` on: a list, a title, a label."""
    return not any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in sent if t.idx >= start)


def _vote_roll(sent: Any, body: str) -> bool:
    """A vote's roll under its labels, no verb told ("AYES: Mashack, Brown, Allen Fisk … ABSENT:"): who
    voted how, not an act of its own (the motion and its result are)."""
    return bool(_ROLL_LABEL.search(body)) and _no_finite_verb(sent)


def _roster(sent: Any, start: int) -> bool:
    """Who attended, name by title, with no verb told: "Gregory T. Long, Executive Director; Megan G.
    Grumbine, Acting Secretary; Susan C. Crowder, Chief Financial Officer; …"."""
    parts = text_of(sent.doc)[start:sent.end_char].split(";")
    return len(parts) >= 3 and sum(bool(_NAME_TITLE.match(p)) for p in parts) >= 2 and \
        _no_finite_verb(sent, start)


def not_a_report(body: str) -> bool:
    """A heading, a question, a filing stamp, a contact block, a listing's links, or a table row
    without a date cell reports no act."""
    if body.endswith("?") or is_caps_line(body) or (is_heading(body) and "|" not in body) or _FILING_STAMP.match(body) or \
            _WHETHER.match(body):
        return True   # (an issue on appeal or a question presented, "1. Whether the District Court erred in …", asks)
    if (_CONTACT.search(body) or _STATE_ZIP.search(body)) and _PHONE_OR_MAIL.search(body) or \
            _LINK_LABEL.search(body) or _CATALOGUE.match(body):
        return True   # (a letterhead's or a footer's address and phone: "… Chicago IL 60625 | p: 773.728.3890")
    if _AFTERMATH.search(body) and not _COLLISION.search(body):
        return True   # a crash's aftermath told apart ("The vehicle was towed from the scene.", "… sustained damage
        # to the front end"): the crash is the act ("The vehicle struck the deer and sustained damage …" stays)
    if _SIGNED_OFF.match(body):
        return True   # a filing's or a letter's close, its day and signatures run on after it ("August 5, 2020
        # Respectfully Submitted, s/Amalia Wille s/Judah Lakin"): the paper's signing, no act it reports
    if _HOURS.match(body):
        return True   # a licence's or an office's hours ("Hours of operation: Monday – Friday: 9:00 AM – 5:00 PM; …")
    if _NO_REPLY.search(body) and _PRESS_ASKED.search(body):
        return True   # a press inquiry unanswered ("An email … to the agency was not returned Wednesday.", "his father
        # did not respond to questions", "declined to comment"): the reporting, no act of the story
    if _METHOD.search(body):
        return True   # how a figure was worked out: "Total Part B expenditures were calculated using fourth
        # quarter 2010 figures …" (a report's method, dated by the data it used, no act)
    return (body.startswith("|") or body.count(" | ") >= 2) and not re.search(r"\d", body)


_HOURS = re.compile(r"\W*(?:(?:business|office|operating|closing|opening)\s+)?hours(?:\s+of\s+(?:operation|business))?\s*:", re.IGNORECASE)
_AFTERMATH = re.compile(r"\b(?:vehicles?|cars?|trucks?|motorcycles?|it)\s+(?:was|were)\s+(?:towed|driven)\s+(?:away\s+)?from\s+the\s+scene\b"
                        r"|\b(?:vehicles?|cars?|trucks?|motorcycles?)\s+(?:\w+\s+){0,2}sustained\s+(?:\w+\s+){0,2}damage\b", re.IGNORECASE)
_COLLISION = re.compile(r"\b(?:struck|strikes?|striking|hit|collided|crashed|rear-ended|overturned|swerved|ran\s+off)\b", re.IGNORECASE)


# a reporter's inquiry left unanswered: "did not (immediately) respond to a request for comment", "was not returned",
# "could not be reached for comment", "declined to comment"
_NO_REPLY = re.compile(r"\b(?:did\s+not|didn['’]t|could\s+not|couldn['’]t|would\s+not|wouldn['’]t)\s+(?:immediately\s+)?"
                       r"(?:respond|reply|return|be\s+reached|comment)\b|\b(?:was|were|has\s+not\s+been|have\s+not\s+been)\s+"
                       r"(?:not\s+)?(?:immediately\s+)?returned\b|\bdeclined\s+(?:to\s+)?comment|\bcould\s+not\s+be\s+determined\b",
                       re.IGNORECASE)
_PRESS_ASKED = re.compile(r"\b(?:comment|request|e-?mails?|calls?|messages?|inquir\w+|questions|reporters?|news\s+organization|"
                          r"newspaper|determined)\b", re.IGNORECASE)


# a figure's method: "… were calculated using …", "… was estimated based on …", "… were extrapolated to …"
_METHOD = re.compile(r"\b(?:was|were|is|are|been)\s+(?:then\s+)?(?:calculated|computed|estimated|extrapolated|derived|"
                     r"projected|weighted|adjusted|annualized)\s+(?:using|from|based\s+on|by\s+(?:multiplying|applying|"
                     r"using|dividing)|to\s+(?:the|a|an)\b)", re.IGNORECASE)


def _stamp(sent: Any, start: int, ents: list[Any] | None, triggers: list[Any]) -> bool:
    """A line that is little but a date or a time: a page's "Published: Tuesday | April 26, 2022 |
    9:52 PM", "Latest update May 6th, 2022 12:49 AM", "10:11 pm CST", a court's filing stamp. It has
    no verb of its own, and with its dates, times, numbers and small words taken out fewer than four
    words are left (fewer than three if a trigger word is there only as a label: "Published:",
    "Last updated"; in a table's row, fewer than two: "03/04/2024 | Judgment issued" is a docket's
    entry); a headline in title case ("… To Replace The …") is no report either."""
    timed = {t.i for e in (sent.ents if ents is None else ents) if e.label_ in ("DATE", "TIME") for t in e}
    if any(_finite(t) for t in sent if t.idx >= start and t not in triggers and t.lower_ not in _STAMP_WORDS
           and t.i not in timed):   # (a time zone the parser took for a verb, "11:55 PM PST", is the stamp's)
        return False
    # a byline's name after the stamp ("Updated: Nov 8, 2023 / 11:55 PM PST by: Josh DuBose") says who wrote it
    byline = next((t.i for t in sent if t.idx >= start and t.lower_ == "by" and t.i + 1 < sent.end
                   and sent.doc[t.i + 1].text == ":"), None)
    words = [t for t in sent if t.idx >= start and t.i not in timed and t.is_alpha and len(t) > 1 and not t.is_stop
             and not (byline is not None and t.i > byline and t.pos_ == "PROPN")]
    if " | " in sent.text or sent.text.lstrip().startswith("|"):
        return len(words) < 2
    alpha = [t for t in sent if t.idx >= start and t.is_alpha]
    if words and all(t.text[0].isupper() for t in words) and \
            any(t.is_stop and t.text[0].isupper() and t.text != "I" for t in alpha[1:]):
        return True   # another story's headline, dated: "The Leading Candidates To Replace The Director - October 10, 2020"
    if not triggers:
        return len(words) < 4
    labels = all(t.lower_ in _STAMP_WORDS or t.i in timed or t.i + 1 < sent.end and sent.doc[t.i + 1].text in (":", "|")
                 for t in triggers)   # (a time zone the parser took for a verb, "11:55 PM PST", is the stamp's)
    return labels and len(words) < 3


def _caption(root: Any) -> bool:
    """A photo's caption: "A general view of the hospital is seen in Glasgow, Scotland December 29,
    2014", "Protesters are pictured outside City Hall on Monday", "The mayor poses with …": what a
    picture shows, in the present, not an act the text reports."""
    present = root.tag_ in ("VBZ", "VBP") or any(c.dep_ == "auxpass" and c.tag_ in ("VBZ", "VBP") for c in root.children)
    return present and (root.lemma_ in ("see", "picture", "photograph") and root.tag_ == "VBN" or root.lemma_ == "pose")


def _fragment(sent: Any, start: int) -> bool:
    """No finite verb, and an infinitive with a subject at its head: a chair's cue ("Councillor Browaty to close.",
    "Seeing none, Mayor Katz to close."), an agenda's "Staff to report back" — what is to be done."""
    root = sent.root
    to = next((c for c in root.children if c.tag_ == "TO"), None)
    return root.tag_ == "VB" and to is not None and not sent.doc[to.i - 1].is_punct and \
        any(c.dep_ == "nsubj" for c in root.children) and not any(_finite(t) for t in sent if t.idx >= start)
    # (a bill's title after its number, "S. Res. 32, to authorize the printing …", is a list item)


_STAMP_WORDS = {"updated", "posted", "published", "filed", "dated", "modified", "revised", "entered", "issued",
                "received"}


def _finite(tok: Any) -> bool:
    return tok.tag_ in ("VBD", "VBZ", "VBP", "MD") or (   # ("to replace" is no finite verb)
        tok.tag_ in ("VB", "VBN") and any(c.dep_ in ("aux", "auxpass") and c.tag_ != "TO" for c in tok.children))


_EMPHASIS = re.compile(r"\*{1,3}(?=\w)")


def content_start(text: str, start: int, end: int) -> int:
    """Where the sentence itself begins: past blanked running headers, a news dateline, and
    heading lines the parser glued on ("A. Personnel Matter", "Executive Summary")."""
    while start < end and text[start].isspace():
        start += 1
    while True:
        newline = text.find("\n", start, end)
        if newline < 0 or not is_heading(text[start:newline]) or text[text.rfind("\n", 0, start) + 1:start].strip():
            break   # (a heading is a whole line: "… improvements. In January 2021, the Los Angeles County" /
            # "Metropolitan Transportation Authority (Metro) selected …" opens mid-line)
        nxt = newline
        while nxt < end and text[nxt].isspace():
            nxt += 1
        line_end = text.find("\n", nxt, end)
        if nxt >= end or not text[nxt].isupper() or runs_on(text[nxt:end if line_end < 0 else line_end]):
            break
        start = nxt
    item = LIST_ITEM.match(text, start, end)   # "• Todd Feinberg welcomed", "3. The board voted"
    if item and item.end() < end:
        start = item.end()
    bold = _EMPHASIS.match(text, start, end)   # Markdown's emphasis: "**Motion passed 4-0.**"
    if bold and bold.end() < end:
        start = bold.end()
    m = _DATELINE.match(text, start, end)
    if m and m.end() < end and text[m.end()].isupper() and not VERDICT.match(text, start, end):
        start = m.end()
    return start


def _text_opens(sent: Any, start: int, root: Any) -> bool:
    """The sentence opens on a text as its subject ("The rule waives …", "This section provides …",
    "Each amendment may …") right before its verb in the present, whatever the parser hung the noun on."""
    words = [t for t in sent if t.idx >= start and not t.is_space]
    present = root.tag_ in ("VBZ", "VBP") or (   # the small model reads "waives" as a plural noun ("waif")
        root.tag_ == "NNS" and any(c.dep_ == "dobj" for c in root.children))
    return present and len(words) > 2 and words[0].lower_ in ("the", "this", "that", "each", "such", "said") and \
        words[1].lemma_.lower() in TEXT_NOUNS and words[2].i == root.i


def _lemma(tok: Any) -> str:
    lemma = tok.lemma_.lower()
    if lemma == "step" and any(c.dep_ == "prt" and c.lower_ == "down" for c in tok.children):
        return "step_down"
    return lemma


# verbs whose clause holds the act: the reporting verbs, and a certificate's "I certify that a copy … was sent on …"
_TELLS_A_CLAUSE = REPORTING_VERBS | {"certify"}


def _told_clause(sent: Any, dates: list[Any]) -> tuple[Any, bool, bool, list[tuple[int, int]]] | None:
    """With no trigger word, a reporting root over a clause that holds a date ("She reported that on
    March 25, 2021, the City Council identified five priorities"): what was told, dated by the clause
    (reported, like a trigger's clause); None otherwise."""
    root = sent.root
    clause = next((c for c in root.children if c.dep_ == "ccomp"), None) if _tells_a_clause(root) else None
    if clause is None:
        return None
    first, last = clause.left_edge, clause.right_edge
    foreign = [(sent.start_char, first.idx), (last.idx + len(last), sent.end_char)]
    if not any(not inside(d.start_char, foreign) for d in dates):
        return None
    return root, True, True, foreign


def _tells_a_clause(tok: Any) -> bool:
    """A reporting verb over a clause ("Walther confirmed that the Agency held a conference on December 14"):
    the act is the clause's, not the confirming (an appointee's confirmation has no clause)."""
    return _lemma(tok).lower() in _TELLS_A_CLAUSE and any(c.dep_ == "ccomp" for c in tok.children)


def _type(tok: Any) -> str:
    if _happening(tok):   # "there was a fire": no one was fired
        return "governance" if _lemma(tok) in _GATHERINGS else "incident"
    return TRIGGERS.get(_lemma(tok), "other")


# What happens, and is told to have been there ("There was a meeting only on Monday of this week", "there was a
# fire in the promenade a couple of years ago", "There was a CBC story a day or two ago")
_HAPPENINGS = {"meeting", "fire", "story", "vote", "hearing", "shooting", "crash", "accident", "collision", "explosion",
               "earthquake", "quake", "storm", "flood", "protest", "ceremony", "session", "announcement",
               "election", "consultation", "seminar", "workshop", "forum", "incident", "attack", "stabbing", "homicide",
               "robbery", "burglary", "raid", "article", "interview", "presentation", "conference", "debate",
               "briefing", "inspection", "outage", "referendum", "strike", "lockdown", "evacuation", "rescue",
               "demonstration", "vigil", "funeral", "tournament", "festival", "parade", "celebration"}
# (not "rally" nor "race": "there was a very sharp rally during the last five days of the month" is the markets')
_GATHERINGS = {"meeting", "vote", "hearing", "session", "election", "consultation", "seminar", "workshop", "forum",
               "conference", "debate", "briefing", "referendum", "announcement", "presentation", "interview"}


def _happening(tok: Any) -> bool:
    """A happening told with "there was" or "there had been" ("There was a meeting yesterday", "there had been a
    double-stabbing homicide … twenty hours earlier"), not none or a count ("there was no meeting", "there were
    three fires"): the act, if a day of its own dates it (event_candidate)."""
    if tok.pos_ != "NOUN" or tok.dep_ not in ("attr", "nsubj") or _lemma(tok) not in _HAPPENINGS:
        return False
    be = tok.head
    if be.lemma_ != "be" or not any(c.dep_ == "expl" for c in be.children):
        return False
    if be.tag_ != "VBD" and not (be.tag_ == "VBN" and any(c.lemma_ == "have" for c in be.children if c.dep_ == "aux")):
        return False   # ("there is a meeting", "there will be a vote": now or ahead)
    return not any(c.dep_ in ("nummod", "neg") or c.lower_ in ("no", "any") for c in [*tok.children, *be.children])


def _generic_act(tok: Any) -> bool:
    """A verb outside the lexicon that reports an act: the main verb of its sentence (or joined to
    it, or of what the main verb reports), done in the past ("moved for a restraining order", "was arrested", "has filed"), and not a
    verb of being, thinking, seeing or saying (lexicon.NOT_ACTS)."""
    passive = any(c.dep_ == "auxpass" for c in tok.children)
    clause = any(c.dep_ == "ccomp" for c in tok.children)
    said = (_lemma(tok) in SPEECH_VERBS or _lemma(tok) == "answer" and clause) and not (passive and not clause) and \
        not _agreed_to(tok)   # ("agreed to pay $2 million", "agreed to acquire SunGard": a deal made, not a view)
    # ("answered that challenges may affect …" is speech; "answered the complaint" is a filing)
    own = _speakers_doing(tok)
    light = _lemma(tok) in LIGHT_VERBS and (_happened(tok) or _fronted_day(tok)) or own
    if tok.pos_ != "VERB" or (_lemma(tok) in NOT_ACTS and not light) or (said or _lemma(tok) in PLAN_VERBS) and not own:
        return False   # ("The shooting was reported to the sheriff" is an act; "reported that ..." is speech)
    head = tok
    while head.dep_ == "conj":
        head = head.head
    reported = head.dep_ == "ccomp" and head.head.dep_ == "ROOT" and _lemma(head.head) in REPORTING_VERBS
    if (head.dep_ != "ROOT" and not reported) or _counted(tok):
        return False   # (an act inside what is reported counts only with a date of its own: _said)
    if _lemma(tok) in ASPECT_VERBS and any(c.dep_ == "xcomp" and (_lemma(c) in NOT_ACTS or c.tag_ == "VBG" and
                                                                  _counted(c)) for c in tok.children):
        return False   # "Turnover began climbing in early 2017": the climbing says what it is
    if tok.tag_ == "VBD":
        return True
    return tok.tag_ == "VBN" and any((c.dep_ == "auxpass" and c.lower_ in ("was", "were", "been"))
                                     or (c.dep_ == "aux" and c.lemma_ == "have") for c in tok.children)


def _agreed_to(tok: Any) -> bool:
    """"agreed to" a thing to do ("Fidelity agreed to acquire SunGard", "the county agreed to pay"): an agreement made."""
    return _lemma(tok) == "agree" and any(c.dep_ == "xcomp" and any(g.tag_ == "TO" for g in c.children) for c in tok.children)


# Verbs of little meaning of their own ("received", "made", "took") report an act when the text
# dates them to the day up front ("On January 10, 2015, the agency received a report") or when
# they say something happened ("The robbery took place at about 3:15 p.m. Dec. 22").
LIGHT_VERBS = {"receive", "make", "take", "give", "provide", "get", "come", "go", "lead", "spend",
               "face", "keep", "hold", "serve", "run", "begin"}


# What a speaker tells they did, in verbs of little meaning ("I did a ride-along about a year ago …", "I had a
# situation in my ward in 2007 …", "last week we had a Council seminar …", "Yesterday, the Mayor and I had the
# pleasure of opening …"): their act, when a day of its own dates it (event_candidate: a speaker's story with no
# day is none)
# ("last month I asked a question …", "Mr. Mayor, last year you proposed a menu of items to the Premier", "When Gerry
# approached me about a year ago …, I told him I would be honoured …", "I raised a concern …": their own words then)
_SPEAKERS_DOINGS = {"do", "have", "hold", "make", "take", "give", "ask", "tell", "raise", "propose", "suggest", "write",
                    "send", "bring"}


def _speakers_doing(tok: Any) -> bool:
    if tok.tag_ != "VBD" or tok.dep_ != "ROOT" or _lemma(tok) not in _SPEAKERS_DOINGS:
        return False
    subjects = [c for c in tok.children if c.dep_ == "nsubj"]
    subjects += [g for s in subjects for g in s.children if g.dep_ == "conj"]
    return any(s.lower_ in ("i", "we", "you") for s in subjects) and any(
        c.dep_ in ("dobj", "dative") and (c.pos_ in ("NOUN", "PROPN") or c.pos_ == "PRON" and c.lower_ in _SOMEONE)
        for c in tok.children)


_SOMEONE = {"him", "her", "them", "me", "us", "you"}   # ("I told him …"; not "we did it", "I said that")


def _happened(tok: Any) -> bool:
    return _lemma(tok) == "take" and any(c.dep_ == "dobj" and c.lower_ == "place" for c in tok.children)


def _fronted_day(tok: Any) -> bool:
    """The sentence opens on a date with a day ("On January 10, 2015, ...")."""
    sent = tok.sent
    first = next((t for t in sent if t.is_alpha), None)
    if first is None or first.lower_ not in ("on", "at"):
        return False
    return any(t.ent_type_ == "DATE" and t.i <= first.i + 3 and any(c.isdigit() for c in t.text) for t in sent)


def _counted(verb: Any, roles: tuple[str, ...] = ("dobj", "nsubj", "nsubjpass", "attr"),
             records: bool = False) -> bool:
    """A subject or object that is a count ("1,184 applications", "Thirty-one investigations",
    "41 percent"): the sentence states a figure. A number after its noun is a label ("Executive
    Order 14"), a year is a year ("2017/18 Financials"), money is what a body decides on; with
    `records`, only counts of records and people count ("found 31 investigations", not "found
    475 pounds of cocaine")."""
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in ("by", "from", "to") and not records and \
                TRIGGERS.get(_lemma(verb), "other") in ("other", "oversight") and \
                any(g.dep_ == "pobj" and _counted_noun(g) for g in c.children):
            return True   # "increased by 57 percent", "rose from 24 to 31"
        if c.dep_ not in roles or c.ent_type_ == "MONEY":
            continue
        if records and c.lemma_.lower() not in COUNTED_RECORDS:
            continue
        if c.dep_ in ("nsubj", "nsubjpass") and _few_people(c):
            continue
        if c.like_num and not _year_like(c.text) and c.lower_ != "one":   # "pushed one of the senators"
            return True
        if any(g.dep_ == "nummod" and g.i < c.i and g.like_num and not _year_like(g.text) and g.ent_type_ != "MONEY"
               for g in c.children):
            return True
    return False


# Words that make a date name a day or a month ("Tuesday", "yesterday", "last week", "in March"); with no
# digit either, a date is vague ("the end of the year", "the coming weeks").
_DAY_WORDS = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:yesterday|today|tonight|last|ago|past|previous|weekend)\b|"
                        r"\bthis\s+(?:week|month|year|morning|afternoon|evening|spring|summer|fall|autumn|winter)\b|"
                        r"\b(?:" + MONTH_ALT + r")\b", re.IGNORECASE)


def _purpose(tok: Any) -> bool:
    """An infinitive or a gerund: what something was done for ("to adopt the codes", "for adopting"), not done."""
    return tok.tag_ == "VBG" or tok.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


_HABIT_SUBJECTS = {"he", "she", "they"}


def _habit(root: Any) -> bool:
    """A person's habit or state told in the simple present with no auxiliary: a pronoun or a named person
    as the subject ("He boats 100 days a year", "Mr. Mandel lives near Heritage Park")."""
    if root.tag_ not in ("VBZ", "VBP") or root.pos_ != "VERB" or any(c.dep_ in ("aux", "auxpass", "neg") for c in root.children):
        return False
    return any(c.dep_ == "nsubj" and (c.lower_ in _HABIT_SUBJECTS or c.pos_ == "PROPN" and c.ent_type_ == "PERSON")
               for c in root.children)


def _ongoing_or_bound(root: Any) -> bool:
    """The present progressive ("is taking", "are trying", "will be voting") or a modal at the head ("cannot get",
    "may choose", "should contact"), said of someone other than the speaker ("I would like to move …", "we'll
    vote" are the act)."""
    aux = [c for c in root.children if c.dep_ in ("aux", "auxpass")]
    if not aux or _first_person(root) or any(a.tag_ == "VBD" for a in aux):
        return False   # ("was trying", "had been working": told of the past)
    if root.tag_ == "VBG":
        return any(a.tag_ in ("VBZ", "VBP", "MD") for a in aux)
    return root.tag_ in ("VB", "VBN") and any(a.tag_ == "MD" and a.lower_ not in _DECREEING for a in aux)


# A court's decree is told with these ("The parties shall bear their own costs", "The appeal will be sustained",
# "Defendant Leon must preserve all relevant evidence"): the order is made, so these modals never make a sentence
# talk (_ongoing_or_bound).
_DECREEING = {"shall", "must", "will", "'ll", "’ll", "wo"}


def _opinion(root: Any) -> bool:
    """A view, a wish or a feeling at the sentence's head whose clause tells nothing done: "believes the ramp
    is not equipped", "doesn't want", "would like to see", "supports a compromise"; not "I'd like to move
    …" (saying it is the act) nor a view of something done ("believe that he drove …")."""
    if _lemma(root) not in _OPINING:
        return False
    return not any(c.dep_ in ("ccomp", "xcomp", "advcl", "conj") and (
        _done_then(c) and not _past_state(c) and c.lemma_ not in ("be", "have") or _lemma(c) in PERFORMATIVES)
        for c in root.children)


_SPAN_WORDS = re.compile(r"\bfrom\b.{1,60}?\b(?:to|until|through|thru)\b|\bbetween\b.{1,60}?\band\b|\buntil\b", re.IGNORECASE | re.DOTALL)
_SERVICE_NOUNS = {"service", "career", "tenure", "term", "duty"}
_PARTIES = {"plaintiff", "plaintiffs", "defendant", "defendants", "petitioner", "respondent", "appellant", "appellee"}


def _tenure(sent: Any, root: Any, start: int) -> bool:
    """A post held or a service over a period, told in the past: "X was the President of the COBA in June
    2016" (a copula over a title; a party to a case or "the successful bidder" may tell an act), "served on
    the Court from January 2015 to December 2019", "had active duty service … from September 1965 to
    September 1969"."""
    if root.tag_ != "VBD":
        return False
    if root.lemma_ == "be":
        return any(c.dep_ == "attr" and c.lower_ in ROLE_TITLES and c.lower_ not in _PARTIES for c in root.children)
    body = text_of(sent.doc)[start:sent.end_char]
    if root.lemma_ == "serve":
        return bool(_SPAN_WORDS.search(body)) and any(c.dep_ == "prep" and c.lower_ in ("as", "on", "in", "with")
                                                       for c in root.children)
    return root.lemma_ == "have" and bool(_SPAN_WORDS.search(body)) and any(
        c.dep_ == "dobj" and _lemma(c) in _SERVICE_NOUNS for c in root.children)


def _past_state(verb: Any) -> bool:
    """A state told in the past ("there was no indication", "the bill now had bipartisan support", "was the
    first one"), not something that happened ("there was a shooting")."""
    if verb.lemma_ not in ("be", "have") or not _done_then(verb):
        return False
    happened = any(c.dep_ == "expl" for c in verb.children) and any(
        c.dep_ in ("attr", "nsubj") and not any(d.lower_ == "no" for d in c.children) and (
            _lemma(c) in _HAPPENINGS or any(r.dep_ == "relcl" and _done_then(r) and _lemma(r) in TRIGGERS for r in c.children))
        for c in verb.children)   # ("there were a lot of items" is a state; "there were two reasons that Council approved
    return not happened           # the closure" tells the approval)


def _done_then(verb: Any) -> bool:
    """Told as done in the past: "held", "had approved"; not going on ("was conducting", "was still
    waiting") nor what might be ("could report", "may affect")."""
    return _past(verb) and verb.tag_ != "VBG" and not any(c.dep_ == "aux" and c.tag_ == "MD" or c.lower_ == "being"
                                                          for c in verb.children)   # ("were being reviewed")


def _past(verb: Any) -> bool:
    """The clause is told in the past: "held", "was conducting", "had been"."""
    return verb.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children)


def _few_people(noun: Any) -> bool:
    """"TWO men", "3 deputies": a few people, counted by a number before them."""
    if noun.lemma_.lower() not in _PEOPLE_NOUNS:
        return False
    nums = ["".join(t.text_with_ws for t in g.subtree).strip().lower()   # "Thirty-one" is one number
            for g in noun.children if g.dep_ == "nummod" and g.i < noun.i]
    values = [NUMBER_WORDS.get(n, int(n) if n.isdigit() else _FEW + 1) for n in nums]
    return bool(values) and all(v <= _FEW for v in values)


def _counted_noun(n: Any) -> bool:
    return (n.like_num and not _year_like(n.text) and n.ent_type_ != "MONEY") or \
        (n.lower_ in ("percent", "%") and any(g.like_num for g in n.children))


def _year_like(text: str) -> bool:
    return bool(re.fullmatch(r"(?:19|20)\d\d(?:[/–-]\d{2,4})?", text))


def _is_trigger(tok: Any, sent: Any) -> bool:
    lemma = _lemma(tok)
    if _nothing_done(tok):
        return False   # "No injuries were reported", "No one was arrested": nothing happened
    if _happening(tok):
        return True   # ("there was a fire": no one fired)
    if lemma not in TRIGGERS:
        return _generic_act(tok)
    if tok.pos_ not in ("VERB", "NOUN", "AUX"):
        return False
    if tok.pos_ == "NOUN" and (lemma not in EVENT_NOUNS or not _argument(tok)
                               or any(c.dep_ == "nummod" for c in tok.children)):
        return False  # "received 29 reports", "concern regarding the death": no act named
    if tok.dep_ == "amod" or any(t.dep_ in _SUBORDINATE and not _main_predicate(t) and not (
            _dated_aside(t) and (t.i == tok.i or tok.dep_ == "conj" and tok.head.i == t.i)) for t in _path(tok)):
        return False  # "the adopted budget", "the positions approved in January"
    if any(t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in t.children)
           for t in _path(tok)):
        return False  # "If an item is approved in that manner, ...": a condition, not an act
    if tok.tag_ == "VBG" and not any(c.dep_ in ("aux", "auxpass") for c in tok.children):
        return False  # "promoting community service": a gerund names an activity, not an act
    if tok.pos_ == "VERB" and (_counted(tok, ("nsubj", "nsubjpass")) or (
            TRIGGERS[lemma] in ("oversight", "other") and _counted(tok, ("dobj",), records=True))):
        return False  # "31 investigations were closed in 2017", "received 29 reports": figures
        # (a decision on counted things stays an act: "approved six positions")
    if lemma == "place" and not any(t.lower_ == "leave" for t in sent):
        return False  # "place" is an action only as "placed on leave"
    if lemma == "move" and not _motion(tok):
        return False  # "moved to approve", "move adoption of the report" are motions; "moved to Ohio" is not
    if lemma in NAMED_SPEAKER_TRIGGERS and not _named_subject(tok):
        return False  # "a resident spoke": public comment
    return True


# what a motion moves, named by its noun ("I … move adoption of consent agenda Items 1 to 9", "moved approval of …")
_MOVED_NOUNS = {"adoption", "approval", "acceptance", "amendment", "reconsideration", "referral", "deferral",
                "concurrence", "passage", "ratification", "item"}


def _motion(tok: Any) -> bool:
    """"move" making a motion: "moved to approve …", "I move that By-law No. 66/2013 be read …", "move adoption of …",
    "move Items 1 through 14"."""
    return any(c.dep_ in ("xcomp", "ccomp") or c.dep_ == "dobj" and c.lemma_.lower() in _MOVED_NOUNS for c in tok.children)


def _moving_on(tok: Any) -> bool:
    """"move on", "move onto", "move forward": going on to the next item or ahead, no motion."""
    return _lemma(tok) == "move" and any(c.dep_ in ("prt", "prep", "advmod") and c.lower_ in ("on", "onto", "forward",
                                                                                            "ahead", "along")
                                         for c in tok.children)


def _nothing_done(tok: Any) -> bool:
    """Nobody did it or nothing was done: "No injuries were reported", "no one was arrested", "none
    of the members voted", "arrested no one", "no arrests"."""
    def nobody(n: Any) -> bool:
        return n.lower_ in ("nobody", "nothing", "none") or any(d.dep_ == "det" and d.lower_ == "no" for d in n.children) \
            or (n.lower_ == "one" and n.i > 0 and n.doc[n.i - 1].lower_ == "no")
    if tok.pos_ == "NOUN":
        return nobody(tok)
    return any(c.dep_ in ("nsubj", "nsubjpass", "dobj") and nobody(c) for c in tok.children) or (
        tok.lemma_ == "be" and any(c.dep_ == "expl" for c in tok.children) and
        any(c.dep_ == "attr" and nobody(c) for c in tok.children))   # "There was no disciplinary hearing on August 11"


def _path(tok: Any) -> list[Any]:
    """The token and its ancestors up to (not including) the sentence root."""
    out = []
    while tok.dep_ != "ROOT" and tok.head is not tok:
        out.append(tok)
        tok = tok.head
    return out


def _main_predicate(tok: Any) -> bool:
    """The parser's "board named (acl) Whitfield director": a sentence whose root is a noun has its
    real verb as an acl of that noun."""
    return tok.dep_ == "acl" and tok.head.dep_ == "ROOT" and tok.head.pos_ in ("NOUN", "PROPN")


def _dated_aside(clause: Any) -> bool:
    """A dated aside about someone named: "…," said King, who resigned and filed to run on Dec. 20."
    — an act of theirs with its own date, not a description of a thing ("the bridge, which …")."""
    doc = clause.doc
    return clause.dep_ == "relcl" and clause.head.pos_ == "PROPN" and clause.left_edge.i > 0 and \
        doc[clause.left_edge.i - 1].text == "," and any(t.ent_type_ == "DATE" and t.like_num for t in clause.subtree)
    # the aside's own verb, with a written day or year ("who resigned … on Dec. 20"; not "who led the
    # department after Whitfield resigned last March": her act, in his aside, counted from the story)


def _argument(noun: Any) -> bool:
    """A noun trigger names the act only as a verb's subject or object ("submitted her
    resignation", "opened an investigation"), or in a phrase on the verb ("charged in the death")."""
    while noun.dep_ == "conj":
        noun = noun.head
    if noun.dep_ in _ARGUMENTS:
        return noun.dep_ == "ROOT" or noun.head.pos_ in ("VERB", "AUX")
    return noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ in ("VERB", "AUX")


def _named_subject(tok: Any) -> bool:
    verb = tok
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    while not subjects and verb.dep_ == "conj":
        verb = verb.head
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return any(s.pos_ == "PROPN" or s.ent_type_ == "PERSON" for s in subjects)


def _announced(tok: Any, dates: list[Any]) -> tuple[int, int] | None:
    """A plan told on a day ("said on Tuesday that she would resign", "announced Monday he will
    retire"): the span of what was said, when the saying verb is in the past and holds a date of its
    own outside it; else None."""
    clause = _said(tok)
    verb = clause.head if clause is not None else None
    if verb is None or verb.tag_ != "VBD" or _lemma(verb) not in PLAIN_SAYING | {"announce"}:
        return None
    inner = (clause.left_edge.idx, clause.right_edge.idx + len(clause.right_edge))
    own = [d for d in dates if not inner[0] <= d.start_char < inner[1] and
           (d.root.head == verb or d.root.head.head == verb)]
    return inner if own else None


def _said(tok: Any) -> Any | None:
    """The clause of a speech verb the token sits in ("stated that …", "asked why …"), if any."""
    for t in _path(tok):
        if t.dep_ not in ("conj", "cc") and _lemma(t.head) in REPORTING_VERBS and t.head.pos_ == "VERB":
            return t
    return None


def _subject_head(tok: Any) -> Any:
    """The verb that holds `tok`'s subject: itself, or up the verbs it is joined to or that it completes ("I would
    like to introduce the report and move adoption …": "move" is said by "like"'s "I")."""
    head = tok
    while (head.dep_ in ("conj", "xcomp") or head.dep_ == "acomp" and head.lower_ in _PLEASED) and head.head is not head and \
            not any(c.dep_.startswith("nsubj") for c in head.children):
        head = head.head   # ("I'm pleased to introduce the report and move …": "move" is said by "'m"'s "I")
    return head


_PLEASED = {"pleased", "happy", "glad", "delighted", "honoured", "honored", "proud"}


def _pleased(verb: Any) -> bool:
    """Said with pleasure: "I'm pleased to …" (the copula with its complement), "I'm honoured to …" (a passive's verb)."""
    return verb.lower_ in _PLEASED or any(c.dep_ == "acomp" and c.lower_ in _PLEASED for c in verb.children)


def _first_person(tok: Any) -> bool:
    return any(c.dep_.startswith("nsubj") and c.lower_ in ("i", "we", "you") for c in _subject_head(tok).children)


def _said_now(tok: Any) -> bool:
    """A performative in the first person, present or to come: "I move", "I'd like to move", "we'll vote"."""
    if _lemma(tok) not in PERFORMATIVES and _lemma(tok) not in ("vote", "confirm", "refer") or _moving_on(tok):
        return False   # ("we will move on to Finance": the chair's next item, no motion)
    tok = _subject_head(tok)
    if any(t.dep_ in ("relcl", "advcl", "ccomp", "pcomp") and _lemma(t.head) != "thank" for t in [tok, *tok.ancestors]):
        return False   # "… we’ll decide what departments we can move in there" (the parser may hang the motion on
        # the courtesy before it: "Thank you, Mr. Speaker I'd like to … move Items 1 through 14")
    # "I’d like to": the parser may hang "’d" on "I"
    return _first_person(tok) and (_present(tok) or any(t.tag_ == "MD" for t in tok.doc[max(0, tok.i - 3):tok.i]))


def _moved_now(tok: Any) -> bool:
    """A motion made by saying so, politely ("I would like to introduce the report and move adoption of …", "I'd like
    to move …") or in the future's words ("I will move that By-law No. 113/2013 be read a first time", "I would
    introduce the report and move adoption of …": a council transcript's mover making the motion), not one put off
    ("I will move it at the next meeting"), nor the chair's call ("we will then vote on 1 to 3": no "move"). A
    referral said so is made the same way ("So we will refer Councillor Gerbasi's motion to the Standing Committee")."""
    if _lemma(tok) not in ("move", "refer") or not _said_now(tok):   # (asked of every word: the cheap test first)
        return False
    head = _subject_head(tok)
    modal = [c for c in head.children if c.lower_ in _MOVING_MODALS]
    if _lemma(head) in ("like", "wish", "want") or _pleased(head):
        # ("I'll want to move …": ahead; "I'm pleased to introduce the report and move Items 1 and 2": made)
        return not any(c.lower_ in ("will", "shall", "’ll", "'ll") for c in modal)
    return bool(modal) and not any(t.lower_ in _LATER for t in tok.sent)


_MOVING_MODALS = {"will", "would", "shall", "’ll", "'ll", "’d", "'d"}
_LATER = {"next", "later", "tomorrow", "future", "upcoming", "subsequent", "eventually"}


def _present(tok: Any) -> bool:
    """Said in the present or the future: "we have", "I must", "we'll vote", "I am going to"."""
    aux = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    if aux:
        return aux[0].tag_ in ("VBP", "VBZ", "MD")
    return tok.tag_ in ("VBP", "VBZ", "MD")


def _negated(tok: Any) -> bool:
    return any(t.dep_ == "neg" for t in tok.children)


def _refusal(tok: Any) -> bool:
    """The speaker's own negated act ("he will not resign"): a refusal, made when it is said."""
    return tok.pos_ == "VERB" and any(c.dep_ == "neg" for c in tok.children) and \
        any(c.dep_ == "nsubj" and c.pos_ == "PRON" for c in tok.children)


# An agenda's or a staff report's proposal, labelled as such: "Recommendation: Adopt Resolution No. 12",
# "RECOMMENDED ACTION: That the items be approved", "Staff Recommendation: It is recommended that ...".
_PROPOSAL_LABEL = re.compile(r"(?:staff\s+|suggested\s+|proposed\s+|requested\s+|recommended\s+)?"
                             r"(?:recommend(?:ation|ed)?s?|action(?:\s+requested)?|motion|proposal|request)"
                             r"(?:\s+(?:action|motion|by\s+staff))?\s*:"
                             # an item's purpose put as what the body is asked to do ("For the Board of Directors to
                             # ratify Director Lewis' appointment …", "For the Council to approve …")
                             r"|For\s+(?:the\s+)?(?:[A-Z][\w'’.-]*\s+){1,5}to\s+[a-z]+\b", re.IGNORECASE)


# a motion's mover named after its label, in the past ("Motion: Mayor Kibbey moved that …", "Motion: Councilor Tuttle
# made a motion to …"): a motion made at the meeting, no proposal
_MOVER_TOLD = re.compile(r"\s*(?:[A-Z][\w.'’-]*\s+){1,5}(?:moved|made\s+a\s+motion)\b")


# a verb of planning in the past that is itself the act told: a proposal made, a hearing scheduled
_MADE_PLANS = {"proposed", "scheduled"}


def _wrote_to(verb: Any) -> bool:
    """"Mr Joseph wrote to her insisting …", "wrote to the Secretary on May 2": a letter sent to someone,
    an act of correspondence, not a quote's attribution."""
    return _lemma(verb) == "write" and any(c.dep_ == "prep" and c.lower_ == "to" and any(g.dep_ == "pobj" for g in c.children)
                                           for c in verb.children)


def _planned(tok: Any) -> bool:
    """An act to be done, not done: with a modal or a word of planning ("will resign", "may take one
    vote to approve"), sharing one with the verb it is joined to ("will be distributed and posted"),
    or inside what someone proposes ("recommends the board approve")."""
    if any(t.lower_ in PLANNED_CUES for t in tok.children if t.dep_ in ("aux", "advcl", "xcomp")):
        return True
    if any(t.lower_ in PLANNED_CUES and t.head.i == tok.i and not (t.i == tok.i and t.lower_ in _MADE_PLANS)
           and t.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj", "attr", "conj") for t in tok.sent):
        return True   # not a noun it acts on: "approved the plan" is done; nor a verb joined on ("sneaked across
        # the border in 2009 and planned to save money": the crossing is done); nor the verb itself at the
        # sentence's root ("Ly proposed to the Council that the center be renamed": a proposal made; "was
        # expected to have a vote" stays an expectation)
    if tok.dep_ == "xcomp" and _lemma(tok.head) in PLAN_VERBS:  # "is expected to be released"
        return True
    if tok.dep_ == "xcomp" and tok.head.lemma_ == "be" and any(c.lower_ == "to" for c in tok.children):
        return True   # "The purpose of this meeting is to approve …", "The board is to vote Monday"
    if tok.dep_ == "xcomp" and tok.head.lower_ in PLAN_ADJECTIVES or any(   # "is due to report next July"
            c.dep_ == "acomp" and c.lower_ in PLAN_ADJECTIVES and any(x.dep_ == "xcomp" for x in c.children)
            for c in tok.children):
        return True
    if any(_lemma(t.head) in PROPOSING and t.dep_ in ("ccomp", "xcomp", "acl", "advcl", "dobj") for t in _path(tok)):
        return True
    if _lemma(tok) in PROPOSING and (tok.tag_ in ("VBZ", "VBP") or any(
            c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP") for c in tok.children)):
        return True   # "Staff recommends ...", "It is recommended that ...": a proposal made now
    head = _joined_to(tok)
    return head is not None and _planned(head)


def _joined_to(tok: Any) -> Any | None:
    """The verb whose tense a verb shares: the first of a pair without an auxiliary of its own
    ("will be distributed and posted"), or the one an infinitive of purpose hangs from ("may take
    one vote to approve")."""
    own_aux = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    if tok.dep_ == "conj" and not own_aux and tok.head.pos_ in ("VERB", "AUX"):
        return tok.head
    if tok.dep_ in ("xcomp", "advcl", "acl") and any(c.tag_ == "TO" for c in own_aux):
        head = tok.head
        while head.pos_ in ("NOUN", "PROPN") and head.head.i != head.i:
            head = head.head    # "by one vote to approve": the vote's verb
        return head if head.pos_ in ("VERB", "AUX") else None
    return None


def _imperative(sent: Any, start: int) -> bool:
    """A sentence that opens on a bare verb with no subject ("Restore the two positions …") is a
    recommendation, not a report of an act."""
    root = sent.root
    first = next((t for t in sent if t.idx >= start and t.is_alpha), None)
    label = _CAPS_LABEL.match(text_of(sent.doc), start, sent.end_char)
    if label:   # an agenda item's label in capitals, then a dash: "EXEMPTION DETERMINATION - Waive the …"
        verb = next((t for t in sent if t.idx >= label.end() and t.is_alpha), None)
        if verb is not None and (verb.i == root.i or verb.head.idx < label.end()):
            root = first = verb   # the parser may hang the verb on the label's last noun
    if first is None or root.tag_ not in ("VB", "VBP") or any(c.dep_ in ("nsubj", "nsubjpass", "expl", "aux", "auxpass")
                                                              for c in root.children):
        return False   # (the parser may tag a bare verb after a fronted phrase VBP: "Before further flight, do …")
    if root.tag_ == "VB" and any(c.lower_ == "please" for c in root.children):
        return True   # "To better serve you, please notify us …": a request to the reader
    return first.i == root.i and root.tag_ == "VB" or _fronted(sent, first, root)


def _fronted(sent: Any, first: Any, root: Any) -> bool:
    """Only a fronted phrase and its comma before the bare verb: "Before further flight, do all
    applicable actions …", "Within 30 days, install …"."""
    before = sent.doc[root.i - 1] if root.i > first.i else None
    if before is None or before.text != ",":
        return False
    fronts = [c for c in root.children if c.i < root.i and c.dep_ in ("prep", "advcl", "advmod", "npadvmod", "punct")]
    covered = {t.i for c in fronts for t in c.subtree}
    return all(i in covered for i in range(first.i, root.i))


# a label in capitals (words, numbers, punctuation) that a dash ends before the item's first word
_CAPS_LABEL = re.compile(r"(?:[A-Z0-9][A-Z0-9&.,;:'’()/-]*\s+){1,40}?[-–—]\s+(?=[A-Z][a-z])")


def _expand(sent: Any, heads: list[int]) -> list[list[int]]:
    """Character spans of the noun phrases under the given tokens (to match person mentions)."""
    doc = sent.doc
    spans = []
    for i in heads:
        toks = list(doc[i].subtree)
        spans.append([toks[0].idx, toks[-1].idx + len(toks[-1])])
    return spans
