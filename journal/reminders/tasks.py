"""The reminder clock: a task that runs every few minutes on the worker (`db_worker`).

Each run first queues the next one (for the next slot on the clock) and then sends what
is due. A slot is claimed in the database before it is queued, so however many runs or
`schedule_reminders` calls there are, only one run per slot sends: chains that were
started twice merge at the next slot. Sending is idempotent on its own (one reminder
per person per day, see ReminderSent), so a run that happens twice doubles nothing.
"""

import datetime

from django.db import IntegrityError, transaction
from django.tasks import task
from django.utils import timezone

from .models import ReminderTick
from .sending import send_due

EVERY = datetime.timedelta(minutes=5)


def next_slot(now):
    """The next multiple of EVERY after `now`, in UTC."""
    epoch = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)
    return epoch + ((now - epoch) // EVERY + 1) * EVERY


def schedule_next(now, force=False):
    """Queue the run of the next slot unless one is queued already (or `force`)."""
    slot = next_slot(now)
    try:
        with transaction.atomic():
            ReminderTick.objects.create(slot=slot)
            send_due_reminders.using(run_after=slot).enqueue()
    except IntegrityError:
        if force:  # the queue may have lost it; a second run of a slot merges
            send_due_reminders.using(run_after=slot).enqueue()
    ReminderTick.objects.filter(slot__lt=now - datetime.timedelta(days=1)).delete()
    return slot


@task
def send_due_reminders():
    now = timezone.now()
    schedule_next(now)
    return send_due(now)
