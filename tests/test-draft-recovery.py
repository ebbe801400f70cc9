#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Draft recovery, end to end, with the real program.

Edit a portfolio in the window (through the accessibility bus, as a screen
reader would), wait for the draft, kill the program with SIGKILL, start it
again, restore the draft from the start-up dialog, save, and check that the
file now holds exactly the unsaved state: the original with that one edit.

Runs on an X server and a session bus of its own; needs Debian's
/usr/bin/python3 with python3-pyatspi (skipped, exit 77, without them).
"""

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

SKIP = 77

# An X server and a session bus of our own: the program is single-instance
# on its bus (another test's instance would take our files), and the Ctrl+S
# typed below must reach our window, not another test's.  The display number
# is drawn at random: xvfb-run -a races with other tests starting theirs.
if os.environ.get("PACTE_RECOVERY_OWN_SESSION") != "1":
    import random
    xvfb_run = shutil.which("xvfb-run")
    dbus_run_session = shutil.which("dbus-run-session")
    if xvfb_run is None or dbus_run_session is None:
        print("# needs xvfb-run and dbus-run-session")
        sys.exit(SKIP)
    number = random.randrange(200, 30000)
    while os.path.exists("/tmp/.X%d-lock" % number) or os.path.exists("/tmp/.X11-unix/X%d" % number):
        number = random.randrange(200, 30000)
    own_env = dict(os.environ, PACTE_RECOVERY_OWN_SESSION="1")
    os.execve(xvfb_run, [xvfb_run, "-n", str(number), "-s", "-screen 0 1280x1024x24", dbus_run_session, "--",
                         sys.executable, os.path.abspath(__file__)], own_env)

try:
    import pyatspi
except ImportError:
    print("# pyatspi is missing: install python3-pyatspi")
    sys.exit(SKIP)

if not os.environ.get("DISPLAY") or not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
    print("# needs a display and a session bus (xvfb-run -a dbus-run-session --)")
    sys.exit(SKIP)

PACTE = os.environ["PACTE_BIN"]
SAMPLE = os.path.join(os.environ["PACTE_SOURCE_ROOT"], "data", "samples", "sample.pacte.json")
NEW_OWNER = "Claire Dupont-Martin (brouillon)"


def fail(message):
    print("not ok 1 draft recovery # " + message)
    sys.exit(1)


def wait_for(what, predicate, timeout=20.0, step=0.2):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            value = predicate()
        except Exception:  # the tree changes under our feet
            value = None
        if value:
            return value
        time.sleep(step)
    fail("timed out waiting for " + what)


def walk(node, depth=0):
    if node is None or depth > 60:
        return
    yield node
    for i in range(node.childCount):
        yield from walk(node.getChildAtIndex(i), depth + 1)


def find_app(pid):
    desktop = pyatspi.Registry.getDesktop(0)
    for i in range(desktop.childCount):
        app = desktop.getChildAtIndex(i)
        if app is not None and app.get_process_id() == pid:
            return app
    return None


def find(app, role, predicate):
    for node in walk(app):
        if node.getRoleName() == role and predicate(node):
            return node
    return None


def open_first_plan(app):
    """A portfolio opens on its overview: clicks the first plan of the
    sidebar's list.  FALSE while the list is not there yet."""
    plans = next((n for n in walk(app) if n.name == "Plans"
                  and n.getRoleName() in ("list", "list box", "tree", "table")), None)
    first = find(plans, "label", lambda n: n.name != "") if plans is not None else None
    if first is None:
        return False
    x, y, w, h = first.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    subprocess.run(["xdotool", "mousemove", str(x + w // 2), str(y + h // 2), "click", "1"], check=True)
    return True


def text_of(node):
    text = node.queryText()
    return text.getText(0, text.characterCount)  # GTK 4.8: not (0, -1)


def window_title(proc):
    """The title of the program's visible windows, as the X server has it
    (accessible names may be cached)."""
    result = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(proc.pid), "--name", ".",
                             "getwindowname", "%@"], capture_output=True, text=True, timeout=20)
    return result.stdout


def start(args, env):
    # A freshly started X server may not take connections yet: a program
    # that could not open the display is started again (three tries).
    for attempt in range(3):
        proc = subprocess.Popen([PACTE] + args, env=env)
        exited = []

        def app_or_exit():
            if proc.poll() is not None:
                exited.append(proc.returncode)
                return True
            return find_app(proc.pid)
        app = wait_for("the window of pacte " + " ".join(args), app_or_exit)
        if not exited:
            return proc, app
        time.sleep(1)
    fail("pacte %s exited at start with status %d" % (" ".join(args), exited[0]))


def draft_files(folder):
    if not os.path.isdir(folder):
        return []
    return sorted(os.path.join(folder, name) for name in os.listdir(folder) if name.endswith(".pacte.json"))


def main():
    tmp = tempfile.mkdtemp(prefix="pacte-recovery-")
    procs = []
    try:
        drafts = os.path.join(tmp, "drafts")
        doc = os.path.join(tmp, "alliances.pacte.json")
        shutil.copyfile(SAMPLE, doc)
        with open(doc, "rb") as f:
            original = f.read()

        env = dict(os.environ)
        # The suite turns accessibility off for the C tests; this one needs it.
        env.pop("NO_AT_BRIDGE", None)
        env.pop("GTK_A11Y", None)
        env["PACTE_DRAFTS_DIR"] = drafts
        env["GSETTINGS_BACKEND"] = "memory"

        # 1. Edit the first plan's alliance manager, leave it unsaved.  The
        # portfolio opens on its overview: the first plan of the list, clicked.
        proc, app = start([doc], env)
        procs.append(proc)
        wait_for("the first plan, opened", lambda: open_first_plan(app))
        plan_name = wait_for("the plan editor", lambda: find(app, "text", lambda n: n.name.startswith("Name")))
        plan_name = text_of(plan_name)
        owner = wait_for("the alliance manager field",
                         lambda: find(app, "text", lambda n: n.name.startswith("Alliance manager")))
        if not owner.queryEditableText().setTextContents(NEW_OWNER):
            fail("could not type into the alliance manager field")
        wait_for("the modified marker in the title", lambda: "•" in window_title(proc))

        # 2. The draft appears within the autosave delay (3 s), with the edit.
        def draft_with_edit():
            for path in draft_files(drafts):
                with open(path, encoding="utf-8") as f:
                    if NEW_OWNER in f.read():
                        return path
            return None
        draft = wait_for("the draft", draft_with_edit, timeout=15)
        with open(draft, "rb") as f:
            unsaved = f.read()

        # 3. Killed: nothing runs, the file on disk is untouched, the draft stays.
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        with open(doc, "rb") as f:
            if f.read() != original:
                fail("the portfolio file changed although it was never saved")
        if not os.path.exists(draft):
            fail("the draft disappeared with the killed program")

        # 4. Start again: the dialog offers the draft; restore it.
        proc, app = start([], env)
        procs.append(proc)
        restore = wait_for("the Restore button of the drafts dialog",
                           lambda: find(app, "push button", lambda n: "Restore" in n.name))
        restore.queryAction().doAction(0)

        # A click that came before the dialog was ready is clicked again.
        # (Text is read live; accessible names may be cached.)
        def restored():
            if find(app, "text", lambda n: n.name.startswith("Alliance manager") and text_of(n) == NEW_OWNER):
                return True
            button = find(app, "push button", lambda n: "Restore" in n.name)
            if button is not None:
                button.queryAction().doAction(0)
            else:
                open_first_plan(app)
            return False
        try:
            # Each try walks the whole accessible tree two or three times,
            # seconds apiece on a loaded machine: a minute, not twenty seconds.
            wait_for("the restored portfolio", restored, timeout=60.0, step=1.0)
        except SystemExit:
            for n in walk(app):
                if n.getRoleName() in ("frame", "dialog", "alert") or (n.getRoleName() == "text" and n.name.startswith("Alliance")):
                    print("# %s %r" % (n.getRoleName(), n.name))
            print("# drafts: %r" % draft_files(drafts))
            raise

        # 5. Save (Ctrl+S in the window) and compare with the unsaved state.
        # The X server may be shared with other tests' windows: if the keys
        # went elsewhere, focus ours again and retry.
        def saved():
            with open(doc, "rb") as f:
                data = f.read()
            return data if data != original else None
        on_disk = None
        for attempt in range(3):
            subprocess.run(["xdotool", "search", "--sync", "--onlyvisible", "--pid", str(proc.pid),
                            "--name", "alliances.pacte.json",
                            "windowfocus", "--sync", "key", "--clearmodifiers", "ctrl+s"],
                           env=env, timeout=20)
            end = time.monotonic() + 5
            while on_disk is None and time.monotonic() < end:
                on_disk = saved()
                time.sleep(0.2)
            if on_disk is not None:
                break
        if on_disk is None:
            fail("Ctrl+S did not save the restored portfolio")
        if on_disk != unsaved:
            fail("the saved file differs from the draft of the unsaved state")

        # Independently: the original with only that edit, in canonical form.
        expected = json.loads(original)
        plans = [p for p in expected["plans"] if p.get("name") == plan_name]
        if len(plans) != 1:
            fail("plan %r not found once in the sample" % plan_name)
        plans[0]["owner"] = NEW_OWNER
        expected_path = os.path.join(tmp, "expected.pacte.json")
        with open(expected_path, "w", encoding="utf-8") as f:
            json.dump(expected, f, ensure_ascii=False)
        subprocess.run([PACTE, "--normalize", expected_path], check=True, env=env, timeout=30)
        with open(expected_path, "rb") as f:
            if f.read() != on_disk:
                fail("the restored and saved portfolio is not the original with the edit")

        # Saved: the draft has nothing left to protect.
        wait_for("the draft to go", lambda: not draft_files(drafts), timeout=10)

        print("1..1")
        print("ok 1 draft recovery: edit, SIGKILL, restore, save gives exactly the unsaved state")
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
                p.wait()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
