"""A class of students on one server: ``make classroom`` / ``python -m nnlessons classroom``.

Starts a real JupyterHub on this machine (the ``classroom`` extra: jupyterhub,
jupyterhub-idle-culler, nbgitpuller, NativeAuthenticator; configurable-http-proxy from
npm, installed by ``proxy.py``), prints the address, the teacher's login and one
nbgitpuller link per lesson and language, and stops everything on Ctrl-C.
See the README's teaching section for which login is for what, and what it isolates.
"""

import argparse
import os
import signal
from pathlib import Path

from ..i18n import register, set_language, tr
from .hub import AUTHENTICATORS, Classroom
from .links import PROJECT_REPO, lesson_links

__all__ = ["Classroom", "lesson_links", "main"]

register({
    "classroom.banner": {
        "en": "nnlessons classroom: JupyterHub on {url}\n"
              "  listening on {ip}{where}\n"
              "  class folder: {class_dir} (students' files in students/<name>/, log in hub/jupyterhub.log)",
        "pt": "nnlessons em sala de aula: JupyterHub em {url}\n"
              "  escutando em {ip}{where}\n"
              "  pasta da turma: {class_dir} (arquivos dos alunos em students/<nome>/, log em hub/jupyterhub.log)",
    },
    "classroom.local_only": {
        "en": " (this machine only; --ip 0.0.0.0 opens it to the class network)",
        "pt": " (só esta máquina; --ip 0.0.0.0 abre para a rede da sala)",
    },
    "classroom.teacher_login": {
        "en": "Teacher: log in as {teacher!r} with password {password}  (admin page: {url}/hub/admin)",
        "pt": "Professor: entre como {teacher!r} com a senha {password}  (página de administração: {url}/hub/admin)",
    },
    "classroom.students_shared": {
        "en": "Students: log in with any name and the password {password}  (a quick trial: anyone with "
              "the password can log in as anyone)",
        "pt": "Alunos: entram com qualquer nome e a senha {password}  (um teste rápido: quem tem a senha "
              "entra como qualquer um)",
    },
    "classroom.students_native": {
        "en": "Students: sign up at {url}/hub/signup; approve each one at {url}/hub/authorize",
        "pt": "Alunos: cadastram-se em {url}/hub/signup; aprove cada um em {url}/hub/authorize",
    },
    "classroom.rules": {
        "en": "Students' terminals: {terminals}. A server idle for {minutes} min is stopped.\n"
              "Every student runs as this machine's user {user!r}: students are not kept out of each "
              "other's files (README, teaching section).",
        "pt": "Terminais dos alunos: {terminals}. Um servidor parado por {minutes} min é desligado.\n"
              "Todo aluno roda como o usuário {user!r} desta máquina: um aluno pode abrir os arquivos "
              "de outro (README, seção de ensino).",
    },
    "classroom.on": {"en": "on", "pt": "ligados"},
    "classroom.off": {"en": "off (--terminals turns them on)", "pt": "desligados (--terminals liga)"},
    "classroom.links": {
        "en": "Lessons (nbgitpuller: the first click copies them into the student's folder, later clicks "
              "bring the teacher's changes and keep the student's edits), from {repo} ({branch}):",
        "pt": "Lições (nbgitpuller: o primeiro clique copia para a pasta do aluno, os seguintes trazem as "
              "mudanças do professor e mantêm as edições do aluno), de {repo} ({branch}):",
    },
    "classroom.stop": {
        "en": "Ctrl-C stops the hub, the proxy and every student's server.",
        "pt": "Ctrl-C desliga o hub, o proxy e o servidor de cada aluno.",
    },
    "classroom.stopping": {"en": "Stopping the classroom...", "pt": "Desligando a sala de aula..."},
})


