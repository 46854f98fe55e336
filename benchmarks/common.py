"""Timing helpers shared by the benchmarks: medians of repeated runs, a plain table."""

import statistics
import time


def timed(function):
    """Run ``function()`` once; return (seconds, its result)."""
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def median_time(function, repeats):
    """Median wall time of ``repeats`` runs of ``function()``, and the last result."""
    times, result = [], None
    for _ in range(repeats):
        seconds, result = timed(function)
        times.append(seconds)
    return statistics.median(times), result


def table(title, header, rows):
    """Print a Markdown table, ready to paste into a note."""
    print(f"\n### {title}\n")
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for row in rows:
        print("| " + " | ".join(str(cell) for cell in row) + " |")
