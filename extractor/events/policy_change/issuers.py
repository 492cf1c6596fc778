"""Who issued a measure when the gazetteer does not know the body: names of the form of a body, descriptions of one,
and several bodies acting together."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

import regex

from extractor.contract import Located
from extractor.datafiles import load_json
from extractor.facts.analysis import ArticleView, Facts, OrgRef
from extractor.facts.lexicon import phrases, words
from extractor.facts.patterns import REGEX_TIMEOUT, alternation, untimed

#: how many sentences after a place acting ('China unveiled ...') a body's name may say which body acted
PLACE_BODY_AHEAD = 2
#: a capitalised word of a body's name ('Financial', 'Trade', 'U.S.')
_CAP = r"(?:\p{Lu}[\p{L}'’&.-]*+)"


@cache
def _named_body() -> regex.Pattern[str]:
    """'Financial Regulatory Administration', 'Ministry of Economy, Trade and Industry', 'Central Bank of Brazil':
    a capitalised run whose head word (`body_heads`) says it is a body, with its '(ACRONYM)' if one follows."""
    table = words("policy_change")
    heads = alternation(table["body_heads"])
    link = alternation(table["body_name_links"])  # a short word inside a name: 'of', 'and', 'de'
    not_start = alternation(table["body_name_not_start"])  # 'The', 'Meanwhile': a sentence's first word, not a name's
    before = rf"(?:(?!(?:{not_start})\b){_CAP}\s++(?:and\s++)?){{0,5}}"
    # 'the Cabinet on | Monday': a day or a month after a link word dates the act, it names no part of the body
    dates = load_json("date_words.json")
    undated = rf"(?!(?:{alternation(n.capitalize() for n in [*dates['weekdays'], *dates['months']])})\b)"
    after = (
        # 'Directorate General of Foreign Trade': one capitalised word may stand between the head and its link
        rf"(?:(?:[\s-]++{_CAP})?\s++(?:(?:{link})\s++){{1,2}}{undated}{_CAP}(?:,?\s++(?:and\s++)?{_CAP}){{0,5}})?"
        rf"(?:\s++of\s++(?:the\s++)?{_CAP}(?:\s++{_CAP}){{0,3}})?"  # 'Ministry of Finance' + ' of Indonesia'
    )
    return regex.compile(
        rf"(?<![\p{{L}}'’-])(?P<name>{before}(?:{heads})(?![\p{{L}}]){after})(?:\s*+\((?P<acronym>\p{{Lu}}{{2,8}})\))?"
    )


def _generic(name: str) -> bool:
    """A name of a body's form made only of generic_body_words ('Government', 'Central Government', 'Provincial
    Government'): it describes a body the article may name, rather than naming one."""
    return all(w in words("policy_change")["generic_body_words"] for w in name.split())


@cache
def body_head_last() -> regex.Pattern[str]:
    """A run that ends in a body's head word ('Monetary Policy Committee'): a body's name, not a measure's."""
    return regex.compile(rf"\b(?:{alternation(words('policy_change')['body_heads'])})$")


@cache
def _described_body() -> regex.Pattern[str]:
    """'the ministry', 'regulators', "China's top securities regulator", 'the Chinese government': a body written
    as a description (`body_descriptions`), optionally after a place ('China's', 'Japanese'), a few adjectives
    allowed between only after a possessive or a demonym ('Index futures lower after policy makers' names no
    place: a capitalised word right before the lower-case ones is no place of the body)."""
    table = words("policy_change")
    nouns = alternation(table["body_descriptions"])
    demonyms = alternation(table["demonyms"])
    return untimed(
        "policy_change.described_body",
        regex.compile(
            rf"(?<![\p{{L}}-])(?:(?:the|its|their)\s++)?(?:(?P<place>{_CAP}(?:\s++{_CAP})?(?:'s|’s)\s++)"
            rf"(?:[a-z-]++\s++){{0,3}}?|(?P<place>(?:{demonyms})\s++)(?:[a-z-]++\s++){{0,3}}?|(?P<place>{_CAP}"
            rf"(?:\s++{_CAP})?\s++))?(?P<noun>{nouns}|(?<=^|[.;:]\s*+)(?i:{nouns}))(?![\p{{L}}-])"
            # 'the central bank of Qatar': the place after the noun, a words.json places name
            rf"(?:\s++of\s++(?:the\s++)?(?P<of>{alternation(table['places'])})(?![\p{{L}}-]))?"
        ),
    )


@cache
def _not_body_words() -> regex.Pattern[str]:
    """Words that make a name of the form of a body something else: a news agency, a rating agency, a hospital."""
    return regex.compile(rf"\b(?:{alternation(words('policy_change')['body_not_words'])})\b")


@cache
def _in_title() -> regex.Pattern[str]:
    """A measure's title word and a small word right before a name of a body's form ('Measures for the
    Administration of ...', 'Regulations on the ...'): the name is the rest of the measure's title."""
    keywords = alternation(words("policy_change")["keywords"])
    return regex.compile(rf"\b(?:{keywords})\s++(?:of|for|on)\s++(?:the\s++)?$")


