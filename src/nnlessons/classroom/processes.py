"""Starting and stopping the servers the classroom (and the browser suite) runs.

A server is started in its own session (``start_new_session=True``), so one signal to
its process group stops it and its children. What it started in other sessions
(JupyterHub's proxy and single-user servers, their kernels) is found by a marker: a
temporary folder of ours on their command lines (the browser suite), or one exact
``NAME=value`` entry in their environment (the classroom: a teacher's editor may well
have the class folder on its command line, and must survive Ctrl-C).
"""

import os
import signal
import socket
import subprocess
import time
from pathlib import Path


def free_port():
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def tail(path, lines=40):
    """The last ``lines`` lines of a log file (for error messages)."""
    try:
        return "\n".join(Path(path).read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


def stop_process_group(process, marker=None, timeout=15):
    """Stop a server started with ``start_new_session=True``: SIGTERM to its process
    group, SIGKILL after ``timeout`` s; then kill leftover processes (kernels run in
    their own sessions) whose command line names ``marker``, a folder of ours."""
    if process.poll() is None:
        try:
            os.killpg(process.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            process.wait(5)
    if marker:
        kill(pids_mentioning(str(marker)))


def kill(pids, timeout=10):
    """SIGKILL every process in ``pids`` that still exists, and wait (at most
    ``timeout`` s) until none of them runs any more."""
    for pid in pids:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    deadline = time.monotonic() + timeout
    while any(_running(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.05)


def _running(pid):
    """True while ``pid`` exists and is not a zombie (dead, waiting to be reaped)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def pids_mentioning(text):
    """PIDs whose command line contains ``text`` (a unique folder path of ours)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if text in cmdline:
            found.append(int(entry.name))
    return found


def pids_with_environment(name, value):
    """PIDs whose environment holds exactly ``name=value`` (children inherit it)."""
    entry = f"{name}={value}".encode()
    found = []
    for path in Path("/proc").iterdir():
        if not path.name.isdigit() or int(path.name) == os.getpid():
            continue
        try:
            environment = (path / "environ").read_bytes().split(b"\0")
        except OSError:
            continue
        if entry in environment:
            found.append(int(path.name))
    return found
