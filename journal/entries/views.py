from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from django_htmx.http import HttpResponseClientRedirect

from guide.models import Prompt, Section
from guide.page_cache import content_version
from journal.access import get_owned_or_404
from journal.accounts.page_cache import private_page

from .forms import EntryFilterForm, EntryForm
from .models import Entry, EntryDraft, Tag

PAGE_SIZE = 20


def _htmx_target(request):
    return request.htmx.target if request.htmx else None


def _current_stage_id(user):
    """The tracker's current stage, kept on a new entry (None before onboarding).

    Read through the user's reverse accessor: the tracker builds on entries, so entries
    never import it.
    """
    journey = getattr(user, "journey", None)
    return journey.stage_id if journey else None


@login_required
@require_safe
@private_page
def entry_list(request):
    filter_form = EntryFilterForm(request.GET)
    context = _list_context(request, filter_form)
    if _htmx_target(request) == "entry-results":
        return render(request, "journal/entry_list.html#entry-results", context)
    today = timezone.localdate()
    context |= {
        "on_this_day": Entry.objects.for_owner(request.user).on_this_day(today)[:5],
        "tags": Tag.objects.for_owner(request.user),
        "quick_form": EntryForm(),
        # The filters render the same for everyone with the same values, until an
        # editor changes the stages: this keys their kept rendering.
        "guide_version": content_version(),
    }
    return render(request, "journal/entry_list.html", context)


def _list_context(request, filter_form):
    """One page of the person's entries, filtered, with their count and writing streak."""
    entries = Entry.objects.for_owner(request.user)
    filters = filter_form.filters()
    query = filters.pop("q", "")
    results = entries.filter_by(**filters).search(query).for_list()
    page_obj = Paginator(results, PAGE_SIZE).get_page(request.GET.get("page"))
    kept = {k: v for k, v in request.GET.items() if k != "page" and v and k in filter_form.fields}
    return {
        "filter_form": filter_form,
        "page_obj": page_obj,
        "query_string": urlencode(kept),
        "searching": bool(kept),
        "filtering": bool(kept.keys() - {"q"}),
        # Unfiltered, the paginator has counted them already.
        "entry_count": entries.count() if kept else page_obj.paginator.count,
        "streak": entries.writing_streak(timezone.localdate()),
    }


@login_required
@require_safe
def entry_detail(request, public_id):
    return _entry_page(request, public_id)


@login_required
@require_safe
def old_entry_address(request, pk, to):
    """Entries were once addressed by number; bookmarks of the owner's still work.

    A 302, not a 301: where it leads depends on who asks, so no browser may keep it.
    """
    entry = get_owned_or_404(Entry.objects.only("public_id"), request.user, pk=pk)
    return redirect(f"journal:{to}", public_id=entry.public_id)


def _entry_page(request, public_id):
    entry = get_owned_or_404(
        Entry.objects.select_related("stage", "prompt", "section__article").prefetch_related(
            "tags"
        ),
        request.user,
        public_id=public_id,
    )
    if _htmx_target(request) == "entry-card":
        return render(request, "journal/entry_detail.html#entry-card", {"entry": entry})
    return render(request, "journal/entry_detail.html", {"entry": entry})


def _reflection_source(request):
    """The published prompt or guide section a new entry answers; anything else is ignored."""
    prompt = section = None
    prompt_id, section_id = request.GET.get("prompt", ""), request.GET.get("section", "")
    # isdigit() alone lets "²" through, which no id field can read.
    if prompt_id.isascii() and prompt_id.isdigit():
        prompt = Prompt.objects.published().filter(pk=prompt_id).first()
    if section_id.isascii() and section_id.isdigit():
        section = Section.objects.readable().filter(pk=section_id).select_related("article").first()
    return prompt, section


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def entry_new(request):
    """The full page and the list's quick form (htmx) both post here."""
    prompt, section = _reflection_source(request)
    draft = EntryDraft.objects.for_owner(request.user).first()
    if request.method == "POST":
        form = EntryForm(request.POST)
        if form.is_valid():
            form.instance.stage_id = _current_stage_id(request.user)
            form.instance.prompt, form.instance.section = prompt, section
            entry = form.save_for(request.user)
            if request.htmx:
                # The list's quick form: a fresh form saying "Saved", the list and count redrawn.
                context = _list_context(request, EntryFilterForm({}))
                context |= {"saved_entry": entry, "quick_form": EntryForm()}
                return render(request, "journal/entry_list.html#quick-saved", context)
            if draft is not None:  # No write (and no wait for SQLite's lock) without one.
                EntryDraft.discard_for(request.user)
            messages.success(request, "Saved. It is yours alone.")
            return redirect(entry)
        if request.htmx:
            return render(request, "journal/entry_list.html#quick-form", {"quick_form": form})
    else:
        initial = {"title": draft.title, "body": draft.body} if draft else {}
        form = EntryForm(initial=initial)
    context = {"form": form, "prompt": prompt, "section": section, "draft": draft}
    return render(request, "journal/entry_new.html", context)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def entry_edit(request, public_id):
    entry = get_owned_or_404(
        Entry.objects.prefetch_related("tags"), request.user, public_id=public_id
    )
    form = EntryForm(request.POST or None, instance=entry)
    inline = _htmx_target(request) == "entry-card"
    if request.method == "POST" and form.is_valid():
        form.save_for(request.user)
        if inline:
            return _entry_page(request, public_id)
        messages.success(request, "Your changes are saved.")
        return redirect(entry)
    template = "journal/entry_edit.html#edit-form" if inline else "journal/entry_edit.html"
    return render(request, template, {"entry": entry, "form": form, "inline": inline})


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def entry_delete(request, public_id):
    """GET asks first (the page that works without JavaScript); POST deletes."""
    entry = get_owned_or_404(Entry, request.user, public_id=public_id)
    if request.method == "POST":
        entry.delete()
        if _htmx_target(request) == f"entry-{public_id}":
            return HttpResponse("")  # The list item swaps itself away.
        messages.success(request, "The entry is deleted.")
        if request.htmx:
            return HttpResponseClientRedirect(reverse("journal:entry_list"))
        return redirect("journal:entry_list")
    return render(request, "journal/entry_confirm_delete.html", {"entry": entry})


# --- The autosaved draft of a new entry -------------------------------------


@login_required
@require_POST
def draft_save(request):
    """Autosave of the new-entry page (htmx); without JavaScript the form is the draft."""
    title, body = request.POST.get("title", ""), request.POST.get("body", "")
    if title.strip() or body.strip():
        draft = EntryDraft.save_for(request.user, title, body)
    else:
        EntryDraft.discard_for(request.user)
        draft = None
    if request.htmx:
        context = {"draft": draft, "draft_saved": True}
        return render(request, "journal/entry_new.html#draft-status", context)
    return redirect("journal:entry_new")


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def draft_discard(request):
    draft = EntryDraft.objects.for_owner(request.user).first()
    if request.method == "POST":
        EntryDraft.discard_for(request.user)
        return redirect("journal:entry_new")
    return render(request, "journal/draft_discard.html", {"draft": draft})
