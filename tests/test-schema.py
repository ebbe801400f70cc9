#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""data/pacte.schema.json against the program.

1. The schema is a valid draft 2020-12 schema.
2. The sample, the format fixtures and a generated portfolio
   (tests/bench/gen-portfolio.py, small) validate, also with a "$schema"
   member, which the program loads.
3. Over the broken corpus (tests/fuzz/corpus: the fuzzer's inputs, which
   reached the loader's refusals), case by case: a file the schema rejects is
   refused by the built program (`pacte --check`, exit status 2).  A file the
   program refuses although the schema accepts it must be listed in
   NOT_EXPRESSIBLE below with the reason the schema cannot express the rule;
   the list is exact (a listed file that loads, or that the schema learns to
   reject, fails the test too, so the list stays true).

Files that are not strict JSON (270 of the corpus: syntax, encoding,
duplicate member names, NaN...) are outside any schema, which validates a
parsed value: they are counted, not listed.

Runs with Debian's python3 and python3-jsonschema (4.10, in tools/setup.sh).
"""

import concurrent.futures
import json
import os
import subprocess
import sys
import tempfile

import jsonschema

SOURCE = os.environ.get("PACTE_SOURCE_ROOT", os.path.join(os.path.dirname(__file__), ".."))
PACTE = os.environ["PACTE_BIN"]
SCHEMA_PATH = os.path.join(SOURCE, "data", "pacte.schema.json")
CORPUS = os.path.join(SOURCE, "tests", "fuzz", "corpus")

UNKNOWN_PARTNER = ("a plan names a partner id the file does not have: a reference "
                   "across records, which JSON Schema cannot check")
RULE_SET = ("a rule id or parameter name the rule set does not have: the rule set is "
            "data (data/rules/golden-rules.json), not part of the file format")
UNDERFLOW = ("1e-400 reads as 0: a validator sees the parsed number, not how it was "
             "written, so it cannot tell it from 0")

NOT_EXPRESSIBLE = {
    "0531e585c0d419c844b970bff743ad55cfecf9ce": UNKNOWN_PARTNER,
    "4d1f4d16076e0337724a440c1cfbf1e6bb3ca2fc": UNKNOWN_PARTNER,
    "745d97ab777ea9845b104f318b26089ddc0645f5": UNKNOWN_PARTNER,
    "a6e9f94b7946c9056425f9ee2ae30973057bccd7": UNKNOWN_PARTNER,
    "b9207a52c5a09ce1566d04ae945f4fb33cd9547e": UNKNOWN_PARTNER,
    "7c841df291667777a350ccf5d47bbc82dc6a3451": RULE_SET,
    "9ca9c34c50ccb6999170de0c789c3b2e12cb6719": RULE_SET,
    "b8793262682dbeee0e6f78981fc40bd3ba28c589": RULE_SET,
    "cd581a6a7aec102362eb9103c756a900e56d4bbd": RULE_SET,
    "d163f641528b3a08ecc430bbe1bdfa870f9811a6": RULE_SET,
    "d8694fc7ecdd7241edfbcc51a9fac1e78aa9b373": RULE_SET,
    "e5f33473e425c98bed43982b6d54ad47b467e717": RULE_SET,
    "seed-number-underflow": UNDERFLOW,
}

failures = []


def fail(message):
    failures.append(message)
    print("not ok: " + message)


def strict_json(raw):
    """The parsed value, or None when the text is not strict JSON (the
    program's scanner refuses these before any value is looked at)."""
    def refuse_constant(name):
        raise ValueError(name)

    def no_duplicates(pairs):
        keys = [k for k, _ in pairs]
        if len(keys) != len(set(keys)):
            raise ValueError("duplicate member name")
        return dict(pairs)

    try:
        text = raw.decode("utf-8")
        if text.startswith("\ufeff"):
            text = text[1:]
        return json.loads(text, parse_constant=refuse_constant, object_pairs_hook=no_duplicates)
    except (ValueError, RecursionError):
        return None


def refused(path):
    """(refused, message): what `pacte --check` says of the file."""
    run = subprocess.run([PACTE, "--check", path, "--date", "2027-03-15"],
                         capture_output=True, text=True, errors="replace", timeout=120)
    if run.returncode not in (0, 2, 3, 4):
        fail("%s: pacte --check exited with %d: %s" % (path, run.returncode, run.stderr.strip()))
    return run.returncode == 2, run.stderr.strip()


def main():
    schema = json.load(open(SCHEMA_PATH, encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema.get("$id")

    # Valid portfolios validate, and the "$schema" member loads.
    with tempfile.TemporaryDirectory() as scratch:
        generated = os.path.join(scratch, "generated.pacte.json")
        subprocess.run([sys.executable, os.path.join(SOURCE, "tests", "bench", "gen-portfolio.py"),
                        "--partners", "40", "--plans", "12", "--seed", "7", "-o", generated], check=True)
        valid = [os.path.join(SOURCE, "data", "samples", "sample.pacte.json"), generated]
        valid += [os.path.join(SOURCE, "tests", "fixtures", name)
                  for name in ("format-canonical.pacte.json", "format-messy.pacte.json", "long-plan.pacte.json")]
        for path in valid:
            doc = json.load(open(path, encoding="utf-8"))
            errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))
            if errors:
                fail("%s does not validate: %s at %s" % (path, errors[0].message[:200], list(errors[0].absolute_path)))
            with_schema = dict({"$schema": schema["$id"]}, **doc)
            if not validator.is_valid(with_schema):
                fail("%s with a $schema member does not validate" % path)
        with_schema_path = os.path.join(scratch, "with-schema.pacte.json")
        with open(with_schema_path, "w", encoding="utf-8") as out:
            json.dump(dict({"$schema": schema["$id"]}, **json.load(open(valid[0], encoding="utf-8"))), out)
        is_refused, message = refused(with_schema_path)
        if is_refused:
            fail("a $schema member is refused by the program: " + message)

    # The broken corpus, case by case.
    names = sorted(os.listdir(CORPUS))
    parsed = {}
    not_json = 0
    for name in names:
        doc = strict_json(open(os.path.join(CORPUS, name), "rb").read())
        if doc is None:
            not_json += 1
        else:
            parsed[name] = doc
    for name in NOT_EXPRESSIBLE:
        if name not in parsed:
            fail("%s is listed as not expressible but is not in the corpus as strict JSON" % name)

    def judge(name):
        path = os.path.join(CORPUS, name)
        errors = list(validator.iter_errors(parsed[name]))
        is_refused, message = refused(path)
        return name, errors, is_refused, message

    counts = {"schema rejects, program refuses": 0, "both accept": 0, "not expressible": 0}
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        for name, errors, is_refused, message in pool.map(judge, sorted(parsed)):
            if errors and not is_refused:
                fail("%s: the schema rejects it (%s at %s) but the program loads it"
                     % (name, errors[0].message[:200], list(errors[0].absolute_path)))
            elif errors:
                counts["schema rejects, program refuses"] += 1
                if name in NOT_EXPRESSIBLE:
                    fail("%s: the schema now rejects it (%s); remove it from NOT_EXPRESSIBLE"
                         % (name, errors[0].message[:200]))
            elif is_refused:
                counts["not expressible"] += 1
                if name not in NOT_EXPRESSIBLE:
                    fail("%s: the program refuses it (%s) but the schema accepts it; make the schema "
                         "reject it, or list it in NOT_EXPRESSIBLE with the reason" % (name, message[:300]))
            else:
                counts["both accept"] += 1
                if name in NOT_EXPRESSIBLE:
                    fail("%s is listed as not expressible but the program loads it" % name)

    print("corpus: %d files, %d not strict JSON; %s" % (len(names), not_json,
          ", ".join("%s: %d" % item for item in counts.items())))
    # The corpus must exercise the schema, not only pass by being empty.
    if counts["schema rejects, program refuses"] < 50:
        fail("only %d corpus files are rejected by the schema" % counts["schema rejects, program refuses"])
    if failures:
        print("%d failure(s)" % len(failures))
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
