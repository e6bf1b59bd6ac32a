"""The number of worker processes a service runs: the setting, else the CPUs it may use."""

from pathlib import Path

import pytest

from shared.workers import MAX_DEFAULT, available_cpus, worker_count


def test_the_setting_wins_and_must_be_at_least_one() -> None:
    assert worker_count({"MESTRING_WORKERS": "3"}) == 3
    assert worker_count({"MESTRING_WORKERS": "3"}, default=1) == 3
    with pytest.raises(ValueError, match="at least 1"):
        worker_count({"MESTRING_WORKERS": "0"})


def test_without_the_setting_the_default_or_the_cpus_up_to_four() -> None:
    assert worker_count({}, default=1) == 1
    assert worker_count({"MESTRING_WORKERS": " "}, default=2) == 2
    assert 1 <= worker_count({}) == min(available_cpus(), MAX_DEFAULT)


def test_a_cpu_quota_lowers_the_count_to_whole_cpus(tmp_path: Path) -> None:
    cpu_max = tmp_path / "cpu.max"
    cpu_max.write_text("max 100000\n")
    unlimited = available_cpus(cpu_max)
    cpu_max.write_text("150000 100000\n")
    assert available_cpus(cpu_max) == min(unlimited, 1)
    cpu_max.write_text("50000 100000\n")
    assert available_cpus(cpu_max) == 1
    cpu_max.write_text("800000 100000\n")
    assert available_cpus(cpu_max) == min(unlimited, 8)
    assert available_cpus(tmp_path / "absent") == unlimited
