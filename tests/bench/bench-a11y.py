#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Switching plans as a screen reader user does, through the accessibility
bus (Debian's /usr/bin/python3 with pyatspi, under its own Xvfb and session
bus): a click on a plan in the sidebar, then the time until the editor's
Name field reads the new plan's name.  Also counts the accessibles of the
window (does the accessible tree grow with the portfolio?) and times one
walk of it, as a screen reader does to find what changed.

  tests/bench/bench-a11y.py [--switches N] PACTE_BINARY FILE

Not a test: it prints figures (median and p95).
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

if "PACTE_BENCH_REEXEC" not in os.environ:
    runner = shutil.which("dbus-run-session")
    if runner is None:
        sys.exit("bench-a11y: needs dbus-run-session")
    os.execve(runner, [runner, "--", sys.executable, os.path.abspath(__file__)] + sys.argv[1:],
              dict(os.environ, PACTE_BENCH_REEXEC="1"))

import pyatspi  # noqa: E402  (Debian: python3-pyatspi)

# The end-to-end tests' reading of an accessible's name and role.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "e2e"))
from pacte_e2e import in_plan_list, name_of, role_of, start_x_server as start_private_x_server  # noqa: E402


def children(node, visible_only):
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
        if visible_only:
            try:
                if not child.getState().contains(pyatspi.STATE_VISIBLE):
                    continue
            except Exception:
                continue
        yield child


def walk(node, visible_only=True, depth=0):
    if node is None or depth > 80:
        return
    yield node
    for child in children(node, visible_only):
        yield from walk(child, visible_only, depth + 1)


def showing(node):
    try:
        x, y, w, h = node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
        return w > 0 and h > 0
    except Exception:
        return False


def text_of(node):
    try:
        text = node.queryText()
        return text.getText(0, text.characterCount)
    except Exception:
        return None


def wait_for(what, timeout=120.0, step=0.05):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = what()
        if value:
            return value
        time.sleep(step)
    return None


def stats(values):
    values = sorted(values)
    n = len(values)
    if n == 0:
        return "no figures"
    median = values[n // 2] if n % 2 else (values[n // 2 - 1] + values[n // 2]) / 2
    p95 = values[min(n - 1, int(0.95 * n + 0.5))]
    return "median %7.1f ms   p95 %7.1f ms   best %7.1f   worst %7.1f   (n=%d)" % (
        median, p95, values[0], values[-1], n)


def start_x_server():
    # The window benchmark's screen (bench-window.sh).
    started = start_private_x_server("1280x800x24")
    if started is None:
        sys.exit("bench-a11y: Xvfb did not start")
    return started


def main(argv):
    switches = 12
    if len(argv) >= 2 and argv[0] == "--switches":
        switches = int(argv[1])
        argv = argv[2:]
    if len(argv) != 2:
        sys.exit("usage: bench-a11y.py [--switches N] PACTE_BINARY FILE")
    pacte, portfolio = argv
    with open(portfolio, encoding="utf-8") as f:
        plan_names = {p.get("name", "") for p in json.load(f).get("plans", [])}

    workdir = tempfile.mkdtemp(prefix="pacte-bench-a11y-")
    env = dict(os.environ)
    env.pop("NO_AT_BRIDGE", None)
    env.update(GTK_A11Y="atspi", PACTE_TODAY="2027-03-15", GDK_BACKEND="x11",
               XDG_DATA_HOME=os.path.join(workdir, "data"), XDG_CONFIG_HOME=os.path.join(workdir, "config"),
               XDG_STATE_HOME=os.path.join(workdir, "state"), XDG_CACHE_HOME=os.path.join(workdir, "cache"),
               PACTE_DRAFTS_DIR=os.path.join(workdir, "drafts"))
    server, display = start_x_server()
    env["DISPLAY"] = display
    proc = subprocess.Popen([pacte, portfolio], env=env)
    try:
        def get_app():
            for app in pyatspi.Registry.getDesktop(0):
                if app is not None and name_of(app).lower() == "pacte":
                    return app
            return None

        app = wait_for(get_app)
        if app is None:
            sys.exit("bench-a11y: pacte did not come on the accessibility bus")
        window = wait_for(lambda: app.getChildAtIndex(0) if app.childCount else None)

        def plan_labels():
            return [n for n in walk(window) if role_of(n) == "label" and name_of(n) in plan_names and showing(n)]

        labels = wait_for(lambda: (lambda ls: ls if len(ls) >= 3 else None)(plan_labels()), timeout=300)
        if not labels:
            sys.exit("bench-a11y: no plans in the sidebar")

        start = time.monotonic()
        visible = sum(1 for _ in walk(window))
        walk_ms = (time.monotonic() - start) * 1000
        start = time.monotonic()
        everything = sum(1 for _ in walk(window, visible_only=False))
        all_ms = (time.monotonic() - start) * 1000
        lists = [(name_of(n), n.childCount) for n in walk(window)
                 if role_of(n) in ("list", "list box", "table", "tree table", "grid")]
        print("Accessible tree of the window (%s)" % os.path.basename(portfolio))
        print("  visible accessibles            %6d   (one walk: %.0f ms)" % (visible, walk_ms))
        print("  all accessibles, hidden too     %6d   (one walk: %.0f ms)" % (everything, all_ms))
        for name, count in sorted(lists, key=lambda x: -x[1])[:6]:
            print("  list %-40r %6d children" % (name[:40], count))

        def name_entry():
            for n in walk(window):
                if role_of(n) in ("text", "entry") and name_of(n) == "Name" and showing(n):
                    return n
            return None

        # A first plan opened, so that the editor is there.
        targets = [(name_of(l), l) for l in labels[:4]]
        totals, walks = [], []
        for i in range(switches + 1):
            wanted, label = targets[i % len(targets)]
            if i > 0 and wanted == targets[(i - 1) % len(targets)][0]:
                continue
            x, y, w, h = label.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
            entry = name_entry() if i > 0 else None
            start = time.monotonic()
            subprocess.run(["xdotool", "mousemove", str(x + w // 2), str(y + h // 2), "click", "1"],
                           env=dict(os.environ, DISPLAY=display), check=True)
            if entry is not None:
                # The same entry, rebound: poll its text as a reader reads it.
                if wait_for(lambda: text_of(entry) == wanted, timeout=30, step=0.005) is None:
                    sys.exit("bench-a11y: the Name field never read %r" % wanted)
                totals.append((time.monotonic() - start) * 1000)
                start = time.monotonic()
                found = name_entry()
                walks.append((time.monotonic() - start) * 1000)
                if found is None or text_of(found) != wanted:
                    sys.exit("bench-a11y: a walk of the tree does not find the new plan's name")
            else:
                wait_for(lambda: (lambda e: e is not None and text_of(e) == wanted)(name_entry()), timeout=60)
            time.sleep(0.3)
        print("Click on a plan to its name read in the editor (%d switches)" % len(totals))
        print("  click to readable              " + stats(totals))
        print("  then a walk to the Name field  " + stats(walks))
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        server.terminate()
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1:])
