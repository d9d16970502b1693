from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Article, Stage, SupportPage


class SiteUrlSitemap(Sitemap):
    """Absolute URLs on settings.SITE_URL, the same address the canonical tags use."""

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc

    def get_protocol(self, protocol=None):
        return urlsplit(settings.SITE_URL).scheme or "https"


class ArticleSitemap(SiteUrlSitemap):
    changefreq = "monthly"
    priority = 1.0

    def items(self):
        return Article.objects.published().order_by("id")

    def lastmod(self, item):
        return item.updated_at


class StageSitemap(SiteUrlSitemap):
    changefreq = "monthly"
    priority = 0.8

    def items(self):
        return Stage.objects.published()

    def lastmod(self, item):
        return item.updated_at


class PageSitemap(SiteUrlSitemap):
    changefreq = "monthly"
    priority = 0.6

    def items(self):
        return ["home", "guide:support", "guide:right_now"]

    def location(self, item):
        return reverse(item)

    def lastmod(self, item):
        if item == "guide:support":
            page = SupportPage.objects.order_by("id").first()
            return page.updated_at if page else None
        return None


SITEMAPS = {"articles": ArticleSitemap, "stages": StageSitemap, "pages": PageSitemap}
