"""Your data is yours: download it, or bring an export back."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST, require_safe

from . import export
from .forms import ImportForm, message
from .importing import import_records
from .records import RECORDS


def _download(content, content_type, extension):
    filename = f"journal-{timezone.localdate():%Y-%m-%d}.{extension}"
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_safe
def data(request):
    return render(request, "journal/data.html", {"import_form": ImportForm()})


@login_required
@require_safe
def export_json(request):
    return _download(export.export_json(request.user), "application/json", "json")


@login_required
@require_safe
def export_zip(request):
    return _download(export.export_zip(request.user), "application/zip", "zip")


def _tell(request, counts):
    """What came back and what was already here; then a note for each thing the guide no
    longer has (skipped, or imported without its link)."""

    def counted(kinds, what):
        return [(kind, counts[f"{kind}_{what}"]) for kind in kinds if counts[f"{kind}_{what}"]]

    also = counted(["journey", "stage_transitions", "practice_ticks", "check_ins"], "added")
    # A journey or check-ins already here have sentences of their own.
    kept = counted(["stage_transitions", "practice_ticks"], "here")
    messages.success(request, message("summary", counts=counts, also=also, kept=kept))
    for kind in RECORDS:
        for what in ("unlinked", "gone"):
            if counts[f"{kind}_{what}"]:
                messages.info(request, message("note", kind=kind, n=counts[f"{kind}_{what}"]))


@login_required
@require_POST
def import_json(request):
    form = ImportForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            counts = import_records(request.user, form.records)
        except IntegrityError:  # Another tab or import wrote the same things at that moment.
            form.add_error("file", form.refuse("changed"))
        else:
            _tell(request, counts)
            return redirect("journal:data")
    return render(request, "journal/data.html", {"import_form": form}, status=400)
