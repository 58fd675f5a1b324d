"""Group an article's mentions into entities: same name, then surname-only to full name."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Callable

from ..model import Entity, Mention
from .blocking import NameIndex
from .exonyms import exonym_group, org_group
from .keys import mention_key

__all__ = ["SameName", "exact_same", "group_mentions", "mention_key", "strip_editorial", "variant_same"]

SameName = Callable[[str, str], bool]
# On a tie the informative type wins over OTHER.
_TYPE_RANK = {"PERSON": 3, "ORG": 2, "LOC": 1, "OTHER": 0}
_SPACE = re.compile(r"\s+")
_EDITORIAL = re.compile(r"[\[\]]")


def strip_editorial(name: str) -> str:
    """A name without editorial brackets: "[Alyaksandr] Fyaduta" -> "Alyaksandr Fyaduta"."""
    if "[" not in name and "]" not in name:
        return name
    return _SPACE.sub(" ", _EDITORIAL.sub("", name)).strip()


def exact_same(a: str, b: str) -> bool:
    """The strictest name comparison: identical keys."""
    return mention_key(a) == mention_key(b)


def variant_same(a: str, b: str) -> bool:
    """Spelling variants across romanisations and scripts (Lukashenko ~ Lukashenka ~ Лукашэнка);
    full names compare as persons, so two people sharing a first name stay apart."""
    from ..names import match_names, same_person

    if exact_same(a, b):
        return True
    if len(a.split()) == 1 and len(b.split()) == 1:
        return match_names(a, b).same
    return same_person(a, b).same


def _vote(mentions: list[Mention]) -> str:
    counts = Counter(m.type for m in mentions)
    return max(counts, key=lambda t: (counts[t], _TYPE_RANK[t]))


def _display_name(mentions: list[Mention], by_count: bool = False) -> str:
    """The most frequent of the longest forms, by normal form; ties go to the earliest. With
    `by_count` (places: "Russia" said four times, "Russian Federation" once) the most frequent
    form, the longest on a tie."""
    if by_count:
        forms = [m.normal for m in mentions]
        counts = Counter(forms)
        return max(forms, key=lambda n: (counts[n], len(n.split()), -forms.index(n)))
    longest = max(len(m.normal.split()) for m in mentions)
    full = [m.normal for m in mentions if len(m.normal.split()) == longest]
    counts = Counter(full)
    return max(full, key=lambda n: (counts[n], -full.index(n)))


def group_mentions(mentions: list[Mention], same_name: SameName = exact_same, text: str | None = None) -> list[Entity]:
    """Cluster mentions into entities; ids follow first appearance (e1, e2, ...). With the article's
    `text`, a lone surname the model typed as a place may join its person (see _attach_surnames)."""
    groups: list[list[Mention]] = []
    by_key: dict[str, int] = {}
    for m in sorted(mentions, key=lambda m: (m.start, m.end)):
        key = mention_key(m.normal)
        if key not in by_key:
            by_key[key] = len(groups)
            groups.append([])
        groups[by_key[key]].append(m)
    groups = _merge_variants(groups, same_name)
    groups = _merge_inflected_persons(groups)
    groups = _merge_exonyms(groups)
    groups = _attach_surnames(groups, same_name, text)
    groups = _attach_first_patronymic(groups)
    groups = _attach_acronyms(groups)
    groups = _attach_shortened(groups)
    entities = []
    for group in sorted(groups, key=lambda g: min(m.start for m in g)):
        group.sort(key=lambda m: (m.start, m.end))
        etype = _vote(group)
        name = _display_name(group, by_count=etype == "LOC")
        aliases = sorted({m.normal for m in group} | {strip_editorial(m.text) for m in group} - {name})
        ent = Entity(f"e{len(entities) + 1}", name, etype, [a for a in aliases if a != name], group)  # type: ignore[arg-type]
        for m in group:
            m.type = etype  # type: ignore[assignment]
        entities.append(ent)
    return entities


def _merge_variants(groups: list[list[Mention]], same_name: SameName) -> list[list[Mention]]:
    """Join groups whose names the comparison calls the same (spelling variants)."""
    if same_name is exact_same:
        return groups
    # variant_same can only say yes inside a shared block (see NameIndex): compare there only,
    # in the same order, so the result is the all-pairs one without the quadratic cost.
    index = NameIndex([g[0].normal for g in groups]) if same_name is variant_same else None
    merged: list[list[Mention]] = []
    for group in groups:
        gname, gtype = group[0].normal, _vote(group)
        targets = range(len(merged)) if index is None else sorted(index.candidates(gname))
        for t in targets:
            target = merged[t]
            if _vote(target) == gtype and not _place_inside_place(gtype, target[0].normal, gname) \
                    and same_name(target[0].normal, gname):
                target.extend(group)
                break
        else:
            if index is not None:
                index.add(gname, len(merged))
            merged.append(list(group))
    return merged


# Russian case endings, longest first: «Олафа Шольца», «Олафу Шольцу» and «Олаф Шольц» share stems
# where the lemmatizer, not knowing a foreign name, left the first name as written or invented a
# fleeting vowel («Шолец»).
_RU_ENDINGS = ("ами", "ями", "ого", "его", "ому", "ему", "ыми", "ими", "ой", "ей", "ом", "ем", "ым", "им", "ах", "ях",
               "ую", "юю", "а", "я", "у", "ю", "е", "ы", "и")
_CYRILLIC_WORD = re.compile(r"^[А-ЯЁа-яё-]+$")


def ru_stem(word: str) -> str:
    """A Cyrillic word without one case ending, keeping two letters («Шольцу» -> «шольц», «Эку» -> «эк»)."""
    w = word.casefold().replace("ё", "е")
    for ending in _RU_ENDINGS:
        if w.endswith(ending) and len(w) - len(ending) >= 2:
            return w[: -len(ending)]
    return w


def _ru_full_name_key(text: str) -> str | None:
    """The stems of a Cyrillic name of two or more words, or None for any other name."""
    words = text.split()
    if len(words) < 2 or not all(_CYRILLIC_WORD.match(w) for w in words):
        return None
    return " ".join(ru_stem(w) for w in words)


def _merge_inflected_persons(groups: list[list[Mention]]) -> list[list[Mention]]:
    """Join Russian full names of one person written in different cases whose normal forms the
    lemmatizer got wrong («Олафа Шольца» -> «Олафа Шолец», «Олафу Шольцу» -> «Олафу Шолец»): the same
    stems, word by word, in the text as written. Lone surnames are left to _attach_surnames
    («Иванов» and «Иванова» may be two people)."""
    by_key: dict[str, list[Mention]] = {}
    kept: list[list[Mention]] = []
    for group in groups:
        keys = {k for m in group if (k := _ru_full_name_key(m.text)) is not None} if _vote(group) == "PERSON" else set()
        host = next((by_key[k] for k in sorted(keys) if k in by_key), None)
        if host is not None:
            host.extend(group)
            for k in keys:
                by_key.setdefault(k, host)
            continue
        for k in keys:
            by_key.setdefault(k, group)
        kept.append(group)
    return kept


# «Медведев» is a man: it does not join «Олеся Медведева» (whose stem it shares).
_MASCULINE_SURNAME = re.compile(r"(?:ов|ев|ёв|ин|ын|ский|цкий)$")


def _female_first_name(group: list[Mention]) -> bool:
    """Whether a Russian full name's first word is a woman's first name the dictionary knows."""
    from ..morph import russian_morph

    for m in group:
        words = m.text.split()
        if len(words) >= 2:
            parses = [p for p in russian_morph().parse(words[0]) if p.is_known and "Name" in p.tag and p.tag.case == "nomn"]
            return bool(parses) and all(p.tag.gender == "femn" for p in parses)  # «Олеся», not «Олесь»
    return False


def _surname_stems(full: list[list[Mention]]) -> dict[str, list[list[Mention]]]:
    """Stem of the last word, as written, of each Russian full name -> the groups holding it."""
    out: dict[str, list[list[Mention]]] = {}
    for g in full:
        for key in {k.split()[-1] for m in g if (k := _ru_full_name_key(m.text)) is not None}:
            out.setdefault(key, []).append(g)
    return out


def _merge_exonyms(groups: list[list[Mention]]) -> list[list[Mention]]:
    """Join place groups that name one place by its listed names (lang/places/exonyms.tsv): "US" and
    "United States", «Россия» and «РФ»; and organisation groups that name one organisation by its
    listed names (lang/orgs/aliases.tsv, or a place line: "EU" and "European Union" tagged as an
    organisation): "GOP" and "Republican Party", «Госдума» and «Государственная дума». A short
    form counts only as written: "Us" in a show's title is no country; "Homiel region" (not listed)
    stays apart from "Homel". Only groups of one type join."""
    first: dict[tuple[str, str, int], list[Mention]] = {}
    kept: list[list[Mention]] = []
    for group in groups:
        name, kind = group[0].normal, _vote(group)
        key = _listed(kind, name) if kind in ("LOC", "ORG") and (len(name) > 3 or name.isupper()) else None
        if key is None:
            kept.append(group)
        elif key in first:
            first[key].extend(group)
        else:
            first[key] = group
            kept.append(group)
    return kept


def _listed(kind: str, name: str) -> tuple[str, str, int] | None:
    """(type, table, line) of a name in the place table or, for an organisation, the place or
    organisation table; "U.S" is "U.S." with its final period trimmed off the mention."""
    names = (name, name + ".") if "." in name else (name,)
    tables = (("places", exonym_group), ("orgs", org_group)) if kind == "ORG" else (("places", exonym_group),)
    for table, lookup in tables:
        for n in names:
            if (line := lookup(n)) is not None:
                return kind, table, line
    return None


def _attach_first_patronymic(groups: list[list[Mention]]) -> list[list[Mention]]:
    """"Vladimir Vladimirovich", «Александр Григорьевич»: a first name and patronymic with no surname
    join the one person of the article named in full with that first name (and no other
    patronymic); with two such persons, or none, the name stays apart."""
    from ..names.keys import name_key
    from ..names.persons import is_first_name, looks_patronymic

    persons = [g for g in groups if _vote(g) == "PERSON"]
    joined: set[int] = set()
    for group in persons:
        words = group[0].normal.split()
        if len(words) != 2 or not is_first_name(words[0]) or not _from_first_name(words[1]):
            continue
        first = name_key(words[0])
        hosts = []
        for g in persons:
            if g is group or id(g) in joined:
                continue
            full = [m.normal.split() for m in g if len(m.normal.split()) >= 2]
            if any(name_key(w[0]) == first and not (len(w) >= 3 and looks_patronymic(w[1]) and name_key(w[1]) != name_key(words[1]))
                   and not looks_patronymic(w[-1]) for w in full):
                hosts.append(g)
        if len(hosts) == 1:
            hosts[0].extend(group)
            joined.add(id(group))
    return [g for g in groups if id(g) not in joined]


_PATRONYMIC_ENDINGS = re.compile(r"(?:ovich|evich|ovna|evna|ович|евич|овна|евна)$", re.IGNORECASE)


def _from_first_name(word: str) -> bool:
    """A patronymic made from a first name ("Vladimirovich", «Григорьевич»), not a surname that
    ends like one ("Zyankovich", "Lukashevich")."""
    from ..names.persons import is_first_name

    stem = _PATRONYMIC_ENDINGS.sub("", word)
    if stem == word:
        return False
    bare = stem.rstrip("ьйy")
    return any(is_first_name(c) for c in {stem, bare, bare + "ий", bare + "й", bare + "iy", bare + "y"} if len(c) > 2)


# Words an acronym skips: "Federal Bureau of Investigation" is FBI, «Министерство иностранных дел» МИД.
_ACRONYM_SKIPS = frozenset({"of", "and", "the", "for", "on", "in", "at", "to", "&", "и", "по", "в", "на", "для", "о", "об"})


def _initials(name: str) -> str:
    """Upper-case first letters of a name's words, skipping function words."""
    return "".join(w[0] for w in name.replace("-", " ").split()
                   if w.casefold() not in _ACRONYM_SKIPS and w[0].isalpha() and "." not in w).upper()  # not "U.S." Senate