@cache
def _object_of() -> regex.Pattern[str]:
    """A preposition (`body_object_words`) right before a description: the body is the object of something."""
    return regex.compile(rf"\b(?:{alternation(words('policy_change')['body_object_words'])})\s++$")


#: a description that names its place: "China's top securities regulator", 'the Japanese government'
_PLACED = regex.compile(rf"(?:(?i:the)\s++)?(?!The\b){_CAP}")
_LEADING_THE = regex.compile(r"^(?:the|The)\s++")


#: what stands between a body's name and its acronym, which a filing may quote as a defined term ('(“CSRC”)')
_ACRONYM_GAP = regex.compile(r"\s*+[(（]\s*+[\"“]?")
#: what closes an acronym after its body's name: a closing quote, then the bracket
_ACRONYM_CLOSE = regex.compile(r"[\"”]?[)）]")


@cache
def _joined() -> regex.Pattern[str]:
    """What joins bodies acting together (`body_joiners`): 'A and B', 'A, in collaboration with B', and the commas
    of a list ('A, the B, and C')."""
    joiners = alternation(words("policy_change")["body_joiners"], space=r"\s++")
    places = alternation(words("policy_change")["places"])  # 'and the Hong Kong | Securities and Futures Commission'
    return regex.compile(rf"\s*+(?:(?:,\s*+)?(?:{joiners})\s++|,\s*+)(?:the\s++)?(?-i:(?:{places})\s++)?", regex.I)


def pattern_bodies(f: Facts, lo: int, hi: int) -> list[Located[OrgRef]]:
    """Bodies in text[lo:hi] named in the form of a body but unknown to the gazetteer."""
    text = f.text
    out: list[Located[OrgRef]] = []
    if phrases("policy_change", "body_heads", ignore_case=False).search(text, lo, hi) is None:
        return out  # no head word, no name of a body
    for m in _named_body().finditer(text, lo, hi, timeout=REGEX_TIMEOUT):
        start, end = m.span("name")
        inside = [k for k in f.known_orgs if k.start < end and start < k.end and not _extends(text, k, start, end)]
        if inside:
            # the gazetteer already read these words (a guessed company of a body's form is the body), unless a
            # committee of the known body stands before it ('Monetary Policy Committee of the | Bank of Ghana')
            committee = _committee_of().fullmatch(text, start, inside[0].start) if start < inside[0].start else None
            if committee is not None:
                name = committee.group("committee")
                out.append(Located(start, start + len(name), OrgRef(name, name, "government")))
            continue
        if _in_title().search(text, max(0, start - 40), start) is not None:
            continue  # 'Regulations for the | Supervision and Administration of Cosmetics': a measure's title goes on
        name = m.group("name").strip(" ,")
        if _not_body_words().search(name):
            continue  # 'Xinhua News Agency': a source, not a body
        if m.group("acronym"):
            name = f"{name} ({m.group('acronym')})"
        out.append(Located(start, m.end(), OrgRef(m.group(), name, "government")))
    return out


@cache
def _committee_of() -> regex.Pattern[str]:
    """'Monetary Policy Committee of the ': a committee's name (ending in a `committee_heads` word) and 'of'."""
    heads = alternation(words("policy_change")["committee_heads"])
    return regex.compile(rf"(?P<committee>(?:{_CAP}\s++){{0,4}}(?:{heads}))\s++of\s++(?:the\s++)?")


def described_bodies(f: Facts, lo: int, hi: int) -> list[Located[OrgRef]]:
    """Bodies in text[lo:hi] written as a description ('the ministry', "China's top securities regulator")."""
    out: list[Located[OrgRef]] = []
    if phrases("policy_change", "body_descriptions").search(f.text, lo, hi) is None:
        return out
    for m in _described_body().finditer(f.text, lo, hi):
        if any(k.start < m.end() and m.start() < k.end for k in f.orgs):
            continue
        if _object_of().search(f.text, max(0, m.start() - 12), m.start()) is not None:
            continue  # 'the efficiency of pharmaceutical regulators': the body is not the actor
        name = m.group().strip()
        out.append(Located(m.start(), m.end(), OrgRef(name, name, "government", description=True)))
    return out


def joint_issuer(view: ArticleView, f: Facts, bodies: list[Located[OrgRef]]) -> str:
    """The issuer named by the first body and those joined to it ('A and B', 'A, in collaboration with B'), as one
    string 'A and B'."""
    return " and ".join(_joint(view, f, bodies)[0])


def joint_end(view: ArticleView, f: Facts, bodies: list[Located[OrgRef]]) -> int:
    """Where the first body and those joined to it end ('The PBC and the SAFE| decide to lower ...')."""
    return _joint(view, f, bodies)[1]


