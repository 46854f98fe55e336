"""`make bench`: every benchmark of the project, printed as Markdown tables.

Speed is measured here, never in the test suite: machines are shared and noisy,
so we quote medians of several runs and ratios measured in the same run.
Both NumPy's BLAS and PyTorch are held to one thread, so the comparison is fair.
"""

import os
import sys

for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(variable, "1")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import engine     # noqa: E402  (after the thread settings)
import widgets    # noqa: E402

if __name__ == "__main__":
    only = sys.argv[1:] or ["engine", "widgets"]
    if "engine" in only:
        engine.main()
    if "cnn" in only:       # the digits CNNs alone, vs PyTorch (part of "engine")
        engine.cnn()
    if "widgets" in only:
        widgets.main()
