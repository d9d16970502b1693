"""Letters: written like entries, kept apart from the journal, opened only when due."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from journal.access import get_owned_or_404

from .forms import FutureLetterForm, LetGoForm, LetterForm
from .models import Kind, Letter

PAGE_SIZE = 20


def _letter(request, public_id):
    letters = Letter.objects.with_opening(timezone.localdate())
    return get_owned_or_404(letters, request.user, public_id=public_id)


@login_required
@require_safe
def letter_list(request):
    archived = request.GET.get("archived") == "1"
    letters = Letter.objects.for_owner(request.user).with_opening(timezone.localdate())
    letters = letters.filter(archived_at__isnull=not archived)
    page_obj = Paginator(letters, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "page_obj": page_obj,
        "archived": archived,
        "query_string": "archived=1" if archived else "",
        "has_archived": not archived
        and Letter.objects.for_owner(request.user).filter(archived_at__isnull=False).exists(),
    }
    return render(request, "letters/letter_list.html", context)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def letter_new(request, kind):
    data = request.POST if request.method == "POST" else None
    form = FutureLetterForm(data, user=request.user) if kind == Kind.FUTURE else LetterForm(data)
    if request.method == "POST" and form.is_valid():
        letter = form.save_for(request.user)
        if letter.is_future:
            messages.success(request, "Sealed. It will wait for you.")
            return redirect("letters:list")
        messages.success(request, "Saved. Nobody will receive it; it is yours alone.")
        return redirect(letter)
    status = 400 if form.is_bound else 200
    return render(request, "letters/letter_new.html", {"form": form, "kind": kind}, status=status)


@login_required
@require_safe
def letter_detail(request, public_id):
    letter = _letter(request, public_id)
    if letter.is_future and letter.is_open:
        letter.mark_read()
    return render(request, "letters/letter_detail.html", {"letter": letter})


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def letter_edit(request, public_id):
    letter = _letter(request, public_id)
    if letter.is_future:
        raise Http404("A sealed letter is never changed.")
    form = LetterForm(request.POST if request.method == "POST" else None, instance=letter)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Your changes are saved.")
        return redirect(letter)
    status = 400 if form.is_bound else 200
    context = {"letter": letter, "form": form}
    return render(request, "letters/letter_edit.html", context, status=status)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def letter_let_go(request, public_id):
    """GET says what will happen; POST deletes the letter or puts it out of sight."""
    letter = _letter(request, public_id)
    form = LetGoForm(request.POST if request.method == "POST" else None, letter=letter)
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["how"] == "archive":
            letter.archive()
            messages.success(request, "The letter is put away. It is still yours, out of sight.")
        else:
            letter.delete()
            messages.success(request, "The letter is gone. May it take some of the weight with it.")
        return redirect("letters:list")
    status = 400 if form.is_bound else 200
    context = {"letter": letter, "form": form}
    return render(request, "letters/letter_let_go.html", context, status=status)


@login_required
@require_POST
def letter_restore(request, public_id):
    letter = _letter(request, public_id)
    letter.restore()
    messages.success(request, "The letter is back with your other letters.")
    return redirect(letter)
