"""Untranslated text: LD001 (passages, langdetect), LD002 (single French words), LD003 ("a explained")."""
from __future__ import annotations

from lintnews.checks import language
from lintnews.config import Config
from lintnews.finding import Severity
from lintnews.runner import lint_paths

from .helpers import lint

FRENCH = "Le ministre a ensuite rencontré les représentants des syndicats pendant deux heures."
ENGLISH = "The minister then met union representatives for two hours on Monday afternoon."


def only(findings, code):
    return [f for f in findings if f.code == code]


def lint_asking(monkeypatch, text: str, answer: str):
    """LD001's findings on `text`, and the spans it sent to langdetect (stubbed: `answer`)."""
    calls = []
    monkeypatch.setattr(language, "detect", lambda span: calls.append(span) or (answer, 1.0))
    return lint(text, select=["LD001"]), calls


def test_french_paragraph_in_english_article():
    text = f"The minister arrived in Lyon on Monday.\n\n{FRENCH}\n"
    [f] = only(lint(text, select=["LD001"]), "LD001")
    assert (f.start.line, f.start.column, f.end.line) == (3, 1, 3)
    assert f.excerpt == FRENCH
    assert f.message.startswith("Paragraph is not in English: langdetect reads it as French (fr, probability ")
    assert f.severity == Severity.WARNING


def test_result_is_the_same_on_every_run():
    text = f"The minister arrived in Lyon on Monday.\n\n{FRENCH}\n"
    first = [f.message for f in lint(text, select=["LD001"])]
    again = [f.message for f in lint(text + "\n", select=["LD001"])]
    assert first == again and len(first) == 1


def test_french_sentence_inside_an_english_paragraph():
    text = f"The minister arrived in Lyon on Monday for talks with the unions. {FRENCH} Talks end today.\n"
    [f] = only(lint(text, select=["LD001"]), "LD001")
    assert f.excerpt == FRENCH and f.message.startswith("Sentence is not in English")


def test_front_matter_lang_overrides_the_target():
    text = f"---\nlang: fr\n---\n{FRENCH}\n\n{ENGLISH}\n"
    [f] = only(lint(text, select=["LD001"], format="markdown"), "LD001")
    assert (f.start.line, f.excerpt) == (6, ENGLISH)
    assert "is not in French: langdetect reads it as English (en," in f.message


def test_lang_option_sets_the_target():
    [f] = only(lint(f"{FRENCH}\n\n{ENGLISH}\n", select=["LD001"], lang="fr"), "LD001")
    assert f.excerpt == ENGLISH
    assert lint(f"{FRENCH}\n", select=["LD001"], lang="fr-FR") == []


def test_short_spans_and_headlines_are_not_judged():
    # Too short for langdetect to be reliable, and a title-case headline with French names.
    text = "Rien ne va plus\n\nCharles-de-Gaulle Aircraft Carrier Back at Sea in Toulon\n\nThe crowd grew.\n"
    assert lint(text, select=["LD001"]) == []


def test_english_text_never_reaches_langdetect(monkeypatch):
    # A short line of names and titles reads as Norwegian to langdetect: it must not be asked.
    text = (f"{ENGLISH}\n\nThe unions said they would strike again if the talks failed, and the "
            "minister said he was ready to meet them again next week.\n\n"
            "Defense Minister Mark Esper spoke to reporters.\n")
    assert lint_asking(monkeypatch, text, "fr") == ([], [])


def test_function_words_shared_with_the_target_are_no_sign_of_another_language(monkeypatch):
    """'in' is a German, Dutch and Italian function word too: two of them in a ten-word English
    headline (a fifth of its words, few of them English function words) are no reason to ask
    langdetect. A German word the target does not share still is."""
    headline = "Regional carmaker opens large battery plant in Ohio in spring."
    assert not language.may_be_foreign(headline, "en")
    text = f"{headline}\n\nThe plant will employ four hundred people from next year.\n"
    assert lint_asking(monkeypatch, text, "de") == ([], [])
    assert language.may_be_foreign("Regional carmaker opens large battery plant und das Werk in Ohio.", "en")


def test_another_languages_function_word_counts_in_lower_case_only(monkeypatch):
    """'Al' in an Arabic name is no sign of Spanish, as 'al' in running text would be: the
    headline does not reach langdetect. The target's own words count capitalised too."""
    headline = "Karim Al Hassan wants a 'total war' against Al-Shabaab."
    assert not language.may_be_foreign(headline, "en")
    assert language.may_be_foreign(headline.lower(), "en")
    text = f"{headline}\n\nThe group denied the claim in a statement on Friday.\n"
    assert lint_asking(monkeypatch, text, "es") == ([], [])
    # "The" and "AND" are English function words as much as "the" and "and".
    assert not language.may_be_foreign("The bus del sur AND the tren del norte.", "en")


def test_english_homographs_of_other_languages_function_words_are_no_sign(monkeypatch):
    """'met', 'van' and 'door' are Dutch function words and everyday English ones: a paragraph
    thick with them is English all the same, and does not reach langdetect. A Dutch or German
    paragraph keeps words enough of its own list ('het', 'een', 'der', 'nicht')."""
    line = "Die-hard fans met the van door to door."
    assert not language.may_be_foreign(line, "en")
    assert lint_asking(monkeypatch, f"{line}\n\nThe tour went on through the night.\n", "nl") == ([], [])
    assert language.may_be_foreign("De fans zijn met het busje van deur tot deur gegaan.", "en")
    assert language.may_be_foreign("Die Regierung hat am Montag erklärt, dass sie die Steuern nicht erhöht.", "en")


