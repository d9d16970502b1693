"""Gentle reminders: opt-in, on time where the person is, never on a checked-in day,
never two a day, one click to stop."""

import datetime
import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django_tasks_db.models import DBTaskResult

from journal.models import CheckIn, Entry, Profile
from journal.reminders.models import Kind, ReminderSent, ReminderSettings, ReminderTick
from journal.reminders.sending import send_due, unsubscribe_token
from journal.reminders.tasks import next_slot, schedule_next, send_due_reminders

pytestmark = pytest.mark.django_db

UTC = datetime.UTC


def at(*args):
    return datetime.datetime(*args, tzinfo=UTC)


@pytest.fixture
def in_auckland(owner):
    Profile.objects.update_or_create(owner=owner, defaults={"timezone": "Pacific/Auckland"})
    return ReminderSettings.objects.create(
        owner=owner, check_in=True, time_of_day=datetime.time(8, 0)
    )


def unsubscribe_url(sent):
    return f"/reminders/unsubscribe/{unsubscribe_token(sent)}/"


# --- When a reminder goes out ---------------------------------------------------------


def test_reminders_are_off_until_a_person_asks(owner):
    assert send_due(at(2026, 3, 4, 20, 0)) == 0
    assert not mail.outbox


def test_a_reminder_due_in_auckland_fires_at_the_auckland_time(in_auckland):
    # 5 March 08:00 in Auckland (NZDT, UTC+13) is 4 March 19:00 UTC.
    assert send_due(at(2026, 3, 4, 18, 55)) == 0
    assert send_due(at(2026, 3, 4, 19, 0)) == 1
    sent = ReminderSent.objects.get()
    assert sent.day == datetime.date(2026, 3, 5) and sent.kind == Kind.CHECK_IN
    assert mail.outbox[0].subject == "A gentle reminder to check in"
    assert mail.outbox[0].to == ["owner@example.com"]


def test_a_late_worker_still_sends_that_day_but_never_the_next(in_auckland):
    # The worker was down from 08:00 until 23:50 Auckland time: late, not lost.
    assert send_due(at(2026, 3, 5, 10, 50)) == 1
    # The day has ended in Auckland before the next 08:00: nothing until then.
    assert send_due(at(2026, 3, 5, 11, 5)) == 0
    assert send_due(at(2026, 3, 5, 19, 0)) == 1
    assert list(ReminderSent.objects.values_list("day", flat=True).order_by("day")) == [
        datetime.date(2026, 3, 5),
        datetime.date(2026, 3, 6),
    ]


def test_no_reminder_on_a_day_already_checked_in(owner, in_auckland):
    CheckIn.objects.create(owner=owner, day=datetime.date(2026, 3, 5), mood=3)
    assert send_due(at(2026, 3, 4, 19, 0)) == 0
    assert not mail.outbox


def test_never_two_on_one_day_even_when_the_weekly_reflection_falls_on_it(owner, in_auckland):
    in_auckland.reflect, in_auckland.reflect_weekday = True, 3  # Thursday 5 March
    in_auckland.save()
    assert send_due(at(2026, 3, 4, 19, 0)) == 1
    assert send_due(at(2026, 3, 4, 19, 5)) == 0
    assert [m.subject for m in mail.outbox] == ["A quiet moment to reflect, if you would like one"]


def test_the_email_is_kind_and_says_nothing_private(owner, in_auckland):
    Entry.objects.create(owner=owner, title="SECRET-TITLE", body="SECRET-BODY", mood=1)
    CheckIn.objects.create(owner=owner, day=datetime.date(2026, 3, 4), mood=1, note="SECRET-NOTE")
    send_due(at(2026, 3, 4, 19, 0))
    message = mail.outbox[0]
    text = message.subject + message.body
    for secret in ("SECRET", "Very low", "mood"):
        assert secret not in text
    assert "Any day you skip is fine." in message.body
    sent = ReminderSent.objects.get()
    assert message.extra_headers["List-Unsubscribe"] == (
        f"<http://127.0.0.1:8000{unsubscribe_url(sent)}>"
    )
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe_url(sent) in message.body


def test_a_failed_send_frees_the_day_for_the_next_run(in_auckland, settings):
    settings.MAILERS = {"default": {"BACKEND": "tests.reminders.failing_mail.Backend"}}
    assert send_due(at(2026, 3, 4, 19, 0)) == 0
    assert not ReminderSent.objects.exists()
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    assert send_due(at(2026, 3, 4, 19, 5)) == 1


# --- The worker ---------------------------------------------------------------------


