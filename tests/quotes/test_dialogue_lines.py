"""Dash dialogue: a hyphen typed for the dash continues a quote after the remark, and a lone
dash line in an article whose other dash lines name their speaker is speech too, as is any lone
line of whole Russian sentences opening with a capital. Texts ours."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

CASES = [
    ("- Мы всегда будем помнить подвиг народа, - продолжил Путин. - На фронте и в тылу они боролись.\n\n"
     "Народ помнит этот день.\n\n- Наш долг – помнить, что народ победил. Мы победили зло.\n\nПрезидент ушёл с трибуны.",
     [("Мы всегда будем помнить подвиг народа", "продолжил"), ("На фронте и в тылу они боролись.", "продолжил"),
      ("Наш долг – помнить, что народ победил. Мы победили зло", "-")]),
    # Negative: a lone dash line opening small is a list item.
    ("Список покупок на завтра.\n\n- хлеб и молоко на завтрак сегодня утром.\n\nМагазин открыт.", []),
    # A lone dash line of whole sentences opening with a capital is a reply, with nobody named
    # (session 57), in an article or alone; not a short one, nor an English closing credit.
    ("Переговоры отложены.\n\n— Киев сейчас не готов к диалогу. Всё решит осень.\n\nСтороны молчат.",
     [("Киев сейчас не готов к диалогу. Всё решит осень", "—")]),
    ("— Конечно, этот завод давно стал символом всего нашего города.", [("Конечно, этот завод давно стал символом всего нашего города", "—")]),
    ("Переговоры отложены.\n\n— Минобороны России.\n\nСтороны молчат.", []),
    ("Talks were postponed.\n\n— The Associated Press contributed to this report.", []),
    # An interview flattened into one paragraph: two questions answered after a dash make every
    # «. — Capital» a turn (session 57).
    ("Глава палаты приехал в город. — На форуме вы указали на проблемы. Как их решить? — Я думаю, "
     "надо пересмотреть показатели. Это важно. — А готов ли центр? — Центр готов, но регионы нет.",
     [("На форуме вы указали на проблемы. Как их решить?", "—"),
      ("Я думаю, надо пересмотреть показатели. Это важно", "—"), ("А готов ли центр?", "—"),
      ("Центр готов, но регионы нет", "—")]),
    # Negative: one question and its answer in running text are no transcript.
    ("Глава палаты приехал в город. Как их решить? — Надо пересмотреть показатели. Это важно.", []),
    # Negative: a short item, and a line with a remark whose verb is no speech verb.
    ("- Мы будем работать дальше, - заявил директор Иван Серов.\n\n- хлеб;",
     [("Мы будем работать дальше", "заявил")]),
    ("- Мы будем работать дальше, - заявил директор Иван Серов.\n\n- Слава героям нашего завода! - завершил выступление директор.",
     [("Мы будем работать дальше", "заявил")]),
    # A remark whose verb is no speech verb still names its speaker when a name follows it, even
    # with the space after the dash lost.
    ("— Кризис затянется надолго, —считает политический обозреватель Иван Серов.\n\nРынок закрыт.",
     [("Кризис затянется надолго", "считает")]),
]


# An interview: the outlet's questions are labelled, the answers not; the answers are the
# interviewee's, named right before the first answer or by its remark.
INTERVIEWS = [
    ("Экономист Иван Серов сомневается, что долг вернут.\n\n— Деньги не вернутся никогда. Это очевидно.\n\n"
     "«СП»: — Что будет дальше?\n\n— Им дадут новый кредит. Так было всегда.", "Иван Серов"),
    ("Киев не готов к переговорам, считает автор.\n\n— Переговоров не будет, — считает обозреватель Иван Серов.\n\n"
     "«СП»: — Что будет дальше?\n\n— Им дадут новый кредит. Так было всегда.", "Иван Серов"),
    # A second interviewee, named by her first answer's remark, answers what follows it.
    ("Киев не готов к переговорам, считает автор.\n\n— Переговоров не будет, — считает обозреватель Иван Серов.\n\n"
     "«СП»: — А что скажут в Киеве?\n\n— Там молчат, — говорит председатель союза Анна Лозина.\n\n"
     "«СП»: — Что будет дальше?\n\n— Им дадут новый кредит. Так было всегда.", "Анна Лозина"),
]


@pytest.mark.parametrize("text,speaker", INTERVIEWS, ids=["introduced", "remark", "second-interviewee"])
def test_dialogue_lines_interview_answers(analyzer, text, speaker):
    art = analyzer.analyze_text(text)
    answer = next(q for q in art.quotes if q.content.text.startswith("Им дадут"))
    question = next(q for q in art.quotes if q.content.text.startswith("Что будет"))
    assert answer.speaker_name == speaker, answer
    assert question.speaker_name != speaker, question


def test_dialogue_lines_interview_answer_runs_on(analyzer):
    # An answer goes on over the paragraphs before the next question, not past the last one.
    text = ("Экономист Иван Серов сомневается, что долг вернут.\n\n— Деньги не вернутся к ним никогда.\n\n"
            "Во-вторых, долг огромен. Его никто не вернёт.\n\n«СП»: — Что будет дальше?\n\n"
            "— Им дадут новый кредит. Так было всегда.\n\nАвтор благодарит собеседника за беседу.")
    art = analyzer.analyze_text(text)
    said = {q.content.text: q.speaker_name for q in art.quotes}
    assert said.get("Во-вторых, долг огромен. Его никто не вернёт.") == "Иван Серов", said
    assert "Автор благодарит собеседника за беседу." not in said, said


@pytest.mark.parametrize("after,kept", [
    ("Первыми в очереди окажутся другие кредиторы.", True),
    # Negative: the author's narration about the interviewee ends the answer.
    ("Эксперт объяснил также, что активы делятся на две категории.", False),
    ("Серов напомнил, что кредит уже брали.", False),
])
def test_dialogue_lines_last_answer_runs_on(analyzer, after, kept):
    # After the last question an answer goes on over a few paragraphs, not into the author's words.
    text = ("Экономист Иван Серов сомневается, что долг вернут.\n\n«СП»: — Что будет дальше?\n\n"
            "— Им дадут новый кредит. Так было всегда.\n\n" + after)
    said = {q.content.text: q.speaker_name for q in analyzer.analyze_text(text).quotes}
    assert (said.get(after.rstrip(".")) == "Иван Серов" or said.get(after) == "Иван Серов") == kept, said


def test_dialogue_lines_no_interviewee_without_labels(analyzer):
    # Negative: without labelled questions a dash list after a name is nobody's answer.
    art = analyzer.analyze_text("Экономист Иван Серов выступил.\n\n— хлеб и молоко;\n\n— сыр.")
    assert all(q.speaker_name != "Иван Серов" or q.cue.text != "—" for q in art.quotes), art.quotes


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_dialogue_lines_table(analyzer, text, expected):
    art = analyzer.analyze_text(text)
    got = [(q.content.text, q.cue.text if q.cue else None) for q in art.quotes]
    assert got == expected, got


TRANSCRIPT = ("Trump on race\n\nPartial transcript as follows:\n\n"
              "JAKE TAPPER: Donald Trump released a video on Friday. Take a listen.\n\n"
              "FALLIN: Well, I think the whole nation needs to work together.\n\n"
              "Chris Matthews spoke with Luciana Lopez later.\n\n"
              "Matthews: Well, speculation is bad.\n")


def test_dialogue_lines_transcript_turns(analyzer):
    # Lines labelled with a name and a colon, no dash: a transcript, each line its speaker's.
    got = [(q.speaker.text if q.speaker else None, q.content.text, q.cue.text if q.cue else None)
           for q in analyzer.analyze_text(TRANSCRIPT).quotes if q.cue is not None and q.cue.text == ":"]
    assert got == [("JAKE TAPPER", "Donald Trump released a video on Friday. Take a listen.", ":"),
                   ("FALLIN", "Well, I think the whole nation needs to work together.", ":"),
                   ("Matthews", "Well, speculation is bad.", ":")], got


@pytest.mark.parametrize("text", [
    # One labelled line is no transcript; section labels, datelines and lower-case words are no speakers.
    "Title\n\nFALLIN: Well, the whole nation needs to work together.\n\nThe governor left.",
    "Title\n\nUPDATE: The story was updated.\n\nNOTE: A correction was made.",
    "Title\n\nWASHINGTON: The president spoke on Monday.\n\nMOSCOW: The Kremlin answered.",
    "Title\n\nPrices: They rose again.\n\nWages: They fell again.",
    # A list of names with their goals, with no sign of speech, is no transcript.
    "Goals\n\nMarco Rubio and Ted Cruz went on.\n\nRubio: Finish second.\n\nCruz: Just hang on.",
    # A tally under names is no transcript.
    "Delegates\n\nHillary Clinton won the state.\n\nHillary Clinton: 1,769.\n\nBernie Sanders: 1,501.",
])
def test_dialogue_lines_transcript_turns_negative(analyzer, text):
    art = analyzer.analyze_text(text)
    assert not [q for q in art.quotes if q.cue is not None and q.cue.text == ":"], \
        [(q.speaker_name, q.content.text) for q in art.quotes]