def _joint(view: ArticleView, f: Facts, bodies: list[Located[OrgRef]]) -> tuple[list[str], int]:
    """The names of the first body and of those joined to it, and where the last of them ends."""
    first = bodies[0]
    names = [_name_meant(view, f, first)]
    end = first.end
    for body in bodies[1:]:
        name = _name_meant(view, f, body)
        if name in names and _ACRONYM_GAP.fullmatch(f.text, end, body.start) is not None:
            close = _ACRONYM_CLOSE.match(f.text, body.end)  # 'the National Health Commission (NHC)', '(“NHC”)'
            end = close.end() if close is not None else body.end
            continue
        if _joined().fullmatch(f.text, end, body.start) is None:
            break
        if name not in names:
            names.append(name)
        end = body.end
    return names, end


def _name_meant(view: ArticleView, f: Facts, body: Located[OrgRef]) -> str:
    if body.item.kind == "government" and body not in f.bodies:
        if _generic(body.item.name):  # 'the Government', 'the Central Government': the body the article names
            return _described_issuer(view, f, []) or body.item.name
        return body.item.name  # a body read from its form
    return body_meant(view, f, body)


def body_meant(view: ArticleView, f: Facts, body: Located[OrgRef]) -> str:
    """The body a known mention means: 'the central bank' is the central bank the article names (`ArticleView.
    body_meant`), or, where it names none the gazetteer knows, the one it names in the form of one ('the Czech National
    Bank', `kind_heads`), nearest before, else first after; the gazetteer's default only where it names neither."""
    if body.item.description and (of := _place_follows().match(f.text, body.end)) is not None:
        # 'the central bank of Qatar': the place's own body, known by its place or written as the article writes it
        words_ = _LEADING_THE.sub("", body.item.text.strip())
        known = view.gazetteer.known(f"{of.group('place')}'s {words_.lower()}")
        if known is not None:
            return known.name
        meant = written_name(view, view.body_meant(f.sentence.index, body))
        if _other_place(f"{words_} of {of.group('place')}", meant, [body]):
            return f"{words_} of {of.group('place')}"
    if body.item.description and not _kind_named(view, body.item.kind):
        formed = _formed_of_kind(view, f.sentence.index, body.item.kind)
        if formed is not None:
            return formed
        placed = _body_of_article_place(view, body.item.kind)
        if placed is not None:
            return placed
    return written_name(view, view.body_meant(f.sentence.index, body))


def written_name(view: ArticleView, name: str) -> str:
    """The full name the article writes for a known body, where it writes one other than the gazetteer's ('National
    Administration of Financial Regulation' for 'National Financial Regulatory Administration'): issuers are named as
    the article names them. The gazetteer's name where the article writes only it, an acronym or a description."""
    return view.kept("policy_written", lambda: _written_names(view)).get(name, name)


def _written_names(view: ArticleView) -> dict[str, str]:
    """The full name the article first writes for each known body it names by name, by the gazetteer's name."""
    written: dict[str, str] = {}
    for f in view.facts:
        for b in f.bodies:
            text = _LEADING_THE.sub("", b.item.text.strip())
            if b.item.description or b.item.name in written:
                continue
            if _full_name(text):
                written[b.item.name] = text
            elif (spelled := _spelled_before(f.text, b.start)) is not None:
                written[b.item.name] = spelled
    return written


#: 'Banco de Ruritania (': a run of capitalised words and the short words of a name, then an opening bracket
_NAME_BEFORE_BRACKET = regex.compile(rf"(?:{_CAP}\s++(?:(?:\p{{Ll}}{{1,3}})\s++)?)*{_CAP}\s*+[(（]\s*+$")


def _spelled_before(text: str, start: int) -> str | None:
    """'Banco de Ruritania (Banrur)': the full name the article spells out right before a known body's short name in
    brackets; None where it spells none."""
    m = _NAME_BEFORE_BRACKET.search(text, max(0, start - 80), start)
    if m is None:
        return None
    name = " ".join(_LEADING_THE.sub("", text[m.start() : m.end()].rstrip(" (（")).split())
    links = set(words("policy_change")["body_name_links"])
    parts = name.split()
    while parts and (parts[0] in links or parts[0] in words("policy_change")["body_name_not_start"]):
        parts = parts[1:]
    name = " ".join(parts)
    return name if _full_name(name) else None


def _full_name(text: str) -> bool:
    """A proper name of two words or more: every word capitalised (no acronym) or a short link word ('of', 'and')."""
    links = set(words("policy_change")["body_name_links"])
    parts = text.split()
    return len(parts) > 1 and all(
        w in links or (w[:1].isupper() and not w.isupper() and "'" not in w and "’" not in w) for w in parts
    )


def _body_of_article_place(view: ArticleView, kind: str) -> str | None:
    """'the central bank' in an article that names no central bank: the one of the place (words.json places) the
    article names most of those whose body of that kind the gazetteer knows as "PLACE's <description>" ("Taiwan's
    central bank"); None where it names no such place."""
    for place in _article_places_by_count(view):
        known = _body_of_place(view, place, kind)
        if known is not None:
            return known
    return None


