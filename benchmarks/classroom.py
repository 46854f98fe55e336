"""`make bench-classroom`: how many students one machine holds.

For each class size N: a real classroom hub (nnlessons.classroom), N simulated students
in headless Chromium (one browser context and one hub user each, alternating pt/en).
Each student logs in with the form, clicks the nbgitpuller links (the lessons come from
a local git copy of this repository's built notebooks, as they would from GitHub), runs
all cells of each lesson, and on the last lesson (01) moves a slider of the explorer
again and again for a fixed time, all students at once: one key press, wait for the new
picture, look at it for a while (``--think`` seconds on average, drawn uniformly between
half and one and a half times that, so the class does not move in lockstep), again.
``--think 0`` is the stress case: every student presses again the moment the picture
arrives. Reported per N:

- slider→picture latency p50 / p95 (key press to new picture, in the page);
- CPU-seconds the server side (hub, proxy, every student's server and kernels) spent
  per slider frame during the slider phase;
- memory per student: PSS of that student's server and kernels, mean and max;
- errors (a failed login, link, cell or move) and "run all" time per lesson.

Writes build/classroom-capacity.md. The browsers run on the same machine as the hub, where
in a real class they run on the students' own computers; by default they run at the lowest
CPU priority (Linux SCHED_IDLE, ``--browsers idle``) so that the server gets the cores
first, as on a server of its own. Their work still counts in the latency (a starved page
paints late), so the figures stay pessimistic; ``--browsers normal`` runs them like any
process. The report says how the browsers ran, and when and under what load.

    python benchmarks/classroom.py --students 1 5 10 20 30 --seconds 60 --lessons 07 01
"""

import argparse
import asyncio
import json
import os
import platform
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "browser"))

import browser_helpers as bh  # noqa: E402

from nnlessons.classroom import Classroom, hub, links  # noqa: E402
from nnlessons.classroom.processes import free_port, pids_with_environment  # noqa: E402

REPORT = ROOT / "build" / "classroom-capacity.md"
PASSWORD = "bench-classroom"
TARGET_STUDENTS, TARGET_P95_MS = 20, 500
#: JupyterLab settings every simulated student starts with (as the browser suite's):
#: all cells stay in the page, no autosave, no news pop-up.
LAB_SETTINGS = {
    "@jupyterlab/notebook-extension/tracker": {"windowingMode": "none"},
    "@jupyterlab/docmanager-extension/plugin": {"autosave": False},
    "@jupyterlab/apputils-extension/notification": {"fetchNews": "false", "checkForUpdates": False},
}


def lessons_repo(folder, lessons):
    """A git repository holding notebooks/{pt,en}/<lesson>.ipynb: the teacher's GitHub."""
    for language in bh.LANGUAGES:
        for lesson in lessons:
            source = min((ROOT / "notebooks" / language).glob(f"{lesson}_*.ipynb"))   # "00": 00_introduction
            target = folder / "notebooks" / language / source.name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
    git = ["git", "-c", "user.name=teacher", "-c", "user.email=teacher@nnlessons", "-c", "init.defaultBranch=main"]
    for args in (["init", "-q"], ["add", "."], ["commit", "-q", "-m", "lessons"]):
        subprocess.run([*git, *args], cwd=folder, check=True)
    return f"file://{folder}"


def prepare_home(home):
    """What a student would set up once: JupyterLab settings, and `window.jupyterapp`
    exposed so the bench can run all cells and wait for the kernel."""
    settings = home / ".jupyter" / "lab" / "user-settings"
    for plugin, values in LAB_SETTINGS.items():
        path = settings / f"{plugin}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values))
    (home / ".jupyter" / "jupyter_server_config.json").write_text(
        json.dumps({"LabApp": {"expose_app_in_browser": True}}))


# ---- measuring the server side ------------------------------------------------------

