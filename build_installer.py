#!/usr/bin/env python3
"""Build Posko for an office PC without Python: a one-folder PyInstaller bundle, smoke-tested.

    python build_installer.py          # Linux, from a clone (after `python3 scripts/dev.py run`)
    py build_installer.py              # Windows (Python 3.11+ from python.org)

Output in dist/:

    posko/                          the folder to copy to the office PC: posko-desk (the
                                    window), posko (the command line), _internal/
    posko-VERSION-PLATFORM.tar.gz   the same folder as one archive (.zip on Windows)
    posko-VERSION-setup.exe         Windows only, when Inno Setup's `iscc` is on PATH
                                    (packaging/posko.iss)

The build runs in the project's .venv (created and filled with the `build` extra if needed);
build/pyinstaller/ keeps PyInstaller's work files between runs, so a rebuild only redoes what
changed (--clean starts afresh). After building, the bundle is smoke-tested in a temporary
folder: the bundled CLI runs init, demo-data, search and print-receipt; the bundled window
starts (offscreen on a machine without a display), signs in, shows its main window and exits.

Options: --no-smoke (build only), --no-archive, --clean, --no-trim (keep everything PyInstaller
would collect, to measure what the exclusions in packaging/posko.spec save).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent
PACKAGING = ROOT / "packaging"
SPEC = PACKAGING / "posko.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
BUNDLE_NAME = "posko"
WINDOWS = os.name == "nt"
EXE_SUFFIX = ".exe" if WINDOWS else ""
# PyInstaller on Linux reads binaries with objdump (binutils) and strips them with strip.
BUILD_DEBIAN_PACKAGES = ["binutils"]
# The smoke test's desk, officer and PIN (`posko demo-data` adds the demo officers).
SMOKE_KECAMATAN = "31.75.04"
SMOKE_OFFICER = "rina.kusuma"
SMOKE_PIN = "1234"
TRACKING_CODE = re.compile(r"\b[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}\b")


def say(message: str) -> None:
    print(f"[build_installer] {message}", flush=True)


# --------------------------------------------------------------------------------------------
# The build environment
# --------------------------------------------------------------------------------------------
def _have_build_tools() -> bool:
    try:
        import PyInstaller  # noqa: F401

        import posko  # noqa: F401
    except ImportError:
        return False
    return True


def _dev_module() -> ModuleType:
    """scripts/dev.py: the same venv and system-package handling as the README commands."""
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import dev
    finally:
        sys.path.pop(0)
    return dev


def ensure_build_environment(argv: list[str]) -> int | None:
    """Re-run this script in .venv with the `build` extra installed, unless that is where we
    are already. Returns the child's exit code, or None to carry on here."""
    dev = _dev_module()
    dev.ensure_python()
    if sys.platform.startswith("linux"):
        dev.ensure_system_packages(dev.QT_DEBIAN_PACKAGES + BUILD_DEBIAN_PACKAGES)
    in_venv = Path(sys.prefix).resolve() == dev.VENV.resolve()
    if in_venv and _have_build_tools():
        return None
    dev.ensure_venv("build")
    if in_venv:  # the venv lacked PyInstaller; it has it now
        return None
    say(f"continuing in {dev.PYTHON}")
    return subprocess.run([str(dev.PYTHON), str(Path(__file__).resolve()), *argv],
                          check=False).returncode


def project_version() -> str:
    text = (ROOT / "src" / "posko" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'__version__\s*=\s*"([^"]+)"', text)
    return match.group(1) if match else "0"


def platform_tag() -> str:
    import platform

    machine = platform.machine().lower().replace("amd64", "x86_64")
    system = "windows" if WINDOWS else sys.platform.rstrip("0123456789")
    return f"{system}-{machine}"


# --------------------------------------------------------------------------------------------
# Building
# --------------------------------------------------------------------------------------------
class BuildError(RuntimeError):
    pass


def build_bundle(*, clean: bool = False, trim: bool = True, dist: Path = DIST,
                 work: Path = WORK) -> Path:
    """Run PyInstaller on packaging/posko.spec; returns the bundle folder."""
    if sys.platform.startswith("linux") and shutil.which("objdump") is None:
        raise BuildError("PyInstaller needs objdump: install binutils "
                         "(sudo apt-get install binutils).")
    env = dict(os.environ)
    if not trim:
        env["POSKO_BUNDLE_NO_TRIM"] = "1"
        work = work.with_name(work.name + "-untrimmed")
    else:
        env.pop("POSKO_BUNDLE_NO_TRIM", None)
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
               "--distpath", str(dist), "--workpath", str(work), str(SPEC)]
    if clean:
        command.insert(3, "--clean")
    say("$ " + " ".join(command))
    started = time.monotonic()
    subprocess.run(command, check=True, cwd=ROOT, env=env)
    bundle = dist / BUNDLE_NAME
    say(f"built {bundle} in {time.monotonic() - started:.0f} s: {folder_size(bundle) / 1e6:.1f} MB")
    return bundle