def _body_of_place(view: ArticleView, place: str, kind: str) -> str | None:
    """The body of a kind the gazetteer knows as "PLACE's <description>" ("China's central bank"), a place's other
    name read as the place (words.json place_aliases: 'Beijing' -> 'China'); None where it knows none."""
    place = words("policy_change")["place_aliases"].get(place, place)
    for noun in words("policy_change")["body_descriptions"]:
        known = view.gazetteer.known(f"{place}'s {noun}")
        if known is not None and known.kind == kind:
            return known.name
    return None


def names_a_place(text: str, lo: int, hi: int) -> bool:
    """text[lo:hi] names a place of words.json places."""
    return _article_places().search(text, lo, hi) is not None


def article_rate_setter(view: ArticleView) -> str | None:
    """The body that sets rates (words.json rate_setter_kind) in an article that names no body at all (a bank's own
    release, its name only in its letterhead): the one of the place the article names ("Kazakhstan's exports" ->
    the National Bank of Kazakhstan); None where it names a body, or no place whose body the gazetteer knows."""
    if any(f.bodies for f in view.facts) or any(_ArticleBodies.of(view).formed):
        return None  # the index of the article's bodies already holds those of a body's form, sentence by sentence
    placed = _body_of_article_place(view, words("policy_change")["rate_setter_kind"])
    return None if placed is None else written_name(view, placed)


def named_rate_setter(view: ArticleView) -> str | None:
    """The first body that sets rates (words.json rate_setter_kind) the article names anywhere, as it writes it: the
    body behind a move of a rate told with no body in its own paragraph ('The one-year rate was lowered by 10 basis
    points ... The central bank of Ruritania revamped the mechanism'); None where the article names none."""
    kind = words("policy_change")["rate_setter_kind"]
    for f in view.facts:
        for body in f.bodies:
            if body.item.kind == kind:
                return body_meant(view, f, body)
    return None


#: 'Chile and | ', 'Peru, | ': what ends the text before the last of several places or bodies listed as one subject
_LISTED_BEFORE = regex.compile(r"(?:,|\band|&)\s*+$")


def rate_setter_of_place(view: ArticleView, f: Facts, lo: int, verb: int) -> str | None:
    """'Beijing on Friday cut its benchmark lending rate', 'Ruritania raises policy rate': a place standing as the
    subject of a move of a rate is the body that sets the place's rates (words.json rate_setter_kind), as the
    article writes it; None where no place stands there or the gazetteer knows no such body of it."""
    m = _place_acting().search(f.text, lo, verb)
    if m is None or _LISTED_BEFORE.search(f.text, lo, m.start()) is not None:
        return None  # 'Peru, Chile and Ruritania hiked their rates': several places, none the one that acted
    if any(b.start <= m.start() < b.end for b in named_bodies(f, lo, verb)):
        return None  # 'the Central Bank of Ruritania raised': the place ends a body's name, and the body acts
    known = _body_of_place(view, m.group("place"), words("policy_change")["rate_setter_kind"])
    return None if known is None else written_name(view, known)


def _article_places_by_count(view: ArticleView) -> list[str]:
    """The places the article names, the most often named first (ties in the order named), read once and kept with
    the view."""

    def build() -> list[str]:
        counts: dict[str, int] = {}
        for m in _article_places().finditer(view.article.text):
            counts[m.group()] = counts.get(m.group(), 0) + 1
        return sorted(counts, key=lambda p: -counts[p])

    return view.kept("policy_places", build)


@cache
def _article_places() -> regex.Pattern[str]:
    """A place of words.json places, as a whole word, not a currency's prefix ('US$')."""
    return regex.compile(rf"(?<![\p{{L}}'’-])(?:{alternation(words('policy_change')['places'])})(?![\p{{L}}$-])")


def _kind_named(view: ArticleView, kind: str) -> bool:
    """The article names a body of this kind that the gazetteer knows, by its name."""
    return kind in _ArticleBodies.of(view).kinds_named


@cache
def _kind_shape(kind: str) -> regex.Pattern[str] | None:
    """The words that make a body's name one of a kind ('National Bank': a central bank; words.json kind_heads)."""
    heads = words("policy_change")["kind_heads"].get(kind)
    return regex.compile(rf"\b(?:{alternation(heads)})\b") if heads else None


def _formed_of_kind(view: ArticleView, index: int, kind: str) -> str | None:
    """The body of a kind the article names in the form of one, nearest before sentence `index`, else first after."""
    shaped = _kind_shape(kind)
    if shaped is None:
        return None
    formed = _ArticleBodies.of(view).formed
    last = min(index, len(formed) - 1)
    for i in [*range(last, -1, -1), *range(last + 1, len(formed))]:
        names: list[str] = [b.item.name for b in formed[i] if shaped.search(b.item.name)]
        if names:
            return names[-1] if i <= index else names[0]
    return None


def issuer_in(view: ArticleView, f: Facts, lo: int, hi: int) -> tuple[str | None, list[Located[OrgRef]], bool]:
    """The issuer the clause names (known bodies, then names in the form of a body, then a description meaning the
    body the article last named), the named bodies in order, and whether the clause speaks of a body at all."""
    found = _lift_committees(view, f, named_bodies(f, lo, hi))
    if found:
        return joint_issuer(view, f, found), found, True
    described = described_bodies(f, lo, hi)
    if not described:
        return None, [], False
    return _described_issuer(view, f, described), [], True


