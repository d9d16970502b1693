"""Pictures of a journey, drawn on the server as SVG geometry for the templates.

The builders are pure (data in, coordinates out) so they can be tested with 0, 1 or
1,000 points; the `*_for` functions fetch one person's data in a fixed number of queries.
Colours come from CSS classes in site.css, so light and dark mode both work.
"""

import datetime
import hashlib
from collections import defaultdict
from dataclasses import dataclass, field

from django.utils import timezone

from guide.models import Stage
from journal.entries.models import Entry
from journal.moods import Mood

from .models import CheckIn, PracticeTick, Transition, local_day

RANGES = (30, 90, 365)

# Mood picture geometry, in SVG user units (the picture scales to its box). The mood
# names sit on their grid lines inside the plot, so the plot keeps the full width.
WIDTH, HEIGHT = 600, 248
LEFT, RIGHT = 8, 592
TOP, BOTTOM = 36, 200  # mood 5 at TOP, mood 1 at BOTTOM
AXIS_Y = 238
GAP_DAYS = 7  # a line is not drawn across more than a week without moods
SPARSE = 3  # this many points or fewer are drawn larger, with a word about it
LEAD_IN_MIN = 420  # a sparse picture's empty stretch this wide is named (its words fit)


@dataclass
class MoodPoint:
    """A day's check-in: the day's mood as the person said it."""

    day: datetime.date
    mood: int
    x: float = 0
    y: float = 0


@dataclass
class EntryMark:
    """One journal entry's mood, drawn as its own mark beside the check-in line."""

    day: datetime.date
    mood: int
    x: float = 0
    y: float = 0


@dataclass
class MoodDay:
    """A row of the picture's table: the day's check-in and its entries' moods."""

    day: datetime.date
    check_in: int | None
    entry_moods: list


@dataclass
class StageBand:
    stage: Stage
    start: datetime.date
    end: datetime.date
    tone: int
    x: float = 0
    width: float = 0

    @property
    def days(self):
        return (self.end - self.start).days + 1


