from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from ..forms import ProfileForm
from ..middleware import remember_timezone
from ..models import Profile


@login_required
@require_http_methods(["GET", "POST"])
def settings_view(request):
    profile, _ = Profile.objects.get_or_create(owner=request.user)
    form = ProfileForm(request.POST or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        form.save()
        remember_timezone(request, profile.timezone)
        messages.success(request, "Saved. Dates now follow your time zone.")
        return redirect("journal:settings")
    return render(request, "journal/settings.html", {"form": form})
