"""Full-text search through DuckDB's fts extension, loaded from the duckdb-extension-fts package
(extensions cannot be downloaded at run time here)."""
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
    """The fts index does not update itself: rebuild it once per run, after all batches."""
    load(con)
    con.execute("PRAGMA create_fts_index('chunks', 'chunk_id', 'text', stemmer = 'porter', "
                "stopwords = 'english', overwrite = 1)")


def available(con: duckdb.DuckDBPyConnection) -> bool:
    return bool(con.execute(
        "SELECT count(*) FROM duckdb_schemas() WHERE schema_name = 'fts_main_chunks'").fetchone()[0])
