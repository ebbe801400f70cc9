#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Draft recovery, end to end, with the real program.

Edit a portfolio in the window (through the accessibility bus, as a screen
reader would), wait for the draft, kill the program with SIGKILL, start it
again, restore the draft from the start-up dialog, save, and check that the
file now holds exactly the unsaved state: the original with that one edit.

Runs under the suite's xvfb-run and dbus-run-session; needs Debian's
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


def text_of(node):
    text = node.queryText()
    return text.getText(0, text.characterCount)  # GTK 4.8: not (0, -1)


def frame_title(app):
    frame = find(app, "frame", lambda n: True)
    return frame.name if frame is not None else None


def start(args, env):
    proc = subprocess.Popen([PACTE] + args, env=env)
    app = wait_for("the window of pacte " + " ".join(args), lambda: find_app(proc.pid))
    return proc, app


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

        # 1. Edit the first plan's alliance manager, leave it unsaved.
        proc, app = start([doc], env)
        procs.append(proc)
        wait_for("the portfolio", lambda: "alliances.pacte.json" in (frame_title(app) or ""))
        plan_name = wait_for("the plan editor", lambda: find(app, "text", lambda n: n.name.startswith("Name")))
        plan_name = text_of(plan_name)
        owner = wait_for("the alliance manager field",
                         lambda: find(app, "text", lambda n: n.name.startswith("Alliance manager")))
        if not owner.queryEditableText().setTextContents(NEW_OWNER):
            fail("could not type into the alliance manager field")
        wait_for("the modified marker", lambda: "•" in (frame_title(app) or ""))

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
        wait_for("the restored portfolio", lambda: "alliances.pacte.json" in (frame_title(app) or ""))
        owner = wait_for("the restored alliance manager",
                         lambda: find(app, "text", lambda n: n.name.startswith("Alliance manager")
                                      and text_of(n) == NEW_OWNER))

        # 5. Save (Ctrl+S in the window) and compare with the unsaved state.
        subprocess.run(["xdotool", "search", "--sync", "--name", "alliances.pacte.json",
                        "windowfocus", "--sync", "key", "--clearmodifiers", "ctrl+s"],
                       check=True, env=env, timeout=20)

        def saved():
            with open(doc, "rb") as f:
                data = f.read()
            return data if data != original else None
        on_disk = wait_for("the saved file", saved)
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
