"""The classroom hub (``nnlessons.classroom``): its configuration, its teaching errors,
nbgitpuller's merge rules, and one real JupyterHub with three students doing the
nbgitpuller round trip (a student's edit survives the teacher's update).

The hub test drives the hub over HTTP as a browser would: log in with the form, click
the nbgitpuller link (redirects, spawn, OAuth), then call the pull API the link's page
calls from its script; saving a notebook is the contents-API PUT JupyterLab makes.
"""

import json
import shutil
import subprocess
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlparse

import pytest

pytest.importorskip("jupyterhub", reason="the classroom extra is not installed: pip install -e '.[classroom]'")
pytest.importorskip("nbgitpuller")
requests = pytest.importorskip("requests")

from traitlets.config import Config  # noqa: E402

from nnlessons import i18n  # noqa: E402
from nnlessons.classroom import Classroom, hub, links  # noqa: E402
from nnlessons.classroom.processes import free_port, pids_with_environment  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
GIT = ["git", "-c", "user.name=teacher", "-c", "user.email=teacher@nnlessons", "-c", "init.defaultBranch=main"]


# ---- configuration ----------------------------------------------------------------------

def configured(tmp_path, **options):
    classroom = Classroom(tmp_path / "class", **options)
    c = Config()
    hub.configure(c, classroom.settings("/opt/chp/configurable-http-proxy"))
    return classroom, c


def test_defaults_bind_localhost_terminals_off_culling_on(tmp_path):
    classroom, c = configured(tmp_path)
    assert c.JupyterHub.bind_url == "http://127.0.0.1:8000"
    assert c.JupyterHub.hub_ip == "127.0.0.1"
    assert "--ServerApp.terminals_enabled=False" in c.Spawner.args
    assert c.JupyterHub.services[0]["command"][1:] == ["-m", "jupyterhub_idle_culler", "--timeout=3600"]
    assert set(c.JupyterHub.load_roles[0]["scopes"]) >= {"list:users", "delete:servers"}
    assert c.SimpleLocalProcessSpawner.home_dir_template == str(tmp_path / "class" / "students" / "{username}")
    assert c.Spawner.default_url == "/lab"
    assert c.ConfigurableHTTPProxy.command == ["/opt/chp/configurable-http-proxy"]


def test_teacher_choices_reach_the_config(tmp_path):
    _, c = configured(tmp_path, ip="0.0.0.0", port=9000, terminals=True, idle_timeout=600, auth="native")
    assert c.JupyterHub.bind_url == "http://0.0.0.0:9000"
    assert "--ServerApp.terminals_enabled=True" in c.Spawner.args
    assert "--timeout=600" in c.JupyterHub.services[0]["command"]
    assert c.JupyterHub.authenticator_class == "native"
    assert c.NativeAuthenticator.open_signup is False


def test_shared_password_trial(tmp_path):
    classroom, c = configured(tmp_path, password="board-password", teacher="ana")
    assert c.JupyterHub.authenticator_class == "shared-password"
    assert c.SharedPasswordAuthenticator.user_password == "board-password"
    assert len(c.SharedPasswordAuthenticator.admin_password) >= hub.ADMIN_PASSWORD
    assert c.Authenticator.admin_users == {"ana"}
    # the passwords are kept, readable by this user only, and the same at the next start
    saved = tmp_path / "class" / "hub" / "passwords.json"
    assert saved.stat().st_mode & 0o077 == 0
    assert Classroom(tmp_path / "class").passwords == classroom.passwords


@pytest.mark.parametrize("option, value, match", [
    ("auth", "ldap", r"auth='ldap'.*expected 'shared'.*or 'native'"),
    ("ip", "localhost:80", r"ip='localhost:80'.*expected an IP address.*127\.0\.0\.1"),
    ("port", 70000, r"port=70000.*from 1 to 65535"),
    ("teacher", "Prof Ana", r"teacher='Prof Ana'.*lower-case letters"),
    ("password", "1234", r"has 4 characters.*at least 8"),
    ("idle_timeout", 0, r"idle_timeout=0.*above 0"),
])
def test_bad_options_teach(tmp_path, option, value, match):
    with pytest.raises(ValueError, match=match):
        Classroom(tmp_path / "class", **{option: value})


def test_bad_options_teach_in_portuguese(tmp_path):
    i18n.set_language("pt")
    try:
        with pytest.raises(ValueError, match=r"port=0.*esperava uma porta TCP de 1 a 65535"):
            Classroom(tmp_path / "class", port=0)
    finally:
        i18n.set_language("en")


# ---- links ----------------------------------------------------------------------------------

def test_pull_link_has_nbgitpullers_format():
    link = links.pull_link("http://hub:8000/", "https://github.com/someone/nnlessons", "notebooks/pt/01_neuron.ipynb")
    url = urlparse(link)
    assert url.path == "/hub/user-redirect/git-pull"
    assert parse_qs(url.query) == {"repo": ["https://github.com/someone/nnlessons"], "branch": ["main"],
                                   "urlpath": ["lab/tree/nnlessons/notebooks/pt/01_neuron.ipynb"]}