def issuer_of_verb(view: ArticleView, f: Facts, lo: int, hi: int, verb: int, after: int) -> tuple[str | None, bool]:
    """The issuer of the action whose verb starts at `verb` and whose object ends at `after`: the body standing
    nearest before the verb (with those joined to it), unless a company stands between them; else a body after the
    object (', the ministry said'); else a description of a body before the verb. The flag says a body was read."""
    found = _lift_committees(view, f, [b for b in named_bodies(f, lo, hi) if not _tagged(f.text, b.start)])
    companies = [c for c in f.companies if lo <= c.start < verb and not any(b.start <= c.start < b.end for b in found)]
    before = [b for b in found if b.end <= verb]
    if before:
        last = before[-1]
        if any(last.end <= c.start for c in companies):
            return None, False  # 'the company, listed on the NYSE, announced a plan': the company acts
        chain = [last]
        for body in reversed(before[:-1]):
            if _joined().fullmatch(f.text, body.end, chain[0].start) is None:
                break
            chain.insert(0, body)
        return joint_issuer(view, f, chain), True
    acting = _local_or_official_acting().search(f.text, lo, verb)
    if acting is not None and all(acting.start("who") <= c.start < acting.end("who") for c in companies):
        # 'The financial hub of Shanghai lowered ...', 'Energy and Mineral Resources Minister Ignasius Jonan has
        # issued ...' (an official's title the tagger read as a company's name)
        return acting.group("who"), True
    place = _place_acting().search(f.text, lo, verb)
    if companies and (place is None or any(not place.start() <= c.start < place.end("place") for c in companies)):
        return None, False  # a company acts, unless the tagger read the acting place as one ('Chile announced')
    later = [b for b in found if b.start >= after]
    if later:
        return joint_issuer(view, f, later), True
    if place is not None:  # 'China unveiled plans on Friday': a country acting is its government, the body the
        # article named last, else the body it names in the next few sentences ('China to issue bonds' ... 'the
        # Ministry of Finance said')
        index = f.sentence.index
        return last_named_body(view, index) or next_named_body(view, index, PLACE_BODY_AHEAD) or place.group(
            "place"
        ), True
    described = described_bodies(f, lo, verb)
    if described:
        return _described_issuer(view, f, described), True
    return None, False


def _described_issuer(view: ArticleView, f: Facts, described: list[Located[OrgRef]]) -> str | None:
    """The issuer a description of a body means: the body the gazetteer knows by a description with a place's
    adjective ('the Thai central bank'), else the body the article last named, else the body it names next ("South
    Korea's financial regulator said ... the Financial Services Commission"), else the first description that names
    its place ("China's top securities regulator")."""
    placed = [b.item.name for b in described if _PLACED.match(b.item.name) or _PLACE_AFTER.search(b.item.name)]
    known = next((k for k in (known_by_place(view, p) for p in placed) if k not in placed), None)
    last = last_named_body(view, f.sentence.index, meant=_described_kind(described))
    if known is None and last is not None and placed and _other_place(placed[0], last, described):
        return _LEADING_THE.sub("", placed[0])  # "the Saudi central bank ... Bahrain's central bank": another bank
    return (
        known  # 'the Thai central bank': the body the gazetteer knows as Thailand's, whatever the article named last
        or last
        or next_named_body(view, f.sentence.index, meant=_described_kind(described))
        or (_LEADING_THE.sub("", placed[0]) if placed else None)
    )


#: 'the central bank of Qatar': a description whose place follows it
_PLACE_AFTER = regex.compile(rf"\sof\s++(?:the\s++)?{_CAP}")


@cache
def _place_follows() -> regex.Pattern[str]:
    """' of Qatar': a words.json places name right after a description of a body, which it places."""
    places = alternation(words("policy_change")["places"])
    return regex.compile(rf"\s++of\s++(?P<place>(?:{places}))(?![\p{{L}}-])")


#: "Ruritania's central bank": a description opened by its place's possessive
_OWNED_BY = regex.compile(r"^(?:(?i:the)\s++)?(?P<place>\p{Lu}[\p{L}.-]*+(?:\s++\p{Lu}[\p{L}.-]*+)?)['’]s\s")


def _place_of(description: str) -> str | None:
    """The place a description of a body names ("Bahrain's central bank", 'the central bank of Qatar', 'the Thai
    central bank' -> 'Bahrain', 'Qatar', 'Thailand'); None where it names no words.json places or demonyms one."""
    table = words("policy_change")
    for adjective, place in table["demonyms"].items():
        if regex.match(rf"(?:(?i:the)\s++)?{regex.escape(adjective)}\s", description):
            return str(place)
    owned = _OWNED_BY.match(description)  # "Ruritania's central bank": the possessor, known as a place or not
    if owned is not None:
        return owned.group("place")
    found = regex.search(rf"(?<![\p{{L}}-])(?:{alternation(table['places'])})(?![\p{{L}}-])", description)
    return found.group() if found is not None else None


