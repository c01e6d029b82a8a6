"""The digest by email: `[digest]` in case.toml says where to send it; SMTP credentials come from the
environment (casefile/settings.py: CASEFILE_SMTP_USER, CASEFILE_SMTP_PASSWORD), never from case.toml.

    [digest]
    to = ["desk@example.org"]                 # one address or a list
    from = "casefile <casefile@example.org>"
    smtp_host = "smtp.example.org"
    smtp_port = 587                           # default: 465 for ssl, 587 for starttls, 25 for none
    security = "starttls"                     # starttls | ssl | none
    person = "Margaret Whitfield"             # optional: the digest's filters
    issue = "staff_turnover"
"""
from __future__ import annotations

import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from typing import Any

from casefile.case import Case, CaseError
from casefile.settings import SMTP_PASSWORD_ENV, SMTP_USER_ENV, smtp_credentials
from casefile.web.security import is_loopback

SECURITY = {"starttls": 587, "ssl": 465, "none": 25}
KEYS = {"to", "from", "smtp_host", "smtp_port", "security", "timeout", "person", "issue", "subject"}
SECRET_KEYS = {"user", "username", "login", "password", "smtp_user", "smtp_password", "pass", "secret"}


class MailError(Exception):
    """The digest could not be sent; one line saying why."""


@dataclass(frozen=True)
class MailConfig:
    to: tuple[str, ...]
    sender: str
    smtp_host: str = "localhost"
    smtp_port: int = 587
    security: str = "starttls"
    timeout: float = 30.0
    person: str | None = None
    issue: str | None = None
    subject: str = "casefile digest: {case}"

    @classmethod
    def from_case(cls, case: Case) -> MailConfig | None:
        """The case's `[digest]` table, checked; None when it has none (no email is sent)."""
        table: dict[str, Any] | None = case.config.get("digest")
        if not table:
            return None
        where = f"[digest] in {case.root / 'case.toml'}"
        secret = sorted(SECRET_KEYS & set(table))
        if secret:
            raise CaseError(f"{where}: remove {', '.join(secret)}: SMTP credentials come from the environment "
                            f"({SMTP_USER_ENV}, {SMTP_PASSWORD_ENV}), never from case.toml")
        unknown = sorted(set(table) - KEYS)
        if unknown:
            raise CaseError(f"{where}: unknown key(s) {', '.join(unknown)}; known: {', '.join(sorted(KEYS))}")
        to = table.get("to")
        to = [to] if isinstance(to, str) else to
        if not to or not all(isinstance(a, str) and "@" in a for a in to):
            raise CaseError(f"{where}: `to` must be an email address or a list of them")
        if not isinstance(table.get("from"), str) or "@" not in table["from"]:
            raise CaseError(f"{where}: `from` must be the sender's email address")
        security = table.get("security", "starttls")
        if security not in SECURITY:
            raise CaseError(f"{where}: security must be one of {', '.join(SECURITY)}, not {security!r}")
        try:
            port = int(table.get("smtp_port", SECURITY[security]))
            timeout = float(table.get("timeout", cls.timeout))
        except (TypeError, ValueError):
            raise CaseError(f"{where}: smtp_port and timeout must be numbers") from None
        return cls(to=tuple(to), sender=table["from"], smtp_host=str(table.get("smtp_host", cls.smtp_host)),
                   smtp_port=port, security=security, timeout=timeout, person=table.get("person"),
                   issue=table.get("issue"), subject=str(table.get("subject", cls.subject)))


def message(config: MailConfig, subject: str, text: str, html: str) -> EmailMessage:
    """A multipart/alternative message: the plain-text digest, and the HTML one that mail programs show."""
    from index.store import now

    msg = EmailMessage()
    msg["Subject"] = subject
    msg["From"] = config.sender
    msg["To"] = ", ".join(config.to)
    msg["Date"] = format_datetime(now())
    msg["Message-ID"] = make_msgid(domain=config.sender.rsplit("@", 1)[1].strip(" >"))
    msg.set_content(text)
    msg.add_alternative(html, subtype="html")
    return msg


def send(config: MailConfig, msg: EmailMessage) -> None:
    """Deliver one message over SMTP (TLS as configured; a login only with credentials in the environment)."""
    credentials = smtp_credentials()
    if credentials and config.security == "none" and not is_loopback(config.smtp_host):
        raise MailError(f"refusing to send SMTP credentials unencrypted to {config.smtp_host}: "
                        "set security = \"starttls\" or \"ssl\" in [digest]")
    try:
        if config.security == "ssl":
            smtp: smtplib.SMTP = smtplib.SMTP_SSL(config.smtp_host, config.smtp_port, timeout=config.timeout,
                                                  context=ssl.create_default_context())
        else:
            smtp = smtplib.SMTP(config.smtp_host, config.smtp_port, timeout=config.timeout)
        with smtp:
            if config.security == "starttls":
                smtp.starttls(context=ssl.create_default_context())
            if credentials:
                smtp.login(*credentials)
            smtp.send_message(msg)
    except (smtplib.SMTPException, OSError) as exc:
        reason = " ".join(str(exc).split()) or type(exc).__name__
        raise MailError(f"digest email not sent via {config.smtp_host}:{config.smtp_port}: {reason}") from None