def folder_size(folder: Path) -> int:
    return sum(path.lstat().st_size for path in folder.rglob("*") if not path.is_dir())


def make_archive(bundle: Path) -> Path:
    """dist/posko-VERSION-PLATFORM.tar.gz (a .zip on Windows), the folder inside."""
    stem = bundle.parent / f"posko-{project_version()}-{platform_tag()}"
    if WINDOWS:
        archive = stem.with_suffix(".zip")
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
            for path in sorted(bundle.rglob("*")):
                zf.write(path, path.relative_to(bundle.parent))
    else:
        archive = stem.with_name(stem.name + ".tar.gz")
        with tarfile.open(archive, "w:gz", compresslevel=9) as tf:
            tf.add(bundle, arcname=bundle.name)
    say(f"archive {archive}: {archive.stat().st_size / 1e6:.1f} MB")
    return archive


def make_windows_installer(bundle: Path) -> Path | None:
    """Inno Setup installer from packaging/posko.iss, where `iscc` exists (Windows)."""
    iscc = shutil.which("iscc") or shutil.which("ISCC")
    if iscc is None:
        for base in (os.environ.get("PROGRAMFILES(X86)"), os.environ.get("PROGRAMFILES")):
            candidate = Path(base or "-") / "Inno Setup 6" / "ISCC.exe"
            if candidate.exists():
                iscc = str(candidate)
                break
    if iscc is None:
        say("Inno Setup (iscc) not found: no setup.exe; the folder and the .zip are complete")
        return None
    command = [iscc, f"/DAppVersion={project_version()}", f"/DBundleDir={bundle}",
               f"/O{bundle.parent}", str(PACKAGING / "posko.iss")]
    say("$ " + " ".join(command))
    subprocess.run(command, check=True, cwd=ROOT)
    installer = bundle.parent / f"posko-{project_version()}-setup.exe"
    say(f"installer {installer}")
    return installer


# --------------------------------------------------------------------------------------------
# Smoke test
# --------------------------------------------------------------------------------------------
@dataclass
class SmokeResult:
    tracking_code: str = ""
    receipt: Path | None = None
    timings: dict[str, float] = field(default_factory=dict)


class SmokeFailure(AssertionError):
    pass


def smoke_environment(home: Path) -> dict[str, str]:
    """Environment for running the bundle in isolation, headless.

    The smoke test's keyring is keyrings.alt's plaintext file backend, selected explicitly
    through PYTHON_KEYRING_BACKEND and kept in `home` (a headless machine has no Secret
    Service). Posko itself never picks it: the bundle carries no metadata that would let
    keyring's discovery find it, as `check_no_plaintext_fallback` shows.
    """
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("POSKO_", "PYTHON_KEYRING", "QT_"))}
    env.update({
        "PYTHON_KEYRING_BACKEND": "keyrings.alt.file.PlaintextKeyring",
        "XDG_DATA_HOME": str(home / "data"),      # keyring files, platformdirs (Linux)
        "XDG_CONFIG_HOME": str(home / "config"),  # QSettings, keyringrc.cfg (Linux)
        "XDG_CACHE_HOME": str(home / "cache"),
        "LOCALAPPDATA": str(home / "localappdata"),  # keyrings.alt's folder (Windows)
        "POSKO_DATA_DIR": str(home / "posko"),
        "POSKO_DEBUG": "1",  # a traceback instead of "unexpected error" if something is missing
    })
    if not WINDOWS and not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY")):
        env["QT_QPA_PLATFORM"] = "offscreen"
    elif "QT_QPA_PLATFORM" in os.environ:
        env["QT_QPA_PLATFORM"] = os.environ["QT_QPA_PLATFORM"]
    return env


def _run(result: SmokeResult, step: str, command: list[str], env: dict[str, str], *,
         input_text: str | None = None, expect: int = 0,
         timeout: float = 180) -> subprocess.CompletedProcess[str]:
    say("smoke: " + " ".join(Path(command[0]).name if i == 0 else part
                             for i, part in enumerate(command)))
    started = time.monotonic()
    try:
        done = subprocess.run(command, env=env, input=input_text, capture_output=True,
                              text=True, encoding="utf-8", errors="replace", timeout=timeout,
                              check=False)
    except subprocess.TimeoutExpired as exc:
        raise SmokeFailure(f"{step}: no answer within {timeout:.0f} s") from exc
    result.timings[step] = time.monotonic() - started
    if done.returncode != expect or "Traceback" in done.stderr:
        raise SmokeFailure(
            f"{step}: exit code {done.returncode} (expected {expect})\n"
            f"--- stdout\n{done.stdout[-3000:]}\n--- stderr\n{done.stderr[-3000:]}")
    return done