def test_prefilter():
    assert language.may_be_foreign(FRENCH, "en")
    assert language.may_be_foreign("Der Minister ist am Montag mit dem Zug in Berlin angekommen.", "en")
    assert language.may_be_foreign("Министр прибыл в Москву в понедельник утром.", "en")
    assert not language.may_be_foreign("Defense Minister Mark Esper spoke to reporters.", "en")
    assert not language.may_be_foreign(ENGLISH, "en")
    assert language.may_be_foreign(ENGLISH, "fr")
    assert not language.may_be_foreign(FRENCH, "fr")


def test_single_french_word_with_gloss():
    [f] = lint("Talks resumed in the city où the two sides met in 2019.\n", select=["LD002"])
    assert (f.code, f.start.line, f.start.column, f.excerpt) == ("LD002", 1, 27, "où")
    assert f.message == "French word 'où' (where) left in an English sentence: translate it."


def test_unknown_accented_french_word():
    [f] = lint("The plan needs a réexamen by the board.\n", select=["LD002"])
    assert (f.start.column, f.excerpt) == (18, "réexamen")
    assert f.message == "French word 'réexamen' left in an English sentence: translate it."


def test_loanwords_names_and_titles_are_not_french_words():
    text = ("His fiancée met the attaché at a café before the coup d'état, vis-à-vis the new "
            "régime.\n\nShe starred in Un Américain à Paris at the Théâtre du Châtelet.\n\n"
            "The monument, a lieu de mémoire, draws crowds to Saint-Jean-de-Luz.\n\n"
            "The menu was à la carte and the décor was passé.\n")
    assert lint(text, select=["LD002"]) == []


def test_french_word_check_is_for_english_articles_only():
    assert lint("The company has cédé its stake.\n", select=["LD002", "LD003"], lang="fr") == []


def test_french_auxiliary_a():
    [f] = lint("The minister a explained that talks would resume.\n", select=["LD003"])
    assert (f.start.column, f.excerpt) == (14, "a explained")
    assert f.fix.replacement == "explained" and not f.fix.safe
    assert f.suggestions == ("explained", "has explained")
    assert lint("It was a detailed plan and a declared candidate ran.\n", select=["LD003"]) == []


def test_seed_has_no_untranslated_text():
    from .conftest import shared_path

    path = shared_path("seed/000_67b23fb3398ad85c.txt")
    [result] = lint_paths([str(path)], Config(select=("LD",)))
    assert result.findings == []


def test_wmt14_reference_has_no_untranslated_text_but_mt_output_does():
    from bench.precision import lint_system
    from lintnews.engine import Linter

    from .conftest import shared_path

    shared_path("corpora/wmt14-fr-en/newstest2014.fr-en.ref")
    linter = Linter(Config(select=("LD",)))
    ref, _ = lint_system(linter, "ref")
    assert [(f.path, f.excerpt) for f in ref] == []
    mt, _ = lint_system(linter, "rbmt4.0")
    assert {"vidéosurveillance", "présentement"} <= {f.excerpt for f in mt}


def test_lintnews_langdetect_answers_as_langdetect_itself():
    """detect() runs langdetect's own algorithm over its cached profiles, with the inner loops
    done in bulk: for every text, the same language and the same probability, to the last bit,
    as a DetectorFactory that loads langdetect's profiles itself. Headlines full of names (many
    draws before langdetect settles), French, German and news sentences of the corpus."""
    from langdetect import DetectorFactory
    from langdetect.detector_factory import PROFILES_DIRECTORY
    from langdetect.lang_detect_exception import LangDetectException

    from .conftest import shared_path

    texts = [FRENCH, ENGLISH, "Karim Al Hassan wants a 'total war' against Al-Shabaab.",
             "Ankara questions a Uyghur Islamic movement", "Der Minister traf am Montag die Gewerkschaften.",
             "El ministro se reunió el lunes con los sindicatos.", "12 34", "Paris, Lyon, Marseille, Lille"]
    for name in ("newstest2014.fr-en.ref", "newstest2014.fr-en.rbmt1.0"):
        lines = shared_path(f"corpora/wmt14-fr-en/{name}").read_text(encoding="utf-8").splitlines()
        texts += [line for line in lines if line.strip() and not line.startswith("#")][:120]
    plain = DetectorFactory()
    plain.load_profile(PROFILES_DIRECTORY)

    def reference(text):
        DetectorFactory.seed = 0
        detector = plain.create()
        detector.append(text)
        try:
            best = detector.get_probabilities()[0]
        except LangDetectException:
            return None
        return best.lang, best.prob

    answers = [(language.detect(t), reference(t)) for t in texts]
    assert all(ours == theirs for ours, theirs in answers), [
        (t, a) for t, a in zip(texts, answers) if a[0] != a[1]][:3]
    assert {a[0][0] for a in answers if a[0]} >= {"en", "fr", "de", "es"}
