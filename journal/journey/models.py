import datetime

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone

from journal.access import OwnedQuerySet
from journal.entries.models import Entry
from journal.moods import Mood
from journal.streaks import showing_up


class Role(models.TextChoices):
    RUNNER = "runner", "The runner (I pulled away)"
    CHASER = "chaser", "The chaser (they pulled away)"
    NOT_SURE = "not_sure", "Not sure yet"


def local_day(moment):
    """The calendar day of a stored UTC moment in the active (the person's) zone."""
    return timezone.localtime(moment).date()


class Journey(models.Model):
    """A person's place in the stages: made at onboarding, changed by moving."""

    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="journey"
    )
    role = models.CharField(max_length=10, choices=Role, default=Role.NOT_SURE)
    stage = models.ForeignKey("guide.Stage", on_delete=models.PROTECT, related_name="+")
    intention = models.TextField(max_length=1000, blank=True)
    started_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OwnedQuerySet.as_manager()

    def __str__(self):
        return f"Journey of user {self.owner_id}"

    @classmethod
    @transaction.atomic
    def start(cls, owner, role, stage, intention=""):
        """Begin a journey; the first stage is kept as the first transition."""
        journey = cls.objects.create(owner=owner, role=role, stage=stage, intention=intention)
        Transition.objects.create(owner=owner, from_stage=None, to_stage=stage)
        return journey

    @transaction.atomic
    def move_to(self, stage, note=""):
        """Move to another stage; the move is appended to the history, never rewritten."""
        transition = Transition.objects.create(
            owner=self.owner, from_stage=self.stage, to_stage=stage, note=note
        )
        self.stage = stage
        self.save(update_fields=["stage", "updated_at"])
        return transition

    @transaction.atomic
    def change(self, role, stage, intention):
        """Onboarding answered again; a different stage is kept as a move in the history."""
        if stage != self.stage:
            self.move_to(stage, note="Changed from “Your answers”.")
        self.role, self.intention = role, intention
        self.save(update_fields=["role", "intention", "updated_at"])

    # Guide content for this person, their role's own first.

    def practices(self, stage=None):
        return (stage or self.stage).practices.in_use().for_role(self.role)

    def prompts(self, stage=None):
        return (stage or self.stage).prompts.in_use().for_role(self.role)

    def sections(self):
        from guide.models import Section

        return Section.objects.readable().select_related("article").for_role(self.role)

    def todays_prompt(self, today):
        """One prompt a day, the same all day, taking turns through the stage's prompts."""
        prompts = list(self.prompts())
        return prompts[today.toordinal() % len(prompts)] if prompts else None

    def showing_up(self, today):
        """The forgiving streak of days with a check-in or a journal entry."""
        since = today - datetime.timedelta(days=366)
        days = set(
            CheckIn.objects.filter(owner_id=self.owner_id, day__range=(since, today)).values_list(
                "day", flat=True
            )
        )
        days |= set(
            Entry.objects.filter(
                owner_id=self.owner_id, entry_date__range=(since, today)
            ).values_list("entry_date", flat=True)
        )
        return showing_up(days, today)

    def way(self):
        """Where this person can move from their stage: back, on (one stage or a choice
        between equals) or across to another way on; see Stage.neighbours."""
        return self.stage.neighbours()


class Transition(models.Model):
    """One move between stages; the history is only ever appended to."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="stage_transitions"
    )
    from_stage = models.ForeignKey(
        "guide.Stage", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    to_stage = models.ForeignKey("guide.Stage", on_delete=models.PROTECT, related_name="+")
    note = models.TextField(max_length=2000, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["owner", "created_at"], name="transition_owner_time")]

    def __str__(self):
        return f"Move to stage {self.to_stage_id}"


class PracticeTickQuerySet(OwnedQuerySet):
    def active(self):
        return self.filter(undone_on__isnull=True)

    def done_so_far(self):
        """Each practice ticked, with its title as ticked, the last day it was done, how
        many times, and whether editors have retired it: one row per practice."""
        return (
            self.values("practice_id", retired=models.F("practice__retired"))
            .annotate(
                title=models.Max("practice_title"),
                last_done=models.Max("done_on"),
                times=models.Count("id"),
            )
            .order_by("-last_done", "title")
        )


class PracticeTick(models.Model):
    """A practice a person marked done on a day; unticking dates it instead of deleting it.

    Only one tick per practice is active (not undone) at a time; ticking again after an
    untick starts a new row, so the history of ticks keeps its dates.
    """

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="practice_ticks"
    )
    # Editors retire a practice people ticked rather than delete it (PROTECT); the title
    # is kept as it was when ticked, so the person's history reads the same.
    practice = models.ForeignKey("guide.Practice", on_delete=models.PROTECT, related_name="+")
    practice_title = models.CharField(max_length=200, editable=False)
    done_on = models.DateField(default=timezone.localdate)
    undone_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = PracticeTickQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "practice"],
                condition=models.Q(undone_on__isnull=True),
                name="one_active_tick_per_practice",
            ),
        ]
        indexes = [models.Index(fields=["owner", "practice"], name="tick_owner_practice")]

    def __str__(self):
        return f"Practice {self.practice_id} done on {self.done_on}"

    def save(self, *args, **kwargs):
        if not self.practice_title:
            self.practice_title = self.practice.title
        super().save(*args, **kwargs)

    @classmethod
    @transaction.atomic
    def set_done(cls, owner, practice, done, today=None):
        """Tick or untick a practice for today; doing what is already done changes nothing."""
        today = today or timezone.localdate()
        active = cls.objects.for_owner(owner).active().filter(practice=practice)
        if done and not active.exists():
            cls.objects.create(
                owner=owner, practice=practice, practice_title=practice.title, done_on=today
            )
        elif not done:
            active.update(undone_on=today)


class CheckInQuerySet(OwnedQuerySet):
    def recent_moods(self, count=5):
        return list(self.order_by("-day").values_list("mood", flat=True)[:count])

    def low_run(self, count=5, low=Mood.LOW, needed=3):
        """True when `needed` of the last `count` check-ins were low: time to offer support."""
        return sum(1 for mood in self.recent_moods(count) if mood <= low) >= needed

    def gentle_note(self, today):
        """Which quiet line of support the check-in card shows, if any: "very_low" after
        a Very low check-in today (one is enough), "low_run" after a run of low days."""
        if self.filter(day=today, mood=Mood.VERY_LOW).exists():
            return "very_low"
        return "low_run" if self.low_run() else ""


class CheckIn(models.Model):
    """The one-tap mood of a day: one per person per day in their own time zone."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="check_ins"
    )
    day = models.DateField(default=timezone.localdate)
    mood = models.PositiveSmallIntegerField(choices=Mood)
    note = models.CharField(max_length=280, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CheckInQuerySet.as_manager()

    class Meta:
        ordering = ["-day"]
        constraints = [
            models.UniqueConstraint(fields=["owner", "day"], name="one_check_in_per_day"),
        ]

    def __str__(self):
        return f"Check-in of {self.day}"

    @classmethod
    def record(cls, owner, mood, note="", today=None):
        """Today's check-in, made or changed: a second tap the same day edits it."""
        check_in, _ = cls.objects.update_or_create(
            owner=owner,
            day=today or timezone.localdate(),
            defaults={"mood": mood, "note": note},
        )
        return check_in