def _other_place(description: str, last: str, described: list[Located[OrgRef]]) -> bool:
    """A description of a central bank (words.json central_bank_descriptions) naming a place that the central bank
    the article last named does not name, by the place or its adjective: each place has its own central bank, so the
    description is another bank than that one ('the UAE central bank ... the central bank of Qatar')."""
    if not any(phrases("policy_change", "central_bank_descriptions").search(d.item.text) for d in described):
        return False
    place = _place_of(description)
    if place is None:
        return False
    adjectives = [a for a, p in words("policy_change")["demonyms"].items() if p == place]
    return not any(regex.search(rf"(?<![\p{{L}}-]){regex.escape(w)}(?![\p{{L}}-])", last) for w in [place, *adjectives])


@cache
def _demonym_led() -> regex.Pattern[str]:
    """'the Turkish central bank': a words.json demonyms adjective opening a body's name, and the rest of it."""
    adjectives = alternation(words("policy_change")["demonyms"])
    return regex.compile(rf"^(?:(?i:the)\s++)?(?P<adjective>{adjectives})\s++(?P<rest>[\p{{L}} ]++)$")


def known_by_place(view: ArticleView, issuer: str | None) -> str | None:
    """'Turkish central bank', "Turkey's Central Bank" -> 'Central Bank of the Republic of Turkey': a body written with
    its place's adjective or its place's possessive is the body the gazetteer knows as "PLACE's <the rest>"; any
    other issuer as it is."""
    m = _demonym_led().match(issuer or "")
    if m is not None:
        place = words("policy_change")["demonyms"][m.group("adjective")]
        known = view.gazetteer.known(f"{place}'s {m.group('rest').lower()}")
        return known.name if known is not None else issuer
    owned = _possessive_led().match(issuer or "")
    if owned is None:
        return issuer
    known = view.gazetteer.known(f"{owned.group('place')}'s {owned.group('rest').lower()}")
    return known.name if known is not None else issuer


@cache
def _possessive_led() -> regex.Pattern[str]:
    """ "Turkey's Central Bank": a words.json places name in the possessive opening a body's name, and the rest of it."""
    places = alternation(words("policy_change")["places"])
    return regex.compile(rf"^(?:(?i:the)\s++)?(?P<place>{places})['’]s\s++(?P<rest>[\p{{L}} ]++)$")


@cache
def _place_acting() -> regex.Pattern[str]:
    """A place standing as the subject right before a verb ('China released', 'Japan on Friday decided to'): the
    unit's places, then the words that may stand between a body and its verb."""
    places = alternation(words("policy_change")["places"])
    lead = alternation(words("policy_change")["description_lead"])
    return regex.compile(rf"(?<![\p{{L}}'’-])(?P<place>{places})(?:,?\s++(?:{lead}))*+\s++$")


def place_acting(f: Facts, lo: int, verb: int) -> str | None:
    """The place (words.json places) standing as the subject right before the verb at `verb`, as written."""
    acting = _place_acting().search(f.text, lo, verb)
    return None if acting is None else acting.group("place")


def official_acting(f: Facts, lo: int, verb: int) -> str | None:
    """The mainland place or the official by title standing as the subject right before the verb at `verb`
    ('Financial Secretary Paul Chan announced'), as written; None where none stands there."""
    acting = _local_or_official_acting().search(f.text, lo, verb)
    return None if acting is None else acting.group("who")


@cache
def _local_or_official_acting() -> regex.Pattern[str]:
    """A mainland province or city (`local_places`, with its kind: 'Guangdong province'), or an official by title
    (`person_titles`) standing as the subject right before a verb: either acts in its own name."""
    table = words("policy_change")
    local = alternation(table["local_places"])
    kinds = alternation(table["local_place_kinds"])
    titles = alternation(table["person_titles"])
    lead = alternation(table["description_lead"])
    office = rf"(?:{_CAP}\s++(?:and\s++)?)"  # 'Energy and Mineral Resources | Minister'
    name = rf"(?:\s++{_CAP}){{0,3}}"  # 'Minister | Ignasius Jonan'
    # "China's housing minister": a place's possessive, then up to two lower-case words of office; without one, a
    # capitalised title with an office before it or a name after it ('Finance Minister', 'Premier Li Qiang')
    possessed = (
        rf"\p{{Lu}}\p{{L}}*+(?:\s++\p{{Lu}}\p{{L}}*+)?['’]s\s++(?:[a-z]++\s++){{0,2}}{office}{{0,4}}(?:{titles}){name}"
    )
    # 'Governor of the Central Bank of Ruritania | Jane Doe': the body a title is of, before the name
    of_body = rf"(?:\s++of\s++(?:the\s++)?{_CAP}(?:\s++(?:of\s++)?{_CAP}){{0,6}}?)?"
    titled = (
        rf"(?:{office}{{1,4}}(?=\p{{Lu}})(?:{titles}){name}|(?=\p{{Lu}})(?:{titles}){of_body}(?:\s++{_CAP}){{1,3}})"
    )
    return regex.compile(
        rf"(?<![\p{{L}}'’-])(?P<who>(?:{local})|{possessed}|{titled})"
        rf"(?:\s++(?:{kinds}))?+(?:,?\s++(?:{lead}))*+\s++$"
    )