def check_no_plaintext_fallback(cli: Path, env: dict[str, str], result: SmokeResult) -> None:
    """Without an explicit choice and without a Secret Service, the bundle refuses to set up a
    desk (exit 2 with the keyring message) instead of keeping the NIK key in a plain file."""
    bare = {key: value for key, value in env.items() if key != "PYTHON_KEYRING_BACKEND"}
    bare["DBUS_SESSION_BUS_ADDRESS"] = "unix:path=/nonexistent/posko-smoke-bus"
    bare["POSKO_DATA_DIR"] = env["POSKO_DATA_DIR"] + "-nokeyring"
    done = _run(result, "init without keyring", [str(cli), "init", "--kecamatan",
                                                  SMOKE_KECAMATAN, "--desk", "1"],
                bare, expect=2)
    if "keyring" not in (done.stdout + done.stderr).lower():
        raise SmokeFailure("init without keyring: no keyring message\n" + done.stderr)


def smoke_test(bundle: Path, home: Path | None = None) -> SmokeResult:
    """Run the bundled programs the way an office would on a first day; raise SmokeFailure."""
    cli = bundle / f"posko{EXE_SUFFIX}"
    desk = bundle / f"posko-desk{EXE_SUFFIX}"
    for program in (cli, desk):
        if not program.is_file():
            raise SmokeFailure(f"missing {program}")
    result = SmokeResult()
    own_home = home is None
    with contextlib.ExitStack() as stack:
        if home is None:
            home = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="posko-smoke-")))
        env = smoke_environment(home)
        data = Path(env["POSKO_DATA_DIR"])
        if not WINDOWS:
            check_no_plaintext_fallback(cli, env, result)
        _run(result, "--version", [str(cli), "--version"], env)
        _run(result, "init", [str(cli), "init", "--kecamatan", SMOKE_KECAMATAN, "--desk", "1"],
             env)
        _run(result, "demo-data", [str(cli), "demo-data", "--tickets", "100"], env)
        found = _run(result, "search", [str(cli), "search", "jalan"], env)
        codes = TRACKING_CODE.findall(found.stdout)
        if not codes:
            raise SmokeFailure("search found no ticket:\n" + found.stdout[-2000:])
        result.tracking_code = codes[0]
        receipt = home / "receipt.pdf"
        _run(result, "print-receipt", [str(cli), "print-receipt", codes[0], "--size", "80mm",
                                       "--out", str(receipt)], env)
        if not receipt.read_bytes().startswith(b"%PDF"):
            raise SmokeFailure(f"print-receipt: {receipt} is not a PDF")
        result.receipt = receipt
        _run(result, "check", [str(cli), "check"], env)
        # The window: sign in (PIN on stdin), show the main window, quit after 3 s.
        _run(result, "posko-desk", [str(desk), "--sign-in", SMOKE_OFFICER, "--quit-after",
                                    "3000"], env, input_text=SMOKE_PIN + "\n")
        log_file = data / "logs" / "posko-desk.log"
        log = log_file.read_text(encoding="utf-8") if log_file.exists() else ""
        if "main window shown" not in log:
            raise SmokeFailure(f"posko-desk: the main window was not shown; log:\n{log[-2000:]}")
        if not list((data / "backups").glob("*")):
            raise SmokeFailure("posko-desk: no backup written on exit (not a clean exit)")
        if own_home:  # keep the receipt for a look after the temporary folder is gone
            kept = bundle.parent / "smoke-receipt.pdf"
            shutil.copyfile(receipt, kept)
            result.receipt = kept
    return result


# --------------------------------------------------------------------------------------------
def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="build_installer.py",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-smoke", action="store_true", help="build only")
    parser.add_argument("--no-archive", action="store_true",
                        help="no .tar.gz/.zip and no setup.exe")
    parser.add_argument("--clean", action="store_true",
                        help="rebuild from scratch (PyInstaller --clean)")
    parser.add_argument("--no-trim", action="store_true",
                        help="without the size exclusions (for comparison; into dist/untrimmed)")
    args = parser.parse_args(argv)

    child = ensure_build_environment(argv)
    if child is not None:
        return child

    started = time.monotonic()
    dist = DIST / "untrimmed" if args.no_trim else DIST
    try:
        bundle = build_bundle(clean=args.clean, trim=not args.no_trim, dist=dist)
    except (BuildError, subprocess.CalledProcessError) as exc:
        say(f"BUILD FAILED: {exc}")
        return 1
    if not args.no_smoke:
        smoke_started = time.monotonic()
        try:
            result = smoke_test(bundle)
        except SmokeFailure as failure:
            say(f"SMOKE TEST FAILED: {failure}")
            return 1
        say(f"smoke test passed in {time.monotonic() - smoke_started:.0f} s "
            f"(receipt for {result.tracking_code}: {result.receipt})")
    if not args.no_archive and not args.no_trim:
        make_archive(bundle)
        if WINDOWS:
            make_windows_installer(bundle)
    say(f"done in {time.monotonic() - started:.0f} s; the folder to install: {bundle} "
        f"({folder_size(bundle) / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
