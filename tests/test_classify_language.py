"""Choosing lexicons by the language the article is written in."""

from __future__ import annotations

from tui.classify.language import detect_languages
from tui.engine.segment import segment_text

GERMAN = (
    "Der Stadtrat hat am Montag über den Bau der neuen Brücke beraten, die Sitzung dauerte bis in die Nacht. "
    "Die Anwohner wollen im April wiederkommen, wenn die Ingenieure ihren Bericht vorstellen."
)
ITALIAN = (
    "Il consiglio comunale ha discusso lunedì della costruzione del nuovo ponte, e la seduta è durata fino a "
    "notte. I residenti torneranno in aprile, quando gli ingegneri presenteranno la loro relazione."
)
SPANISH = (
    "El ayuntamiento debatió el lunes la construcción del nuevo puente, y la sesión duró hasta la noche. "
    "Los vecinos volverán en abril, cuando los ingenieros presenten su informe sobre las obras."
)
FRENCH = (
    "Le conseil municipal a débattu lundi de la construction du nouveau pont, et la séance a duré jusque dans la "
    "nuit. Les riverains reviendront en avril, quand les ingénieurs présenteront leur rapport sur les travaux."
)
PORTUGUESE = (
    "A câmara municipal debateu na segunda-feira a construção da nova ponte, e a sessão durou até a noite. Os "
    "moradores vão voltar em abril, quando os engenheiros apresentarem o seu relatório sobre as obras."
)
RUSSIAN = (
    "Городской совет в понедельник обсуждал строительство нового моста, и заседание затянулось до ночи. "
    "Жители вернутся в апреле, когда инженеры представят свой доклад, и это уже не первый такой спор."
)
ENGLISH = (
    "The council debated the new bridge on Monday, and the meeting ran late into the night. Residents say "
    "they will return in April, when the engineers present their report. Many fear the old span will die "
    "of neglect before the work begins, as it has been closed since the floods."
)


def _blocks(text: str) -> tuple[object, ...]:
    return segment_text(text)[0]


def test_each_language_is_recognised_from_two_sentences_and_english_is_always_kept() -> None:
    assert detect_languages([_blocks(GERMAN)]) == ("en", "de")
    assert detect_languages([_blocks(ITALIAN)]) == ("en", "it")
    assert detect_languages([_blocks(SPANISH)]) == ("en", "es")
    assert detect_languages([_blocks(FRENCH)]) == ("en", "fr")
    assert detect_languages([_blocks(PORTUGUESE)]) == ("en", "pt")
    assert detect_languages([_blocks(RUSSIAN)]) == ("en", "ru")
    assert detect_languages([_blocks(ENGLISH)]) == ("en",)  # "die" and "la" in English text are not German


def test_an_english_page_with_a_foreign_menu_stays_english() -> None:
    menu = "\n\n".join(["Startseite", "Politik", "Wirtschaft", "Über uns", "Impressum", "Die Redaktion"])
    assert detect_languages([_blocks(menu + "\n\n" + ENGLISH + "\n\n" + ENGLISH)]) == ("en",)


def test_either_version_brings_its_language() -> None:
    assert detect_languages([_blocks(ENGLISH), _blocks(GERMAN)]) == ("en", "de")
    assert detect_languages([(), ()]) == ("en",)
