from django.core.management.base import BaseCommand
from django.utils import timezone

from journal.reminders.tasks import schedule_next


class Command(BaseCommand):
    help = (
        "Make sure the reminder task is queued (run before starting the worker; safe to run"
        " any number of times: a doubled run is merged at the next slot)."
    )

    def handle(self, *args, **options):
        slot = schedule_next(timezone.now(), force=True)
        self.stdout.write(f"Reminders are queued to run at {slot:%H:%M} UTC and every 5 minutes.")
