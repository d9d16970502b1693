"""The pictures: server-drawn SVG that says what it shows, with 0, 1 and many points."""

import datetime
import re
import xml.etree.ElementTree as ET

import pytest
from django.template.loader import render_to_string
from django.utils import timezone

from journal.journey import charts
from journal.models import CheckIn, Entry, PracticeTick, Transition

pytestmark = pytest.mark.django_db

END = datetime.date(2026, 6, 30)


def figure(html, kind):
    """The first <figure> of a kind, parsed as XML (the SVG and its table must be well formed)."""
    match = re.search(rf'<figure class="chart chart-{kind}[^"]*">.*?</figure>', html, re.S)
    assert match, f"no {kind} picture in the page"
    return ET.fromstring(match.group(0))


def render_mood(chart):
    html = render_to_string(
        "journey/includes/mood_chart.html", {"chart": chart, "chart_id": "test"}
    )
    return figure(html, "mood")


def rows(table):
    return [[cell.text for cell in row] for row in table.find("tbody")]


def test_mood_picture_with_no_points_says_so(guide):
    chart = charts.build_mood_chart(30, END, {}, {}, [])
    svg_figure = render_mood(chart)
    svg = svg_figure.find("svg")
    assert svg.get("role") == "img"
    assert svg.get("aria-labelledby") == "test-title test-desc"
    assert svg.find("title").text == "Mood and stages over the last 30 days"
    assert "No moods recorded" in svg.find("desc").text
    assert not svg.findall(".//circle")
    assert rows(svg_figure.find(".//table")) == [["No moods in these days yet."]]
    assert "style" not in ET.tostring(svg_figure, encoding="unicode")


def test_mood_picture_with_one_point_draws_a_dot_but_no_line(guide):
    chart = charts.build_mood_chart(30, END, {END: 4}, {}, [])
    svg_figure = render_mood(chart)
    circles = svg_figure.findall(".//circle")
    assert [(c.get("data-day"), c.get("data-mood")) for c in circles] == [("2026-06-30", "4")]
    assert not svg_figure.findall(".//path")
    # The last day sits at the right edge, mood 4 three quarters of the way up.
    width = charts.RIGHT - charts.LEFT
    assert float(circles[0].get("cx")) == pytest.approx(charts.RIGHT - width / 60, abs=0.1)
    assert float(circles[0].get("cy")) == charts.mood_y(4)
    assert rows(svg_figure.find(".//table")) == [["30 June 2026", "4", "–"]]


def test_a_sparse_month_is_drawn_larger_and_says_why(guide):
    chart = charts.build_mood_chart(30, END, {END: 4, END - datetime.timedelta(3): 2}, {}, [])
    html = render_to_string(
        "journey/includes/mood_chart.html", {"chart": chart, "chart_id": "test"}
    )
    assert chart.is_sparse and chart.point_radius > 5
    assert "Only a few days so far" in html


def test_a_sparse_month_names_its_empty_stretch_when_there_is_room(guide):
    late = charts.build_mood_chart(30, END, {END: 4, END - datetime.timedelta(2): 2}, {}, [])
    lead_in = render_mood(late).find(".//*[@class='chart-lead-in']")
    assert lead_in.text == "No moods on these days"
    first_point = min(float(c.get("cx")) for c in render_mood(late).findall(".//circle"))
    assert float(lead_in.get("x")) < first_point / 2 + charts.LEFT  # centred in the gap
    early = charts.build_mood_chart(30, END, {END - datetime.timedelta(25): 3}, {}, [])
    assert early.is_sparse and early.lead_in is None  # no room: the dot is near the start
    full = charts.build_mood_chart(
        30, END, {END - datetime.timedelta(n): 3 for n in range(5)}, {}, []
    )
    assert full.lead_in is None  # only sparse pictures need it


def test_the_check_in_is_the_days_mood_and_entries_are_their_own_marks(guide):
    """Bug: a "Good" check-in with two low entries was drawn below "Okay"."""
    chart = charts.build_mood_chart(30, END, {END: 4}, {END: [1, 2, 4]}, [])
    assert [(p.day, p.mood) for p in chart.points] == [(END, 4)]
    # One mark per other mood; the entry that agrees with the check-in needs none.
    assert [(m.day, m.mood) for m in chart.entry_marks] == [(END, 1), (END, 2)]
    svg_figure = render_mood(chart)
    point = svg_figure.find(".//circle[@class='chart-point']")
    assert float(point.get("cy")) == charts.mood_y(4)
    marks = svg_figure.findall(".//circle[@class='chart-entry-mood']")
    assert [m.get("data-mood") for m in marks] == ["1", "2"]
    assert rows(svg_figure.find(".//table")) == [["30 June 2026", "4", "1, 2, 4"]]


def test_a_day_with_only_entries_has_marks_but_no_check_in_point(guide):
    chart = charts.build_mood_chart(30, END, {}, {END: [3]}, [])
    assert not chart.points and not chart.paths
    assert [(m.day, m.mood) for m in chart.entry_marks] == [(END, 3)]
    assert not chart.is_empty


def test_mood_names_are_words_not_digits(guide):
    chart = charts.build_mood_chart(30, END, {END: 4}, {}, [])
    labels = [
        t.text for t in render_mood(chart).findall(".//text[@class='chart-label chart-y-label']")
    ]
    assert labels == ["Very good", "Okay", "Very low"]


