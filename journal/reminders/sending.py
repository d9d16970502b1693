"""Sending the reminders that are due: kind words, nothing private, one click to stop."""

import datetime
import logging

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse

from journal.accounts.models import Profile
from journal.journey.models import CheckIn

from .models import Kind, ReminderSent, ReminderSettings

logger = logging.getLogger(__name__)
UNSUBSCRIBE_SALT = "journal.reminders.unsubscribe"
UNSUBSCRIBE_MAX_AGE = 60 * 60 * 24 * 90
SUBJECTS = {
    Kind.CHECK_IN: "A gentle reminder to check in",
    Kind.REFLECT: "A quiet moment to reflect, if you would like one",
}


def unsubscribe_token(sent):
    return signing.dumps(sent.pk, salt=UNSUBSCRIBE_SALT, compress=True)


def sent_for_token(token):
    """The reminder a link was made for, or None when the link is forged, stale or gone."""
    try:
        pk = signing.loads(token, salt=UNSUBSCRIBE_SALT, max_age=UNSUBSCRIBE_MAX_AGE)
    except signing.BadSignature:
        return None
    if not isinstance(pk, int):
        return None
    return ReminderSent.objects.select_related("owner").filter(pk=pk).first()


def reminder_email(sent, discreet=False):
    unsubscribe_url = settings.SITE_URL + reverse(
        "reminders:unsubscribe", args=[unsubscribe_token(sent)]
    )
    context = {
        "kind": sent.kind,
        "site_url": settings.SITE_URL,
        "check_in_url": settings.SITE_URL + reverse("home"),
        "write_url": settings.SITE_URL + reverse("journal:entry_new"),
        "settings_url": settings.SITE_URL + reverse("reminders:settings"),
        "unsubscribe_url": unsubscribe_url,
    }
    subject = SUBJECTS[sent.kind]
    if discreet:  # An inbox on a shared device shows sender and subject first.
        subject = settings.DISCREET_EMAIL_SUBJECT_PREFIX + "A reminder"
    return EmailMessage(
        subject=subject,
        body=render_to_string("reminders/email.txt", context),
        from_email=settings.DISCREET_FROM_EMAIL if discreet else None,
        to=[sent.owner.email],
        headers={
            # RFC 8058: mail clients show an "Unsubscribe" button that POSTs to the link.
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )


def _candidates(now):
    """Everyone who asked for a reminder, with their zone and recent check-in days."""
    wanted = list(ReminderSettings.objects.wanted().select_related("owner"))
    owners = [item.owner_id for item in wanted]
    profiles = {
        owner: (zone, discreet)
        for owner, zone, discreet in Profile.objects.filter(owner__in=owners).values_list(
            "owner", "timezone", "discreet"
        )
    }
    # Every zone's "today" lies within a day of UTC's.
    days = [now.date() + datetime.timedelta(days=n) for n in (-1, 0, 1)]
    checked_in = {}
    for owner, day in CheckIn.objects.filter(owner__in=owners, day__in=days).values_list(
        "owner", "day"
    ):
        checked_in.setdefault(owner, set()).add(day)
    for item in wanted:
        zone, discreet = profiles.get(item.owner_id, ("UTC", False))
        yield item, zone, discreet, checked_in.get(item.owner_id, set())


def _claim(owner, kind, day):
    """The day's one reminder, recorded before it is sent; None if it is already taken."""
    try:
        with transaction.atomic():
            return ReminderSent.objects.create(owner=owner, kind=kind, day=day)
    except IntegrityError:
        return None


def send_due(now):
    """Send every reminder due at `now`; returns how many went out."""
    sent_count = 0
    for item, zone, discreet, checked_in in _candidates(now):
        kind = item.due(now, zone, checked_in)
        if kind is None or not item.owner.is_active or not item.owner.email:
            continue
        day = item.local_day(now, zone)
        if ReminderSent.objects.filter(owner=item.owner, day=day).exists():
            continue
        sent = _claim(item.owner, kind, day)
        if sent is None:
            continue  # another worker took it
        try:
            reminder_email(sent, discreet).send()
        except Exception:
            # Not sent: free the day so the next run tries again.
            logger.exception("A reminder could not be sent")
            sent.delete()
            continue
        sent_count += 1
    return sent_count
