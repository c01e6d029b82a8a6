"""Safe by default: loopback unless a token is set; every request carries the token when it is.

Without a token the server answers only requests addressed to a loopback name (Host header), so a
web page that re-points its own domain at 127.0.0.1 (DNS rebinding) cannot read the case.
"""
from __future__ import annotations

import hmac
import ipaddress
from html import escape
from http.cookies import SimpleCookie
from urllib.parse import parse_qsl, urlencode

from starlette.datastructures import Headers
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

COOKIE = "casefile_token"
LOOPBACK_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost"}
SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"content-security-policy",
     b"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; "
     b"base-uri 'none'; form-action 'self'; frame-ancestors 'none'"),
]


class BindRefused(Exception):
    """Binding a non-loopback address without a token."""


def is_loopback(host: str) -> bool:
    host = host.strip().strip("[]").lower()
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_bind(host: str, token: str | None) -> None:
    if not is_loopback(host) and not token:
        raise BindRefused(f"refusing to serve on {host} without a token: anyone who can reach it could read "
                          "the case; pass --token or set CASEFILE_TOKEN (or bind 127.0.0.1)")


def _host_name(host_header: str) -> str:
    if host_header.startswith("["):
        return host_header[1:].split("]", 1)[0]
    return host_header.rsplit(":", 1)[0] if host_header.count(":") == 1 else host_header


def _plain(status: int, title: str, message: str, api: bool, headers: dict[str, str] | None = None) -> Response:
    if api:
        return JSONResponse({"error": message}, status_code=status, headers=headers)
    body = (f"<!doctype html><html lang=en><meta charset=utf-8><title>{escape(title)}</title>"
            f"<body><h1>{escape(title)}</h1><p>{escape(message)}</p></body></html>")
    return HTMLResponse(body, status_code=status, headers=headers)


class Guard:
    """ASGI middleware: token check, Host check, and security headers on every response."""

    def __init__(self, app: ASGIApp, token: str | None = None) -> None:
        self.app = app
        self.token = token or None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [
                    (k, v) for k, v in SECURITY_HEADERS if k not in names]
            await send(message)

        headers = Headers(scope=scope)
        api = scope["path"].startswith("/api/") or scope["path"] == "/openapi.json"
        if self.token is None:
            if not is_loopback(_host_name(headers.get("host", ""))):
                response = _plain(400, "Unexpected host", "This server answers only requests addressed to "
                                  "127.0.0.1 or localhost.", api)
                return await response(scope, receive, send_with_headers)
            return await self.app(scope, receive, send_with_headers)

        query = parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
        from_query = [v for k, v in query if k == "token"]
        if from_query and self._valid(from_query[-1]):
            # Trade the token in the address for a cookie, and drop it from the address bar and history.
            rest = urlencode([(k, v) for k, v in query if k != "token"])
            response = RedirectResponse(scope["path"] + (f"?{rest}" if rest else ""), status_code=303)
            response.set_cookie(COOKIE, self.token, httponly=True, samesite="strict", path="/")
            return await response(scope, receive, send_with_headers)
        if self._valid(self._supplied(headers)):
            return await self.app(scope, receive, send_with_headers)
        response = _plain(401, "Token required", "This server needs its access token: open the address "
                          "printed by `casefile serve` (it ends in ?token=…), or send "
                          "'Authorization: Bearer <token>'.", api, {"WWW-Authenticate": 'Bearer realm="casefile"'})
        return await response(scope, receive, send_with_headers)

    def _supplied(self, headers: Headers) -> str | None:
        auth = headers.get("authorization", "")
        if auth[:7].lower() == "bearer ":
            return auth[7:].strip()
        cookie = SimpleCookie()
        try:
            cookie.load(headers.get("cookie", ""))
        except Exception:   # a malformed Cookie header is simply no token
            return None
        return cookie[COOKIE].value if COOKIE in cookie else None

    def _valid(self, supplied: str | None) -> bool:
        return bool(supplied) and hmac.compare_digest(supplied.encode(), self.token.encode())
