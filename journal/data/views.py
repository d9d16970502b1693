"""Your data is yours: download it, or bring an export back."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST, require_safe

from . import export, other_apps
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
    context = {"import_form": ImportForm(), "other_form": other_apps.OtherAppImportForm()}
    return render(request, "journal/data.html", context)


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

    also = counted(
        ["journey", "stage_transitions", "practice_ticks", "check_ins", "letters", "reminders"],
        "added",
    )
    # A journey, reminder settings or check-ins already here have sentences of their own.
    kept = counted(["stage_transitions", "practice_ticks", "letters"], "here")
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
    context = {"import_form": form, "other_form": other_apps.OtherAppImportForm()}
    return render(request, "journal/data.html", context, status=400)


@login_required
@require_POST
def import_other(request):
    """Entries from Day One or jrnl: all of them, or, with a clear error, none."""
    form = other_apps.OtherAppImportForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            counts = import_records(request.user, form.records)
        except IntegrityError:  # Another tab or import wrote the same things at that moment.
            form.add_error("file", ImportForm.error_messages["changed"])
        else:
            text = other_apps.summary(form.cleaned_data["source"], counts, form.attachments)
            messages.success(request, text)
            return redirect("journal:data")
    context = {"import_form": ImportForm(), "other_form": form}
    return render(request, "journal/data.html", context, status=400)
