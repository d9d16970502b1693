from django.shortcuts import get_object_or_404, render

from .models import Article, Stage, SupportPage


def index(request):
    article = Article.objects.published().first()
    stages = Stage.objects.published()
    return render(request, "guide/index.html", {"article": article, "stages": stages})


def article(request, slug):
    article = get_object_or_404(Article.objects.published(), slug=slug)
    return render(request, "guide/article.html", {"article": article})


def stage(request, slug):
    stage = get_object_or_404(Stage.objects.published(), slug=slug)
    return render(request, "guide/stage.html", {"stage": stage})


def support(request):
    page = SupportPage.objects.first()
    return render(request, "guide/support.html", {"page": page})
