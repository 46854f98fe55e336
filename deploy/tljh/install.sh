#!/bin/bash
# The Littlest JupyterHub (TLJH) for one class on one VM (Ubuntu 22.04/24.04, run as root).
#   sudo bash install.sh TEACHER_NAME
# Each student is a system user (jupyter-<name>): files and processes are separated by
# the OS, and every student's server gets the memory and CPU limits below
# (deploy/sizing.yaml: *_limit). Lessons are handed out with nbgitpuller links, as with
# `make classroom`. NOT RUN in the project's CI (no VM there): see deploy/README.md.
set -euo pipefail
TEACHER="${1:?usage: sudo bash install.sh TEACHER_NAME}"
REPO="${NNLESSONS_REPO:-https://github.com/nnlessons/nnlessons}"

# 1. TLJH itself; the teacher is the admin. Its user environment already has
#    JupyterLab, nbgitpuller and jupyterhub-idle-culler.
curl -L https://tljh.jupyter.org/bootstrap.py | python3 - --admin "$TEACHER"

# 2. The lessons' package in the students' environment (numpy, matplotlib, ipywidgets...).
/opt/tljh/user/bin/pip install "nnlessons @ git+${REPO}"

# 3. Per-student limits, idle culling, JupyterLab by default (deploy/sizing.yaml).
tljh-config set limits.memory 1G
tljh-config set limits.cpu 1.0
tljh-config set services.cull.enabled true
tljh-config set services.cull.timeout 3600
tljh-config set user_environment.default_app jupyterlab

# 4. Students' terminals off, as in `make classroom` (remove this file to allow them).
cat > /opt/tljh/config/jupyterhub_config.d/nnlessons.py <<'PY'
c.Spawner.args = ["--ServerApp.terminals_enabled=False"]
PY

# 5. Logins: TLJH's default FirstUseAuthenticator lets anyone create an account on first
#    login. For a real class use NativeAuthenticator (the teacher approves sign-ups):
#      /opt/tljh/hub/bin/pip install jupyterhub-nativeauthenticator
#      tljh-config set auth.type nativeauthenticator.NativeAuthenticator
tljh-config reload
echo "Hub ready. Lesson link: http://<this-vm>/hub/user-redirect/git-pull?repo=${REPO}&branch=main&urlpath=lab/tree/nnlessons/notebooks/pt/01_neuron.ipynb"