# The worker closes its database connection between tasks, as in production: that needs a
# real transaction per task rather than the test's one wrapping transaction.
@pytest.mark.django_db(transaction=True)
def test_a_worker_restart_sends_nothing_twice(owner):
    ReminderSettings.objects.create(owner=owner, check_in=True, time_of_day=datetime.time(0, 0))
    # The same run queued twice (a restart re-queues it), and the worker run twice.
    send_due_reminders.enqueue()
    send_due_reminders.enqueue()
    for _ in range(2):
        call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)
    assert len(mail.outbox) == 1
    assert ReminderSent.objects.count() == 1


def test_each_run_queues_the_next_slot_once(owner):
    now = at(2026, 3, 4, 19, 2, 30)
    assert next_slot(now) == at(2026, 3, 4, 19, 5)
    schedule_next(now)
    schedule_next(now)
    assert ReminderTick.objects.filter(slot=at(2026, 3, 4, 19, 5)).count() == 1
    assert DBTaskResult.objects.filter(run_after=at(2026, 3, 4, 19, 5)).count() == 1


def test_schedule_reminders_can_be_run_at_every_start(owner):
    call_command("schedule_reminders", stdout=None)
    call_command("schedule_reminders", stdout=None)
    # Two runs of the same slot at most; each queues the next slot only once.
    assert DBTaskResult.objects.count() == 2
    assert ReminderTick.objects.count() == 1


# --- Settings -------------------------------------------------------------------------


def test_a_person_turns_reminders_on_in_their_own_zone(owner_client, owner):
    Profile.objects.update_or_create(owner=owner, defaults={"timezone": "Pacific/Auckland"})
    page = owner_client.get("/journal/reminders/").content.decode()
    assert "Pacific/Auckland" in page
    response = owner_client.post(
        "/journal/reminders/",
        {"check_in": "on", "time_of_day": "07:30", "reflect_weekday": "6"},
    )
    assert response.status_code == 302
    saved = ReminderSettings.objects.get(owner=owner)
    assert saved.check_in and not saved.reflect
    assert saved.time_of_day == datetime.time(7, 30)


def test_a_bad_time_is_a_clear_error_and_keeps_the_choices(owner_client, owner):
    response = owner_client.post(
        "/journal/reminders/", {"check_in": "on", "time_of_day": "25:99", "reflect_weekday": "6"}
    )
    assert response.status_code == 400
    assert "Enter a valid time." in response.content.decode()
    assert not ReminderSettings.objects.exists()


# --- Unsubscribing ------------------------------------------------------------------


@pytest.fixture
def sent(owner, in_auckland):
    send_due(at(2026, 3, 4, 19, 0))
    return ReminderSent.objects.get()


def test_the_link_asks_first_without_a_session_and_stops_the_reminders(sent):
    client = Client(enforce_csrf_checks=True)
    page = client.get(unsubscribe_url(sent))
    assert page.status_code == 200
    assert "Stop these reminders?" in page.content.decode()
    assert ReminderSettings.objects.get().check_in  # a link scanner's GET changes nothing
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode())[1]
    response = client.post(unsubscribe_url(sent), {"csrfmiddlewaretoken": token})
    assert "Reminders stopped" in response.content.decode()
    assert not ReminderSettings.objects.get().check_in


def test_one_click_from_the_mail_client_works_without_a_session_or_csrf(sent):
    client = Client(enforce_csrf_checks=True)
    response = client.post(unsubscribe_url(sent), {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert not ReminderSettings.objects.get().check_in


def test_the_link_works_once(sent, owner):
    client = Client()
    client.post(unsubscribe_url(sent))
    # Turned back on later: the old email's link does not turn them off again.
    ReminderSettings.objects.filter(owner=owner).update(check_in=True)
    response = client.post(unsubscribe_url(sent))
    assert "Already stopped" in response.content.decode()
    assert ReminderSettings.objects.get().check_in


def test_a_forged_or_altered_link_changes_nothing(sent):
    client = Client()
    token = unsubscribe_token(sent)
    for bad in (token[:-2] + "xx", "not-a-token", f"{sent.pk}"):
        response = client.post(f"/reminders/unsubscribe/{bad}/")
        assert response.status_code == 404
    assert ReminderSettings.objects.get().check_in


def test_stopping_one_kind_leaves_the_other(owner, in_auckland):
    in_auckland.reflect = True
    in_auckland.reflect_weekday = 3
    in_auckland.save()
    send_due(at(2026, 3, 4, 19, 0))
    Client().post(unsubscribe_url(ReminderSent.objects.get()))
    settings = ReminderSettings.objects.get()
    assert settings.check_in and not settings.reflect


def test_in_discreet_mode_the_email_does_not_name_the_site(owner, in_auckland, settings):
    Profile.objects.filter(owner=owner).update(discreet=True)
    send_due(at(2026, 3, 4, 19, 0))
    message = mail.outbox[0]
    assert message.from_email == settings.DISCREET_FROM_EMAIL
    assert message.subject == "[Notes] A reminder"