@dataclass
class MoodChart:
    days: int
    start: datetime.date
    end: datetime.date
    points: list = field(default_factory=list)
    entry_marks: list = field(default_factory=list)
    table: list = field(default_factory=list)
    bands: list = field(default_factory=list)
    paths: list = field(default_factory=list)
    width: int = WIDTH
    height: int = HEIGHT

    @property
    def is_empty(self):
        return not self.points and not self.entry_marks

    @property
    def is_sparse(self):
        return not self.is_empty and len(self.points) + len(self.entry_marks) <= SPARSE

    @property
    def lead_in(self):
        """On a sparse picture, where the empty days before the first mood say so, so
        the space reads as days not yet noted rather than a broken picture."""
        if not self.is_sparse:
            return None
        first = min(mark.x for mark in [*self.points, *self.entry_marks]) - slot_width(self)
        if first - LEFT < LEAD_IN_MIN:
            return None
        return {"x": round((LEFT + first) / 2, 1), "y": round(TOP + (BOTTOM - TOP) * 0.75 + 6)}

    @property
    def y_labels(self):
        return [
            {"y": mood_y(value), "label": Mood(value).label}
            for value in (Mood.VERY_GOOD, Mood.OKAY, Mood.VERY_LOW)
        ]

    @property
    def x_labels(self):
        middle = self.start + datetime.timedelta(days=(self.days - 1) // 2)
        return [
            {"x": day_center(self, self.start), "day": self.start, "anchor": "start"},
            {"x": day_center(self, middle), "day": middle, "anchor": "middle"},
            {"x": day_center(self, self.end), "day": self.end, "anchor": "end"},
        ]

    @property
    def point_radius(self):
        if self.is_sparse:
            return 7
        return 5 if self.days <= 30 else 3 if self.days <= 90 else 2

    @property
    def fingerprint(self):
        """A digest of all the picture shows, so its rendering can be kept and reused."""
        shown = (
            self.days, self.start, self.end,
            [(p.day, p.mood) for p in self.points],
            [(m.day, m.mood) for m in self.entry_marks],
            [(row.day, row.check_in, row.entry_moods) for row in self.table],
            [(b.stage.pk, b.stage.name, b.stage.slug, b.start, b.end, b.tone) for b in self.bands],
        )  # fmt: skip
        return hashlib.sha256(repr(shown).encode()).hexdigest()

    @property
    def average(self):
        """The average check-in, in words ("Okay") and as a number."""
        if not self.points:
            return None
        return round(sum(p.mood for p in self.points) / len(self.points), 1)

    geometry = {
        "left": LEFT,
        "right": RIGHT,
        "top": TOP,
        "bottom": BOTTOM,
        "axis_y": AXIS_Y,
        "plot_height": BOTTOM - TOP,
        "label_x": LEFT + 2,
        "empty_x": (LEFT + RIGHT) / 2,
        "empty_y": (TOP + BOTTOM) / 2 + 6,
    }


def slot_width(chart):
    return (RIGHT - LEFT) / chart.days


def day_center(chart, day):
    return round(LEFT + ((day - chart.start).days + 0.5) * slot_width(chart), 1)


def mood_y(mood):
    return round(BOTTOM - (mood - 1) * (BOTTOM - TOP) / 4, 1)


def build_mood_chart(days, end, check_ins, entry_moods, stage_periods):
    """The check-in line over `days` days ending `end`, on the stages as bands behind it.

    check_ins: {day: mood}; entry_moods: {day: [mood, ...]};
    stage_periods: [(stage, first_day, last_day, tone)] in time order.
    The check-in is the day's mood as the person said it: the line joins check-ins
    only. Journal entries' moods are their own, smaller marks, never averaged in.
    """
    start = end - datetime.timedelta(days=days - 1)
    chart = MoodChart(days=days, start=start, end=end)
    for day in sorted(set(check_ins) | set(entry_moods)):
        if not start <= day <= end:
            continue
        moods = list(entry_moods.get(day, []))
        chart.table.append(MoodDay(day, check_ins.get(day), moods))
        x = day_center(chart, day)
        if day in check_ins:
            chart.points.append(MoodPoint(day, check_ins[day], x, mood_y(check_ins[day])))
        for mood in dict.fromkeys(moods):  # one mark per distinct mood that day
            if mood != check_ins.get(day):
                chart.entry_marks.append(EntryMark(day, mood, x, mood_y(mood)))
    chart.paths = line_paths(chart.points)
    for stage, first, last, tone in stage_periods:
        first, last = max(first, start), min(last, end)
        if first > last:
            continue
        band = StageBand(stage, first, last, tone)
        band.x = round(LEFT + (first - start).days * slot_width(chart), 1)
        band.width = round(band.days * slot_width(chart), 1)
        chart.bands.append(band)
    return chart


def line_paths(points):
    """SVG path data joining the points, broken where more than a week has no mood."""
    paths, current, previous = [], [], None
    for point in points:
        if previous and (point.day - previous.day).days > GAP_DAYS:
            paths.append(current)
            current = []
        current.append(f"{'M' if not current else 'L'}{point.x} {point.y}")
        previous = point
    paths.append(current)
    return [" ".join(path) for path in paths if len(path) > 1]


def stage_tones():
    """Each stage's colour, by its place in the guide's order (1, 2, 3 ...)."""
    return {stage.pk: (stage, n) for n, stage in enumerate(Stage.objects.all(), start=1)}


def stage_periods(user, start, end, tones):
    """Which stage the person was in over [start, end], from their transitions.

    Two queries whatever the length of the history: the last move before the window,
    and the moves inside it.
    """
    start_moment = timezone.make_aware(datetime.datetime.combine(start, datetime.time.min))
    moves = Transition.objects.for_owner(user).order_by("created_at", "id")
    before = moves.filter(created_at__lt=start_moment).values_list("created_at", "to_stage_id")
    inside = moves.filter(created_at__gte=start_moment).values_list("created_at", "to_stage_id")
    last_before = before.reverse().first()
    changes = ([(start, last_before[1])] if last_before else []) + [
        (local_day(moment), stage_id) for moment, stage_id in inside
    ]
    periods = []
    for n, (day, stage_id) in enumerate(changes):
        following = changes[n + 1][0] if n + 1 < len(changes) else end + datetime.timedelta(1)
        last = min(following - datetime.timedelta(days=1), end)
        if last < day:
            continue  # moved again the same day: the day belongs to the later stage
        if periods and periods[-1][0].pk == stage_id:
            periods[-1][2] = last
            continue
        stage, tone = tones[stage_id]
        periods.append([stage, day, last, tone])
    return [tuple(period) for period in periods]


def mood_chart_for(user, days=30, today=None):
    days = days if days in RANGES else RANGES[0]
    end = today or timezone.localdate()
    start = end - datetime.timedelta(days=days - 1)
    check_ins = dict(
        CheckIn.objects.for_owner(user).filter(day__range=(start, end)).values_list("day", "mood")
    )
    entry_moods = defaultdict(list)
    for day, mood in (
        Entry.objects.for_owner(user)
        .filter(entry_date__range=(start, end), mood__isnull=False)
        .values_list("entry_date", "mood")
        .order_by("entry_date", "id")
    ):
        entry_moods[day].append(mood)
    periods = stage_periods(user, start, end, stage_tones())
    return build_mood_chart(days, end, check_ins, entry_moods, periods)


# --- Practices done per stage ----------------------------------------------

BAR_LEFT, BAR_RIGHT, BAR_ROW = 164, 500, 44


@dataclass
class PracticeBar:
    stage: Stage
    done: int
    total: int
    tone: int
    y: float = 0
    width: float = 0

    @property
    def text_y(self):
        return self.y + 17


@dataclass
class PracticesChart:
    bars: list
    width: int = WIDTH

    @property
    def height(self):
        return max(1, len(self.bars)) * BAR_ROW + 8

    @property
    def is_empty(self):
        return not self.bars

    @property
    def done(self):
        return sum(bar.done for bar in self.bars)

    geometry = {
        "left": BAR_LEFT,
        "right": BAR_RIGHT,
        "track": BAR_RIGHT - BAR_LEFT,
        "label_x": BAR_LEFT - 10,
        "count_x": BAR_RIGHT + 10,
        "bar_height": 24,
    }


def build_practices_chart(rows):
    """rows: [(stage, done, total, tone)] in stage order."""
    bars = []
    for n, (stage, done, total, tone) in enumerate(rows):
        bar = PracticeBar(stage, done, total, tone, y=8 + n * BAR_ROW)
        bar.width = round((BAR_RIGHT - BAR_LEFT) * done / total, 1) if total else 0
        bars.append(bar)
    return PracticesChart(bars)


def practices_chart_for(user, role):
    """Per stage: practices for this role done (ticked and not unticked) out of all of them."""
    from guide.models import Practice

    practices = Practice.objects.published().for_role(role)
    done_ids = set(
        PracticeTick.objects.for_owner(user).active().values_list("practice_id", flat=True)
    )
    totals, done = defaultdict(int), defaultdict(int)
    for practice_id, stage_id in practices.values_list("id", "stage_id"):
        totals[stage_id] += 1
        done[stage_id] += practice_id in done_ids
    rows = [
        (stage, done[stage.pk], totals[stage.pk], tone)
        for stage, tone in stage_tones().values()
        if stage.is_public
    ]
    return build_practices_chart(rows)
