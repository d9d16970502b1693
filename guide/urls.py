from django.contrib.sitemaps.views import sitemap
from django.urls import path
from django.views.decorators.http import require_safe

from . import views
from .sitemaps import SITEMAPS

app_name = "guide"

urlpatterns = [
    # /guide/: the article, search and the stages
    path("guide/", views.index, name="index"),
    path("guide/search/", views.search, name="search"),
    path("guide/stages/<slug:slug>/", views.stage, name="stage"),
    path("guide/<slug:slug>/", views.article, name="article"),
    # /help/: where to find people, and a page for a bad moment
    path("help/", views.support, name="support"),
    path("help/right-now/", views.right_now, name="right_now"),
    # For search engines
    path("sitemap.xml", require_safe(sitemap), {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
]
