"""Photo credits and bylines are found as spans, and names inside them are not mentions."""

from __future__ import annotations

import pytest

from rashomon.entities.credits import credit_spans, drop_credits
from rashomon.model import Mention

# text, language, the credit texts expected (negative cases expect none)
CASES = [
    ("The talks ended.\n\nPhotos in collage: Ivan Sidorov / AFP; Olga Lenz/Kremlin Pool", "en",
     ["Photos in collage: Ivan Sidorov / AFP; Olga Lenz/Kremlin Pool"]),
    ("The talks ended.\nPhoto: Reuters\nThe army left Brest.", "en", ["Photo: Reuters"]),
    ("The minister (Photo: Ivan Sidorov) left early.", "en", ["(Photo: Ivan Sidorov"]),
    ("Cover photo by Olga Lenz\nThe army left Brest.", "en", ["Cover photo by Olga Lenz"]),
    ("By Anna Novak and Ivan Sidorov\nThe army left Brest.", "en", ["By Anna Novak and Ivan Sidorov"]),
    ("Переговоры закончились.\nФото: ТАСС / Иван Сидоров", "ru", ["Фото: ТАСС / Иван Сидоров"]),
    ("Переговоры закончились.\nФото в коллаже: Ольга Ленц", "ru", ["Фото в коллаже: Ольга Ленц"]),
    # A Russian wire dateline credits its agency and correspondent (not the place).
    ("Заголовок\nОМСК, 4 мая. /Корр. ТАСС Ирина Лебедева/. Губернатор открыл новый мост через Иртыш.", "ru",
     [" /Корр. ТАСС Ирина Лебедева/. "]),
    ("ТВЕРЬ, 9 окт — РИА Новости, Олег Сомов. Городские власти закрыли рынок на ремонт.", "ru",
     [" — РИА Новости, Олег Сомов. "]),
    # A page flattened into one long line: the credit ends at its first sentence end, or is only
    # its marker when a long caption follows (session 54).
    ("Photo: Reuters. The minister said the talks with Ivan Sidorov in Brest went well, and the army "
     "agreed; Olga Lenz will lead a delegation to Minsk next week.", "en", ["Photo: Reuters."]),
    ("Photo: J. Lenz/AP. The minister said the talks with Ivan Sidorov in Brest went well, and the army "
     "agreed; Olga Lenz will lead a delegation to Minsk next week.", "en", ["Photo: J. Lenz/AP."]),
    ("Image: Minister Ivan Sidorov is set to meet his counterpart Olga Lenz in Brest on Wednesday "
     "to talk about the border and the army that stands along it", "en", ["Image:"]),
    ("Фото: ТАСС. Министр заявил, что переговоры с Иваном Сидоровым в Бресте прошли хорошо, а армия "
     "согласилась; Ольга Ленц поведёт делегацию в Минск.", "ru", ["Фото: ТАСС."]),
    # Not credits: a sentence opening with "By", photos as a topic, a colon elsewhere.
    ("By Tuesday the army had left Brest and the ministry said so.", "en", []),
    ("Photographers from Reuters were in Brest.", "en", []),
    ("The ministry said: photos of the drones would be published.", "en", []),
    ("Фотографы ТАСС были в Бресте.", "ru", []),
    ("ТВЕРЬ, 9 окт — Мэр закрыл рынок. Он откроется через неделю после ремонта.", "ru", []),
]


@pytest.mark.parametrize("text,lang,expected", CASES, ids=[c[0][:30] for c in CASES])
def test_credits_spans_table(text, lang, expected):
    assert [text[s:e] for s, e in credit_spans(text, lang)] == expected


def test_credits_spans_drop_mentions_inside_only():
    text = "The Kremlin said so.\nPhoto: Olga Lenz/Kremlin Pool"
    names = [("Kremlin", "ORG"), ("Olga Lenz", "PERSON"), ("Kremlin Pool", "ORG")]
    mentions, pos = [], 0
    for name, typ in names:
        s = text.index(name, pos)
        mentions.append(Mention(s, s + len(name), name, typ, name, typ))
        pos = s + len(name)
    kept = drop_credits(text, mentions, "en")
    assert [m.text for m in kept] == ["Kremlin"]
    assert kept[0].start == text.index("Kremlin")


def test_credits_spans_flattened_line_keeps_story_mentions():
    text = ("Photo: Reuters. The minister met Ivan Sidorov in Brest on Monday and said the talks went "
            "well; the army agreed to leave the border by the end of the month.")
    s = text.index("Ivan Sidorov")
    mentions = [Mention(7, 14, "Reuters", "ORG", "Reuters", "ORG"),
                Mention(s, s + 12, "Ivan Sidorov", "PERSON", "Ivan Sidorov", "PERSON")]
    assert [m.text for m in drop_credits(text, mentions, "en")] == ["Ivan Sidorov"]
