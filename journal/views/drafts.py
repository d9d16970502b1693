from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from ..models import EntryDraft


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
@require_http_methods(["GET", "POST"])
def draft_discard(request):
    draft = EntryDraft.objects.for_owner(request.user).first()
    if request.method == "POST":
        EntryDraft.discard_for(request.user)
        return redirect("journal:entry_new")
    return render(request, "journal/draft_discard.html", {"draft": draft})
