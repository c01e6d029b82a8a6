"""DuckDB's fts extension, loaded from the duckdb-extension-fts package (extensions cannot be
downloaded at run time here). casefile uses its Porter `stem()` for its own index
(index/search_text.py); the extension's BM25 index is built only by bench/scale.py, to compare."""
from __future__ import annotations

from pathlib import Path

import duckdb


def extension_file() -> Path:
    import duckdb_extension_fts

    root = Path(duckdb_extension_fts.__file__).parent / "extensions"
    found = sorted(root.glob(f"v{duckdb.__version__}/*.duckdb_extension")) or sorted(root.rglob("*.duckdb_extension"))
    if not found:
        raise RuntimeError(f"no fts extension for duckdb {duckdb.__version__} in {root}")
    return found[0]


def load(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(f"LOAD '{extension_file()}'")


def rebuild(con: duckdb.DuckDBPyConnection) -> None:
    """The extension's own index (it cannot be updated, only rebuilt): for comparison in bench/scale.py."""
    load(con)
    con.execute("PRAGMA create_fts_index('chunks', 'chunk_id', 'text', stemmer = 'porter', "
                "stopwords = 'english', overwrite = 1)")
