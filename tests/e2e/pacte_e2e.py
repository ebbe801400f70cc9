# SPDX-License-Identifier: GPL-3.0-or-later
"""What the end-to-end scripts share (test-e2e.py, test-a11y.py): running
under a session bus of their own with TAP on a file descriptor of its own,
pyatspi, reading an accessible's name and role, and a private X server."""
import os
import shutil
import subprocess
import sys


def tap_on_own_session_bus(script):
    """Runs script again under its own dbus-run-session (through which the
    accessibility bus is started) and makes sys.stdout the TAP stream.  The
    accessibility registry prints a line on the bus's standard output, which
    would break the TAP stream: standard output goes to standard error, and
    TAP to a file descriptor of its own."""
    if "PACTE_E2E_TAP_FD" not in os.environ:
        tap_fd = os.dup(1)
        os.set_inheritable(tap_fd, True)
        os.dup2(2, 1)
        dbus_run_session = shutil.which("dbus-run-session")
        if dbus_run_session is None:
            os.write(tap_fd, b"1..0 # SKIP needs dbus-run-session\n")
            sys.exit(0)
        os.execve(dbus_run_session, [dbus_run_session, "--", sys.executable, os.path.abspath(script)],
                  dict(os.environ, PACTE_E2E_TAP_FD=str(tap_fd)))
    sys.stdout = os.fdopen(int(os.environ["PACTE_E2E_TAP_FD"]), "w", buffering=1)


def import_pyatspi():
    """pyatspi, or a TAP skip when this python lacks it."""
    try:
        import pyatspi
    except ImportError:
        print("1..0 # SKIP pyatspi is not installed for this python (Debian: python3-pyatspi)")
        sys.exit(0)
    return pyatspi


def name_of(node):
    try:
        return node.name or ""
    except Exception:
        return ""


def role_of(node):
    try:
        return node.getRoleName()
    except Exception:
        return ""


_started = None


def start_x_server(screen="1280x1024x24"):
    """A private X server with a screen the window fits in; -displayfd picks
    a free display number without racing other X servers on the machine.
    Returns (server, display), or None when it did not start; once started,
    the same one.  Called before pyatspi is imported: the accessibility
    registry that this session bus starts then uses this server too, not
    whatever display the bus was started with (a busy one made it fail now
    and then: "AT-SPI: Cannot open default display")."""
    global _started
    if _started is not None:
        return _started
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write_fd), "-screen", "0", screen,
                               "-nolisten", "tcp"], pass_fds=(write_fd,),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_fd)
    number = b""
    with os.fdopen(read_fd, "rb") as pipe:
        while not number.endswith(b"\n"):
            chunk = pipe.read(1)
            if not chunk:
                break
            number += chunk
    if not number.strip():
        server.kill()
        return None
    display = ":" + number.decode().strip()
    os.environ["DISPLAY"] = display
    updater = shutil.which("dbus-update-activation-environment")
    if updater is not None:
        subprocess.run([updater, "DISPLAY=" + display], check=False,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _started = (server, display)
    return _started


def program_setup(prefix):
    """The program to run (PACTE_BIN), a working folder with a copy of the
    sample, and the environment the program runs in: the accessibility
    bridge on (the other tests switch it off), the sample's day, folders of
    its own (no draft of another test greets it with the restore dialog).
    Returns (pacte, workdir, sample, env)."""
    import shutil
    import tempfile

    pacte = os.environ.get("PACTE_BIN", "build/src/pacte")
    root = os.environ.get("PACTE_SOURCE_ROOT", ".")
    workdir = tempfile.mkdtemp(prefix=prefix)
    sample = os.path.join(workdir, "sample.pacte.json")
    shutil.copy(os.path.join(root, "data", "samples", "sample.pacte.json"), sample)
    env = dict(os.environ)
    env.pop("NO_AT_BRIDGE", None)
    env["GTK_A11Y"] = "atspi"
    env["PACTE_TODAY"] = "2027-03-15"
    env["XDG_DATA_HOME"] = os.path.join(workdir, "data")
    env["XDG_CONFIG_HOME"] = os.path.join(workdir, "config")
    env["XDG_CACHE_HOME"] = os.path.join(workdir, "cache")
    env["PACTE_DRAFTS_DIR"] = os.path.join(workdir, "drafts")
    return pacte, workdir, sample, env


def in_plan_list(node):
    """Inside the sidebar's list of plans: the overview, which a portfolio
    opens on, names the same plans in its heat map."""
    parent = node.parent
    while parent is not None:
        if name_of(parent) == "Plans":
            return True
        parent = parent.parent
    return False
