"""configurable-http-proxy, the one npm package JupyterHub needs, installed from the
pinned ``proxy/package.json`` and ``proxy/package-lock.json`` shipped beside this file
(``npm ci``: exactly the locked versions), into a folder of the Python environment, or
of the user's cache when the environment is read-only. Nothing is installed globally.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

from ..i18n import register, tr

PINNED = Path(__file__).resolve().parent / "proxy"
LOCK_FILES = ("package.json", "package-lock.json")

register({
    "classroom.no_npm": {
        "en": "The classroom needs Node.js and npm to install configurable-http-proxy (JupyterHub's proxy), "
              "and `npm` is not on PATH. Install them (Debian/Ubuntu: sudo apt-get install nodejs npm), "
              "then run the command again.",
        "pt": "A sala de aula precisa do Node.js e do npm para instalar o configurable-http-proxy (o proxy "
              "do JupyterHub), e o `npm` não está no PATH. Instale-os (Debian/Ubuntu: sudo apt-get install "
              "nodejs npm) e rode o comando de novo.",
    },
    "classroom.npm_failed": {
        "en": "`npm ci` could not install configurable-http-proxy into {folder} (exit code {code}):\n{output}",
        "pt": "O `npm ci` não conseguiu instalar o configurable-http-proxy em {folder} (código de saída {code}):\n{output}",
    },
})


def default_folder():
    """``<environment>/share/nnlessons/classroom-proxy`` (a venv: removed with it), else
    ``~/.cache/nnlessons/classroom-proxy``."""
    share = Path(sys.prefix) / "share"
    if os.access(share if share.exists() else sys.prefix, os.W_OK):
        return share / "nnlessons" / "classroom-proxy"
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return cache / "nnlessons" / "classroom-proxy"


def ensure_proxy(folder=None, say=print):
    """Path of the ``configurable-http-proxy`` executable, installed into ``folder`` with
    ``npm ci`` when it is missing or its lock file differs from the pinned one."""
    folder = Path(folder) if folder else default_folder()
    executable = folder / "node_modules" / ".bin" / "configurable-http-proxy"
    if executable.exists() and all(_same(PINNED / name, folder / name) for name in LOCK_FILES):
        return executable
    npm = shutil.which("npm")
    if npm is None:
        raise RuntimeError(tr("classroom.no_npm"))
    folder.mkdir(parents=True, exist_ok=True)
    for name in LOCK_FILES:
        shutil.copyfile(PINNED / name, folder / name)
    say(f"npm ci --prefix {folder}  (configurable-http-proxy)")
    result = subprocess.run([npm, "ci", "--no-audit", "--no-fund", "--loglevel=error", "--prefix", str(folder)],
                            capture_output=True, text=True)
    if result.returncode != 0 or not executable.exists():
        raise RuntimeError(tr("classroom.npm_failed", folder=folder, code=result.returncode,
                              output=(result.stdout + result.stderr)[-2000:]))
    return executable


def _same(a, b):
    return b.exists() and a.read_bytes() == b.read_bytes()
