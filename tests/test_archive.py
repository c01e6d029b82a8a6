from __future__ import annotations

import hashlib
import io

import pytest

from index.archive import Archive


def test_put_is_content_addressed_and_idempotent(tmp_path):
    a = Archive(tmp_path / "archive")
    sha = a.put(b"minutes of the board")
    assert sha == hashlib.sha256(b"minutes of the board").hexdigest()
    path = a.path(sha)
    assert path.parts[-3:] == (sha[:2], sha[2:4], sha)
    mtime = path.stat().st_mtime_ns
    assert a.put(b"minutes of the board") == sha
    assert path.stat().st_mtime_ns == mtime  # never rewritten
    assert a.get(sha) == b"minutes of the board"


def test_put_stream_matches_put_and_leaves_no_temp_files(tmp_path):
    a = Archive(tmp_path / "archive")
    data = b"x" * (3 * 1024 * 1024 + 7)
    sha, size = a.put_stream(io.BytesIO(data))
    assert (sha, size) == (hashlib.sha256(data).hexdigest(), len(data))
    assert not [p for p in (tmp_path / "archive").rglob(".incoming-*")]


def test_bad_key_is_refused(tmp_path):
    with pytest.raises(ValueError):
        Archive(tmp_path).path("../../etc/passwd")
