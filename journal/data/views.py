"""Your data is yours: download it, or bring an export back."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST, require_safe

from . import export, importing

IMPORT_MAX_BYTES = 20 * 1024 * 1024


class ImportForm(forms.Form):
    file = forms.FileField(
        label="Your JSON export",
        help_text="The .json file from “Download as JSON”. Anything you already have is skipped.",
    )


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


@login_required
@require_POST
def import_json(request):
    form = ImportForm(request.POST, request.FILES)
    if form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            if upload.size > IMPORT_MAX_BYTES:
                raise importing.ImportFailed("This file is too large to be a journal export.")
            result = importing.import_data(request.user, upload.read())
        except importing.ImportFailed as error:
            form.add_error("file", str(error))
        else:
            messages.success(request, result.summary())
            for note in result.notes():
                messages.info(request, note)
            return redirect("journal:data")
    return render(request, "journal/data.html", {"import_form": form}, status=400)
