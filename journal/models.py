"""Django finds an app's models here; each idea keeps its own in its sub-package."""

from journal.accounts.models import Profile
from journal.entries.models import Entry, EntryDraft, Tag
from journal.journey.models import CheckIn, Journey, PracticeTick, Role, Transition
from journal.letters.models import Letter
from journal.moods import Mood
from journal.reminders.models import ReminderSent, ReminderSettings, ReminderTick

__all__ = [
    "CheckIn",
    "Entry",
    "EntryDraft",
    "Journey",
    "Letter",
    "Mood",
    "PracticeTick",
    "Profile",
    "ReminderSent",
    "ReminderSettings",
    "ReminderTick",
    "Role",
    "Tag",
    "Transition",
]
