"""One JupyterHub for a class on this machine: its configuration and its processes.

The class folder holds everything the hub writes::

    <class>/hub/        jupyterhub_config.py, settings.json, passwords.json, the
                        database, the cookie secret, jupyterhub.log
    <class>/students/   one home folder per student (their lessons, their edits)

``configure(c, settings)`` fills JupyterHub's config object; the generated
``jupyterhub_config.py`` only loads ``settings.json`` and calls it, so the whole
configuration is this module, tested in ``tests/test_classroom.py``.
"""

import ipaddress
import json
import os
import re
import secrets
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from ..i18n import register, tr
from .links import PROJECT_REPO
from .processes import free_port, kill, pids_with_environment, stop_process_group, tail
from .proxy import ensure_proxy

AUTHENTICATORS = ("shared", "native")
#: Every process of a class carries NNLESSONS_CLASSROOM=<class folder> in its
#: environment: stop() finds leftovers by it and by nothing broader.
MARKER = "NNLESSONS_CLASSROOM"
#: One BLAS/OpenMP thread per kernel: thirty students on a few cores share them better.
THREADS = {name: "1" for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")}
USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{0,31}$")
MIN_PASSWORD = 8        # JupyterHub's SharedPasswordAuthenticator.user_password minimum
ADMIN_PASSWORD = 32     # ... and its admin_password minimum

register({
    "classroom.bad_auth": {
        "en": "Classroom(auth={got!r}): expected 'shared' (one password the teacher writes on the board: "
              "a quick trial) or 'native' (students sign up, the teacher approves each one: a real class).",
        "pt": "Classroom(auth={got!r}): esperava 'shared' (uma senha que o professor escreve no quadro: "
              "um teste rápido) ou 'native' (os alunos se cadastram e o professor aprova cada um: uma turma de verdade).",
    },
    "classroom.bad_ip": {
        "en": "Classroom(ip={got!r}): expected an IP address to listen on, such as 127.0.0.1 (this machine "
              "only, the default) or 0.0.0.0 (every network the machine is on).",
        "pt": "Classroom(ip={got!r}): esperava um endereço IP onde escutar, como 127.0.0.1 (só esta máquina, "
              "o padrão) ou 0.0.0.0 (todas as redes da máquina).",
    },
    "classroom.bad_port": {
        "en": "Classroom(port={got!r}): expected a TCP port from 1 to 65535, such as 8000.",
        "pt": "Classroom(port={got!r}): esperava uma porta TCP de 1 a 65535, como 8000.",
    },
    "classroom.bad_teacher": {
        "en": "Classroom(teacher={got!r}): expected a user name of lower-case letters, digits, '.', '_' or '-' "
              "(at most 32 characters), such as 'teacher'.",
        "pt": "Classroom(teacher={got!r}): esperava um nome de usuário com letras minúsculas, dígitos, '.', '_' "
              "ou '-' (no máximo 32 caracteres), como 'teacher'.",
    },
    "classroom.short_password": {
        "en": "Classroom(password=...): the students' password has {got} characters; JupyterHub asks for "
              "at least {minimum}. Choose a longer one, or leave it out and one is generated.",
        "pt": "Classroom(password=...): a senha dos alunos tem {got} caracteres; o JupyterHub pede pelo menos "
              "{minimum}. Escolha uma mais longa, ou omita-a e uma será gerada.",
    },
    "classroom.bad_idle": {
        "en": "Classroom(idle_timeout={got!r}): expected the seconds after which an idle student's server "
              "stops, a whole number above 0, such as 3600 (one hour).",
        "pt": "Classroom(idle_timeout={got!r}): esperava os segundos depois dos quais o servidor de um aluno "
              "parado é desligado, um número inteiro maior que 0, como 3600 (uma hora).",
    },
    "classroom.hub_died": {
        "en": "JupyterHub stopped with exit code {code}. The end of its log ({log}):\n{tail}",
        "pt": "O JupyterHub parou com código de saída {code}. O fim do log ({log}):\n{tail}",
    },
    "classroom.hub_slow": {
        "en": "JupyterHub did not answer on {url} within {seconds} s. The end of its log ({log}):\n{tail}",
        "pt": "O JupyterHub não respondeu em {url} em {seconds} s. O fim do log ({log}):\n{tail}",
    },
})


class Classroom:
    """A JupyterHub for one class, started by ``start()`` and stopped, with everything
    it started (proxy, idle culler, students' servers and kernels), by ``stop()``
    (also a context manager). ``python -m nnlessons classroom`` runs one.

    - ``auth="shared"``: every student logs in with any name and one password (a trial);
      ``auth="native"``: students sign up, the teacher approves them (a real class).
    - The hub listens on ``ip`` (default 127.0.0.1: this machine only) and ``port``.
    - Students' terminals are off unless ``terminals=True``; a server idle for
      ``idle_timeout`` seconds is stopped by jupyterhub-idle-culler.
    - Every student runs as this machine's user that started the hub (JupyterHub's
      SimpleLocalProcessSpawner): students are NOT kept out of each other's files.
    """

    def __init__(self, class_dir, *, auth="shared", teacher="teacher", password=None, ip="127.0.0.1",
                 port=8000, terminals=False, idle_timeout=3600, repo=PROJECT_REPO, branch="main",
                 proxy_dir=None):
        if auth not in AUTHENTICATORS:
            raise ValueError(tr("classroom.bad_auth", got=auth))
        try:
            ipaddress.ip_address(ip)
        except ValueError:
            raise ValueError(tr("classroom.bad_ip", got=ip)) from None
        if isinstance(port, bool) or not isinstance(port, int) or not 1 <= port <= 65535:
            raise ValueError(tr("classroom.bad_port", got=port))
        if not isinstance(teacher, str) or not USERNAME.match(teacher):
            raise ValueError(tr("classroom.bad_teacher", got=teacher))
        if password is not None and len(password) < MIN_PASSWORD:
            raise ValueError(tr("classroom.short_password", got=len(password), minimum=MIN_PASSWORD))
        if isinstance(idle_timeout, bool) or not isinstance(idle_timeout, int) or idle_timeout <= 0:
            raise ValueError(tr("classroom.bad_idle", got=idle_timeout))
        self.class_dir = Path(class_dir).resolve()
        self.hub_dir = self.class_dir / "hub"
        self.students_dir = self.class_dir / "students"
        self.auth, self.teacher, self.ip, self.port = auth, teacher, ip, port
        self.terminals, self.idle_timeout = terminals, idle_timeout
        self.repo, self.branch, self.proxy_dir = repo, branch, proxy_dir
        self.passwords = self._passwords(password)
        self.process = None
        self.log_path = self.hub_dir / "jupyterhub.log"

    @property
    def url(self):
        """The address students open (127.0.0.1 when the hub listens everywhere)."""
        host = "127.0.0.1" if ipaddress.ip_address(self.ip).is_unspecified else self.ip
        return f"http://{host}:{self.port}"

    def _passwords(self, password):
        """The students' and the teacher's passwords, kept in ``hub/passwords.json``
        (readable by this user only), so they stay the same from one start to the next."""
        path = self.hub_dir / "passwords.json"
        self.hub_dir.mkdir(parents=True, exist_ok=True)
        saved = json.loads(path.read_text()) if path.exists() else {}
        passwords = {"students": password or saved.get("students") or secrets.token_urlsafe(9),
                     "teacher": saved.get("teacher") or secrets.token_urlsafe(24)}
        if passwords != saved:
            path.touch(mode=0o600)
            path.write_text(json.dumps(passwords, indent=1))
        return passwords

    def settings(self, proxy_command):
        """Everything ``configure`` needs, as JSON-ready values."""
        return {
            "class_dir": str(self.class_dir), "auth": self.auth, "teacher": self.teacher,
            "passwords": self.passwords, "ip": self.ip, "port": self.port, "hub_port": free_port(),
            "proxy_api_port": free_port(), "proxy_command": [str(proxy_command)],
            "terminals": self.terminals, "idle_timeout": self.idle_timeout, "python": sys.executable,
        }

    def start(self, timeout=120, say=print):
        """Install the proxy if needed, write the configuration, start JupyterHub and
        wait until it answers; in ``native`` mode, sign the teacher up first."""
        proxy = ensure_proxy(self.proxy_dir, say=say)
        self.students_dir.mkdir(parents=True, exist_ok=True)
        settings_path = self.hub_dir / "settings.json"
        settings_path.touch(mode=0o600)
        settings_path.write_text(json.dumps(self.settings(proxy), indent=1))
        config = self.hub_dir / "jupyterhub_config.py"
        config.write_text("# Written by nnlessons.classroom: the settings are in settings.json.\n"
                          "import json\nfrom nnlessons.classroom.hub import configure\n\n"
                          f"configure(c, json.loads(open({str(settings_path)!r}).read()))\n")
        env = dict(os.environ, **THREADS, **{MARKER: str(self.class_dir)})
        self.log = open(self.log_path, "ab")
        self.process = subprocess.Popen([sys.executable, "-m", "jupyterhub", "-f", str(config)],
                                        cwd=self.hub_dir, env=env, stdout=self.log, stderr=subprocess.STDOUT,
                                        stdin=subprocess.DEVNULL, start_new_session=True)
        try:
            self._wait_until_up(timeout)
            if self.auth == "native":
                self._sign_up_teacher()
        except BaseException:
            self.stop()
            raise
        return self

    def _wait_until_up(self, timeout):
        deadline = time.monotonic() + timeout
        url = f"{self.url}/hub/api/"
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(tr("classroom.hub_died", code=self.process.returncode, log=self.log_path,
                                      tail=tail(self.log_path)))
            try:
                with urllib.request.urlopen(url, timeout=5) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.3)
        raise RuntimeError(tr("classroom.hub_slow", url=url, seconds=timeout, log=self.log_path,
                              tail=tail(self.log_path)))

    def _sign_up_teacher(self):
        """NativeAuthenticator: the teacher's account is made before anyone else can
        sign up (an admin name is approved on sign-up: a student must not take it)."""
        import requests

        session = requests.Session()
        session.get(f"{self.url}/hub/signup", timeout=30)
        password = self.passwords["teacher"]
        session.post(f"{self.url}/hub/signup", timeout=30, data={
            "username": self.teacher, "signup_password": password,
            "signup_password_confirmation": password, "_xsrf": session.cookies.get("_xsrf", "")})

    def wait(self):
        """Block until the hub exits (Ctrl-C raises KeyboardInterrupt here)."""
        return self.process.wait()

    def stop(self):
        """Stop the hub (it stops the proxy and the students' servers), then anything
        of this class still running."""
        if self.process is not None:
            stop_process_group(self.process, timeout=30)
            self.log.close()
        kill(pids_with_environment(MARKER, str(self.class_dir)))

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


