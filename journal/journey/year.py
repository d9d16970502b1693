"""The year at a glance: one square per day, coloured by that day's check-in.

Drawn on the server as SVG geometry, like charts.py: `build_year` is pure (data in,
squares out), `year_for` fetches one person's year in two queries however full it is.
Colours come from CSS classes (mood-1 … mood-5, empty, future), so both themes work and
the strict Content Security Policy needs no inline style.
"""

import calendar
import datetime
import hashlib
from dataclasses import dataclass, field

from django.utils import timezone

from journal.moods import Mood

from .models import CheckIn, Transition, local_day

CELL, GAP = 16, 3
LEFT, TOP = 44, 22
STEP = CELL + GAP
WIDTH = LEFT + 31 * STEP
HEIGHT = TOP + 12 * STEP
EARLIEST_YEAR = 1900


@dataclass
class DaySquare:
    day: datetime.date
    mood: int | None
    moves: list
    future: bool
    x: int = 0
    y: int = 0

    @property
    def css_class(self):
        if self.future:
            return "year-day is-future"
        return f"year-day mood-{self.mood}" if self.mood else "year-day is-empty"

    @property
    def label_mood(self):
        return Mood(self.mood).label if self.mood else ""

    @property
    def label(self):
        text = f"{self.day:%-d %B}: "
        text += Mood(self.mood).label.lower() if self.mood else "no check-in"
        for move in self.moves:
            text += f"; moved to {move}"
        return text


@dataclass
class YearPicture:
    year: int
    today: datetime.date
    squares: list = field(default_factory=list)
    width: int = WIDTH
    height: int = HEIGHT
    cell: int = CELL

    @property
    def checked_in(self):
        return [square for square in self.squares if square.mood or square.moves]

    @property
    def fingerprint(self):
        """A digest of all the picture shows, so its rendering can be kept and reused."""
        shown = (self.year, self.today, [(s.day, s.mood, s.moves) for s in self.checked_in])
        return hashlib.sha256(repr(shown).encode()).hexdigest()

    @property
    def check_in_count(self):
        return sum(1 for square in self.squares if square.mood)

    @property
    def move_marks(self):
        return [square for square in self.squares if square.moves]

    @property
    def months(self):
        return [
            {"y": TOP + n * STEP + CELL - 3, "name": calendar.month_abbr[n + 1],
             "initial": calendar.month_abbr[n + 1][0]}
            for n in range(12)
        ]  # fmt: skip

    @property
    def day_numbers(self):
        return [{"x": LEFT + (day - 1) * STEP + CELL / 2, "day": day} for day in (1, 10, 20, 31)]

    @property
    def moods(self):
        return Mood.choices

    @property
    def previous_year(self):
        return self.year - 1 if self.year > EARLIEST_YEAR else None

    @property
    def next_year(self):
        return self.year + 1 if self.year < self.today.year else None


def build_year(year, today, moods, moves):
    """moods: {day: mood}; moves: {day: [stage name, ...]} for the days of `year`."""
    picture = YearPicture(year=year, today=today)
    day = datetime.date(year, 1, 1)
    while day.year == year:
        square = DaySquare(day, moods.get(day), moves.get(day, []), future=day > today)
        square.x = LEFT + (day.day - 1) * STEP
        square.y = TOP + (day.month - 1) * STEP
        picture.squares.append(square)
        day += datetime.timedelta(days=1)
    return picture


def year_for(user, year=None):
    """The person's year in their own time zone: two queries, whatever it holds."""
    today = timezone.localdate()
    year = year if year and EARLIEST_YEAR <= year <= today.year else today.year
    first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    moods = dict(
        CheckIn.objects.for_owner(user).filter(day__range=(first, last)).values_list("day", "mood")
    )
    # The year's bounds in the person's zone, so a move lands on their own day.
    window = [
        timezone.make_aware(datetime.datetime.combine(day, time))
        for day, time in ((first, datetime.time.min), (last, datetime.time.max))
    ]
    moves = {}
    for moment, stage in (
        Transition.objects.for_owner(user)
        .filter(created_at__range=window)
        .values_list("created_at", "to_stage__name")
        .order_by("created_at", "id")
    ):
        day = local_day(moment)
        if day.year == year:
            moves.setdefault(day, []).append(stage)
    return build_year(year, today, moods, moves)
