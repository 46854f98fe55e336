"""nbgitpuller links: one click clones the lessons into the student's folder, later
clicks merge the teacher's new commits into it (the student's own edits stay).

Link: ``HUB/hub/user-redirect/git-pull?repo=URL&branch=BRANCH&urlpath=lab/tree/FOLDER/PATH``
where FOLDER is the repository's last path component, the folder nbgitpuller clones into.
"""

from pathlib import Path
from urllib.parse import urlencode

from ..i18n import LANGUAGES
from ..project import PROJECT_REPO  # noqa: F401  (the default repository; --repo gives another)


def clone_folder(repo):
    """The folder nbgitpuller clones ``repo`` into (its default ``targetpath``)."""
    return repo.rstrip("/").split("/")[-1]


def pull_link(hub_url, repo, path, branch="main"):
    """The nbgitpuller link that pulls ``repo`` and opens ``path`` (relative to the
    repository) in JupyterLab."""
    query = urlencode({"repo": repo, "branch": branch, "urlpath": f"lab/tree/{clone_folder(repo)}/{path}"})
    return f"{hub_url.rstrip('/')}/hub/user-redirect/git-pull?{query}"


def lesson_paths(root):
    """``{language: ["notebooks/<language>/NN_slug.ipynb", ...]}`` for the built lessons
    under ``root``; a language with no built lesson there (or no ``root``) gets its folder."""
    found = {}
    for language in LANGUAGES:
        folder = Path(root) / "notebooks" / language if root else None
        notebooks = sorted(folder.glob("[0-9][0-9]_*.ipynb")) if folder else []
        found[language] = [f"notebooks/{language}/{nb.name}" for nb in notebooks] or [f"notebooks/{language}"]
    return found


def lesson_links(hub_url, repo, root, branch="main"):
    """``[(language, path, link), ...]``: one nbgitpuller link per lesson and language."""
    return [(language, path, pull_link(hub_url, repo, path, branch))
            for language, paths in lesson_paths(root).items() for path in paths]
