from __future__ import annotations

from pathlib import Path

from casefile.settings import Settings, documented
from tests.conftest import ROOT, run_cli


def test_init_creates_the_case_folder(tmp_path):
    run_cli("init", str(tmp_path / "c"))
    for name in ("case.toml", "curation.toml", "casefile.duckdb", "archive"):
        assert (tmp_path / "c" / name).exists(), name


def test_no_case_is_one_line_and_nonzero(tmp_path):
    proc = run_cli("--case", str(tmp_path / "nowhere"), "status", check=False)
    assert proc.returncode == 1
    assert proc.stderr.strip().count("\n") == 0 and "no case" in proc.stderr


def test_case_found_from_environment(tmp_path):
    run_cli("init", str(tmp_path / "c"))
    proc = run_cli("status", "--format", "json", env={"CASEFILE_CASE": str(tmp_path / "c")})
    assert '"documents"' in proc.stdout


def test_settings_env_override(monkeypatch):
    monkeypatch.setenv("CASEFILE_BATCH_SIZE", "3")
    monkeypatch.setenv("CASEFILE_OBEY_ROBOTS", "false")
    s = Settings.load({"batch_size": 9, "workers": 1})
    assert (s.batch_size, s.obey_robots, s.workers) == (3, False, 1)


def test_every_setting_is_documented_in_readme():
    readme = (ROOT / "README.md").read_text()
    docs = documented()
    assert docs, "settings carry docstrings"
    for name in docs:
        assert f"`{name}`" in readme, f"setting {name} missing from README's Settings table"


def test_a_bad_setting_is_one_line_and_nonzero(tmp_path):
    run_cli("init", str(tmp_path / "c"))
    for env in ({"CASEFILE_EMBEDDING_PRECISION": "int8"}, {"CASEFILE_WORKERS": "two"}):
        proc = run_cli("--case", str(tmp_path / "c"), "search", "caseworkers", env=env, check=False)
        assert proc.returncode == 1, env
        assert proc.stderr.strip().count("\n") == 0 and "case.toml or the environment" in proc.stderr
    assert "not 'int8'" in run_cli("--case", str(tmp_path / "c"), "process", check=False,
                                   env={"CASEFILE_EMBEDDING_PRECISION": "int8"}).stderr
