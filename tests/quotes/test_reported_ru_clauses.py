"""Russian reported speech by clause rules: «что»-clauses, «о …», directives, inverted and
parenthetical cues, impersonal and indefinite-personal cues, «Об этом сообщил X».
Sentences written for this test, positive and negative."""

from __future__ import annotations

import pytest

from tests.quotes.expect import assert_quotes

pytestmark = pytest.mark.slow

# text, expected quotes as (speaker name or None, content, cue)
CASES = [
    # A parenthetical clause before the cue is not what was said.
    ("Министр финансов Ольга Лебедева, выступая на форуме (это крупнейшая встреча года), заявила, "
     "что бюджет будет сбалансирован.",
     [("Ольга Лебедева", "бюджет будет сбалансирован", "заявила")]),
    ("Мэр города Игорь Петров сообщил о закрытии моста.",
     [("Игорь Петров", "о закрытии моста", "сообщил")]),
    ("Профсоюз призвал власти отказаться от повышения тарифов.",
     [("Профсоюз", "власти отказаться от повышения тарифов", "призвал")]),
    ("Профсоюз призвал власти к отмене новых тарифов.",
     [("Профсоюз", "власти к отмене новых тарифов", "призвал")]),
    ("Завод остановлен на ремонт, сообщает агентство Интерфакс.",
     [("Интерфакс", "Завод остановлен на ремонт", "сообщает")]),
    ("Цены на хлеб вырастут, уверен экономист Павел Смирнов, уже к осени.",
     [("Павел Смирнов", "Цены на хлеб вырастут, уверен экономист Павел Смирнов, уже к осени", "уверен")]),
    ("Сообщается, что рейсы задерживаются на два часа.",
     [(None, "рейсы задерживаются на два часа", "Сообщается")]),
    ("Как стало известно, завод закроют в марте.",
     [(None, "завод закроют в марте", "известно")]),
    ("В министерстве здравоохранения заявили, что вакцина безопасна.",
     [("министерство здравоохранения", "вакцина безопасна", "заявили")]),
    # An inverted plural cue with «в X» after it: the subject the parser finds before the comma
    # («Цены») belongs to what was said, the ministry speaks.
    ("Цены на бензин упали, сообщили в министерстве.",
     [("министерство", "Цены на бензин упали", "сообщили")]),
    # Negative: a singular cue keeps its own subject after it.
    ("Цены на бензин упали, сообщил министр Павел Смирнов.",
     [("Павел Смирнов", "Цены на бензин упали", "сообщил")]),
    ("Губернатор посетил новую школу. Об этом сообщила пресс-служба администрации.",
     [("пресс-служба администрации", "Губернатор посетил новую школу", "сообщила")]),
    ("О том, что мост закроют, ранее сообщила мэрия.",
     [("мэрия", "мост закроют", "сообщила")]),
    ("Депутат Анна Орлова назвала ошибкой новый законопроект.",
     [("Анна Орлова", "ошибкой новый законопроект", "назвала")]),
    ("Эксперт Олег Белов сравнил новый налог с ограблением.",
     [("Олег Белов", "новый налог с ограблением", "сравнил")]),
    ("Глава компании Сергей Волков заявил, что не согласен с решением суда, и считает, что его надо обжаловать.",
     [("Сергей Волков", "не согласен с решением суда", "заявил"),
      ("Сергей Волков", "его надо обжаловать", "считает")]),
    # Naming things lists them: the object is the content, up to the cue's next verb.
    ("Министр Игорь Лебедев назвал три условия, которые позволят снизить цены.",
     [("Игорь Лебедев", "три условия, которые позволят снизить цены", "назвал")]),
    ("Эксперт Анна Орлова назвала причины кризиса и ушла с трибуны.",
     [("Анна Орлова", "причины кризиса", "назвала")]),
    # Negative: naming a person or a child after someone gives a name, it reports nothing.
    ("Журналисты назвали его.", []),
    ("Супруги Ивановы назвали сына в честь деда.", []),
    # Speech acts whose direct object is what was said.
    ("Синоптики прогнозируют похолодание на выходных.",
     [("Синоптики", "похолодание на выходных", "прогнозируют")]),
    ("Компания анонсировала выпуск нового телефона.",
     [("Компания", "выпуск нового телефона", "анонсировала")]),
    # Negative: a pronoun object points back to what was said; it is not the content.
    ("Министр подтвердил это.", []),
    # Findings reported with a «что» clause; «оказалось», «выяснилось» name nobody.
    ("Выяснилось, что поезд опоздал из-за снегопада.",
     [(None, "поезд опоздал из-за снегопада", "Выяснилось")]),
    ("Следователи установили, что машина была угнана.",
     [("Следователи", "машина была угнана", "установили")]),
    # Negative: without a «что» clause they report nothing.
    ("Он оказался прав.", []),
    ("Рабочие установили новые камеры.", []),
    # «С его слов» is «со слов» before a consonant.
    ("С его слов, поезд опоздал из-за снегопада.",
     [("его", "поезд опоздал из-за снегопада", "С его слов")]),
    # Light-verb cues: the noun is part of the cue.
    ("Следователи пришли к выводу, что пожар начался из-за проводки.",
     [("Следователи", "пожар начался из-за проводки", "пришли к выводу")]),
    ("Аналитик Ирина Котова обратила внимание на рост цен.",
     [("Ирина Котова", "на рост цен", "обратила внимание")]),
    ("Опрос показал, что большинство жителей против стройки.",
     [("Опрос", "большинство жителей против стройки", "показал")]),
    # Impersonal passive participles: «установлено, что …», «было рассказано в X, что …».
    ("Установлено, что водитель сбил пешехода.", [(None, "водитель сбил пешехода", "Установлено")]),
    ("В журнале Nature было рассказано, что вирус создан искусственно.",
     [("Nature", "вирус создан искусственно", "рассказано")]),
    # A demand or promise with a noun object: the object phrase, addressee included.
    ("Москва потребовала от западных партнеров юридических гарантий отказа от расширения альянса.",
     [("Москва", "от западных партнеров юридических гарантий отказа от расширения альянса", "потребовала")]),
    # «… издал указ, в котором объявил, что …»: the text's author speaks in it.
    ("Президент Джо Байден издал указ, в котором объявил, что администрация применит решение суда.",
     [("Джо Байден", "администрация применит решение суда", "объявил")]),
    # Negative: a relative clause with its own subject «который» keeps it (named after its noun).
    ("Президент подписал указ, который объявил, что налоги снизят.", [("указ", "налоги снизят", "объявил")]),
    # A light-verb cue's noun with the infinitive the parser hangs on it: what is demanded.
    ("Журналист Крис Джайлз обратился к европейцам с призывом снизить температуру в домах.",
     [("Крис Джайлз", "снизить температуру в домах", "обратился к европейцам с призывом")]),
    ("Глава МИД выступил с призывом «прекратить огонь».", [("Глава МИД", "«прекратить огонь»", "выступил с призывом")]),
    # ... also when the parser calls the infinitive a noun.
    ("Журналист Крис Джайлз обратился к европейцам с призывом «померзнуть во имя Украины».",
     [("Крис Джайлз", "«померзнуть во имя Украины»", "обратился к европейцам с призывом")]),
    # A colon that closes the cue's own words: what follows is said, by a place or a person.
    ("В концерне подтвердили эту информацию: турбина ремонтировалась в Канаде.",
     [("концерн", "турбина ремонтировалась в Канаде", "подтвердили")]),
    ("Эксперт уверен: цены вырастут в мае.", [("Эксперт", "цены вырастут в мае", "уверен")]),
    # Negative: words of another phrase before the colon.
    ("Они сообщили о пожаре, а итог таков: двое погибших.", [("Они", "о пожаре", "сообщили")]),
    # Negative: a relative clause on the noun says nothing.
    ("Депутат выступил с предложением, которое поддержали коллеги.", []),
    # Negative: the participle used as an adjective, and a decision, report nothing.
    ("Решение было принято и доказано в суде.", []),
    # Negative: no speech, showing a place, a gerund setting the topic, a cue with no content, a wish, a purpose clause,
    # and the full adjective «известный».
    ("Известный писатель Олег Белов приехал в город.", []),
    ("Она показала дорогу к вокзалу.", []),
    ("Говоря о погоде, он улыбнулся.", []),
    ("Он сообщил.", []),
    ("Она хочет, чтобы дети учились дома.", []),
    ("Для того чтобы успеть, он вышел рано.", []),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_reported_ru_clauses(analyzer, text, expected):
    assert_quotes(analyzer.analyze_text(text), expected)


def test_reported_ru_clauses_dialogue_transcript(analyzer):
    # A run of dash lines that reads as speech is a dialogue; each line is one quote, the dash its cue.
    text = ("Следователь задал вопрос.\n\n— Где вы были вечером?\n\n— Я был дома, смотрел телевизор.\n\n"
            "Список покупок:\n\n— хлеб;\n\n— молоко.")
    art = analyzer.analyze_text(text)
    got = [(q.content.text, q.cue.text if q.cue else None) for q in art.quotes]
    assert got == [("Где вы были вечером?", "—"), ("Я был дома, смотрел телевизор", "—")], got


@pytest.mark.parametrize("text, expected", [
    # Line breaks lost: two spaces after a sentence's end before a dash start a new line.
    ("Следователь задал вопрос.  - Где вы были вечером?  - Я был дома, смотрел телевизор.  Потом он ушёл.",
     [("Где вы были вечером?", "-"), ("Я был дома, смотрел телевизор", "-")]),
    # One space is no line break: a dash inside a sentence stays part of it.
    ("Ответ был простой. - Где вы были вечером? - Я был дома.", []),
    # Two spaces inside a sentence (not after its end) are no line break either.
    ("Ответ  - нет. Мы не согласны  - и всё.", []),
])
def test_reported_ru_clauses_flattened_dialogue(analyzer, text, expected):
    art = analyzer.analyze_text(text)
    got = [(q.content.text, q.cue.text if q.cue else None) for q in art.quotes if q.cue and q.cue.text in "-—"]
    assert got == expected, got


def test_reported_ru_clauses_hyphen_dialogue(analyzer):
    text = "- Мы будем работать дальше, - заявил директор завода Иван Серов. - Планы не меняются."
    art = analyzer.analyze_text(text)
    got = [(q.content.text, q.cue.text if q.cue else None, q.speaker_name) for q in art.quotes]
    assert ("Мы будем работать дальше", "заявил", "Иван Серов") in got, got


def test_reported_ru_clauses_reference(analyzer):
    # «сообщает X со ссылкой на Y»: Y says the same content, with the reference phrase as its cue.
    text = "Завод закроют в марте, сообщает агентство Интерфакс со ссылкой на министерство экономики."
    art = analyzer.analyze_text(text)
    got = sorted((q.cue.text if q.cue else None, q.speaker.text if q.speaker else None, q.content.text)
                 for q in art.quotes)
    assert got == [("со ссылкой на", "министерство экономики", "Завод закроют в марте"),
                   ("сообщает", "агентство Интерфакс", "Завод закроют в марте")], got