def cpu_seconds(pids):
    """User + system CPU seconds of ``pids`` so far (processes that ended are skipped)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
        except (OSError, IndexError):
            pass
    return total / ticks


def machine_busy_seconds():
    """CPU-seconds every core of the machine has spent busy so far (/proc/stat)."""
    fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = fields[3] + fields[4]  # idle + iowait
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def pss_mib(pid):
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def memory_per_student(classroom, names):
    """{student: MiB}: PSS of every process whose HOME is that student's folder."""
    found = {name: 0.0 for name in names}
    for pid in pids_with_environment(hub.MARKER, str(classroom.class_dir)):
        try:
            environment = Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")
        except OSError:
            continue
        for name in names:
            if f"HOME={classroom.students_dir / name}".encode() in environment:
                found[name] += pss_mib(pid)
    return found


# ---- one simulated student --------------------------------------------------------------

class Result:
    def __init__(self, name, language):
        self.name, self.language = name, language
        self.latencies, self.errors, self.run_seconds = [], [], {}


async def student(browser, classroom, repo, name, language, lessons, ready, start, seconds, think, shots):
    result = Result(name, language)
    context = await browser.new_context(viewport={"width": 1280, "height": 1000})
    context.set_default_timeout(bh.RUN_TIMEOUT * 1000)
    page = await context.new_page()
    try:
        await page.goto(f"{classroom.url}/hub/login")
        await page.fill("input[name=username]", name)
        await page.fill("input[name=password]", PASSWORD)
        await page.click("input[type=submit], button[type=submit]")
        await page.wait_for_url("**/hub/**")
        for lesson in lessons:
            path = next(p for p in links.lesson_paths(ROOT)[language] if Path(p).name.startswith(lesson))
            await page.goto(links.pull_link(classroom.url, repo, path))
            await page.wait_for_function(
                "(path) => { const w = window.jupyterapp && window.jupyterapp.shell.currentWidget;"
                " const k = w && w.sessionContext && w.sessionContext.session && w.sessionContext.session.kernel;"
                " return !!k && k.status === 'idle' && w.context.path.endsWith(path); }",
                arg=path, timeout=bh.RUN_TIMEOUT * 1000)
            await page.evaluate(bh.PAGE_TOOLS)
            await page.evaluate(bh.RESET_PAGE_TOOLS)
            began = time.monotonic()
            await page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
            await page.wait_for_function(
                f"() => {bh.KERNEL}.status === 'idle' && ![...document.querySelectorAll("
                "'.jp-NotebookPanel:not(.lm-mod-hidden) .jp-InputPrompt')].some(p => p.textContent.includes('*'))",
                timeout=bh.RUN_TIMEOUT * 1000)
            result.run_seconds[lesson] = time.monotonic() - began
            result.errors += [f"{lesson} cell {e['cell']}: {bh.strip_ansi(e['text'])[-300:]}"
                              for e in await page.evaluate(bh.NOTEBOOK_ERRORS)
                              if not e["expected"] and bh.is_error_text(e["text"])]
        views = await page.evaluate(bh.FIND_VIEWS, ".jp-NotebookPanel:not(.lm-mod-hidden)")
        view, slider = next((v["view"], c) for v in views for c in v["controls"] if c["kind"] == "slider")
        handle = page.locator(f'[data-nnl-view="{view}"] [data-nnl-control="{slider["index"]}"] .noUi-handle').first
        await handle.scroll_into_view_if_needed()
    except Exception as error:  # noqa: BLE001 - a student who fails is counted, the class goes on
        result.errors.append(f"setup: {type(error).__name__}: {str(error)[:300]}")
        handle = None
    ready.append(name)
    await start.wait()
    deadline = time.monotonic() + seconds
    pause = random.Random(name)
    while handle is not None and time.monotonic() < deadline:
        try:
            result.latencies.append(await move_once(page, view, handle))
        except Exception as error:  # noqa: BLE001
            result.errors.append(f"slider: {type(error).__name__}: {str(error)[:300]}")
            break
        await asyncio.sleep(think * pause.uniform(0.5, 1.5))
    if language not in shots and handle is not None:
        shots.add(language)
        bh.SCREENSHOTS.mkdir(exist_ok=True)
        await page.locator(f'[data-nnl-view="{view}"]').screenshot(path=bh.SCREENSHOTS / f"classroom-01-{language}-widget.png")
        await page.screenshot(path=bh.SCREENSHOTS / f"classroom-01-{language}.png")
    await context.close()
    return result


