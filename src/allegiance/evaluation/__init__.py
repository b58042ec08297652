"""`allegiance eval`: score each stage on public gold data, in that data set's own format.

Every scorer module exposes ``evaluate(path: Path, **options) -> Report`` (see report.py).
"""