#: "the Reserve Bank of India's (RBI) | Monetary Policy Committee", "the MNB's rate-setting | Monetary Council": a
#: body's possessive before its committee, a few lower-case words allowed between
_POSSESSOR_GAP = regex.compile(r"['’]s(?:\s*+[(（][^()（）]{1,12}[)）])?\s++(?:[a-z-]++\s++){0,2}")


@cache
def _described_possessor() -> regex.Pattern[str]:
    """ "the bank's | Monetary Policy Committee": a description of a body (`committee_possessors`) owning the
    committee after it."""
    owners = alternation(words("policy_change")["committee_possessors"], space=r"\s++")
    return regex.compile(rf"(?i)\b(?:the|its|their)\s++(?:{owners})['’]s\s++(?:[a-z-]++\s++){{0,2}}$")


#: "Monetary Policy Committee (MPC) | of the | Bank of England", 'Copom (Monetary Policy Committee) | from | Brazil's
#: central bank': a committee's body after it, the committee's name or short name in brackets allowed before the link
_OF_GAP = regex.compile(r"(?:\s*+[(（][^()（）]{1,12}[)）]|[)）])?\s++(?:of|from|at)\s++(?:the\s++)?")


def _lift_committees(view: ArticleView, f: Facts, bodies: list[Located[OrgRef]]) -> list[Located[OrgRef]]:
    """A committee or council of a body named with it ("the RBI's Monetary Policy Committee", 'the Monetary Policy
    Committee (MPC) of the Reserve Bank of India') or described before it ("the bank's Monetary Policy Committee":
    the body the article named last) acts for that body: it stands in the committee's place (its position kept, so
    that what is read before or after the verb stays so)."""
    text = f.text
    out: list[Located[OrgRef]] = []
    for i, body in enumerate(bodies):
        if not _is_committee(body.item.name):
            out.append(body)
            continue
        before = bodies[i - 1] if i else None
        after = bodies[i + 1] if i + 1 < len(bodies) else None
        if before is not None and _POSSESSOR_GAP.fullmatch(text, before.end, body.start) is not None:
            parent = before.item
        elif after is not None and _OF_GAP.fullmatch(text, body.end, after.start) is not None:
            parent = after.item
        elif _described_possessor().search(text, max(0, body.start - 60), body.start) is not None:
            owner = _owner_before(view, f, bodies[:i])
            parent = OrgRef(owner, owner, "government") if owner is not None else body.item
        else:
            parent = _owner_in_object(f, body, bodies[i + 1 :]) or body.item
        out.append(Located(body.start, body.end, parent))
    return out


#: 'the NBP | interest rates', "the Bank's | policy rate": a name used as the modifier of a lower-case word after it
_MODIFIER_GAP = regex.compile(r"(?:['’]s)?\s++(?P<word>\p{Ll}++)")
#: a comma, semicolon or colon: the end of the committee's clause
_CLAUSE_MARK = regex.compile(r"[,;:]")


def _owner_in_object(f: Facts, committee: Located[OrgRef], after: list[Located[OrgRef]]) -> OrgRef | None:
    """A committee no body owns in its own words ('The Council decided to increase the NBP interest rates') acts for
    the known body that names the rate or measure it moves, as its modifier in the committee's clause (not 'as the
    Bank did', words.json predicate_openers); None where none does."""
    verbs = set(words("policy_change")["predicate_openers"])
    for body in after:
        if _CLAUSE_MARK.search(f.text, committee.end, body.start) is not None:
            return None
        m = _MODIFIER_GAP.match(f.text, body.end)
        if body in f.bodies and not body.item.description and m is not None and m.group("word") not in verbs:
            return body.item
    return None


def _is_committee(name: str) -> bool:
    """A body's name whose last word (before any '(ACRONYM)') is a committee's (`committee_heads`)."""
    words_of = name.split(" (")[0].split()
    return bool(words_of) and words_of[-1] in words("policy_change")["committee_heads"]


def _owner_before(view: ArticleView, f: Facts, before: list[Located[OrgRef]]) -> str | None:
    """The body a description before a committee means: the last body no committee named earlier in the sentence,
    else the one the article named last before it."""
    own = [b for b in before if not _is_committee(b.item.name)]
    if own:
        return _name_meant(view, f, own[-1])
    index = f.sentence.index
    return last_named_body(view, index - 1) if index else None


def named_bodies(f: Facts, lo: int, hi: int) -> list[Located[OrgRef]]:
    """The known bodies and those read from the form of their names in text[lo:hi], in order; a longer name wins
    over a known one inside it ('the Monetary Authority of Macau' is not 'the Monetary Authority')."""
    formed = pattern_bodies(f, lo, hi)
    known = [b for b in f.bodies if lo <= b.start < hi and not any(p.start < b.end and b.start < p.end for p in formed)]
    return sorted(known + formed, key=lambda b: b.start)


