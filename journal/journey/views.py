"""The phase tracker: onboarding, your stage, moving, ticking practices, check-ins, history."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponseBadRequest, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from guide.models import Practice, Stage
from journal.accounts.page_cache import private_page
from journal.entries.models import Entry
from journal.moods import Mood

from . import charts, year
from .forms import CheckInForm, JourneyForm, MoveForm, PracticeTickForm
from .models import CheckIn, Journey, PracticeTick, Transition


def journey_for(user):
    return Journey.objects.for_owner(user).select_related("stage").first()


def journey_required(view):
    """Signed in and onboarded: anyone without a journey yet is sent to begin one.

    Views stack login_required, then the allowed methods, then this: a visitor is sent to
    sign in, and a wrong method is a 405 before anyone is sent to onboarding.
    """

    @login_required
    def wrapper(request, *args, **kwargs):
        journey = journey_for(request.user)
        if journey is None:
            return redirect("journey:start")
        return view(request, journey, *args, **kwargs)

    wrapper.__name__ = view.__name__
    wrapper.__doc__ = view.__doc__
    return wrapper


# --- Onboarding ------------------------------------------------------------


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def start(request):
    journey = journey_for(request.user)
    form = JourneyForm.for_journey(journey, request.POST or None)
    if request.method == "POST" and form.is_valid():
        if journey is None:
            Journey.start(request.user, **form.cleaned_data)
            messages.success(request, "Welcome. This is your stage; take it one step at a time.")
        else:
            journey.change(**form.cleaned_data)
            messages.success(request, "Saved.")
        return redirect("journey:index")
    return render(request, "journey/start.html", {"form": form, "journey": journey})


# --- Your stage ------------------------------------------------------------


def practices_context(user, journey):
    practices = list(journey.practices())
    ticks = {
        tick.practice_id: tick
        for tick in PracticeTick.objects.for_owner(user)
        .active()
        .filter(practice__in=[p.pk for p in practices])
    }
    for practice in practices:
        practice.tick = ticks.get(practice.pk)
    done = sum(1 for p in practices if p.tick)
    return {"practices": practices, "done_count": done, "journey": journey}


def stage_context(request, journey, move_form=None):
    context = practices_context(request.user, journey)
    stages = list(Stage.objects.published())
    context.update(next_step_context(journey, context["practices"], stages))
    context.update(
        prompts=journey.prompts(),
        sections=journey.sections()[:5],
        steps=Stage.steps({*stages, journey.stage}),
        move_form=move_form or MoveForm(journey=journey, way=context["way"]),
    )
    return context


def next_step_context(journey, practices, stages=None):
    """What "What next" suggests: the first practice not yet tried, else the way on."""
    return {
        "next_practice": next((p for p in practices if not p.tick), None),
        "way": journey.stage.neighbours(stages),
    }


@login_required
@require_safe
@private_page
@journey_required
def index(request, journey):
    return render(request, "journey/stage.html", stage_context(request, journey))


@login_required
@require_POST
@journey_required
def tick(request, journey, pk):
    practice = get_object_or_404(Practice.objects.published().for_role(journey.role), pk=pk)
    form = PracticeTickForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest("Choose done or not done.")
    PracticeTick.set_done(request.user, practice, done=bool(form.cleaned_data["done"]))
    if request.htmx:
        context = practices_context(request.user, journey)
        context |= next_step_context(journey, context["practices"])
        return render(request, "journey/stage.html#practices-ticked", context)
    if form.cleaned_data["done"]:
        messages.success(request, f"Marked “{practice.title}” as done today.")
    return redirect(reverse("journey:index") + f"#practice-{practice.pk}")


@login_required
@require_POST
@journey_required
def move(request, journey):
    form = MoveForm(request.POST, journey=journey)
    if not form.is_valid():
        context = stage_context(request, journey, move_form=form)
        return render(request, "journey/stage.html", context, status=400)
    stage = form.cleaned_data["stage"]
    journey.move_to(stage, note=form.cleaned_data["note"])
    messages.success(request, f"You are now in {stage.name}. The move is in your timeline.")
    return redirect("journey:index")


# --- Check-ins -------------------------------------------------------------


def check_in_context(user, form=None):
    today = timezone.localdate()
    check_in = CheckIn.objects.for_owner(user).filter(day=today).first()
    return {
        "check_in": check_in,
        "check_in_form": form or CheckInForm(instance=check_in),
        "moods": Mood.choices,
        "gentle_note": CheckIn.objects.for_owner(user).gentle_note(today),
    }


@login_required
@require_POST
@journey_required
def check_in(request, journey):
    form = CheckInForm(request.POST)
    if form.is_valid():
        CheckIn.record(request.user, form.cleaned_data["mood"], form.cleaned_data["note"])
        form = None
    if request.htmx:
        return render(
            request, "journey/dashboard.html#check-in", check_in_context(request.user, form)
        )
    if form is not None:
        # Without JavaScript: the dashboard again, with the error and the words kept.
        context = dashboard_context(request, journey, check_in_form=form)
        return render(request, "journey/dashboard.html", context, status=400)
    messages.success(request, "Checked in. You can change it any time today.")
    # A path on this site only; redirect() would try anything else as a URL name.
    next_url = request.POST.get("next", "")
    safe = url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure())
    if not (safe and next_url.startswith("/")):
        next_url = reverse("home")
    return HttpResponseRedirect(next_url)


# --- History and pictures --------------------------------------------------


@login_required
@require_safe
@private_page
@journey_required
def history(request, journey):
    try:
        days = int(request.GET.get("days", 30))
    except ValueError:
        days = 30
    try:
        year_shown = int(request.GET.get("year", ""))
    except ValueError:
        year_shown = None
    moves = (
        Transition.objects.for_owner(request.user)
        .select_related("from_stage", "to_stage")
        .order_by("-created_at", "-id")
    )
    page_obj = Paginator(moves, 20).get_page(request.GET.get("page"))
    context = {
        "journey": journey,
        "mood_chart": charts.mood_chart_for(request.user, days),
        "practices_chart": charts.practices_chart_for(request.user, journey.role),
        "year": year.year_for(request.user, year_shown),
        "practices_done": PracticeTick.objects.for_owner(request.user).done_so_far(),
        "page_obj": page_obj,
        "ranges": charts.RANGES,
        "query_string": f"days={days}" if days in charts.RANGES else "",
    }
    return render(request, "journey/history.html", context)


# --- The dashboard (home page) -----------------------------------------------


@require_safe
@private_page  # signed in only: visitors' welcome page is rendered as before
def home(request):
    """Visitors see the welcome page; signed-in people see their dashboard."""
    if not request.user.is_authenticated:
        return render(request, "home.html", {"steps": Stage.steps(Stage.objects.published())})
    journey = journey_for(request.user)
    if journey is None:
        return redirect("journey:start")
    return render(request, "journey/dashboard.html", dashboard_context(request, journey))


def dashboard_context(request, journey, check_in_form=None):
    today = timezone.localdate()
    entries = Entry.objects.for_owner(request.user)
    return {
        **practices_context(request.user, journey),
        **check_in_context(request.user, check_in_form),
        "today": today,
        # Someone who began today is welcomed, not welcomed back.
        "first_visit": timezone.localdate(request.user.date_joined) == today,
        "todays_prompt": journey.todays_prompt(today),
        "recent_entries": entries.order_by("-entry_date", "-id").as_links()[:3],
        "streak": journey.showing_up(today),
        "on_this_day": entries.on_this_day(today)[:3],
        "mood_chart": charts.mood_chart_for(request.user, 30, today),
    }
