#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end: drive the real pacte program from outside, as a person would,
through the accessibility bus (Debian's /usr/bin/python3 with pyatspi).

Opens the sample portfolio, clicks a plan by its name in the list, activates
the R02 row of the golden-rules panel (which takes the keyboard to the
objectives), opens the first objective with Return, sets its target, and
reads the changed light from its accessible name; then sets the target back
and reads the light again.

It starts its own X server (Xvfb -displayfd, a 1280x1024 screen: no race for
a display number) and clicks and types with xdotool.  It runs itself under
a session bus of its own (dbus-run-session), through which the accessibility
bus is started.  Prints TAP.
"""
import os
import subprocess
import sys
import tempfile
import time
import shutil

# The accessibility registry, started by the session bus, prints a line on
# the bus's standard output, which would break the TAP stream: the script
# runs itself under its own dbus-run-session with standard output sent to
# standard error, and writes TAP to a file descriptor of its own.
if "PACTE_E2E_TAP_FD" not in os.environ:
    tap_fd = os.dup(1)
    os.set_inheritable(tap_fd, True)
    os.dup2(2, 1)
    dbus_run_session = shutil.which("dbus-run-session")
    if dbus_run_session is None:
        os.write(tap_fd, b"1..0 # SKIP needs dbus-run-session\n")
        sys.exit(0)
    os.execve(dbus_run_session, [dbus_run_session, "--", sys.executable, os.path.abspath(__file__)],
              dict(os.environ, PACTE_E2E_TAP_FD=str(tap_fd)))
sys.stdout = os.fdopen(int(os.environ["PACTE_E2E_TAP_FD"]), "w", buffering=1)

try:
    import pyatspi
except ImportError:
    print("1..0 # SKIP pyatspi is not installed for this python (Debian: python3-pyatspi)")
    sys.exit(0)

PLAN = "Lumière & Zéphyr — co-marketing retail"
OBJECTIVE = "Prospects retail qualifiés générés ensemble"
RULE = "R02 "
TIMEOUT = 20.0

tests_run = 0
_app = []
_display = []


def ok(cond, what):
    global tests_run
    tests_run += 1
    print(("ok %d - %s" if cond else "not ok %d - %s") % (tests_run, what), flush=True)
    if not cond:
        raise SystemExit(1)


def walk(node, depth=0):
    """Every accessible below node (depth first), skipping dead ones."""
    if node is None or depth > 60:
        return
    yield node
    try:
        children = list(node)
    except Exception:
        return
    for child in children:
        yield from walk(child, depth + 1)


def name_of(node):
    try:
        return node.name or ""
    except Exception:
        return ""



def in_plan_list(node):
    """Inside the sidebar's list of plans (the overview, which a portfolio
    opens on, lists the same names in its heat map)."""
    parent = node.parent
    while parent is not None:
        if name_of(parent) == "Plans":
            return True
        parent = parent.parent
    return False

def role_of(node):
    try:
        return node.getRoleName()
    except Exception:
        return ""


def wait_for(predicate, what, timeout=TIMEOUT):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        found = predicate()
        if found:
            return found
        time.sleep(0.2)
    if os.environ.get("PACTE_E2E_DEBUG") and _app:
        for n in walk(_app[0]):
            if role_of(n) in ("text", "spin button", "entry"):
                print("#", role_of(n), repr(name_of(n)), flush=True)
    shot = os.environ.get("PACTE_E2E_SCREENSHOT")
    if shot:
        subprocess.run(["import", "-window", "root", shot], check=False,
                       env=dict(os.environ, DISPLAY=_display[0] if _display else ""))
    ok(False, "timed out waiting for " + what)


def find(root, test):
    for node in walk(root):
        if test(node):
            return node
    return None


def extents(node):
    return tuple(node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS))


def click(node, display):
    """A real pointer click in the middle of the widget, once it stopped
    moving (the editor scrolls with an animation).  The window sits at 0,0
    (no window manager), so window and screen coordinates agree."""
    last = None
    end = time.monotonic() + 5
    while time.monotonic() < end:
        now = extents(node)
        if now == last:
            break
        last = now
        time.sleep(0.3)
    x, y, w, h = last
    subprocess.run(["xdotool", "mousemove", str(x + w // 2), str(y + h // 2), "click", "1"],
                   env=dict(os.environ, DISPLAY=display), check=True)


def start_x_server():
    """A private X server with a screen the window fits in; -displayfd picks
    a free display number without racing other X servers on the machine."""
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1280x1024x24",
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
        ok(False, "Xvfb did not start")
    return server, ":" + number.decode().strip()


def rule_light(app):
    return find(app, lambda n: role_of(n) == "image" and name_of(n).startswith(RULE))


def main():
    pacte = os.environ.get("PACTE_BIN", "build/src/pacte")
    root = os.environ.get("PACTE_SOURCE_ROOT", ".")
    workdir = tempfile.mkdtemp(prefix="pacte-e2e-")
    sample = os.path.join(workdir, "sample.pacte.json")
    shutil.copy(os.path.join(root, "data", "samples", "sample.pacte.json"), sample)

    env = dict(os.environ)
    # This test needs what the other tests switch off: the accessibility bridge.
    env.pop("NO_AT_BRIDGE", None)
    env["GTK_A11Y"] = "atspi"
    env["PACTE_TODAY"] = "2027-03-15"
    env["XDG_DATA_HOME"] = os.path.join(workdir, "data")
    env["XDG_CONFIG_HOME"] = os.path.join(workdir, "config")
    env["XDG_CACHE_HOME"] = os.path.join(workdir, "cache")
    # A draft left by another test must not greet this run with the restore dialog.
    env["PACTE_DRAFTS_DIR"] = os.path.join(workdir, "drafts")

    print("1..7", flush=True)
    server, display = start_x_server()
    env["DISPLAY"] = display
    _display.append(display)
    env.pop("WAYLAND_DISPLAY", None)
    env["GDK_BACKEND"] = "x11"
    proc = subprocess.Popen([pacte, sample], env=env)
    try:
        def get_app():
            desktop = pyatspi.Registry.getDesktop(0)
            for app in desktop:
                if app is not None and name_of(app).lower() == "pacte":
                    return app
            return None

        app = wait_for(get_app, "the pacte application on the accessibility bus", timeout=60)
        _app.append(app)
        ok(True, "pacte is on the accessibility bus")

        # Select the plan by its name, with a click on its row in the list.
        plan_label = wait_for(lambda: find(app, lambda n: role_of(n) == "label" and name_of(n) == PLAN
                                                     and in_plan_list(n)),
                              "the plan in the list")
        click(plan_label, display)
        objective = wait_for(lambda: find(app, lambda n: role_of(n) == "list item" and name_of(n) == OBJECTIVE),
                             "the plan's objective in the editor")
        ok(True, "selecting the plan by name shows its objectives")

        light = wait_for(lambda: rule_light(app), "the R02 light")
        before = name_of(light)
        ok(before.endswith(": amber"), "R02 starts amber: %r" % before)

        # Activating the rule's row brings the editor to the objectives.
        row = find(app, lambda n: role_of(n) == "list item" and name_of(n).startswith(RULE))
        click(row, display)
        objective = wait_for(lambda: find(app, lambda n: role_of(n) == "list item" and name_of(n) == OBJECTIVE),
                             "the plan's objective in the editor")

        # Activating R02 moved the keyboard focus to the first objective:
        # open it with the keyboard, then set its target to 0, which leaves
        # the plan with no quantified objective.
        def focused(node):
            try:
                return node.getState().contains(pyatspi.STATE_FOCUSED)
            except Exception:
                return False

        # R02 here is amber because no objective has a benchmark: the light
        # leads to the first objective (its row, or its benchmark field when
        # the navigation opens it).
        wait_for(lambda: focused(objective) or any(focused(n) for n in walk(objective))
                 or find(app, lambda n: focused(n) and OBJECTIVE in name_of(n)),
                 "the keyboard focus on the objective")
        if find(app, lambda n: role_of(n) == "text"
                and name_of(n).startswith("Target of objective “%s”" % OBJECTIVE)) is None:
            subprocess.run(["xdotool", "key", "Return"], env=dict(os.environ, DISPLAY=display), check=True)
        target = wait_for(lambda: find(app, lambda n: role_of(n) == "text"
                                       and name_of(n).startswith("Target of objective “%s”" % OBJECTIVE)),
                          "the objective's Target entry")
        ok(True, "the objective's Target entry is reachable: %r" % name_of(target))

        def set_text(node, text):
            editable = node.queryEditableText()
            editable.setTextContents(text)

        set_text(target, "0")
        red = wait_for(lambda: (lambda l: l if l is not None and name_of(l).endswith(": red") else None)(rule_light(app)),
                       "R02 to turn red")
        ok(True, "after target 0 the light reads %r" % name_of(red))

        set_text(target, "400")
        back = wait_for(lambda: (lambda l: l if l is not None and name_of(l) == before else None)(rule_light(app)),
                        "R02 to come back")
        ok(True, "after target 400 the light reads %r again" % name_of(back))

        ok(proc.poll() is None, "the program is still running")
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
