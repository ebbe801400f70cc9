#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Switching plans as a screen reader user does, through the accessibility
bus (Debian's /usr/bin/python3 with pyatspi, under its own Xvfb and session
bus): a click on a plan in the sidebar, then the time until the editor's
Name field reads the new plan's name.  Also counts the accessibles of the
window (does the accessible tree grow with the portfolio?) and times one
walk of it, as a screen reader does to find what changed.

  tests/bench/bench-a11y.py [--switches N] [--walks N] PACTE_BINARY FILE

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
from gi.repository import GLib  # noqa: E402

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


def median_p95(values):
    values = sorted(values)
    n = len(values)
    median = values[n // 2] if n % 2 else (values[n // 2 - 1] + values[n // 2]) / 2
    return median, values[min(n - 1, int(0.95 * n + 0.5))]


def stats(values):
    values = sorted(values)
    n = len(values)
    if n == 0:
        return "no figures"
    median, p95 = median_p95(values)
    return "median %7.1f ms   p95 %7.1f ms   best %7.1f   worst %7.1f   (n=%d)" % (
        median, p95, values[0], values[-1], n)


def start_x_server():
    # The window benchmark's screen (bench-window.sh).
    started = start_private_x_server("1280x800x24")
    if started is None:
        sys.exit("bench-a11y: Xvfb did not start")
    return started


def main(argv):
    switches, walks = 12, 1
    while len(argv) >= 2 and argv[0] in ("--switches", "--walks"):
        if argv[0] == "--switches":
            switches = int(argv[1])
        else:
            walks = int(argv[1])
        argv = argv[2:]
    if len(argv) != 2:
        sys.exit("usage: bench-a11y.py [--switches N] [--walks N] PACTE_BINARY FILE")
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
            # The sidebar's list (the overview, which a portfolio opens on,
            # names the same plans, and a click there does not open them),
            # rows on the screen.
            found = []
            for n in walk(window):
                if role_of(n) == "label" and name_of(n) in plan_names and in_plan_list(n):
                    try:
                        x, y, w, h = n.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
                    except Exception:
                        continue
                    if w > 0 and h > 0 and 0 <= y < 760:
                        found.append(n)
            return found

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
        sys.stdout.flush()

        def name_entry():
            for n in walk(window):
                if role_of(n) in ("text", "entry") and name_of(n) == "Name" and showing(n):
                    return n
            return None

        # What the bridge sends while a switch happens, as a screen reader
        # listening to the window receives it.
        events = {}

        def on_event(event):
            kind = event.type.name if hasattr(event.type, "name") else str(event.type)
            events[kind] = events.get(kind, 0) + 1

        kinds = ["object:property-change", "object:children-changed", "object:state-changed",
                 "object:text-changed", "object:bounds-changed", "object:text-caret-moved",
                 "object:active-descendant-changed", "object:selection-changed"]
        pyatspi.Registry.registerEventListener(on_event, *kinds)
        context = GLib.MainContext.default()

        def pump():
            while context.iteration(False):
                pass

        def main_thread_cpu_ms():
            # The program's main thread, in ns since it started.
            try:
                with open("/proc/%d/task/%d/schedstat" % (proc.pid, proc.pid)) as f:
                    return int(f.read().split()[0]) / 1e6
            except OSError:
                return 0.0

        def click(node):
            x, y, w, h = node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
            subprocess.run(["xdotool", "mousemove", str(x + w // 2), str(y + h // 2), "click", "1"],
                           env=dict(os.environ, DISPLAY=display), check=True)

        # A first plan opened, so that the editor is there; the Name field
        # is then found once (a walk of the whole tree, seconds with a large
        # portfolio) and read after each click: the editor keeps its entry
        # and gives it the new plan.
        targets = []
        for label in labels:
            if name_of(label) not in [t[0] for t in targets]:
                targets.append((name_of(label), label))
        targets = targets[:6]
        if len(targets) < 2:
            sys.exit("bench-a11y: fewer than two plans in view in the sidebar")
        click(targets[0][1])
        entry = wait_for(lambda: (lambda e: e if e is not None and text_of(e) == targets[0][0] else None)(name_entry()),
                         timeout=120)
        if entry is None:
            sys.exit("bench-a11y: the Name field never read %r after the first click" % targets[0][0])
        time.sleep(1.0)
        pump()
        totals, cpus, counts = [], [], []
        previous = targets[0][0]
        for i in range(1, switches + 1):
            wanted, label = targets[i % len(targets)]
            if wanted == previous:
                continue
            events.clear()
            cpu = main_thread_cpu_ms()
            start = time.monotonic()
            click(label)
            read = None
            while time.monotonic() - start < 60:
                pump()
                read = text_of(entry)
                if read == wanted:
                    break
                time.sleep(0.005)
            if read != wanted:
                # Another entry: the tree changed under the reader.
                entry = name_entry()
                sys.exit("bench-a11y: the Name field never read %r (it reads %r)" % (wanted, read))
            totals.append((time.monotonic() - start) * 1000)
            # What the switch cost the program, and what it sent, once it is over.
            time.sleep(0.5)
            pump()
            cpus.append(main_thread_cpu_ms() - cpu)
            counts.append(dict(events))
            previous = wanted
        pyatspi.Registry.deregisterEventListener(on_event, *kinds)
        print("Click on a plan in the sidebar to its name read in the editor's Name field (%d switches)" % len(totals))
        print("  click to readable              " + stats(totals))
        print("  program's main-thread CPU       " + stats(cpus) + "   (the switch and 0.5 s after it)")
        per_kind = {}
        for c in counts:
            for kind, n in c.items():
                per_kind.setdefault(kind, []).append(n)
        for kind in sorted(per_kind, key=lambda k: -sum(per_kind[k])):
            values = per_kind[kind] + [0] * (len(counts) - len(per_kind[kind]))
            print("  events per switch %-30s median %5.0f   most %5d" % (
                kind, sorted(values)[len(values) // 2], max(values)))
        if walks > 0:
            times = []
            for _ in range(walks):
                start = time.monotonic()
                found = name_entry()
                times.append((time.monotonic() - start) * 1000)
                if found is None:
                    sys.exit("bench-a11y: a walk of the tree does not find the Name field")
            print("  a walk of the tree to the Name field " + stats(times))
        # One plain line: no goal is set for this path (the window's own
        # switch goal is bench-window's), the figure to compare files with.
        with open("/proc/loadavg") as f:
            load = " ".join(f.read().split()[:3])
        print("RESULT a11y click to Name readable, median %.0f ms, p95 %.0f ms; main-thread CPU median %.0f ms (%s; load %s)" % (
            median_p95(totals) + (median_p95(cpus)[0], os.path.basename(portfolio), load)))
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