def test_mood_picture_with_a_year_of_points_stays_inside_its_frame(guide):
    check_ins = {END - datetime.timedelta(n): 1 + n % 5 for n in range(1000)}
    chart = charts.build_mood_chart(365, END, check_ins, {}, [])
    svg_figure = render_mood(chart)
    circles = svg_figure.findall(".//circle")
    assert len(circles) == 365  # only the days inside the window
    xs = [float(c.get("cx")) for c in circles]
    ys = [float(c.get("cy")) for c in circles]
    assert min(xs) > charts.LEFT and max(xs) < charts.RIGHT
    assert min(ys) >= charts.TOP and max(ys) <= charts.BOTTOM
    assert xs == sorted(xs)
    assert len(svg_figure.findall(".//path")) == 1
    assert len(rows(svg_figure.find(".//table"))) == 365


def test_the_line_breaks_across_more_than_a_week_without_moods(guide):
    days = {
        END: 3,
        END - datetime.timedelta(1): 3,
        END - datetime.timedelta(20): 2,
        END - datetime.timedelta(21): 2,
    }
    chart = charts.build_mood_chart(30, END, days, {}, [])
    assert len(chart.paths) == 2


def test_stage_bands_follow_the_moves_on_the_same_axis(owner, chaser_journey, guide):
    today = timezone.localdate()
    first = Transition.objects.for_owner(owner).get()
    first.created_at = timezone.now() - datetime.timedelta(days=100)
    first.save()
    move = chaser_journey.move_to(guide["integration"])
    move.created_at = timezone.now() - datetime.timedelta(days=10)
    move.save()
    CheckIn.objects.create(owner=owner, day=today, mood=4)

    chart = charts.mood_chart_for(owner, 30, today)
    bands = [(b.stage.slug, b.start, b.end) for b in chart.bands]
    ten_days_ago = timezone.localtime(move.created_at).date()
    assert bands == [
        ("separation", today - datetime.timedelta(29), ten_days_ago - datetime.timedelta(1)),
        ("integration", ten_days_ago, today),
    ]
    svg_figure = render_mood(chart)
    rects = svg_figure.findall(".//rect[@data-stage]")
    assert [r.get("data-stage") for r in rects] == ["separation", "integration"]
    assert float(rects[0].get("x")) == charts.LEFT
    assert float(rects[1].get("x")) + float(rects[1].get("width")) == pytest.approx(charts.RIGHT)
    stage_table = svg_figure.findall(".//table")[1]
    assert [row[0] for row in rows(stage_table)] == ["Separation", "Integration"]


def test_entry_moods_are_marked_in_the_mood_picture(owner, chaser_journey, guide):
    today = timezone.localdate()
    Entry.objects.create(owner=owner, body="x", mood=2, entry_date=today)
    Entry.objects.create(owner=owner, body="y", mood=None, entry_date=today)
    chart = charts.mood_chart_for(owner, 30, today)
    assert chart.points == []
    assert [(m.day, m.mood) for m in chart.entry_marks] == [(today, 2)]


def test_a_range_that_is_not_offered_falls_back_to_30_days(owner, chaser_journey):
    assert charts.mood_chart_for(owner, 7).days == 30


def test_practices_picture_counts_what_is_done_in_each_stage(owner, chaser_journey, guide):
    practices = list(chaser_journey.practices())
    for practice in practices[:2]:
        PracticeTick.set_done(owner, practice, True)
    PracticeTick.set_done(owner, practices[2], True)
    PracticeTick.set_done(owner, practices[2], False)
    chart = charts.practices_chart_for(owner, "chaser")
    assert [(b.stage.slug, b.done, b.total) for b in chart.bars] == [
        ("separation", 2, 7),
        ("integration", 0, 6),
        ("reunion", 0, 7),
        ("peace-apart", 0, 6),
    ]
    html = render_to_string(
        "journey/includes/practices_chart.html", {"chart": chart, "chart_id": "p"}
    )
    svg_figure = figure(html, "practices")
    assert "Separation: 2 of 7." in svg_figure.find(".//desc").text
    bars = svg_figure.findall(".//rect[@data-done]")
    assert [(b.get("data-stage"), b.get("data-done")) for b in bars] == [("separation", "2")]
    assert float(bars[0].get("width")) == pytest.approx(
        (charts.BAR_RIGHT - charts.BAR_LEFT) * 2 / 7, abs=0.1
    )
    assert rows(svg_figure.find(".//table")) == [
        ["Separation", "2", "7"],
        ["Integration", "0", "6"],
        ["Reunion", "0", "7"],
        ["Peace apart", "0", "6"],
    ]


def test_practices_picture_with_no_stages_says_so(db):
    chart = charts.build_practices_chart([])
    html = render_to_string(
        "journey/includes/practices_chart.html", {"chart": chart, "chart_id": "p"}
    )
    svg_figure = figure(html, "practices")
    assert svg_figure.find(".//svg/text").text == "No stages yet"


def test_the_history_page_shows_the_range_asked_for(owner_client, chaser_journey):
    response = owner_client.get("/journey/history/?days=365")
    svg = figure(response.content.decode(), "mood").find("svg")
    assert svg.get("data-days") == "365"
    assert owner_client.get("/journey/history/?days=abc").status_code == 200