def main(argv=None):
    """``python -m nnlessons classroom [options]``: run a classroom hub until Ctrl-C."""
    parser = argparse.ArgumentParser(prog="python -m nnlessons classroom",
                                     description="A JupyterHub for a class on this machine (nnlessons).")
    parser.add_argument("--class-dir", default="classroom",
                        help="folder for the hub's files and every student's home (default: ./classroom)")
    parser.add_argument("--auth", choices=AUTHENTICATORS, default="shared",
                        help="shared: one password for a quick trial; native: students sign up, "
                             "the teacher approves (a real class). Default: shared")
    parser.add_argument("--teacher", default="teacher", help="the teacher's (admin) user name")
    parser.add_argument("--password", help="the students' shared password (default: generated, kept in "
                                           "<class-dir>/hub/passwords.json)")
    parser.add_argument("--ip", default="127.0.0.1",
                        help="address to listen on (default 127.0.0.1; 0.0.0.0 for the class network)")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--terminals", action="store_true", help="let students open terminals")
    parser.add_argument("--idle-timeout", type=int, default=3600,
                        help="seconds after which an idle student's server stops (default 3600)")
    parser.add_argument("--repo", default=PROJECT_REPO, help=f"git repository of the lessons (default {PROJECT_REPO})")
    parser.add_argument("--branch", default="main")
    parser.add_argument("--proxy-dir", help="where npm installs configurable-http-proxy")
    parser.add_argument("--language", choices=("pt", "en"), default=_locale_language())
    args = parser.parse_args(argv)
    set_language(args.language)

    try:
        classroom = Classroom(args.class_dir, auth=args.auth, teacher=args.teacher, password=args.password,
                              ip=args.ip, port=args.port, terminals=args.terminals,
                              idle_timeout=args.idle_timeout, repo=args.repo, branch=args.branch,
                              proxy_dir=args.proxy_dir)
        classroom.start()
    except (ValueError, RuntimeError) as error:
        parser.exit(2, f"{error}\n")
    # `kill` or a closed terminal stops the class as Ctrl-C does (the hub and the
    # students' servers run in their own sessions: nothing else would stop them).
    for name in ("SIGTERM", "SIGHUP"):
        signal.signal(getattr(signal, name), _interrupt)
    try:
        print(banner(classroom), flush=True)
        classroom.wait()
    except KeyboardInterrupt:
        print(tr("classroom.stopping"), flush=True)
    finally:
        classroom.stop()


def banner(classroom):
    """What the teacher needs: address, logins, rules and the lesson links."""
    url = classroom.url
    local = classroom.ip in ("127.0.0.1", "::1")
    lines = [
        tr("classroom.banner", url=url, ip=classroom.ip, class_dir=classroom.class_dir,
           where=tr("classroom.local_only") if local else ""),
        "",
        tr("classroom.teacher_login", teacher=classroom.teacher, password=classroom.passwords["teacher"], url=url),
        tr("classroom.students_shared", password=classroom.passwords["students"]) if classroom.auth == "shared"
        else tr("classroom.students_native", url=url),
        tr("classroom.rules", terminals=tr("classroom.on" if classroom.terminals else "classroom.off"),
           minutes=classroom.idle_timeout // 60, user=_os_user()),
        "",
        tr("classroom.links", repo=classroom.repo, branch=classroom.branch),
    ]
    for language, path, link in lesson_links(url, classroom.repo, _lessons_root(), classroom.branch):
        lines.append(f"  [{language}] {Path(path).stem}: {link}")
    lines += ["", tr("classroom.stop")]
    return "\n".join(lines)


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def _locale_language():
    return "pt" if os.environ.get("LANG", "").startswith("pt") else "en"


def _os_user():
    import pwd

    return pwd.getpwuid(os.geteuid()).pw_name


def _lessons_root():
    """The checkout whose ``notebooks/`` name the lessons: from the current folder
    upwards, then from this file upwards; None for an installed package without one."""
    for base in (Path.cwd().resolve(), Path(__file__).resolve().parent):
        for folder in (base, *base.parents):
            if (folder / "notebooks" / "en").is_dir():
                return folder
    return None