def _attach_acronyms(groups: list[list[Mention]]) -> list[list[Mention]]:
    """An acronym ("FBI", "N.R.A.", «ООН») joins the one organisation or place of the article
    whose words it abbreviates ("Federal Bureau of Investigation"); with none or two, it stays."""
    full: dict[str, list[list[Mention]]] = {}
    for g in groups:
        if _vote(g) in ("ORG", "LOC"):
            for key in {_initials(m.normal) for m in g if len(m.normal.split()) >= 2}:
                if len(key) >= 2:
                    full.setdefault(key, []).append(g)
    if not full:
        return groups
    joined: set[int] = set()
    for g in groups:
        word = g[0].normal.replace(".", "")
        if " " in word or not (2 <= len(word) <= 6) or not word.isupper() or not word.isalpha() or exonym_group(word) is not None:
            continue  # a listed place's short form ("US", «ЕС») is that place, whatever else it abbreviates
        hosts = [h for h in full.get(word, ()) if h is not g and id(h) not in joined]
        if len(hosts) == 1:
            host_type = _vote(hosts[0])
            for m in g:
                m.type = host_type  # type: ignore[assignment]  # "F.B.I", tagged a place, is the bureau
            hosts[0].extend(g)
            joined.add(id(g))
    return [g for g in groups if id(g) not in joined]