def test_one_link_per_lesson_and_language():
    found = links.lesson_links("http://hub", links.PROJECT_REPO, ROOT)
    lessons = sorted(p.stem for p in (ROOT / "notebooks" / "lessons").glob("[0-9][0-9]_*.md"))
    for language in ("pt", "en"):
        assert [Path(path).stem for lang, path, _ in found if lang == language] == lessons
    assert links.lesson_paths(None) == {"pt": ["notebooks/pt"], "en": ["notebooks/en"]}


# ---- nbgitpuller's merge rules -----------------------------------------------------------------

def git(*args, cwd):
    return subprocess.run([*GIT, *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


def teacher_repo(folder, lessons):
    """A git repository like the project's: notebooks/en/<lesson>.ipynb, one commit."""
    for lesson in lessons:
        target = folder / "notebooks" / "en" / lesson
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ROOT / "notebooks" / "en" / lesson, target)
    git("init", "-q", cwd=folder)
    git("add", ".", cwd=folder)
    git("commit", "-q", "-m", "lessons", cwd=folder)
    return f"file://{folder}"


def edit_cell(path, kind, text):
    """Append ``text`` to the first cell of ``kind`` of a notebook file; its index."""
    nb = json.loads(path.read_text())
    index = next(i for i, cell in enumerate(nb["cells"]) if cell["cell_type"] == kind)
    nb["cells"][index]["source"] = "".join(nb["cells"][index]["source"]) + text
    path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n")
    return index


def cell_source(path, index):
    return "".join(json.loads(path.read_text())["cells"][index]["source"])


def pull(repo, folder):
    from nbgitpuller import GitPuller

    for _ in GitPuller(repo, str(folder), branch="main").pull():
        pass


def test_nbgitpuller_same_cell_keeps_the_students_version(tmp_path):
    """Student and teacher both change the same cell: the student's text stays (git merge
    -Xours); the teacher's change to another cell of the same lesson still arrives."""
    repo = teacher_repo(tmp_path / "teacher", ["01_neuron.ipynb"])
    student = tmp_path / "student" / "nnlessons"
    pull(repo, student)
    lesson = "notebooks/en/01_neuron.ipynb"
    index = edit_cell(student / lesson, "code", "\n# student's note")
    teacher_lesson = tmp_path / "teacher" / lesson
    assert edit_cell(teacher_lesson, "code", "\n# teacher's fix") == index
    nb = json.loads(teacher_lesson.read_text())
    last = max(i for i, cell in enumerate(nb["cells"]) if cell["cell_type"] == "markdown")
    nb["cells"][last]["source"] = "".join(nb["cells"][last]["source"]) + "\n\nA new closing remark."
    teacher_lesson.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n")
    git("commit", "-q", "-am", "teacher edits", cwd=tmp_path / "teacher")

    pull(repo, student)

    assert cell_source(student / lesson, index).endswith("# student's note")
    assert "# teacher's fix" not in cell_source(student / lesson, index)
    assert cell_source(student / lesson, last).endswith("A new closing remark.")
    json.loads((student / lesson).read_text())  # still a valid notebook


# ---- a real hub, three students -----------------------------------------------------------

class Student:
    """One student's browser session on the hub: cookies, login form, link clicks."""

    def __init__(self, hub_url, name, password):
        self.hub_url, self.name, self.password = hub_url, name, password
        self.http = requests.Session()

    def log_in(self):
        self.http.get(f"{self.hub_url}/hub/login", timeout=30)
        response = self.http.post(f"{self.hub_url}/hub/login", timeout=60, data={
            "username": self.name, "password": self.password, "_xsrf": self.http.cookies.get("_xsrf", path="/hub/")})
        assert response.ok and "/hub/login" not in response.url, f"{self.name} could not log in: {response.url}"

    def sign_up(self):
        """NativeAuthenticator's sign-up form."""
        self.http.get(f"{self.hub_url}/hub/signup", timeout=30)
        response = self.http.post(f"{self.hub_url}/hub/signup", timeout=60, data={
            "username": self.name, "signup_password": self.password,
            "signup_password_confirmation": self.password, "_xsrf": self.http.cookies.get("_xsrf", path="/hub/")})
        assert response.ok, f"{self.name} could not sign up: {response.status_code}"

    def click(self, link, timeout=240):
        """Follow the link (spawning the server if needed) to nbgitpuller's page, then
        run the pull that page's script starts; the pull's output lines."""
        deadline = time.monotonic() + timeout
        while True:
            page = self.http.get(link, timeout=120)
            if urlparse(page.url).path == f"/user/{self.name}/git-pull":
                break
            assert time.monotonic() < deadline, f"{self.name}: the link ended on {page.url} ({page.status_code})"
            time.sleep(1)  # the hub's "server starting" page: ask again
        query = parse_qs(urlparse(page.url).query)
        api = f"{self.hub_url}/user/{self.name}/git-pull/api?" + urlencode(
            {"repo": query["repo"][0], "branch": query["branch"][0]})
        lines = []
        with self.http.get(api, stream=True, timeout=120) as events:
            for line in events.iter_lines(decode_unicode=True):
                if line and line.startswith("data:"):
                    event = json.loads(line[5:])
                    lines.append(event.get("output", ""))
                    assert event.get("phase") != "error", f"{self.name}: nbgitpuller failed: {event}"
                    if event.get("phase") == "finished":
                        return lines
        raise AssertionError(f"{self.name}: the pull stopped without finishing:\n{''.join(lines)}")

    def api(self, path):
        return f"{self.hub_url}/user/{self.name}/api/{path}"

    def open(self, path):
        response = self.http.get(self.api(f"contents/{path}"), params={"content": 1}, timeout=60)
        response.raise_for_status()
        return response.json()["content"]

    def save(self, path, notebook):
        response = self.http.put(self.api(f"contents/{path}"), timeout=60, json={
            "type": "notebook", "format": "json", "content": notebook},
            headers={"X-XSRFToken": self.http.cookies.get("_xsrf", path=f"/user/{self.name}/")})
        response.raise_for_status()


@pytest.fixture
def class_folder():
    with tempfile.TemporaryDirectory(prefix="nnlessons-class-") as tmp:
        yield Path(tmp)


def test_three_students_nbgitpuller_round_trip(class_folder):
    if not shutil.which("npm"):
        pytest.skip("npm is not installed: the classroom needs it for configurable-http-proxy")
    teacher = class_folder / "lessons"
    repo = teacher_repo(teacher, ["00_introduction.ipynb", "01_neuron.ipynb"])
    lesson, other = "notebooks/en/01_neuron.ipynb", "notebooks/en/00_introduction.ipynb"
    classroom = Classroom(class_folder / "class", port=free_port(), repo=repo, password="three-students")
    try:
        classroom.start()
        link = links.pull_link(classroom.url, repo, lesson)
        folder = links.clone_folder(repo)
        students = [Student(classroom.url, f"student{n}", "three-students") for n in (1, 2, 3)]
        with ThreadPoolExecutor(len(students)) as pool:  # the class clicks the link at once
            list(pool.map(lambda student: (student.log_in(), student.click(link)), students))
        for student in students:
            assert (classroom.students_dir / student.name / folder / lesson).is_file()
            # terminals are off for students
            assert student.http.get(student.api("terminals"), timeout=30).status_code == 404

        # each student edits and saves a cell of lesson 01, as JupyterLab's save does
        edited = {}
        for student in students:
            notebook = student.open(f"{folder}/{lesson}")
            index = next(i for i, cell in enumerate(notebook["cells"]) if cell["cell_type"] == "code")
            notebook["cells"][index]["source"] += f"\n# {student.name} was here"
            edited[student.name] = index, notebook["cells"][index]["source"]
            student.save(f"{folder}/{lesson}", notebook)

        # the teacher commits a change to another lesson
        edit_cell(teacher / other, "markdown", "\n\nNew this week: a reading list.")
        git("commit", "-q", "-am", "lesson 00: reading list", cwd=teacher)

        for student in students:
            student.click(link)
            index, source = edited[student.name]
            assert student.open(f"{folder}/{lesson}")["cells"][index]["source"] == source
            intro = student.open(f"{folder}/{other}")
            assert any("New this week: a reading list." in cell["source"] for cell in intro["cells"])
    finally:
        classroom.stop()
    assert pids_with_environment(hub.MARKER, str(classroom.class_dir)) == [], "a classroom process survived stop()"


def test_native_sign_up_waits_for_the_teachers_approval(class_folder):
    if not shutil.which("npm"):
        pytest.skip("npm is not installed: the classroom needs it for configurable-http-proxy")
    classroom = Classroom(class_folder / "class", port=free_port(), auth="native")
    try:
        classroom.start()
        teacher = Student(classroom.url, "teacher", classroom.passwords["teacher"])
        teacher.log_in()  # signed up by start(), before anyone else could take the name
        maria = Student(classroom.url, "maria", "a-long-pass-phrase")
        maria.sign_up()
        with pytest.raises(AssertionError, match="maria could not log in"):
            maria.log_in()
        assert teacher.http.get(f"{classroom.url}/hub/authorize/maria", timeout=30).ok
        maria.log_in()
        # a student cannot approve anyone
        assert maria.http.get(f"{classroom.url}/hub/authorize/maria", timeout=30).status_code == 403
    finally:
        classroom.stop()
    assert pids_with_environment(hub.MARKER, str(classroom.class_dir)) == [], "a classroom process survived stop()"