async def move_once(page, view, handle):
    """One key press on the slider; milliseconds until the picture changed."""
    count = await page.evaluate("(v) => window.__nnl.changes.filter(c => c[0] === v).length", str(view))
    now = float(await handle.get_attribute("aria-valuenow"))
    high = float(await handle.get_attribute("aria-valuemax"))
    await handle.press("ArrowLeft" if now >= high else "ArrowRight")
    await page.wait_for_function("([v, n]) => window.__nnl.changes.filter(c => c[0] === v).length > n",
                                 arg=[str(view), count], timeout=bh.MOVE_TIMEOUT * 1000)
    return await page.evaluate("""([v, n]) => {
        const change = window.__nnl.changes.filter(c => c[0] === v)[n][1];
        const pressed = window.__nnl.inputs.filter(t => t <= change);
        return change - pressed[pressed.length - 1];
    }""", [str(view), count])


# ---- one class size -------------------------------------------------------------------

def browser_launcher(folder, priority):
    """The Chromium executable to launch: ``bh.CHROMIUM`` itself, or a wrapper that runs it
    under ``chrt --idle`` (its processes then only get the CPU time nothing else wants)."""
    if priority == "normal":
        return bh.CHROMIUM
    launcher = folder / "chromium-idle"
    launcher.write_text(f'#!/bin/sh\nexec chrt --idle 0 "{bh.CHROMIUM}" "$@"\n')
    launcher.chmod(0o755)
    return str(launcher)


async def run_class(n, lessons, seconds, think, browsers, shots):
    from playwright.async_api import async_playwright

    with tempfile.TemporaryDirectory(prefix="nnlessons-bench-class-") as tmp:
        tmp = Path(tmp)
        repo = lessons_repo(tmp / "lessons", lessons)
        names = [f"student{i:02d}" for i in range(1, n + 1)]
        classroom = Classroom(tmp / "class", port=free_port(), repo=repo, password=PASSWORD)
        for name in names:
            prepare_home(classroom.students_dir / name)
        classroom.start()
        try:
            async with async_playwright() as playwright:
                browser = await playwright.chromium.launch(executable_path=browser_launcher(tmp, browsers),
                                                           args=bh.CHROMIUM_ARGS)
                ready, start = [], asyncio.Event()
                tasks = [asyncio.create_task(student(browser, classroom, repo, name, bh.LANGUAGES[i % 2], lessons,
                                                     ready, start, seconds, think, shots))
                         for i, name in enumerate(names)]
                while len(ready) < n:
                    await asyncio.sleep(0.5)
                memory = memory_per_student(classroom, names)
                pids = pids_with_environment(hub.MARKER, str(classroom.class_dir))
                cpu_before, busy_before, began = cpu_seconds(pids), machine_busy_seconds(), time.monotonic()
                start.set()
                await asyncio.sleep(seconds)
                cpu, busy = cpu_seconds(pids) - cpu_before, machine_busy_seconds() - busy_before
                phase = time.monotonic() - began
                results = await asyncio.gather(*tasks)
                await browser.close()
        finally:
            classroom.stop()
    frames = sum(len(r.latencies) for r in results)
    latencies = sorted(ms for r in results for ms in r.latencies)
    return {
        "students": n, "frames": frames, "phase_s": phase,
        "p50": percentile(latencies, 50), "p95": percentile(latencies, 95),
        "cpu_per_frame": cpu / frames if frames else None, "cpu_cores_busy": cpu / phase,
        "machine_cores_busy": busy / phase,
        "memory_mean": statistics.mean(memory.values()), "memory_max": max(memory.values()),
        "errors": [f"{r.name}: {e}" for r in results for e in r.errors],
        "run_seconds": {lesson: statistics.median(r.run_seconds[lesson] for r in results if lesson in r.run_seconds)
                        for lesson in lessons if any(lesson in r.run_seconds for r in results)},
    }


def percentile(values, q):
    if not values:
        return None
    return values[min(len(values) - 1, round(q / 100 * (len(values) - 1)))]


# ---- the report ---------------------------------------------------------------------------