def _place_inside_place(etype: str, a: str, b: str) -> bool:
    """Two place names of different lengths: "Europe" is not "Western Europe", "York" not "New
    York". Spelling variants of a place have as many words as each other."""
    return etype == "LOC" and len(a.split()) != len(b.split())


# A word after one of these is read as a place ("in Washington", «в Вашингтоне»).
_PLACE_BEFORE = re.compile(r"(?:^|\W)(?:in|at|to|from|near|into|across|outside|around|в|во|из|на|под|до|около)\s+$",
                           re.IGNORECASE)


_NAME_WORD = re.compile(r"^[A-ZА-ЯЁ][a-zа-яё]")


def _said_as_place(group: list[Mention], text: str) -> bool:
    """Whether the group reads as a place: a nation's name or initials ("U.S"), a word not written
    like a surname, or a mention after a preposition of place (not a possessive one)."""
    word = group[0].normal
    folded = word.casefold()
    exact, prefixes = _nation_forms()
    if not _NAME_WORD.match(word) or folded in exact or folded.startswith(prefixes):
        return True
    # "from Griffin's photo session": the preposition governs the possessed noun, not the name.
    return any(_PLACE_BEFORE.search(text[max(0, m.start - 12) : m.start])
               and text[m.end : m.end + 2] not in ("'s", "’s") for m in group)


