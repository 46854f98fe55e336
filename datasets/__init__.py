"""The lessons' data files, installed as the package ``nnlessons.datasets``.

In the repository they live here, in datasets/; pyproject.toml installs this folder
inside the nnlessons package, so a plain ``pip install`` carries them. ``nnlessons.data``
reads them with ``importlib.resources`` and checks each file's sha256 first.
README.md records every file's origin, licence and sha256.
"""
