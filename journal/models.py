"""Django finds an app's models here; each idea keeps its own in its sub-package."""

from journal.accounts.models import Profile
from journal.entries.models import Entry, EntryDraft, Tag
from journal.journey.models import CheckIn, Journey, PracticeTick, Role, Transition
from journal.moods import Mood

__all__ = [
    "CheckIn",
    "Entry",
    "EntryDraft",
    "Journey",
    "Mood",
    "PracticeTick",
    "Profile",
    "Role",
    "Tag",
    "Transition",
]