@lru_cache(maxsize=1)
def _nation_forms() -> tuple[frozenset[str], tuple[str, ...]]:
    """The forms of lang/<code>/nation_names.tsv, case-folded: whole words, and prefixes (`*`)."""
    from ..lang import load_table

    forms = [f.casefold() for lang in ("en", "ru") for row in load_table(lang, "nation_names") for f in row]
    return frozenset(f for f in forms if not f.endswith("*")), tuple(f[:-1] for f in forms if f.endswith("*"))


def _attach_surnames(groups: list[list[Mention]], same_name: SameName, text: str | None = None) -> list[list[Mention]]:
    """A one-word person mention joins the one multi-word person whose last word matches it. A
    lone word the model typed as a place joins too when it matches exactly and never follows a
    preposition of place ("Al Franken … Franken said", typed GPE 14 times), and it becomes a person;
    "in Washington" stays a place beside George Washington."""
    persons = [g for g in groups if _vote(g) == "PERSON"]
    full = [g for g in persons if max(len(m.normal.split()) for m in g) > 1]
    full_ids = {id(g) for g in full}
    index = None
    if same_name is variant_same or same_name is exact_same:
        # Index every full name's last word, so a lone surname meets only its possible hosts.
        lasts = [(m.normal.split()[-1], k) for k, g in enumerate(full) for m in g if len(m.normal.split()) > 1]
        singles = [g[0].normal for g in groups if len(g[0].normal.split()) == 1]
        index = NameIndex([w for w, _ in lasts] + singles)
        for word, k in lasts:
            index.add(word, k)
    keep = []
    shaped: dict[str, list[list[Mention]]] | None = None  # built on first need
    stems: dict[str, list[list[Mention]]] | None = None
    for group in groups:
        words = group[0].normal.split()
        vote = _vote(group)
        placelike = vote == "LOC" and (text is None or _said_as_place(group, text))
        if id(group) in full_ids or placelike or len(words) != 1:
            keep.append(group)
            continue
        # A lone surname the model called ORG joins only on an exact match with a full name.
        same = same_name if vote == "PERSON" else exact_same
        pool = full if index is None else [full[k] for k in sorted(index.candidates(words[0]))]
        hosts = [
            g
            for g in pool
            if any(len(m.normal.split()) > 1 and same(m.normal.split()[-1], words[0]) for m in g)
        ]
        if not hosts and vote == "PERSON" and all(_CYRILLIC_WORD.match(m.text) for m in group):
            # «Шольц» beside «Олафа Шольца» (normal «Олафа Шолец»): the stems as written.
            if stems is None:
                stems = _surname_stems(full)
            hosts = [g for g in {id(g): g for m in group for g in stems.get(ru_stem(m.text), ())}.values()
                     if not (_MASCULINE_SURNAME.search(group[0].text) and _female_first_name(g))]
        if not hosts and vote == "PERSON":
            if shaped is None:
                shaped = _person_shaped_orgs(groups)
            hosts = [g for g in shaped.get(words[0], ()) if _vote(g) == "ORG" and len(g) < len(group)]
        if len(hosts) == 1:
            host_type = _vote(hosts[0])
            if host_type == "ORG":  # the surname said more often than the full name types both
                host_type = "PERSON"
                for m in hosts[0]:
                    m.type = host_type  # type: ignore[assignment]
            for m in group:
                m.type = host_type  # type: ignore[assignment]  # the full name's type, not the model's guess
            hosts[0].extend(group)
        else:
            keep.append(group)
    return keep