def machine():
    cores = os.cpu_count()
    memory = int(Path("/proc/meminfo").read_text().split()[1]) / 1024 ** 2
    return f"{platform.node()}: {cores} cores, {memory:.0f} GiB, Python {platform.python_version()}"


def report(rows, lessons, seconds, think, browsers, started, load_before, load_after):
    fmt = lambda value, spec: "—" if value is None else format(value, spec)  # noqa: E731
    lines = [
        "# Classroom capacity (make bench-classroom)",
        "",
        f"Run from {started} to {time.strftime('%Y-%m-%d %H:%M %Z')} on {machine()}.",
        f"Load average (1, 5, 15 min) before: {load_before}; after: {load_after}.",
        "The simulated students' Chromium runs on the same machine as the hub, "
        + ("at the lowest CPU priority (SCHED_IDLE: the server gets the cores first, as on a machine of its own; "
           "a starved page still paints late, and that counts in the latency)." if browsers == "idle"
           else "at normal CPU priority (it competes with the server for the cores)."),
        "",
        f"Each student: log in, nbgitpuller link, run all cells of lessons {', '.join(lessons)}, then "
        f"{seconds:.0f} s of slider moves on lesson {lessons[-1]}'s first explorer, all students at once; "
        + (f"between moves a student looks at the picture for {think:g} s on average "
           f"(uniform {think / 2:g}–{1.5 * think:g} s)." if think else
           "no pause between moves (stress: the next key press as soon as the picture arrives)."),
        f"Target: {TARGET_STUDENTS} students with p95 ≤ {TARGET_P95_MS} ms on lesson 01's sliders, no errors.",
        "",
        "Server cores busy: hub, proxy, students' servers and kernels; machine cores busy: everything",
        "on the machine (the students' browsers, other jobs) during the slider phase.",
        "",
        "| students | frames | moves / s per student | p50 ms | p95 ms | server CPU-s / frame | server cores busy | machine cores busy "
        "| MiB / student (mean, max) | run all (median s) | errors |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|",
    ]
    for row in rows:
        runs = ", ".join(f"{lesson}: {value:.0f}" for lesson, value in row["run_seconds"].items())
        lines.append(f"| {row['students']} | {row['frames']} | {row['frames'] / row['students'] / row['phase_s']:.2f} | "
                     f"{fmt(row['p50'], '.0f')} | {fmt(row['p95'], '.0f')} | "
                     f"{fmt(row['cpu_per_frame'], '.3f')} | {row['cpu_cores_busy']:.2f} | {row['machine_cores_busy']:.2f} | "
                     f"{row['memory_mean']:.0f}, {row['memory_max']:.0f} | {runs} | {len(row['errors'])} |")
    errors = [f"- N={row['students']}: {error}" for row in rows for error in row["errors"][:10]]
    if errors:
        lines += ["", "Errors (first ten per class size):", "", *errors]
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--students", type=int, nargs="+", default=[1, 5, 10, 20, 30])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--think", type=float, default=1.0,
                        help="mean seconds a student looks at the picture between two moves (0: stress)")
    parser.add_argument("--browsers", choices=["idle", "normal"], default="idle",
                        help="CPU priority of the simulated students' Chromium (idle: the server first)")
    parser.add_argument("--report", type=Path, default=REPORT)
    parser.add_argument("--lessons", nargs="+", default=["07", "01"],
                        help="lessons each student runs, in order; sliders move on the last one")
    args = parser.parse_args()
    # a kill (SIGTERM) unwinds like Ctrl-C, so every hub, proxy and browser started is stopped
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("classroom bench: stopped by signal"))
    started = time.strftime("%Y-%m-%d %H:%M %Z")
    load_before = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    rows, shots = [], set()
    for n in args.students:
        print(f"classroom bench: {n} student(s)...", flush=True)
        rows.append(asyncio.run(run_class(n, args.lessons, args.seconds, args.think, args.browsers, shots)))
        print(report(rows[-1:], args.lessons, args.seconds, args.think, args.browsers, started, load_before, "—"), flush=True)
    load_after = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    text = report(rows, args.lessons, args.seconds, args.think, args.browsers, started, load_before, load_after)
    args.report.parent.mkdir(parents=True, exist_ok=True)
    args.report.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
