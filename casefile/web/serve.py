"""`casefile serve`: bind (loopback unless a token is set), print the address, run uvicorn.

The socket is bound here rather than by uvicorn so that port 0 works (the real port is printed) and
a busy port is one clear line.
"""
from __future__ import annotations

import socket
import sys

from casefile.case import Case, CaseError
from casefile.web.security import BindRefused, check_bind


def listen(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host.strip("[]"), port))
    except OSError as exc:
        sock.close()
        raise CaseError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def serve(case: Case, host: str = "127.0.0.1", port: int = 8765, token: str | None = None) -> None:
    import uvicorn

    from casefile.web.app import create_app

    token = token or None
    try:
        check_bind(host, token)
    except BindRefused as exc:
        raise CaseError(str(exc)) from None
    if not case.db_path.exists():
        raise CaseError(f"no index in {case.root}: run `casefile process` first")
    app = create_app(case, token)
    sock = listen(host, port)
    shown = f"[{host.strip('[]')}]" if ":" in host else host
    url = f"http://{shown}:{sock.getsockname()[1]}/" + (f"?token={token}" if token else "")
    print(f"casefile: serving {case.name!r} read-only at {url}  (Ctrl-C stops)", flush=True)
    config = uvicorn.Config(app, log_level="warning", server_header=False, proxy_headers=False, access_log=False)
    try:
        uvicorn.Server(config).run(sockets=[sock])
    finally:
        sock.close()
        sys.stdout.flush()