def _person_shaped_orgs(groups: list[list[Mention]]) -> dict[str, list[list[Mention]]]:
    """Full names the model typed ORG, by last word, that a person surname said more often may
    join: "Nikki Haley" (ORG) … "Haley" (PERSON) twice. Two or three capitalised words, the first a
    listed first name, none an organisation noun or a nation: "Cincinnati Enquirer" stays a paper."""
    from ..lang import load_words

    org_nouns = load_words("org_nouns")
    exact, prefixes = _nation_forms()
    out: dict[str, list[list[Mention]]] = {}
    for g in groups:
        if _vote(g) != "ORG":
            continue
        words = g[0].normal.split()
        if not 2 <= len(words) <= 3 or not all(_NAME_WORD.match(w) for w in words):
            continue
        folded = [w.casefold() for w in words]
        if not _first_name(words[0]) or any(w in org_nouns or w in exact or w.startswith(prefixes) for w in folded):
            continue
        out.setdefault(words[-1], []).append(g)
    return out


def _attach_shortened(groups: list[list[Mention]]) -> list[list[Mention]]:
    """A multi-word name that ends the one longer name of its type in the article joins it: a
    person's surname with its particle ("de Léon" after "Kevin de Léon"), an organisation without
    its nation word («Институт Гаттмахера» after «Американский Институт Гаттмахера»). An
    organisation loses only a nation word: "Supreme Court" is not "Alabama Supreme Court"."""
    words = [[m.normal.split() for m in g] for g in groups]
    types = [_vote(g) for g in groups]
    # Every longer name under each of its word suffixes, so a name meets only the names it ends
    # (an article of thousands of names would otherwise compare all pairs).
    ends: dict[tuple[str, tuple[str, ...]], set[int]] = {}
    for h, forms in enumerate(words):
        if types[h] in ("PERSON", "ORG"):
            for f in {tuple(w.casefold() for w in f) for f in forms}:
                for n in range(2, len(f)):
                    ends.setdefault((types[h], f[-n:]), set()).add(h)
    joined = set()
    for k, group in enumerate(groups):
        own = max(words[k], key=len)
        if types[k] not in ("PERSON", "ORG") or len(own) < 2:
            continue
        hosts = {h for h in ends.get((types[k], tuple(w.casefold() for w in own)), ()) if h != k
                 and any(len(f) > len(own) and _shortens(f, own, types[k]) for f in words[h])}
        if len(hosts) == 1:
            (host,) = hosts
            if host not in joined:
                joined.add(k)
                groups[host].extend(group)
    return [g for k, g in enumerate(groups) if k not in joined]


def _shortens(full: list[str], short: list[str], etype: str) -> bool:
    """Whether `short` is `full` without its first words (an organisation: one nation word)."""
    n = len(full) - len(short)
    if [w.casefold() for w in full[n:]] != [w.casefold() for w in short]:
        return False
    if etype == "PERSON":
        # The short form is a surname (with its particle or generation) or what follows given names;
        # "Keith Ellison" is not shortened from a headline's "Abuser Keith Ellison", nor "Richard
        # Grenell" from two names run together.
        lead = full[:n]
        return (short[0][:1].islower() or short[-1].rstrip(".") in _GENERATIONS
                or all(_first_name(w) or _INITIAL.match(w) for w in lead)) and not (set(full) & _JOINERS)
    exact, prefixes = _nation_forms()
    lead = " ".join(full[:n]).casefold()
    return n == 1 and (lead in exact or lead.startswith(prefixes))


_GENERATIONS = frozenset({"Jr", "Sr", "II", "III", "IV"})
_JOINERS = frozenset({"&", "and", "и"})
_INITIAL = re.compile(r"^[A-ZА-ЯЁ]\.(?:[A-ZА-ЯЁ]\.)?$")


def _first_name(word: str) -> bool:
    """A first name in any listed spelling (lang/en/first_names.tsv) or of one gender
    (lang/<code>/first_name_genders.tsv)."""
    from ..names.persons import is_first_name

    return is_first_name(word) or word in _gendered_first_names()


@lru_cache(maxsize=1)
def _gendered_first_names() -> frozenset[str]:
    from ..lang import load_table

    return frozenset(row[0] for lang in ("en", "ru") for row in load_table(lang, "first_name_genders") if row)
