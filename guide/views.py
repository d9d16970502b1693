from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.http import urlencode
from django.views.decorators.http import require_safe

from . import search as guide_search
from .models import Article, Stage, SupportPage
from .page_cache import content_version, public_page

RESULTS_PER_PAGE = 10


def is_preview(request):
    """Editors see drafts and scheduled items when they ask for ?preview=1."""
    user = request.user
    return (
        request.GET.get("preview") == "1"
        and user.is_authenticated
        and user.is_staff
        and user.has_perm("guide.view_article")
    )


def render_guide(request, template, context, preview=False):
    response = render(request, template, {**context, "preview": preview})
    if preview:
        # A draft must never sit in a shared cache or a search index.
        add_never_cache_headers(response)
        response["X-Robots-Tag"] = "noindex"
    return response


@require_safe
@public_page
def index(request):
    """The guide's front page is its main (first) article, read in full."""
    preview = is_preview(request)
    article = Article.objects.visible(preview).order_by("id").first()
    if article is None:
        steps = Stage.steps(Stage.objects.visible(preview))
        return render_guide(request, "guide/index.html", {"steps": steps}, preview)
    return _article_page(request, article, preview)


@require_safe
@public_page
def article(request, slug):
    preview = is_preview(request)
    article = get_object_or_404(Article.objects.visible(preview), slug=slug)
    return _article_page(request, article, preview)


def _article_page(request, article, preview):
    sections = list(article.sections.visible(preview).prefetch_related("points"))
    context = {
        "article": article,
        "sections": sections,
        "reading_minutes": article.reading_minutes(sections),
        "last_updated": article.last_updated(sections),
        "steps": Stage.steps(Stage.objects.published()),
        # Keys the sections' rendered text, kept for signed-in readers (whose pages
        # are not cached whole) until any guide content changes.
        "guide_version": content_version(),
    }
    return render_guide(request, "guide/article.html", context, preview)


@require_safe
@public_page
def stage(request, slug):
    preview = is_preview(request)
    stages = list(Stage.objects.visible(preview))
    stage = next((item for item in stages if item.slug == slug), None)
    if stage is None:
        raise Http404("No such stage.")
    context = {
        "stage": stage,
        "steps": Stage.steps(stages),
        "way": stage.neighbours(stages),
        "practices": stage.practices.in_use(),
        "prompts": stage.prompts.in_use(),
    }
    return render_guide(request, "guide/stage.html", context, preview)


@require_safe
@public_page
def support(request):
    page = SupportPage.objects.order_by("id").first()
    context = {"page": page, "quick_exit_url": settings.QUICK_EXIT_URL}
    return render(request, "guide/support.html", context)


@require_safe
@public_page
def right_now(request):
    """A short page for a bad moment: written into the template, so it is there even
    before any guide content is loaded."""
    return render(request, "guide/right_now.html", {"quick_exit_url": settings.QUICK_EXIT_URL})


@require_safe
def search(request):
    query = request.GET.get("q", "").strip()[: guide_search.MAX_QUERY_LENGTH]
    results = guide_search.search(query)
    page_obj = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    terms = guide_search.terms_of(query)
    for result in page_obj:
        result.snippet_html = result.snippet(terms)
    context = {
        "query": query,
        "page_obj": page_obj,
        "query_string": urlencode({"q": query}),
        "searched": bool(terms),
    }
    return render(request, "guide/search.html", context)


@require_safe
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Allow: /accounts/login/",
        "Allow: /accounts/signup/",
        "Disallow: /accounts/",
        "Disallow: /journal/",
        "Disallow: /journey/",
        "Disallow: /guide/search/",
        f"Sitemap: {settings.SITE_URL}{reverse('guide:sitemap')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")
