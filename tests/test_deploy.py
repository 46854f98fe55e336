"""deploy/: The Littlest JupyterHub and Zero to JupyterHub recipes parse, and use the
per-student figures of deploy/sizing.yaml, which the README's sizing rule states.

Nothing here runs a VM, Docker or Kubernetes. With NNLESSONS_Z2JH_CHART set to a
checkout of the chart's folder (zero-to-jupyterhub-k8s/jupyterhub: values.yaml and
values.schema.yaml), config.yaml merged onto the chart's defaults is validated against
the chart's schema, as `helm install` does.
"""

import inspect
import os
import re
import subprocess
from pathlib import Path

import pytest
import yaml

from nnlessons.classroom import Classroom

ROOT = Path(__file__).resolve().parents[1]
DEPLOY = ROOT / "deploy"
SIZING = yaml.safe_load((DEPLOY / "sizing.yaml").read_text())
CONFIG = yaml.safe_load((DEPLOY / "z2jh" / "config.yaml").read_text())
INSTALL = (DEPLOY / "tljh" / "install.sh").read_text()
IDLE_TIMEOUT = inspect.signature(Classroom).parameters["idle_timeout"].default


def gib(quantity):
    """Kubernetes memory quantity ("512M", "1G") → GiB as TLJH and the README count them."""
    number, unit = re.fullmatch(r"([\d.]+)([MG])", quantity).groups()
    return float(number) / (1024 if unit == "M" else 1)


def tljh_setting(key):
    return re.search(rf"^tljh-config set {re.escape(key)} (\S+)$", INSTALL, re.M).group(1)


def test_sizing_has_every_figure():
    assert set(SIZING) >= {"cpu_guarantee", "cpu_limit", "memory_guarantee", "memory_limit", "measured"}
    assert 0 < SIZING["cpu_guarantee"] <= SIZING["cpu_limit"]
    assert 0 < gib(SIZING["memory_guarantee"]) <= gib(SIZING["memory_limit"])


def test_z2jh_uses_the_sizing_figures():
    single = CONFIG["singleuser"]
    assert single["cpu"] == {"guarantee": SIZING["cpu_guarantee"], "limit": SIZING["cpu_limit"]}
    assert single["memory"] == {"guarantee": SIZING["memory_guarantee"], "limit": SIZING["memory_limit"]}
    assert CONFIG["cull"]["enabled"] is True and CONFIG["cull"]["timeout"] == IDLE_TIMEOUT
    assert "--ServerApp.terminals_enabled=False" in CONFIG["hub"]["extraConfig"]["nnlessons"]


def test_tljh_uses_the_sizing_figures():
    subprocess.run(["bash", "-n", str(DEPLOY / "tljh" / "install.sh")], check=True)
    assert tljh_setting("limits.memory") == SIZING["memory_limit"]
    assert float(tljh_setting("limits.cpu")) == SIZING["cpu_limit"]
    assert tljh_setting("services.cull.enabled") == "true"
    assert int(tljh_setting("services.cull.timeout")) == IDLE_TIMEOUT
    assert "--ServerApp.terminals_enabled=False" in INSTALL


def test_readme_sizing_rule_matches():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    rules = re.findall(r"([\d.]+) (?:cores?|núcleos?) (?:and|e) ([\d.]+) GiB (?:per ten active students|"
                       r"para cada dez alunos ativos)", text)
    assert len(rules) == 2, "README.md: state the sizing rule once in each language"
    for cores, memory in rules:
        assert float(cores) == pytest.approx(10 * SIZING["cpu_guarantee"])
        assert float(memory) == pytest.approx(10 * gib(SIZING["memory_guarantee"]), abs=0.05)


def deep_merge(base, override):
    merged = dict(base)
    for key, value in override.items():
        merged[key] = deep_merge(base[key], value) if isinstance(value, dict) and isinstance(base.get(key), dict) \
            else value
    return merged


@pytest.mark.skipif(not os.environ.get("NNLESSONS_Z2JH_CHART"),
                    reason="set NNLESSONS_Z2JH_CHART to the chart folder of zero-to-jupyterhub-k8s to validate")
def test_z2jh_config_is_valid_for_the_chart():
    jsonschema = pytest.importorskip("jsonschema")
    chart = Path(os.environ["NNLESSONS_Z2JH_CHART"])
    schema = yaml.safe_load((chart / "values.schema.yaml").read_text())
    values = deep_merge(yaml.safe_load((chart / "values.yaml").read_text()), CONFIG)
    jsonschema.validate(values, schema)