def _extends(text: str, known: Located[OrgRef], start: int, end: int) -> bool:
    """A name of a body's form that runs on past a known body inside it with its own place ('Monetary Authority' +
    ' of Macau', 'Ministry of Finance' + ' of Indonesia'): another body."""
    return known.start < end and known.end < end and _OF_PLACE.match(text, known.end, end) is not None


#: ' of Macau': a place after a body's name
_OF_PLACE = regex.compile(rf"\s++of\s++(?:the\s++)?{_CAP}")


def _tagged(text: str, start: int) -> bool:
    """'(NASDAQ: CBAT)': a body inside a listing tag, not an actor."""
    return text[max(0, start - 2) : start].rstrip().endswith(("(", "（"))


def _named_by_name(facts: Facts) -> list[Located[OrgRef]]:
    """The bodies a sentence names by their names, not by a description (nor a generic name: 'the Government')."""
    return [
        b
        for b in named_bodies(facts, 0, len(facts.text))
        if not b.item.description and not (b not in facts.bodies and _generic(b.item.name))
    ]


@dataclass(frozen=True)
class _ArticleBodies:
    """Where an article names bodies, read once per article on first need and kept with the view: per sentence, the
    bodies it names by name, and the nearest such sentence at or before it and at or after it (len(facts) when
    none); per sentence, the bodies it names in the form of one; the kinds of the known bodies it names by name."""

    named: list[list[Located[OrgRef]]]
    before: list[int]
    after: list[int]
    formed: list[list[Located[OrgRef]]]
    kinds_named: frozenset[str]

    @classmethod
    def of(cls, view: ArticleView) -> _ArticleBodies:
        """The article's index, built on first need and kept with the view."""
        return view.kept("policy_bodies", lambda: cls._built(view))

    @classmethod
    def _built(cls, view: ArticleView) -> _ArticleBodies:
        """The index of one article's bodies."""
        named = [_named_by_name(f) for f in view.facts]
        before, last = [], -1
        for i, found in enumerate(named):
            last = i if found else last
            before.append(last)
        after, following = [0] * len(named), len(named)
        for i in range(len(named) - 1, -1, -1):
            following = i if named[i] else following
            after[i] = following
        formed = [pattern_bodies(f, 0, len(f.text)) for f in view.facts]
        kinds = frozenset(b.item.kind for f in view.facts for b in f.bodies if not b.item.description)
        return cls(named, before, after, formed, kinds)


#: which of a sentence's bodies a description may mean
BodyFilter = Callable[[list[Located[OrgRef]]], list[Located[OrgRef]]]


def _every(bodies: list[Located[OrgRef]]) -> list[Located[OrgRef]]:
    """All the bodies."""
    return bodies


def next_named_body(view: ArticleView, index: int, ahead: int | None = None, meant: BodyFilter = _every) -> str | None:
    """The body the article first names after sentence `index` (known, or in the form of a body), within `ahead`
    sentences if given, of those `meant` keeps."""
    bodies = _ArticleBodies.of(view)
    j = bodies.after[index + 1] if index + 1 < len(bodies.after) else len(bodies.after)
    while j < len(bodies.after) and not meant(bodies.named[j]):
        j = bodies.after[j + 1] if j + 1 < len(bodies.after) else len(bodies.after)
    if j == len(bodies.after) or (ahead is not None and j >= index + 1 + ahead):
        return None
    return joint_issuer(view, view.facts[j], sorted(meant(bodies.named[j]), key=lambda b: b.start))


def last_named_body(view: ArticleView, index: int, meant: BodyFilter = _every) -> str | None:
    """The body the article last named at or before sentence `index` (known, or in the form of a body), of those
    `meant` keeps."""
    bodies = _ArticleBodies.of(view)
    j = bodies.before[min(index, len(bodies.before) - 1)] if bodies.before else -1
    while j >= 0 and not meant(bodies.named[j]):
        j = bodies.before[j - 1] if j > 0 else -1
    if j < 0:
        return None
    return _name_meant(view, view.facts[j], max(meant(bodies.named[j]), key=lambda b: b.start))


def _described_kind(described: list[Located[OrgRef]]) -> BodyFilter:
    """What descriptions of bodies may mean: never a market (words.json market_kinds: an exchange, a fund), and, for
    a description of a central bank ('central bank officials'), only a central bank, known or of that form."""
    markets = set(words("policy_change")["market_kinds"])
    kind = words("policy_change")["rate_setter_kind"]
    banks = any(phrases("policy_change", "central_bank_descriptions").search(d.item.name) for d in described)
    shaped = _kind_shape(kind)

    def meant(bodies: list[Located[OrgRef]]) -> list[Located[OrgRef]]:
        """The bodies the descriptions may mean."""
        kept = [b for b in bodies if b.item.kind not in markets]
        if banks:
            kept = [b for b in kept if b.item.kind == kind or (shaped is not None and shaped.search(b.item.name))]
        return kept

    return meant
