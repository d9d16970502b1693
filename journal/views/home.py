from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_safe

from guide.models import Stage

from .. import charts
from ..models import Entry
from .journey import check_in_context, journey_for, practices_context


@require_safe
def home(request):
    """Visitors see the welcome page; signed-in people see their dashboard."""
    if not request.user.is_authenticated:
        return render(request, "home.html", {"stages": Stage.objects.published()})
    journey = journey_for(request.user)
    if journey is None:
        return redirect("journey:start")
    today = timezone.localdate()
    entries = Entry.objects.for_owner(request.user)
    context = {
        **practices_context(request.user, journey),
        **check_in_context(request.user),
        "today": today,
        "todays_prompt": journey.todays_prompt(today),
        "recent_entries": entries.order_by("-entry_date", "-id")[:3],
        "streak": journey.showing_up(today),
        "on_this_day": entries.on_this_day(today)[:3],
        "mood_chart": charts.mood_chart_for(request.user, 30, today),
    }
    return render(request, "journey/dashboard.html", context)
