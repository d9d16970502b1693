"""A person's account on this site: their settings, and deleting it with all it holds."""

from allauth.account.decorators import reauthentication_required
from allauth.usersessions.adapter import get_adapter as get_usersessions_adapter
from allauth.usersessions.models import UserSession
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from .forms import DeleteAccountForm, ProfileForm
from .middleware import remember_settings
from .models import Profile


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def settings_view(request):
    profile, _ = Profile.objects.get_or_create(owner=request.user)
    form = ProfileForm(request.POST or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        form.save()
        remember_settings(request, profile)
        messages.success(request, "Your settings are saved.")
        return redirect("journal:settings")
    return render(request, "journal/settings.html", {"form": form})


def end_all_sessions(request, user):
    """Sign the person out everywhere: every tracked session, then this one."""
    sessions = UserSession.objects.filter(user_id=user.pk)
    get_usersessions_adapter().end_sessions(list(sessions))
    logout(request)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
@reauthentication_required
def delete_account(request):
    """After a fresh sign-in (allauth's re-authentication) and typing DELETE."""
    form = DeleteAccountForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = request.user
        end_all_sessions(request, user)
        user.delete()  # Everything of theirs goes with it (on_delete=CASCADE).
        messages.success(request, "Your account and everything in it have been deleted.")
        return redirect("home")
    return render(request, "journal/delete_account.html", {"form": form})
