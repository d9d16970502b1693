"""Reminder settings, and the one-click way out that needs no sign-in."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from journal.accounts.models import Profile

from .forms import ReminderSettingsForm
from .models import ReminderSettings
from .sending import sent_for_token


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def reminder_settings(request):
    instance = ReminderSettings.for_user(request.user)
    form = ReminderSettingsForm(
        request.POST if request.method == "POST" else None, instance=instance
    )
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Saved. You can change or stop reminders here any time.")
        return redirect("reminders:settings")
    context = {"form": form, "zone": Profile.settings_for(request.user)[0]}
    return render(request, "reminders/settings.html", context, status=400 if form.errors else 200)


# A mail client's one-click unsubscribe (RFC 8058) posts without a session or CSRF token;
# the signed link is the proof, and it can do only this one thing.
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    """GET asks (link scanners follow links); POST stops that kind of reminder, once."""
    sent = sent_for_token(token)
    if sent is None:
        return render(request, "reminders/unsubscribe.html", {"invalid": True}, status=404)
    if sent.unsubscribed_at is not None:
        return render(request, "reminders/unsubscribe.html", {"sent": sent, "used": True})
    if request.method != "POST":
        return render(request, "reminders/unsubscribe.html", {"sent": sent})
    ReminderSettings.for_user(sent.owner).switch_off(sent.kind)
    sent.unsubscribed_at = timezone.now()
    sent.save(update_fields=["unsubscribed_at"])
    if request.POST.get("List-Unsubscribe") == "One-Click":
        return HttpResponse("Unsubscribed.", content_type="text/plain")
    return render(request, "reminders/unsubscribe.html", {"sent": sent, "done": True})
