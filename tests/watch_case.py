"""The demo case kept watched (issue 16), built once per test session and shared by the digest, email,
overlap and feed tests.

A copy of the demo site is served on 127.0.0.1 and a real SMTP server (aiosmtpd, with AUTH) listens
on 127.0.0.1; case.toml's [digest] points at it and the credentials are in the environment only.
1. `casefile run` (A) starts; while it holds the case, a second `run` (B) is refused (exit 75) and a
   third, `run --wait` (C), waits for A and then runs.
2. `casefile digest` (the first one: everything).
3. The agency amends the June 11, 2019 minutes (a new appointment, a later adjournment time) and
   takes one Gazette article down; `casefile run` again, then the digests.
4. `casefile run` a third time (nothing new), then `digest --since last`.
"""
from __future__ import annotations

import copy
import email
import email.policy
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import warnings
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from tests.conftest import ROOT, built_once, run_cli

DEMO = ROOT / "casefile" / "demo"
MINUTES = "dss/board/minutes-2019-06-11.pdf"
ARTICLE = "gazette/news/20181115-harlan-board-picks-okafor.html"
ADDED = ("Vice Chair Hale moved to appoint Rosa Delgado as Deputy Director for Child Welfare, effective "
         "July 1, 2019; seconded by Member Albright, the motion carried 5-0.")
ADJOURNED = ("There being no further business, the meeting was adjourned at {} p.m. by unanimous consent.")
SMTP_USER, SMTP_PASSWORD = "desk", "not-in-case-toml"
ENV = {"CASEFILE_SMTP_USER": SMTP_USER, "CASEFILE_SMTP_PASSWORD": SMTP_PASSWORD}
FAST = "\n[settings]\ndownload_delay = 0\nautothrottle_start_delay = 0\nautothrottle_max_delay = 0.2\n"
DIGEST = """
[digest]
to = ["desk@example.org"]
from = "casefile <casefile@example.org>"
smtp_host = "127.0.0.1"
smtp_port = {port}
security = "none"
"""
_built: dict[str, Any] = {}


class Inbox:
    """aiosmtpd handler: keeps every message it is given."""

    def __init__(self) -> None:
        self.messages: list[email.message.EmailMessage] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802 - aiosmtpd hook
        self.messages.append(email.message_from_bytes(envelope.content, policy=email.policy.default))
        return "250 Message accepted for delivery"


def _authenticator(server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any) -> Any:
    from aiosmtpd.smtp import AuthResult, LoginPassword

    ok = isinstance(auth_data, LoginPassword) and (auth_data.login, auth_data.password) == (
        SMTP_USER.encode(), SMTP_PASSWORD.encode())
    return AuthResult(success=ok)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def amend_site(site: Path) -> None:
    """The quiet edit and the removal: new June 11, 2019 minutes PDF, one Gazette article gone (404)."""
    from casefile.demo.build_site import minutes_pdf
    from casefile.demo.text.minutes import MEETINGS

    m = copy.deepcopy(next(x for x in MEETINGS if x["date"] == "2019-06-11"))
    at = m["blocks"].index(("h", "PUBLIC COMMENT"))
    m["blocks"].insert(at, ("p", ADDED))
    m["adjourn"] = "7:20"
    (site / MINUTES).write_bytes(minutes_pdf(m))
    (site / ARTICLE).unlink()


def _popen(case: Path, *args: str) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if k != "CASEFILE_CASE"}
    env.update({"HF_HUB_OFFLINE": "1", "COLUMNS": "200", **ENV})
    return subprocess.Popen([sys.executable, "-m", "casefile.cli", "--case", str(case), *args], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _holder_pid(case: Path) -> int | None:
    try:
        return json.loads((case / ".casefile-run.lock").read_text() or "null")["pid"]
    except (OSError, ValueError, TypeError):
        return None


def _overlapping_runs(case: Path, out: dict[str, Any]) -> None:
    """A runs; B is refused while A holds the case; C waits for A, then runs."""
    a = _popen(case, "run")
    deadline = time.monotonic() + 60
    while _holder_pid(case) != a.pid and a.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    out["b"] = run_cli("run", case=case, check=False, env=ENV, timeout=120)
    c = _popen(case, "run", "--wait", "600")
    a_out, a_err = a.communicate(timeout=600)
    out["a"] = subprocess.CompletedProcess(a.args, a.returncode, a_out, a_err)
    out["mail_after_a"] = len(out["inbox"].messages)
    c_out, c_err = c.communicate(timeout=600)
    out["c"] = subprocess.CompletedProcess(c.args, c.returncode, c_out, c_err)
    out["mail_after_c"] = len(out["inbox"].messages)


def watched_case() -> dict[str, Any]:
    if not _built:
        _built.update(built_once("watch", _build))
    return _built


def _build(tmp: Path) -> dict[str, Any]:
    from aiosmtpd.controller import Controller

    from casefile.case import init_case
    from casefile.demo.server import serve_folder
    from index.store import Store

    site, case = tmp / "site", tmp / "case"
    shutil.copytree(DEMO / "site", site)
    inbox = Inbox()
    port = _free_port()
    with warnings.catch_warnings():   # AUTH without TLS: fine on loopback, which is all this server hears
        warnings.simplefilter("ignore")
        smtp = Controller(inbox, hostname="127.0.0.1", port=port, authenticator=_authenticator,
                          auth_required=True, auth_require_tls=False)
        smtp.start()
    out: dict[str, Any] = {"case": case, "site": site, "inbox": inbox}
    try:
        with serve_folder(site) as base:
            toml = (DEMO / "case.toml").read_text(encoding="utf-8").replace("{base}", base)
            init_case(case, case_toml=toml + FAST + DIGEST.format(port=port))
            out["base"] = base
            _overlapping_runs(case, out)
            out["digest_1"] = json.loads(run_cli("digest", "--format", "json", case=case).stdout)
            out["between"] = datetime.now(timezone.utc)
            amend_site(site)
            out["run_2"] = run_cli("run", case=case, env=ENV, timeout=600)
            out["mail_after_2"] = len(inbox.messages)
            out["digest_2"] = json.loads(run_cli("digest", "--since", "last", "--format", "json", case=case).stdout)
            out["digest_person"] = json.loads(run_cli("digest", "--person", "Rosa Delgado", "--format", "json",
                                                      case=case).stdout)
            since = out["between"].isoformat()
            out["digest_text"] = run_cli("digest", "--since", since, case=case).stdout
            out["digest_html"] = run_cli("digest", "--since", since, "--format", "html", case=case).stdout
            out["run_3"] = run_cli("run", case=case, env=ENV, timeout=600)
            out["mail_after_3"] = len(inbox.messages)
            out["digest_3"] = json.loads(run_cli("digest", "--since", "last", "--format", "json", case=case).stdout)
    finally:
        smtp.stop()
    out["runs"] = json.loads(run_cli("runs", "--format", "json", case=case).stdout)
    with Store(case / "casefile.duckdb", read_only=True) as s:
        out["documents"] = s.query("SELECT doc_id, url, supersedes, removed_at, status, error FROM documents")
    return out