def configure(c, settings):
    """Fill JupyterHub's config ``c`` for a class (``settings``: ``Classroom.settings``)."""
    hub_dir = Path(settings["class_dir"]) / "hub"
    students_dir = Path(settings["class_dir"]) / "students"
    python = settings["python"]

    c.JupyterHub.bind_url = f"http://{settings['ip']}:{settings['port']}"
    c.JupyterHub.hub_ip = "127.0.0.1"
    c.JupyterHub.hub_port = settings["hub_port"]
    c.JupyterHub.db_url = f"sqlite:///{hub_dir / 'jupyterhub.sqlite'}"
    c.JupyterHub.cookie_secret_file = str(hub_dir / "jupyterhub_cookie_secret")
    c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{settings['proxy_api_port']}"
    c.ConfigurableHTTPProxy.command = settings["proxy_command"]
    c.ConfigurableHTTPProxy.pid_file = str(hub_dir / "proxy.pid")

    c.Authenticator.admin_users = {settings["teacher"]}
    # "shared": anyone with the password gets in; "native": the authenticator itself
    # refuses a student the teacher has not approved yet.
    c.Authenticator.allow_all = True
    if settings["auth"] == "shared":
        c.JupyterHub.authenticator_class = "shared-password"
        c.SharedPasswordAuthenticator.user_password = settings["passwords"]["students"]
        c.SharedPasswordAuthenticator.admin_password = settings["passwords"]["teacher"]
    else:
        c.JupyterHub.authenticator_class = "native"
        c.NativeAuthenticator.open_signup = False
        c.NativeAuthenticator.check_common_password = True
        c.NativeAuthenticator.minimum_password_length = MIN_PASSWORD
        c.JupyterHub.template_paths = [_native_templates()]

    c.JupyterHub.spawner_class = "simple"
    c.SimpleLocalProcessSpawner.home_dir_template = str(students_dir / "{username}")
    c.Spawner.notebook_dir = str(students_dir / "{username}")
    c.Spawner.cmd = [python, "-m", "jupyterhub.singleuser"]
    c.Spawner.default_url = "/lab"
    c.Spawner.args = [f"--ServerApp.terminals_enabled={bool(settings['terminals'])}"]
    if os.geteuid() == 0:
        c.Spawner.args.append("--ServerApp.allow_root=True")
    c.Spawner.environment = {**THREADS, MARKER: settings["class_dir"]}
    c.Spawner.env_keep = ["PATH", "PYTHONPATH", "VIRTUAL_ENV", "LANG", "LC_ALL",
                          "OPENBLAS_CORETYPE", "NPY_DISABLE_CPU_FEATURES"]
    # Thirty servers starting at once on a few cores take longer than the defaults.
    c.Spawner.start_timeout = 180
    c.Spawner.http_timeout = 180

    c.JupyterHub.services = [{
        "name": "idle-culler",
        "command": [python, "-m", "jupyterhub_idle_culler", f"--timeout={settings['idle_timeout']}"],
        "environment": {MARKER: settings["class_dir"]},
    }]
    c.JupyterHub.load_roles = [{
        "name": "idle-culler",
        "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
        "services": ["idle-culler"],
    }]


def _native_templates():
    import nativeauthenticator

    return str(Path(nativeauthenticator.__file__).parent / "templates")
