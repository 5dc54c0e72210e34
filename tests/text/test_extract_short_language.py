"""The language check judges every input, short ones included (issue 22): two-sentence
texts in French, German, Chinese and Japanese are refused by name, and short English
(a headline and two sentences, names, numbers, a quoted foreign phrase) is not."""

from __future__ import annotations

import pytest

from briefing import cli
from briefing.config import BriefingConfig
from briefing.errors import LanguageError
from briefing.models import Article
from briefing.text.extract import check_language, detect_language, extract, source_from_text
from briefing.text.split import split

CONFIG = BriefingConfig()

SHORT_FOREIGN = {
    "French": "Le président est arrivé à Paris mardi. Il a parlé aux journalistes devant la mairie.",
    "German": "Der Stadtrat hat einen neuen Haushalt beschlossen. Der Bürgermeister sagte, die Arbeiten beginnen bald.",
    "Chinese": "市议会周二晚间通过了城市学校的新预算。市长表示，工程将于明年春天开始。",
    "Japanese": "市議会は火曜日の夜、新しい予算を可決した。市長は、工事は来年の春に始まると述べた。",
    "Spanish": "El gobierno anunció nuevas medidas el lunes. La oposición protestó frente al congreso.",
}

# Very short, but still one language or the other.
TINY_FOREIGN = {
    "German": "Der Zug fährt nicht. Die Bahn streikt.",
    "Chinese": "地震发生在凌晨。没有人员伤亡！",
    "Japanese": "首相が辞任した。選挙は来月だ！",
}

SHORT_ENGLISH = [
    "Harbour bridge reopens\n\nThe bridge reopened on Monday. The mayor said it cost $4.2m.",
    "Müller, Özil and Götze scored for Bayern München. Löw praised them.",
    "Saint-Étienne beat Paris Saint-Germain 2-1. Kylian Mbappé did not play.",
    "\"C'est la vie,\" said Jean-Luc Mélenchon. He left the Assemblée nationale.",
    "Frankfurter Allgemeine Zeitung reported the deal. Deutsche Bank declined to comment.",
    "Xi Jinping and Li Keqiang met in Zhongnanhai. Wang Yi spoke.",
    "Hayao Miyazaki won. Studio Ghibli thanked fans.",
    "Real Madrid 3, Barcelona 1. Vinícius Júnior scored twice.",
    "Sí se puede, the crowd chanted. Bernie Sanders smiled.",
    "Liverpool 2-0 Everton. Salah, Mané.",
    "Q3 revenue: $4.2bn (+12%). EPS $1.07.",
    "BREAKING: Quake hits Japan. No tsunami warning.",
    "Oktoberfest opens in Munich\n\nThe Oktoberfest opened in München on Saturday. Bürgermeister Dieter Reiter tapped the first keg.",
    "Tokyo Olympics\n\nThe Games opened in Tokyo. Naomi Osaka lit the cauldron.",
    "The banner read “中国加油！” and the crowd cheered. Police said 3,000 people came.",
    "Ok. Thanks.",
]


@pytest.mark.parametrize("language", sorted(SHORT_FOREIGN))
def test_two_sentence_foreign_text_is_refused_by_name(language):
    with pytest.raises(LanguageError, match=rf"looks like {language} \(\w\w, confidence [01]\.\d\d\).*English"):
        extract(source_from_text(SHORT_FOREIGN[language]), CONFIG)


@pytest.mark.parametrize("language", sorted(TINY_FOREIGN))
def test_very_short_foreign_text_is_refused(language):
    with pytest.raises(LanguageError, match=language):
        check_language(TINY_FOREIGN[language], CONFIG)


@pytest.mark.parametrize("text", SHORT_ENGLISH)
def test_short_english_is_accepted(text):
    assert extract(source_from_text(text), CONFIG).language == "en"


def test_too_few_letters_to_judge():
    assert detect_language("Ok. Thanks.") is None
    assert detect_language("Le maire a parlé.") is None
    # In a script English is not written in, a few characters are enough.
    assert detect_language("地震。無事。")[0] in ("ja", "zh")


@pytest.mark.parametrize("language", ["French", "Chinese", "German", "Japanese"])
def test_command_line_refuses_a_short_foreign_text(tmp_path, capsys, language):
    path = tmp_path / "article.txt"
    path.write_text(SHORT_FOREIGN[language], encoding="utf-8")
    assert cli.main(["summarize", str(path)]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and language in err


def test_chinese_sentences_are_split_at_their_full_stops():
    article = Article(paragraphs=(SHORT_FOREIGN["Chinese"],), title="Budget")
    assert [s.text for s in split(article)] == ["市议会周二晚间通过了城市学校的新预算。", "市长表示，工程将于明年春天开始。"]
