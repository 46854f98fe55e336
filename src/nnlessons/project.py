"""Where the lessons are published, and the links and commands built from that address.

One constant, ``PROJECT_REPO``, feeds the first cell of every lesson (the command that
installs ``nnlessons`` when it is missing: ``nnlessons.build``), the README's "Open in
Colab" links (checked by ``tests/test_readme.py``) and the classroom's nbgitpuller links
(``nnlessons.classroom.links``). A fork changes it here, once.
"""

#: The project's public git repository (GitHub, so that Colab can open its notebooks).
PROJECT_REPO = "https://github.com/nnlessons/nnlessons"

#: What ``pip install`` is given to install the lessons' package from that repository.
INSTALL_TARGET = f"git+{PROJECT_REPO}"


def colab_link(path, branch="main"):
    """The Google Colab address that opens the notebook at ``path`` (relative to the
    repository, e.g. ``notebooks/pt/01_neuron.ipynb``) straight from GitHub."""
    owner_and_name = PROJECT_REPO.removeprefix("https://github.com/")
    return f"https://colab.research.google.com/github/{owner_and_name}/blob/{branch}/{path}"
