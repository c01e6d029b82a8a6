"""Scrapy settings for a casefile crawl, built from plain casefile settings (a dict).

`crawlers` never imports the app shell: the caller passes the values of casefile's Settings
(user_agent, max_download_mb, download_timeout, concurrent_per_domain, obey_robots,
download_delay, autothrottle_*, retry_*, conditional_requests, settle_days) plus the case's `contact`, as a
dict; DEFAULTS below are the same defaults, for callers that pass nothing. Polite by default: robots.txt, AutoThrottle, two requests per
domain, bounded retries that honour Retry-After, a size cap, and no listening ports.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

# Values used when the caller's dict does not name them (the same defaults as casefile's Settings).
DEFAULTS: dict[str, Any] = {
    "user_agent": "casefile/0.1 (+https://github.com/casefile; public-records research)",
    "contact": "",
    "max_download_mb": 200,
    "download_timeout": 60,
    "concurrent_per_domain": 2,
    "obey_robots": True,
    "log_level": "WARNING",
    "download_delay": 0.5,            # the least delay between requests to one site, seconds
    "autothrottle_start_delay": 1.0,  # tests on loopback set these small
    "autothrottle_max_delay": 30.0,
    "retry_times": 2,                 # retries after the first attempt, on 429/5xx and network errors
    "retry_backoff": 1.0,             # first backoff in seconds, doubled per retry
    "retry_max_delay": 60.0,          # cap on a backoff or a server's Retry-After
    "conditional_requests": True,     # If-None-Match / If-Modified-Since for URLs fetched before
    "settle_days": 90,                # meetings older than this are settled (crawlers/spiders/history.py)
}

RETRY_HTTP_CODES = [429, 500, 502, 503, 504, 522, 524, 408]


def merged(settings: Mapping[str, Any] | None) -> dict[str, Any]:
    """DEFAULTS overlaid with the caller's non-None values (unknown keys are kept, ignored)."""
    out = dict(DEFAULTS)
    out.update({k: v for k, v in (settings or {}).items() if v is not None})
    return out


def user_agent(settings: Mapping[str, Any]) -> str:
    ua = str(settings["user_agent"]).strip()
    contact = str(settings.get("contact") or "").strip()
    return f"{ua} contact: {contact}" if contact else ua


def scrapy_settings(settings: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The process-wide Scrapy settings. `settings["scrapy"]` may override any raw Scrapy key."""
    s = merged(settings)
    max_bytes = int(float(s["max_download_mb"]) * 1024 * 1024)
    out: dict[str, Any] = {
        "BOT_NAME": "casefile",
        "USER_AGENT": user_agent(s),
        "ROBOTSTXT_OBEY": bool(s["obey_robots"]),
        "AUTOTHROTTLE_ENABLED": True,
        "AUTOTHROTTLE_START_DELAY": float(s["autothrottle_start_delay"]),
        "AUTOTHROTTLE_MAX_DELAY": float(s["autothrottle_max_delay"]),
        "AUTOTHROTTLE_TARGET_CONCURRENCY": 1.0,
        "DOWNLOAD_DELAY": float(s["download_delay"]),
        "CONCURRENT_REQUESTS_PER_DOMAIN": int(s["concurrent_per_domain"]),
        "DOWNLOAD_TIMEOUT": float(s["download_timeout"]),
        "DOWNLOAD_MAXSIZE": max_bytes,
        "DOWNLOAD_WARNSIZE": max_bytes,
        "RETRY_ENABLED": True,
        "RETRY_TIMES": int(s["retry_times"]),
        "RETRY_HTTP_CODES": RETRY_HTTP_CODES,
        "CASEFILE_RETRY_BACKOFF": float(s["retry_backoff"]),
        "CASEFILE_RETRY_MAX_DELAY": float(s["retry_max_delay"]),
        "CASEFILE_CONDITIONAL": bool(s["conditional_requests"]),
        "CASEFILE_SETTLE_DAYS": int(s["settle_days"]),
        # A page's <meta refresh> is not a redirect we follow: it would skip the fetch log.
        "METAREFRESH_ENABLED": False,
        "REDIRECT_MAX_TIMES": 10,
        # Nothing listens on a port during a crawl.
        "TELNETCONSOLE_ENABLED": False,
        "REMOTE_CONTROL_ENABLED": False,
        "LOG_LEVEL": str(s["log_level"]).upper(),
        "LOGSTATS_INTERVAL": 0,
        "DOWNLOADER_MIDDLEWARES": {
            "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
            "crawlers.middlewares.RobotsTxt": 100,
            "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
            "crawlers.middlewares.BackoffRetry": 550,
            # Between HttpCompression (590) and Retry (550): sees every attempt, decoded,
            # after redirects; and before RedirectMiddleware (600) the guard refuses hops off-site.
            "crawlers.middlewares.FetchLog": 585,
            "crawlers.middlewares.SameSiteRedirects": 605,
        },
        "ITEM_PIPELINES": {"crawlers.pipelines.DocumentPipeline": 300},
    }
    out.update(dict(s.get("scrapy") or {}))
    return out


def source_settings(source: Mapping[str, Any], settings: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """Per-source overrides, applied as the spider's custom_settings."""
    out: dict[str, Any] = {}
    if "obey_robots" in source:
        out["ROBOTSTXT_OBEY"] = bool(source["obey_robots"])
    return out


def obeys_robots(source: Mapping[str, Any], settings: Mapping[str, Any] | None = None) -> bool:
    return bool(source.get("obey_robots", merged(settings)["obey_robots"]))


def hosts(urls: list[str]) -> list[str]:
    """The host names of a source's configured URLs: where its crawl (and redirects) may go."""
    out: list[str] = []
    for url in urls:
        host = urlsplit(url).hostname
        if host and host not in out:
            out.append(host)
    return out
