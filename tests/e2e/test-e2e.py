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
import time
import shutil

import pacte_e2e
from pacte_e2e import in_plan_list, name_of, role_of

pacte_e2e.tap_on_own_session_bus(__file__)
# The private X server first: see pacte_e2e.start_x_server().
pacte_e2e.start_x_server()
pyatspi = pacte_e2e.import_pyatspi()

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
    started = pacte_e2e.start_x_server()
    if started is None:
        ok(False, "Xvfb did not start")
    return started


def rule_light(app):
    return find(app, lambda n: role_of(n) == "image" and name_of(n).startswith(RULE))


def main():
    pacte, workdir, sample, env = pacte_e2e.program_setup("pacte-e2e-")

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
        plan_label = wait_for(lambda: find(app, lambda n: role_of(n) == "label" and name_of(n) == PLAN and in_plan_list(n)),
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
