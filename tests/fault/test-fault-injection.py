#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fault injection on Pacte's real write paths (TAP).

    test-fault-injection.py PACTE FAULT_WRITER SHIM SOURCE_ROOT [--quick]

Under an LD_PRELOAD shim (pacte-fault-shim.c) that makes write(), fsync(),
close(), rename() fail, it drives `pacte --normalize`, `pacte --report` and
the core's portfolio save (sync and async, with its FILE~ backup) and draft
save (sync and async) through fault-writer:
  - ENOSPC at every write position of a small file (--quick: a sample);
  - EIO on fsync and on close, a rename that fails;
  - SIGKILL at random points of a large save (20 runs), SIGTERM and SIGINT;
  - as root, a real 64 KiB tmpfs that fills up.
After each: the old file is byte-identical, or the new file is complete and
valid; no temporary file is left (after a SIGKILL the leftover has Pacte's
name and the next write to the folder removes it once it is old).
"""

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time

PACTE, WRITER, SHIM, ROOT = sys.argv[1:5]
QUICK = "--quick" in sys.argv[5:]
MESSY = os.path.join(ROOT, "tests", "fixtures", "format-messy.pacte.json")
MESSY_EXPECTED = os.path.join(ROOT, "tests", "fixtures", "format-messy.expected.json")
SAMPLE = os.path.join(ROOT, "data", "samples", "sample.pacte.json")
GEN = os.path.join(ROOT, "tests", "bench", "gen-portfolio.py")
ENOSPC, EIO, EACCES = 28, 5, 13
CHANGED = "Changed by the fault test"

n_test = 0
failures = 0


def ok(cond, what):
    global n_test, failures
    n_test += 1
    if cond:
        print(f"ok {n_test} - {what}")
    else:
        failures += 1
        print(f"not ok {n_test} - {what}")
    sys.stdout.flush()
    return cond


def skip(reason):
    global n_test
    n_test += 1
    print(f"ok {n_test} # SKIP {reason}")
    sys.stdout.flush()


def read(path):
    with open(path, "rb") as f:
        return f.read()


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)


def env_with(faults, log):
    env = dict(os.environ)
    env["LD_PRELOAD"] = SHIM
    # The sanitizer's runtime wants to come first; the shim only wraps libc.
    env["ASAN_OPTIONS"] = (env.get("ASAN_OPTIONS", "") + ":verify_asan_link_order=0").lstrip(":")
    env["PACTE_FAULT_LOG"] = log
    for k, v in faults.items():
        env["PACTE_FAULT_" + k] = str(v)
    return env


def leftovers(folder):
    return sorted(n for n in os.listdir(folder)
                  if n.startswith(".pacte-tmp-") or n.startswith(".goutputstream-"))


def faults_hit(log):
    if not os.path.exists(log):
        return 0
    with open(log) as f:
        n = len(f.read().splitlines())
    os.unlink(log)
    return n


def valid_portfolio(path, must_contain=None):
    try:
        data = read(path)
        doc = json.loads(data)
    except (OSError, ValueError):
        return False
    if doc.get("format") != "pacte-portfolio":
        return False
    return must_contain is None or must_contain.encode() in data


def run(cmd, faults, log, folder):
    return subprocess.run(cmd, env=env_with(faults, log), cwd=folder,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)


class Case:
    """One write path: the command, the file it replaces, what success gives."""

    def __init__(self, name, folder, old, make_cmd, check_new, target_name):
        self.name = name
        self.folder = folder
        self.old = old
        self.make_cmd = make_cmd
        self.check_new = check_new
        self.target = os.path.join(folder, target_name)
        self.two_files = name.startswith("draft")

    def reset(self):
        for n in os.listdir(self.folder):
            p = os.path.join(self.folder, n)
            if os.path.isdir(p):
                shutil.rmtree(p)
            else:
                os.unlink(p)
        if self.old is not None:
            write(self.target, self.old)

    def attempt(self, faults, log, expect_fault=True, must_fail=False):
        """Runs once under faults; returns a failure description or None."""
        self.reset()
        r = run(self.make_cmd(self), faults, log, self.folder)
        hit = faults_hit(log)
        err = r.stderr.decode(errors="replace").strip()
        stray = leftovers(self.folder)
        if stray:
            return f"stray temporary files {stray}"
        if r.returncode == 0:
            if must_fail:
                return "reported success despite the fault"
            if not self.check_new(self):
                return "reported success but the new file is incomplete or invalid"
            if expect_fault:
                return f"the write was cut short ({hit} faults injected) yet it reported success"
            return None
        if r.returncode != 2:
            return f"exit status {r.returncode} (expected 2): {err}"
        if not hit:
            return f"failed without an injected fault: {err}"
        if self.old is not None:
            # A draft is two files, data first: a failure on the second
            # leaves the new data complete.
            if read(self.target) != self.old and not (self.two_files and self.check_new(self)):
                return "the old file was changed by a failed write"
        elif os.path.exists(self.target):
            return "a failed write left a file behind"
        if self.target.split("/")[-1] not in err and "draft" not in self.name:
            return f"the message does not name the file: {err}"
        return None


def main():
    random.seed(20271)
    work = tempfile.mkdtemp(prefix="pacte-fault-")
    log = os.path.join(work, "faults.log")
    messy = read(MESSY)
    expected = read(MESSY_EXPECTED)
    sample = read(SAMPLE)

    def folder(name):
        p = os.path.join(work, name)
        os.mkdir(p)
        return p

    src = os.path.join(work, "input.pacte.json")
    write(src, messy)
    # The smallest real portfolio: every write position of it is tried.
    tiny = b'{"format":"pacte-portfolio","version":1,"plans":[{"id":"p-1","name":"Tiny"}]}'
    tiny_src = os.path.join(work, "tiny.pacte.json")
    write(tiny_src, tiny)
    r = subprocess.run([PACTE, "--normalize", tiny_src, "-o", os.path.join(work, "tiny-expected.json")])
    tiny_expected = read(os.path.join(work, "tiny-expected.json"))

    cases = [
        Case("pacte --normalize (in place)", folder("normalize"), tiny,
             lambda c: [PACTE, "--normalize", c.target],
             lambda c: read(c.target) == tiny_expected, "team.pacte.json"),
        Case("pacte --normalize -o over an old file", folder("normalize-o"), sample,
             lambda c: [PACTE, "--normalize", src, "-o", c.target],
             lambda c: read(c.target) == expected, "out.pacte.json"),
        Case("pacte --report over an old PDF", folder("report"), b"%PDF-1.5 old report\n",
             lambda c: [PACTE, "--report", c.target, src, "--date", "2027-03-15"],
             lambda c: read(c.target).startswith(b"%PDF-") and read(c.target).rstrip().endswith(b"%%EOF"),
             "review.pdf"),
        Case("portfolio save (with backup)", folder("save"), messy,
             lambda c: [WRITER, "save", src, c.target],
             lambda c: valid_portfolio(c.target, CHANGED) and read(c.target + "~") == messy,
             "team.pacte.json"),
        Case("portfolio save, asynchronous", folder("save-async"), messy,
             lambda c: [WRITER, "save-async", src, c.target],
             lambda c: valid_portfolio(c.target, CHANGED) and read(c.target + "~") == messy,
             "team.pacte.json"),
        Case("portfolio save as a new file", folder("save-new"), None,
             lambda c: [WRITER, "save", src, c.target],
             lambda c: valid_portfolio(c.target, CHANGED), "new.pacte.json"),
        Case("draft save", folder("draft"), messy,
             lambda c: [WRITER, "draft", src, c.folder],
             lambda c: valid_portfolio(c.target, CHANGED), "fault.pacte.json"),
        Case("draft save, asynchronous", folder("draft-async"), messy,
             lambda c: [WRITER, "draft-async", src, c.folder],
             lambda c: valid_portfolio(c.target, CHANGED), "fault.pacte.json"),
    ]

    print("TAP version 13")

    # ---- ENOSPC at every write position --------------------------------
    for case in cases:
        case.reset()
        r = run(case.make_cmd(case), {}, log, case.folder)
        if not ok(r.returncode == 0 and case.check_new(case) and not leftovers(case.folder),
                  f"{case.name}: writes without faults"):
            print("# " + r.stderr.decode(errors="replace"))
            continue
        size = os.path.getsize(case.target)
        if case.name.startswith("pacte --normalize (in place)") and not QUICK:
            positions = list(range(0, size + 1))
        else:
            step = max(1, size // (6 if QUICK else 16))
            positions = sorted(set(list(range(0, size + 1, step)) + [1, size - 1, size]))
        bad = []
        for n in positions:
            why = case.attempt({"WRITE_AFTER": n, "ERRNO": ENOSPC}, log, expect_fault=n < size)
            if why:
                bad.append(f"at byte {n}: {why}")
                if len(bad) > 3:
                    break
        ok(not bad, f"{case.name}: disk full at {len(positions)} write positions of {size} bytes"
           + ("".join("\n# " + b for b in bad)))

    # ---- EIO on fsync and close, a rename that fails --------------------
    for case in cases:
        for label, faults in (("EIO on fsync", {"FSYNC": 1, "ERRNO": EIO}),
                              ("EIO on close", {"CLOSE": 1, "ERRNO": EIO}),
                              ("a rename that fails", {"RENAME": 1, "ERRNO": EACCES})):
            why = case.attempt(faults, log, must_fail=True)
            ok(why is None, f"{case.name}: {label}" + ("" if why is None else f"\n# {why}"))

    # ---- no hard links: the backup is a copy, written atomically too ----
    save = cases[3]
    why = save.attempt({"LINK": 1, "WRITE_AFTER": 10 ** 9}, log, expect_fault=False)
    ok(why is None, "portfolio save where hard links are refused: the backup is copied"
       + ("" if why is None else f"\n# {why}"))

    # ---- signals during a large save -------------------------------------
    big_folder = folder("big")
    big_src = os.path.join(work, "big-input.pacte.json")
    subprocess.run([sys.executable, GEN, "--plans", "100" if QUICK else "150",
                    "--partners", "500" if QUICK else "700", "-o", big_src], check=True)
    target = os.path.join(big_folder, "big.pacte.json")
    old = sample
    write(target, old)
    start = time.monotonic()
    r = subprocess.run([PACTE, "--normalize", big_src, "-o", target], stderr=subprocess.PIPE)
    duration = time.monotonic() - start
    new = read(target)
    ok(r.returncode == 0 and new != old and not leftovers(big_folder),
       f"large normalize ({len(new)} bytes) in {duration:.2f} s")

    def kill_run(sig, mode):
        write(target, old)
        os.utime(target, None)
        cmd = ([PACTE, "--normalize", big_src, "-o", target] if mode == "cli"
               else [WRITER, "save", big_src, target])
        p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if random.random() < 0.5:
            time.sleep(random.uniform(0, duration))
        else:
            # Aim at the write itself: wait for the temporary file to appear.
            deadline = time.monotonic() + duration * 3
            while not leftovers(big_folder) and p.poll() is None and time.monotonic() < deadline:
                time.sleep(0.002)
            time.sleep(random.uniform(0, 0.05))
        if p.poll() is None:
            p.send_signal(sig)
        p.wait()
        now = read(target)
        if mode == "cli":
            complete = now == new
        else:
            complete = valid_portfolio(target, CHANGED)
        return now == old or complete, leftovers(big_folder)

    bad = []
    stray_seen = 0
    for i in range(8 if QUICK else 20):
        mode = "cli" if i % 2 == 0 else "save"
        good, stray = kill_run(signal.SIGKILL, mode)
        if not good:
            bad.append(f"run {i} ({mode}): the file is neither the old one nor the new one")
        for n in stray:
            if not n.startswith(".pacte-tmp-"):
                bad.append(f"run {i}: a leftover without Pacte's name: {n}")
            # Old enough to be a dead run's: the next write removes it.
            past = time.time() - 3600
            os.utime(os.path.join(big_folder, n), (past, past))
            stray_seen += 1
        for n in os.listdir(big_folder):
            if n.endswith("~"):
                os.unlink(os.path.join(big_folder, n))
    ok(not bad, f"SIGKILL at random points of a large save: old file or new file, never a mix"
       + "".join("\n# " + b for b in bad))
    # The next write to the folder removes the leftovers of the killed runs,
    # but not a fresh one (it may be another program's write in progress).
    fresh = os.path.join(big_folder, ".pacte-tmp-AbCd12-fresh.pacte.json")
    foreign = os.path.join(big_folder, ".pacte-tmp-not-ours")
    write(fresh, b"in progress")
    write(foreign, b"someone else's")
    r = subprocess.run([PACTE, "--normalize", MESSY, "-o", os.path.join(big_folder, "small.pacte.json")],
                       stderr=subprocess.PIPE)
    ok(r.returncode == 0 and leftovers(big_folder) == sorted([os.path.basename(fresh), os.path.basename(foreign)]),
       f"the next write removes the {stray_seen} old leftovers of killed runs, and only them")
    os.unlink(fresh)
    os.unlink(foreign)

    bad = []
    for i, sig in enumerate([signal.SIGTERM, signal.SIGINT] * (2 if QUICK else 3)):
        good, stray = kill_run(sig, "cli")
        if not good:
            bad.append(f"{sig.name} run {i}: the file is neither the old one nor the new one")
        if stray:
            bad.append(f"{sig.name} run {i}: left {stray}")
    ok(not bad, "SIGTERM and SIGINT: the command line removes its temporary file"
       + "".join("\n# " + b for b in bad))

    # ---- a real full disk ------------------------------------------------
    if os.geteuid() != 0:
        skip("a real 64 KiB tmpfs needs root (the shim covered a full disk)")
    else:
        mnt = folder("tmpfs")
        m = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", mnt],
                           stderr=subprocess.PIPE)
        if m.returncode != 0:
            skip("mount -t tmpfs refused here: " + m.stderr.decode(errors="replace").strip())
        else:
            try:
                # Not canonical (a space too many), so that it is rewritten;
                # the rewrite needs a second copy's room, which is not there.
                full = os.path.join(mnt, "sample.pacte.json")
                before = sample.replace(b"\n  ", b"\n   ", 1)
                write(full, before)
                r = subprocess.run([PACTE, "--normalize", full], stderr=subprocess.PIPE)
                err = r.stderr.decode(errors="replace")
                ok(r.returncode == 2 and read(full) == before and not leftovers(mnt)
                   and "No space left on device" in err and "nothing was changed" in err,
                   "a real full 64 KiB tmpfs: exit 2, the file intact, nothing left\n# " + err.strip())
            finally:
                subprocess.run(["umount", mnt])

    shutil.rmtree(work, ignore_errors=True)
    print(f"1..{n_test}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
