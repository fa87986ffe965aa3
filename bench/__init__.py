"""Benchmarks of newsgraph: scripts that print figures (docs/benchmarks.md).

Run one as ``python bench/NAME.py``; the tests import the scorers they share with the
benchmarks as ``bench.NAME`` (pytest puts the repository root on ``sys.path``), so each scorer
exists once.
"""
