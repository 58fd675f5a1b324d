"""Quotes from sentences we wrote, English and Russian, positive and negative."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

# text, expected quotes as (kind, speaker name contains, content contains)
CASES = [
    ("“We tracked them for forty minutes,” Kowalczyk told reporters in Warsaw.",
     [("direct", "Kowalczyk", "We tracked them")]),
    ("“The plans were to capture the child,” said Viktor Sheiman.",
     [("direct", "Viktor Sheiman", "The plans were")]),
    ("Anna Kowalczyk said: “The border is closed until further notice.”",
     [("direct", "Anna Kowalczyk", "The border is closed")]),
    ("Anna Kowalczyk claims that three drones crossed the border.",
     [("indirect", "Anna Kowalczyk", "three drones crossed")]),
    ("Viktor Sheiman says the aircraft never left Belarusian airspace.",
     [("indirect", "Viktor Sheiman", "the aircraft never left")]),
    ("According to Viktor Sheiman, no aircraft left the airspace.",
     [("indirect", "Viktor Sheiman", "no aircraft left")]),
    ("Anna Kowalczyk spoke of a provocation prepared abroad.",
     [("indirect", "Anna Kowalczyk", "a provocation prepared abroad")]),
    ("Anna Kowalczyk said the drones were “clearly military” and very fast.",
     [("mixed", "Anna Kowalczyk", "“clearly military”")]),
    ("NATO: Drones crossed the border near Brest",
     [("indirect", "NATO", "Drones crossed the border")]),
    ("Defence Minister Anna Kowalczyk arrived. She said that the drones had turned back.",
     [("indirect", "Anna Kowalczyk", "the drones had turned back")]),
    ("Анна Ковальчик заявила, что беспилотники пересекли границу.",
     [("indirect", "Анна Ковальчик", "беспилотники пересекли")]),
    ("«Мы отслеживали их сорок минут», — сказала Анна Ковальчик.",
     [("direct", "Анна Ковальчик", "Мы отслеживали")]),
    ("По словам Виктора Шеймана, ни один самолёт не покидал воздушное пространство.",
     [("indirect", "Виктор Шейман", "ни один самолёт")]),
    ("— Мы не допустим провокаций, — заявил Виктор Шейман.",
     [("direct", "Виктор Шейман", "Мы не допустим")]),
    ("Эксперт Иван Соколов охарактеризовал санкции как ошибку.",
     [("indirect", "Иван Соколов", "санкции как ошибку")]),
    # Negative cases: scare quotes, titles, names of things, odd quote counts.
    ("The “European integrators” are waiting for their hour.", []),
    ("He watched “Saturday Night Live Weekend Update” on Sunday.", []),
    ("Stocks of “Novichok” agent remain in the depots.", []),
    ("The “Erdogan variant” is a “model for the rebels.", []),
    ("Так называемые «евроинтеграторы» ждут своего часа.", []),
    # A short quotation right after a noun for a work or medium is its name, not speech; a
    # sentence about a book before “Here,” he said does not make it one.
    ("Автор ― Иван Соколов. Телеканалы: «Звезда», РБК.", []),
    ("Иван Соколов в эфире «Вечер LIVE», комментируя сроки, заявил, что вакцина работает.",
     [("indirect", "Иван Соколов", "вакцина работает")]),
    ('Trump, the star of the reality TV show "The Apprentice," said that conventions are dull.',
     [("indirect", "Trump", "conventions are dull")]),
    ("He came back with a book. “Here,” he said.", [("direct", "he", "Here")]),
    # ... also when a closing full stop makes the name read like a sentence; but lower-case words
    # after such a noun are speech, and so is a headline introduced by a colon.
    ("“We will work hard,” Ms. Rice said in an interview on the PBS television program “Charlie Rose.”",
     [("direct", "Rice", "We will work hard")]),
    # A programme's name after "on" or a network's possessive is no speech, and a quotation after
    # the remark it closes goes on with the same speaker.
    ("“She made it up,” Trump said on NBC’s “Meet the Press.” “She lies about everything, and everybody knows.”",
     [("direct", "Trump", "She made it up"), ("direct", "Trump", "She lies about everything")]),
    ("“We will win,” Rubio said on “This Week.”", [("direct", "Rubio", "We will win")]),
    # "asked reporters": a quotation's addressee is not what was said.
    ("“Why would I do that?” Trump asked reporters. “I am not changing.”",
     [("direct", "Trump", "Why would I do that"), ("direct", "Trump", "I am not changing")]),
    # Words of seven or more in marks inside an aim or belief are its holder's, quoted (mixed) ...
    ("The group also wants to promote a new procedure by which “family members, partners and law enforcement "
     "personnel” can petition courts.",
     [("mixed", "The group", "to promote a new procedure")]),
    # ... a short phrase there stays a scare quote.
    ("They want him to take the “honour” of it.", []),
    # A long remark that is one sentence still hands the next quotation to its speaker ...
    ("“We saw nothing,” said Jane Roe, a spokeswoman for the regional command of the brigade stationed at "
     "the base outside the city. “Nobody was hurt.”",
     [("direct", "Jane Roe", "We saw nothing"), ("direct", "Jane Roe", "Nobody was hurt")]),
    # ... but not across another sentence.
    ("“We saw nothing,” said Jane Roe, a spokeswoman. The command later sent a statement to reporters "
     "covering the base outside the city. “Nobody was hurt.”",
     [("direct", "Jane Roe", "We saw nothing"), ("direct", "", "Nobody was hurt")]),
    ('He used stronger language, saying the group "must be destroyed."',
     [("direct", "He", "must be destroyed")]),
    ("He now declares with a screaming headline: “The Minister Must Resign.”",
     [("direct", "He", "The Minister Must Resign")]),
    # A quotation that is a whole paragraph after "X wrote in a post." is what X wrote ...
    ("Mayor Ruiz wrote in a post on Tuesday morning.\n\n“The bridge will stay closed until the inspectors finish their work.”",
     [("direct", "Ruiz", "The bridge will stay closed")]),
    # ... but not after a sentence that says what was said itself.
    ("Mayor Ruiz said the inspectors had called everyone who complained.\n\n“The bridge will stay closed until the inspectors finish their work.”",
     [("indirect", "Ruiz", "the inspectors had called"), ("direct", "", "The bridge will stay closed")]),
    # A fronted clause of time or cause says when, not what was said ...
    ("In a response shortly after the emails were made public, spokesman Brendan Buck said just that.", []),
    ("After the council voted on Tuesday, Mayor Ruiz said the bridge would stay closed.",
     [("indirect", "Ruiz", "the bridge would stay closed")]),
    # ... but a fronted phrase before the reported clause's own subject stays in it.
    ("Since that ruling, the county has engaged in voter suppression, the lawsuit says.",
     [("indirect", "lawsuit", "the county has engaged in voter suppression")]),
    # "as expected", "listed as threatened" with no comma and no one doing it: nobody's words;
    # "…, as the minister said" still is.
    ("Forest elephants have been listed as threatened since 1978.", []),
    ("The vote went to a second ballot as expected.", []),
    ("The plan failed, as the minister said.", [("indirect", "minister", "The plan failed")]),
    # A sentence whose main verb says (or offers a cue noun) and closes on the colon frames the
    # quotation, not the last name before the colon; a side clause's verb does not.
    ("Trump offered this assessment of the Justice Department probe: “What kind of man is this?”",
     [("indirect", "Trump", "the Justice Department probe"), ("direct", "Trump", "What kind of man is this")]),
    # Naming without a complement, and an expletive 'it', report nobody's words.
    ("Voters in Minsk remembered the last dictator in Europe, as reporters called Sheiman in 1999.", []),
    ("To win American support, it is not enough to unconditionally support the US.", []),
    ("Anna Kowalczyk called the expulsion a provocation.",
     [("indirect", "Anna Kowalczyk", "the expulsion a provocation")]),
    ("The ministry said on Tuesday that the meeting would take place in Vienna.",
     [("indirect", "ministry", "the meeting would take place")]),
    # One quote per cue: a continued quotation shares its cue, a report running on past the
    # closing mark is one mixed quote, and "I think" inside a quotation is the quoted speaker's.
    ("“I am not angry,” I said. “I have spoken about this in public for years. Nothing has changed.”",
     [("direct", "the author", "I am not angry"), ("direct", "the author", "Nothing has changed")]),
    ("“Donors are tired. Voters are tired. They don’t have a choice” but to stay home, says Evan Marsh, a consultant.",
     [("mixed", "Evan Marsh", "“Donors are tired. Voters are tired. They don’t have a choice” but to stay home")]),
    ("The senator spoke for an hour.\n\n\"Some sort of amnesty, I think, is part of his plan.\"",
     [("direct", "", "Some sort of amnesty")]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_quotes_extract_table(analyzer, text, expected):
    art = analyzer.analyze_text(text)
    got = [(q.kind, q.speaker_name or "", q.content.text) for q in art.quotes]
    assert len(got) == len(expected), got
    for (kind, speaker, content), (gk, gs, gc) in zip(expected, got):
        assert gk == kind, got
        assert speaker in gs, got
        assert content in gc, got


def test_quotes_extract_scare_quotes_recorded_not_quoted(analyzer):
    art = analyzer.analyze_text("The “European integrators” and the so-called “oil guards” are ready.")
    assert art.quotes == []
    assert [(q.text, q.role) for q in art.quoted] == [("European integrators", "scare"), ("oil guards", "scare")]


def test_quotes_extract_speaker_is_never_a_quoted_phrase(analyzer):
    art = analyzer.analyze_text("The “patriots” said that the border must be closed.")
    for q in art.quotes:
        assert q.speaker is None or "“" not in q.speaker.text


def test_quotes_extract_multi_paragraph_quote(analyzer):
    text = "Anna Kowalczyk, defence minister:\n\n“We tracked them.\n\n“They turned back at dawn.”\n"
    art = analyzer.analyze_text(text)
    assert len(art.quotes) == 1
    q = art.quotes[0]
    assert q.speaker_name == "Anna Kowalczyk"
    assert q.content.text.startswith("“We tracked") and q.content.text.endswith("dawn.”")


@pytest.mark.slow
def test_quotes_extract_cited_title_is_no_quote(analyzer):
    text = ("Officials said nothing.\n“Mayor Admits To Failing The City After Long Silence,” by Jane Roe, "
            "Daily Bugle, May 1, 2018:\nThe mayor spoke on Monday.")
    art = analyzer.analyze_text(text)
    assert not any("Mayor Admits" in q.content.text for q in art.quotes), [q.content.text for q in art.quotes]
