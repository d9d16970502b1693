"""Your data is yours: export it, import it back, or delete the account and all of it."""

from allauth.account.decorators import reauthentication_required
from allauth.usersessions.adapter import get_adapter as get_usersessions_adapter
from allauth.usersessions.models import UserSession
from django import forms
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from .. import export, importing

IMPORT_MAX_BYTES = 20 * 1024 * 1024


class ImportForm(forms.Form):
    file = forms.FileField(
        label="Your JSON export",
        help_text="The .json file from “Download as JSON”. Anything you already have is skipped.",
    )


class DeleteAccountForm(forms.Form):
    confirm = forms.CharField(
        label="Type DELETE to confirm",
        help_text="Capital letters, as shown. This cannot be undone.",
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )

    def clean_confirm(self):
        if self.cleaned_data["confirm"].strip() != "DELETE":
            raise forms.ValidationError("Type the word DELETE to confirm; nothing was deleted.")
        return "DELETE"


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


def end_all_sessions(request, user):
    """Sign the person out everywhere: every tracked session, then this one."""
    sessions = UserSession.objects.filter(user_id=user.pk)
    get_usersessions_adapter().end_sessions(list(sessions))
    logout(request)


@login_required
@require_http_methods(["GET", "POST"])
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
