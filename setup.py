"""The one piece of build configuration pyproject.toml cannot hold: the package list.

Every package under src/, found automatically, plus ``nnlessons.datasets``, which
pyproject.toml's package-dir maps onto the repository's datasets/ folder, so the data
files ship inside the installed package (one copy of their bytes in the repository).
"""

from setuptools import find_packages, setup

setup(packages=find_packages("src") + ["nnlessons.datasets"])
