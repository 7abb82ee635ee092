"""The suite must not fill the disk: a passing test's tmp_path is removed when it ends.

A whole run once left 3-5 GB of DuckDB stores and corpora under /tmp/pytest-of-<user>,
and a CI run on a shared disk failed with "No space left on device" (session 38).
"""

from __future__ import annotations


def test_passing_tests_leave_no_tmp_path(pytestconfig):
    assert pytestconfig.getini("tmp_path_retention_policy") == "failed"


def test_failed_runs_keep_few_base_folders(pytestconfig):
    assert 1 <= int(pytestconfig.getini("tmp_path_retention_count")) <= 2
