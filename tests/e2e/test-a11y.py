#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Accessibility audit: what a screen reader hears, read from the real
program through the accessibility bus (Debian's /usr/bin/python3 with
pyatspi), as in test-e2e.py.

Opens the sample portfolio, walks the whole accessible tree of the window,
then opens each of the program's own dialogs in turn and walks its tree too.
Fails on a name that shows a raw mnemonic underscore ("_Open…"), a name
that says the same words twice ("Name Name", "_Apply Apply"), and a control
(button, entry, toggle, check box, combo box, spin button, slider, switch)
that has no name at all.  Prints TAP; PACTE_A11Y_DUMP=1 prints the tree.
"""
import os
import re
import shutil
import subprocess
import sys
import time

import pacte_e2e
from pacte_e2e import in_plan_list, name_of, role_of

pacte_e2e.tap_on_own_session_bus(__file__)
# The private X server first: see pacte_e2e.start_x_server().
pacte_e2e.start_x_server()
pyatspi = pacte_e2e.import_pyatspi()

TIMEOUT = 20.0
PLAN = "Lumière & Zéphyr — co-marketing retail"
OBJECTIVE = "Prospects retail qualifiés générés ensemble"
DUMP = bool(os.environ.get("PACTE_A11Y_DUMP"))

# Roles a user operates: each needs a name of its own.
CONTROL_ROLES = {
    "push button", "toggle button", "check box", "radio button", "combo box",
    "text", "entry", "password text", "spin button", "slider", "switch",
    "menu item", "check menu item", "radio menu item", "link",
}

tests_run = 0
failed = 0
_display = []


def ok(cond, what):
    global tests_run, failed
    tests_run += 1
    print(("ok %d - %s" if cond else "not ok %d - %s") % (tests_run, what), flush=True)
    if not cond:
        failed += 1


def walk(node, depth=0, path=()):
    """(node, path) for every accessible below node, depth first, through
    getChildAtIndex as a screen reader does; hidden subtrees are skipped."""
    if node is None or depth > 80:
        return
    yield node, path
    try:
        count = node.childCount
    except Exception:
        return
    for i in range(count):
        try:
            child = node.getChildAtIndex(i)
        except Exception:
            continue
        if child is None:
            continue
        try:
            states = child.getState()
            if not states.contains(pyatspi.STATE_VISIBLE):
                continue
        except Exception:
            continue
        yield from walk(child, depth + 1, path + ((role_of(child), name_of(child)),))




def showing(node):
    """GTK 4.8 sets no SHOWING state: a widget on screen has a size."""
    try:
        x, y, w, h = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
        return w > 0 and h > 0
    except Exception:
        return False


# An unnamed widget is read as its class: "GtkToggleButton".
CLASS_NAME = re.compile(r"^(Gtk|Adw|Pacte)[A-Z][A-Za-z]+$")
MNEMONIC = re.compile(r"(^|[\s(«“\"'])_[^\W\d_]")


def doubled(name):
    """True when the name is the same run of words said twice: "Name Name",
    "_Apply Apply", "Open… Open…" (compared without underscores)."""
    words = name.replace("_", "").split()
    n = len(words)
    if n >= 2 and n % 2 == 0 and words[: n // 2] == words[n // 2:]:
        return True
    return False


def audit(root, where):
    """Problems in the showing subtree of root, as readable lines."""
    problems = []
    seen = 0
    for node, path in walk(root):
        role = role_of(node)
        name = name_of(node)
        if DUMP:
            print("# %s%s %r" % ("  " * len(path), role, name), flush=True)
        seen += 1
        if MNEMONIC.search(name):
            problems.append("%s: %s %r shows a mnemonic underscore" % (where, role, name))
        elif doubled(name):
            problems.append("%s: %s %r says its label twice" % (where, role, name))
        if role in CONTROL_ROLES and (not name.strip() or CLASS_NAME.match(name)):
            trail = " > ".join("%s %r" % p for p in path[-3:])
            problems.append("%s: %s has no name (%s)" % (where, role, trail))
    return seen, problems


def wait_for(predicate, what, timeout=TIMEOUT):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        found = predicate()
        if found:
            return found
        time.sleep(0.2)
    return None


def find(root, test):
    for node, _ in walk(root):
        if test(node):
            return node
    return None


def key(display, *keys):
    subprocess.run(["xdotool", "key"] + list(keys), env=dict(os.environ, DISPLAY=display), check=True)


def start_x_server():
    started = pacte_e2e.start_x_server()
    if started is None:
        print("1..0 # SKIP Xvfb did not start")
        sys.exit(0)
    return started


def windows(app):
    out = []
    try:
        for i in range(app.childCount):
            w = app.getChildAtIndex(i)
            if w is not None:
                out.append(w)
    except Exception:
        pass
    return out


def do_action(node, wanted=("click", "activate", "press")):
    try:
        action = node.queryAction()
    except Exception:
        return False
    for i in range(action.nActions):
        if action.getName(i) in wanted:
            action.doAction(i)
            return True
    if action.nActions > 0:
        action.doAction(0)
        return True
    # A menu button acts through its inner toggle button.
    for i in range(node.childCount):
        if do_action(node.getChildAtIndex(i), wanted):
            return True
    return False


def main():
    pacte, workdir, sample, env = pacte_e2e.program_setup("pacte-a11y-")

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

        app = wait_for(get_app, "the pacte application", timeout=60)
        if app is None:
            print("1..1")
            ok(False, "pacte is on the accessibility bus")
            return 1
        print("1..%d" % (3 + len(DIALOG_OPENERS)), flush=True)
        ok(True, "pacte is on the accessibility bus")

        # The window with the sample: wait for a plan's lights to be there.
        wait_for(lambda: find(app, lambda n: role_of(n) == "image" and name_of(n).startswith("R01 ")),
                 "the golden-rules panel")
        # With a plan open in the editor: its fields, chips and lists.
        plan = wait_for(lambda: find(app, lambda n: role_of(n) == "label" and name_of(n) == PLAN
                                     and showing(n) and in_plan_list(n)), "the plan in the list")
        if plan is not None:
            x, y, w, h = plan.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
            subprocess.run(["xdotool", "mousemove", str(x + w // 2), str(y + h // 2), "click", "1"],
                           env=dict(os.environ, DISPLAY=display), check=True)
        ok(wait_for(lambda: find(app, lambda n: role_of(n) == "list item" and name_of(n) == OBJECTIVE),
                    "the plan's objective") is not None, "the plan is open in the editor")
        main_window = windows(app)[0]
        seen, problems = audit(main_window, "window")
        for p in problems:
            print("# " + p, flush=True)
        ok(not problems and seen > 100,
           "the window with the sample: %d accessibles, %d problems" % (seen, len(problems)))

        for title, opener in DIALOG_OPENERS:
            before = len(windows(app))
            opener(app, display)
            dialog = wait_for(lambda: (lambda ws: ws[-1] if len(ws) > before else None)(windows(app)),
                              "the %s dialog" % title, timeout=10)
            if dialog is None:
                ok(False, "%s: the dialog opens" % title)
                continue
            time.sleep(0.5)
            seen, problems = audit(dialog, title)
            for p in problems:
                print("# " + p, flush=True)
            ok(not problems and seen > 3,
               "%s (%r): %d accessibles, %d problems" % (title, name_of(dialog), seen, len(problems)))
            key(display, "Escape")
            wait_for(lambda: len(windows(app)) <= before, "the dialog to close", timeout=5)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(workdir, ignore_errors=True)
    return 1 if failed else 0


def by_keys(*keys):
    return lambda app, display: key(display, *keys)


def showing_named(app, role, name):
    """The last match: a page that was swapped out (the empty window's
    header) keeps its old extents in GTK 4.8 and comes first."""
    found = [n for n, _ in walk(app) if role_of(n) == role and name_of(n) == name and showing(n)]
    return found[-1] if found else None


def through_menu(button, item):
    """Open the menu of the button named so, then activate its item."""
    def opener(app, display):
        b = wait_for(lambda: showing_named(app, "push button", button) or
                     showing_named(app, "toggle button", button), "the %s button" % button)
        if b is None:
            return
        do_action(b)
        entry = wait_for(lambda: find(app, lambda n: role_of(n) in ("menu item", "push button")
                                      and name_of(n) == item and showing(n)),
                         "the %s menu item" % item, timeout=5)
        if entry is not None:
            do_action(entry)
        elif DUMP:
            audit(app, "after opening " + button)
    return opener


DIALOG_OPENERS = [
    ("Keyboard Shortcuts", by_keys("ctrl+question")),
    ("Record Review", through_menu("Main Menu", "Record Review…")),
    ("Switch Off", through_menu("Options of R01 Work at a strategic level", "Switch Off for This Plan…")),
    ("Tune", through_menu("Options of R04 Strong governance", "Tune Parameters…")),
    ("Import Partners", through_menu("Main Menu", "Import Partners from CSV…")),
]

if __name__ == "__main__":
    sys.exit(main())
