from django.shortcuts import render

from guide.models import Stage


def home(request):
    stages = Stage.objects.published()
    return render(request, "home.html", {"stages": stages})
