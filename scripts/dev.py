#!/usr/bin/env python3
"""Set-up and run Posko from a clean clone, with nothing but Python 3.11+ installed.

    python3 scripts/dev.py run    # venv + install, demo desk + demo central server, the window
    python3 scripts/dev.py test   # venv + install test tools, ruff, mypy, the whole test suite,
                                  # then the installer test (build and smoke-test the bundle)

Idempotent: a second run reuses `.venv` and the demo data. On Debian/Ubuntu, when run as
root, it installs the system libraries Qt needs (also headless) if any are missing; as a
normal user it prints the apt-get command instead.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")

# Shared libraries the PySide6 wheels load (offscreen and xcb platforms).
QT_DEBIAN_PACKAGES = [
    "libegl1", "libgl1", "libxkbcommon0", "libfontconfig1", "libfreetype6", "libdbus-1-3",
    "libglib2.0-0", "libxkbcommon-x11-0", "libxcb-cursor0", "libxcb-icccm4",
    "libxcb-keysyms1", "libxcb-shape0", "libxcb-randr0", "libxcb-render-util0",
    "libxcb-image0", "libxcb-xinerama0", "libxcb-xkb1", "libx11-xcb1",
]
# Only for the test command: the central server's contract tests also run on PostgreSQL, and
# the installer test's PyInstaller reads and strips binaries with binutils.
TEST_DEBIAN_PACKAGES = ["postgresql", "binutils"]
DEMO_KECAMATAN = "31.75.04"
DEMO_SERVER_PORT = 8311
DEMO_TICKETS = 2000


def say(message: str) -> None:
    print(f"[posko] {message}", flush=True)


def run(*command: str | Path, env: dict[str, str] | None = None, check: bool = True) -> int:
    printable = " ".join(str(part) for part in command)
    say(f"$ {printable}")
    return subprocess.run([str(part) for part in command], env=env, check=check,
                          cwd=ROOT).returncode


def ensure_python() -> None:
    if sys.version_info < (3, 11):  # noqa: UP036 - this script may run on an older python3
        sys.exit(f"Posko needs Python 3.11 or newer (this is {sys.version.split()[0]}).")


def missing_debian_packages(wanted: list[str]) -> list[str]:
    if not sys.platform.startswith("linux") or shutil.which("dpkg-query") is None:
        return []
    missing = []
    for package in wanted:
        result = subprocess.run(
            ["dpkg-query", "-W", "-f=${Status}", package],
            capture_output=True, text=True, check=False,
        )
        if "install ok installed" not in result.stdout:
            missing.append(package)
    return missing


def ensure_system_packages(wanted: list[str]) -> None:
    missing = missing_debian_packages(wanted)
    if not missing:
        return
    if hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
        say("installing system packages: " + " ".join(missing))
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        run("apt-get", "update", "-qq", env=env)
        run("apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing, env=env)
    else:
        say("Posko may need these system packages; install them with:\n"
            "    sudo apt-get install -y " + " ".join(missing))


def ensure_venv(extras: str) -> None:
    if not PYTHON.exists():
        say(f"creating virtual environment in {VENV}")
        venv.EnvBuilder(with_pip=True).create(VENV)
    stamp = VENV / f".installed-{extras}"
    pyproject = ROOT / "pyproject.toml"
    if stamp.exists() and stamp.stat().st_mtime >= pyproject.stat().st_mtime:
        return
    run(PYTHON, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    run(PYTHON, "-m", "pip", "install", "--quiet", "-e", f"{ROOT}[{extras}]")
    stamp.touch()


def free_port(preferred: int) -> int:
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", preferred))
        except OSError:
            probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_demo_server(env: dict[str, str]) -> tuple[subprocess.Popen[bytes], str, str] | None:
    """The reference central server on SQLite with demo app tickets, on 127.0.0.1."""
    data_dir = subprocess.run(
        [str(PYTHON), "-c", "from posko.paths import resolve_paths; "
         "print(resolve_paths(demo=True).data_dir)"],
        capture_output=True, text=True, env=env, check=True, cwd=ROOT).stdout.strip()
    central = [str(PYTHON), "-m", "posko_central.cli", "--data-dir", f"{data_dir}/central"]
    setup = subprocess.run([*central, "demo-setup", "--kecamatan", DEMO_KECAMATAN,
                            "--desk-tickets", str(DEMO_TICKETS), "--desk-seed", "1"],
                           capture_output=True, text=True, env=env, check=False, cwd=ROOT)
    if setup.returncode != 0:
        say("the demo central server could not be prepared; the desk runs offline:\n"
            + setup.stderr.strip())
        return None
    enrolment = json.loads(setup.stdout)
    port = free_port(DEMO_SERVER_PORT)
    url = f"http://127.0.0.1:{port}"
    log = open(Path(data_dir) / "central-server.log", "ab")  # noqa: SIM115 - lives with the server
    server = subprocess.Popen([*central, "serve", "--host", "127.0.0.1", "--port", str(port)],
                              env=env, cwd=ROOT, stdout=log, stderr=log)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and server.poll() is None:
        try:
            with urllib.request.urlopen(f"{url}/healthz", timeout=1) as answer:
                if answer.status == 200:
                    say(f"central server (demo) at {url} (log: {log.name})")
                    return server, url, str(enrolment["enrolment_code"])
        except OSError:
            time.sleep(0.3)
    say("the demo central server did not start; the desk runs offline (see "
        f"{log.name})")
    server.terminate()
    return None


def command_run(extra_args: list[str]) -> int:
    ensure_python()
    ensure_system_packages(QT_DEBIAN_PACKAGES)
    ensure_venv("demo")
    posko = [PYTHON, "-m", "posko.cli", "--demo"]
    env = dict(os.environ)
    # Is the demo desk set up already? `posko check` answers without changing anything.
    ready = subprocess.run([str(p) for p in [*posko, "check"]], capture_output=True,
                           env=env, check=False, cwd=ROOT).returncode == 0
    if not ready:
        run(*posko, "init", "--kecamatan", DEMO_KECAMATAN, "--desk", "1", env=env)
        run(*posko, "demo-data", "--tickets", str(DEMO_TICKETS), env=env)
    say("demo officers: rina.kusuma (supervisor), agus.prasetyo, dewi.lestari, ... "
        "PIN 1234")
    server = start_demo_server(env)
    if server is not None:
        # Enrol the demo desk (a fresh one-time code each start) and sync it once.
        run(*posko, "enrol", server[1], server[2], env=env, check=False)
        run(*posko, "sync", "--once", env=env, check=False)
    if not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY")) and sys.platform.startswith(
            "linux"):
        say("no display found: starting Qt offscreen (the window is not visible)")
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        return run(PYTHON, "-m", "posko.app", "--demo", *extra_args, env=env, check=False)
    finally:
        if server is not None:
            server[0].terminate()
            try:
                server[0].wait(timeout=10)
            except subprocess.TimeoutExpired:
                server[0].kill()


def command_test(extra_args: list[str]) -> int:
    ensure_python()
    ensure_system_packages(QT_DEBIAN_PACKAGES + TEST_DEBIAN_PACKAGES)
    ensure_venv("dev")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONFAULTHANDLER="1")
    if run(PYTHON, "-m", "ruff", "check", ROOT, check=False) != 0:  # the whole repository
        say("ruff found problems")
        return 1
    if run(PYTHON, "-m", "mypy", check=False) != 0:
        say("mypy found problems")
        return 1
    code = run(PYTHON, "-m", "pytest", *extra_args, env=env, check=False)
    if code == 5:
        say("pytest collected no tests: that is a failure, not a pass")
        return 1
    if code != 0 or extra_args:
        return code
    # A separate step: build the office bundle with PyInstaller and smoke-test it
    # (build_installer.py; a few minutes, so not part of the default pytest run).
    code = run(PYTHON, "-m", "pytest", "-m", "installer", env=env, check=False)
    if code == 5:
        say("the installer test was not collected: that is a failure, not a pass")
        return 1
    return code


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"run", "test"}:
        print(__doc__)
        return 2
    command, extra = argv[0], argv[1:]
    return command_run(extra) if command == "run" else command_test(extra)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
