"""The shipped words: the article's length, and everything in the project's own words.

tests/guide/data/guide-outline.md is the outline the guide was written from (facts and
structure, not copy); no run of eight words may be shared with it."""

import re
import tomllib
from pathlib import Path

import pytest

from guide.management.commands.load_guide import CONTENT

ROOT = Path(__file__).resolve().parents[2]
OUTLINE = Path(__file__).parent / "data" / "guide-outline.md"
# Pages written for this project outside guide.toml.
TEMPLATES = [
    "templates/guide/right_now.html",
    "templates/guide/includes/shared_devices.html",
    "templates/guide/includes/quick_exit.html",
    "templates/journey/dashboard.html",
    "templates/journey/stage.html",
    "templates/guide/stage.html",
    "templates/home.html",
]
RUN = 8


def shipped():
    return tomllib.loads(CONTENT.read_text(encoding="utf-8"))


def strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def words(text):
    text = re.sub(r"\{[%{#].*?[%}#]\}|<[^>]+>", " ", text)  # template tags and HTML
    text = text.replace("’", "'").replace("‘", "'").lower()
    return re.findall(r"[a-z0-9]+(?:'[a-z]+)?", text)


def runs(text):
    found = words(text)
    return {tuple(found[n : n + RUN]) for n in range(len(found) - RUN + 1)}


def article_words(article):
    """Counted as reading time counts them: intro, section and point titles and text."""
    texts = [article["intro"]]
    for section in article["sections"]:
        texts += [section["title"], section.get("body", "")]
        for point in section.get("points", []):
            texts += [point["title"], point.get("body", "")]
    return sum(len(text.split()) for text in texts)


def test_the_article_is_between_1600_and_2000_words():
    assert 1600 <= article_words(shipped()["article"]) <= 2000


@pytest.mark.parametrize("source", ["guide.toml", *TEMPLATES])
def test_no_run_of_eight_words_is_shared_with_the_outline(source):
    outline = runs(OUTLINE.read_text(encoding="utf-8"))
    if source == "guide.toml":
        text = "\n".join(strings(shipped()))
    else:
        text = (ROOT / source).read_text(encoding="utf-8")
    shared = [" ".join(run) for run in runs(text) & outline]
    assert not shared, f"{source} shares these runs with the outline: {shared}"


def test_the_check_would_notice_a_copied_sentence():
    copied = "One partner pulls away (emotionally, physically or both) when it feels too much."
    assert runs(copied) & runs(OUTLINE.read_text(encoding="utf-8"))


def test_the_closing_no_longer_echoes_the_outline():
    closing = next(s for s in shipped()["article"]["sections"] if s["slug"] == "closing")
    last_sentence = closing["body"].strip().split(". ")[-1]
    for word in ("patience", "self-reflection", "self-love"):
        assert word not in closing["body"].lower()
    assert "[Get help](/help/)" in last_sentence


def test_the_article_says_what_twin_flame_means_once_near_the_top():
    intro = shipped()["article"]["intro"]
    assert "spiritual idea" in intro and "not a diagnosis" in intro
    assert "pursue–withdraw" in intro and "anxious and avoidant attachment" in intro
    text = "\n".join(strings(shipped()["article"]["sections"]))
    assert "spiritual idea" not in text


def test_further_reading_has_a_reviewed_on_date_and_real_books_with_their_authors():
    reading = next(s for s in shipped()["article"]["sections"] if s["slug"] == "further-reading")
    assert re.search(r"\*Reviewed on \d{1,2} \w+ \d{4}\.\*", reading["body"])
    for author, title in [
        ("Amir Levine and Rachel Heller", "Attached"),
        ("Sue Johnson", "Hold Me Tight"),
        ("Guy Winch", "How to Fix a Broken Heart"),
    ]:
        assert f"{author}, *{title}*" in reading["body"]
