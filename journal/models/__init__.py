from .entries import Entry, EntryDraft, Mood, Tag
from .journey import CheckIn, Journey, PracticeTick, Role, Transition
from .profile import Profile

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
