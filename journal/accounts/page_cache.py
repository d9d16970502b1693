"""Whole-page cache for the pages a signed-in person opens every day.

A page is kept, in this process's memory only (`CACHES["pages"]`: private writing never
goes to a shared cache), under a key that names everything it shows:

- the person and their `PageRevision` number, which any change to their journal or
  settings moves on (`bump`, from the signals below and from every form they send),
  read through the shared session cache;
- their "today" and time zone, and discreet mode;
- the guide's version (stage names and practices appear on these pages);
- the address with its query, and what htmx asked for;
- the CSRF cookie, since the page's forms carry a token made from it.

So a kept page is never stale; it also expires after PAGE_SECONDS, for anything that
changes without a save. A page is only kept when nothing one-off is on it (no message
waiting), and only a plain 200.
"""

import contextlib
import contextvars
import functools

from django.utils import timezone

from guide.page_cache import content_version, kept_page, signed_in_keepable

from .backends import forget, shared_cache
from .models import PageRevision

PAGE_SECONDS = 5 * 60
REVISION_SECONDS = 60
HTMX_HEADERS = ("HX-Request", "HX-Target", "HX-Trigger", "HX-Trigger-Name", "HX-Boosted")


def private_page(view):
    """Serve the signed-in person their own kept copy of this page while it is current."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if not signed_in_keepable(request):
            return view(request, *args, **kwargs)
        revision = _revision(request.user.pk)
        if revision is None:  # signed in before revisions were counted: count from now
            PageRevision.start(request.user.pk)
            return view(request, *args, **kwargs)
        parts = (
            revision,
            timezone.localdate().isoformat(),
            timezone.get_current_timezone_name(),
            getattr(request, "discreet", False),
            content_version(),
            request.get_full_path(),
            *(request.headers.get(name, "") for name in HTMX_HEADERS),
        )
        return kept_page(view, request, args, kwargs, "journal:page", parts, PAGE_SECONDS)

    return wrapper


def _revision_key(user_id):
    return f"journal:page-revision:{user_id}"


def _revision(user_id):
    """The person's revision, read through the cache the sessions use (shared by every
    process, one plain SELECT without Redis) rather than the ORM on every page."""
    shared = shared_cache()
    number = shared.get(_revision_key(user_id))
    if number is None:
        number = PageRevision.of(user_id)
        if number is not None:
            shared.set(_revision_key(user_id), number, REVISION_SECONDS)
    return number


def bump(user_id):
    """Retire every kept page of this person: a new number, forgotten by the shared cache
    now and again on commit (in case a request in between read the old one)."""
    PageRevision.bump(user_id)
    forget(_revision_key(user_id))


# During a request, the people whose records changed; None outside requests.
_changed_in_request = contextvars.ContextVar("changed_in_request", default=None)


@contextlib.contextmanager
def bumps_deferred_to_the_end(request):
    """Used by PageRevisionMiddleware: changes during the request move the revision on
    once, after the request's last write, instead of once per saved row; and anything a
    signed-in person sends counts as a change (bulk writes send no signals)."""
    changed = set()
    token = _changed_in_request.set(changed)
    try:
        yield
    finally:
        _changed_in_request.reset(token)
        if request.method not in ("GET", "HEAD", "OPTIONS") and request.user.is_authenticated:
            changed.add(request.user.pk)
        for user_id in changed:
            bump(user_id)


def _changed(user_id):
    changed = _changed_in_request.get()
    if changed is None:  # a task, a shell, a management command: now
        bump(user_id)
    else:
        changed.add(user_id)


def bump_owner(sender, instance, **kwargs):
    """Signal receiver: a record with an `owner` changed."""
    _changed(instance.owner_id)


def bump_person(sender, instance, **kwargs):
    """Signal receiver: the person's own user row changed (name, email, activity)."""
    _changed(instance.pk)


def start_counting(sender, user, **kwargs):
    """Signal receiver (user_logged_in): from now on this person's changes are counted."""
    PageRevision.start(user.pk)


def bump_tagged(sender, instance, **kwargs):
    """Signal receiver: an entry's tags changed (instance is the entry or the tag)."""
    _changed(instance.owner_id)
