from django.contrib.auth.decorators import login_required
from django.shortcuts import render


@login_required
def entry_list(request):
    return render(request, "journal/entry_list.html", {})
