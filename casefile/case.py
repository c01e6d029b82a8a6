"""The case folder: case.toml, curation.toml, casefile.duckdb and archive/ (DESIGN.md)."""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from casefile.settings import Settings
from index.archive import Archive, open_archive
from index.page_cache import PageImages
from index.store import Store

CASE_TOML = """\
# casefile case configuration. See README.md ("case.toml") for every option.
[case]
name = "{name}"
timezone = "America/New_York"
contact = ""          # who runs this crawl (an email or URL); sent in the User-Agent

# A board's meeting platform (Legistar, Granicus, CivicPlus, BoardDocs, NovusAGENDA, Municode,
# PrimeGov, CivicClerk)? `casefile sources detect URL --since YYYY-MM-DD` prints its block.
# [[sources]]
# name = "dss-board"
# kind = "minutes"
# spider = "listing"
# start_urls = ["https://county.example.gov/dss/board"]
# documents = ['\\.pdf$']
# follow = ['/board\\?page=\\d+']

# [settings]          # optional overrides of casefile settings for this case
# batch_size = 16
"""

CURATION_TOML = """\
# Your own decisions about this case. casefile applies them after every run and never
# overwrites them. Keep this file under version control.
#
# [[merge]]                      # these names are one person
# people = ["Margaret Whitfield", "Peggy Whitfield"]
#
# [[split]]                      # these names are different people
# people = ["James Ortiz", "Linda Ortiz"]
#
# [[alias]]
# person = "Margaret Whitfield"
# names = ["M. Whitfield"]
#
# [[reject]]                     # a false person or a false event
# person = "Harlan County"
# event = "<event id>"
#
# [[date]]                       # correct an event's date
# event = "<event id>"
# date = "2018-03-06"            # YYYY, YYYY-MM or YYYY-MM-DD
"""


class CaseError(Exception):
    """A problem finding or reading a case, worded for the user."""


@dataclass
class Case:
    root: Path
    config: dict[str, Any]

    @property
    def db_path(self) -> Path:
        return self.root / "casefile.duckdb"

    @property
    def archive(self) -> Archive:
        """The originals: the `archive` setting's folder or object store (index/archive.py)."""
        return open_archive(self.settings.archive, self.root)

    @property
    def page_images(self) -> PageImages:
        """Page images drawn on demand, cached under derived/ (index/page_cache.py)."""
        return PageImages(self.archive, self.root / "derived" / "pages", self.settings.page_image_width)

    @property
    def curation_path(self) -> Path:
        return self.root / "curation.toml"

    @property
    def name(self) -> str:
        return self.config.get("case", {}).get("name", self.root.name)

    @property
    def sources(self) -> list[dict[str, Any]]:
        return list(self.config.get("sources", []))

    @property
    def settings(self) -> Settings:
        try:
            return Settings.load(self.config.get("settings", {}))
        except ValueError as exc:
            raise CaseError(f"a setting in {self.root / 'case.toml'} or the environment: {exc}") from None

    def curation(self) -> dict[str, Any]:
        return load_toml(self.curation_path) if self.curation_path.exists() else {}

    def store(self, *, read_only: bool = False, wait: float | None = None) -> Store:
        return Store(self.db_path, read_only=read_only, wait=wait)


def load_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise CaseError(f"{path}: {exc}") from None


def init_case(root: Path, name: str | None = None, case_toml: str | None = None) -> Case:
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    (root / "archive").mkdir(exist_ok=True)
    toml_path = root / "case.toml"
    if not toml_path.exists():
        toml_path.write_text(case_toml or CASE_TOML.format(name=name or root.resolve().name))
    if not (root / "curation.toml").exists():
        (root / "curation.toml").write_text(CURATION_TOML)
    case = open_case(root)
    case.store().close()  # creates casefile.duckdb with the schema
    return case


def open_case(root: Path) -> Case:
    root = Path(root)
    toml_path = root / "case.toml"
    if not toml_path.is_file():
        raise CaseError(f"no case at {root} (no case.toml): run `casefile init {root}`")
    return Case(root=root, config=load_toml(toml_path))


def find_case(explicit: Path | None = None) -> Case:
    """--case DIR, then CASEFILE_CASE, then the current folder (DESIGN.md)."""
    if explicit is not None:
        return open_case(explicit)
    env = os.environ.get("CASEFILE_CASE")
    if env:
        return open_case(Path(env))
    if (Path.cwd() / "case.toml").is_file():
        return open_case(Path.cwd())
    raise CaseError("no case found: pass --case DIR, set CASEFILE_CASE, or run inside a case folder")
