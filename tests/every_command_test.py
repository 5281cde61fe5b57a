"""Every command prints through the one diagnostics printer and takes its language from the one
command context: each is run on an input with (at least) two problems, as text, with
--format json, with -q, with --max-messages 1 and with KVALITET_LANG=en, and each must behave
the same way (issue 27).

Usage: every_command_test.py KVALITET SOURCE_DIR"""
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

from verdict import verdict

KV, SRC = sys.argv[1], sys.argv[2]
FIXTURES = os.path.join(SRC, "tests", "fixtures")
TEMPLATES = os.path.join(FIXTURES, "templates")
DIAGNOSTIC = re.compile(r"^\S.*: (error|warning): ")
SUMMARY_SV = re.compile(r"^\d+ fel och \d+ varning(ar)?\.$", re.M)
SUMMARY_EN = re.compile(r"^\d+ errors? and \d+ warnings?\.$", re.M)
failures = []


def replace(path, old, new):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if old not in text:
        raise SystemExit(f"fixture edit not found in {path}: {old!r}")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text.replace(old, new, 1))


def make_inputs(tmp):
    """The inputs, each with two problems or more: content with two errors in inlamning.yaml;
    the example content with two Kolada indicators of a unit without a Kolada id; templates
    with two broken structure files."""
    content = os.path.join(tmp, "content")
    shutil.copytree(os.path.join(FIXTURES, "valid"), content)
    replace(os.path.join(content, "provenhet/2020/prov/inlamning.yaml"), "antal_anställda: 12\n",
            "antal_anställda: tolv\nokänd: x\n")
    kolada = os.path.join(tmp, "kolada-content")
    shutil.copytree(os.path.join(SRC, "content"), kolada)
    section = os.path.join(kolada, "hagersten-alvsjo-hemtjanst/2024/verksamhetsberattelse/avsnitt-04.md")
    replace(section, "utfall: 83\nvb: 84\n", "utfall: 83\nvb: 84\nkolada: U21468\n")
    replace(section, "utfall: 13\nvb: \"12,02\"\n", "utfall: 13\nvb: \"12,02\"\nkolada: U21401\n")
    broken = os.path.join(tmp, "broken-templates", "structures")
    os.makedirs(broken)
    for name in ("a-2020.yaml", "b-2020.yaml"):
        with open(os.path.join(broken, name), "w", encoding="utf-8") as f:
            f.write("id: [\n")
    return content, kolada, os.path.dirname(broken)


def commands(tmp, content, kolada, broken_templates):
    out = os.path.join(tmp, "out")
    t = ["--templates", TEMPLATES]
    return {
        "check": ["check", content] + t,
        "build": ["build", content, "-o", out] + t,
        "pdf": ["pdf", content, "-o", out] + t,
        "bedomning": ["bedomning", content, "-o", out] + t,
        "arkiv": ["arkiv", "2020", content, "-o", out, "--arkiv", os.path.join(tmp, "arkiv"), "--adress", "https://example.org/"] + t,
        "serve": ["serve", content, "-p", "0"] + t,
        "kolada": ["kolada", kolada, "--data", os.path.join(FIXTURES, "kolada")],
        # Every file of the structure exists already, and the Word file does not.
        "importera": ["importera", os.path.join(tmp, "saknas.docx"), content, "--struktur", "prov-2020", "--enhet", "provenhet"] + t,
        # The document exists already (one error at its folder), and --namn is not used for a
        # unit that has its enhet.yaml (a warning).
        "ny": ["ny", "provenhet", content, "--struktur", "prov-2020", "--namn", "Ett annat namn"] + t,
        "schema": ["schema", content, "-o", os.path.join(tmp, "schema"), "--templates", broken_templates],
    }


def run(args, env_lang=None):
    env = dict(os.environ)
    env.pop("KVALITET_LANG", None)
    if env_lang:
        env["KVALITET_LANG"] = env_lang
    if args[0] != "serve":
        p = subprocess.run([KV] + args, capture_output=True, text=True, env=env, timeout=300)
        return p.returncode, p.stdout, p.stderr
    # serve runs until Ctrl-C: stopped once its first build has been reported.
    with tempfile.TemporaryFile("w+") as o, tempfile.TemporaryFile("w+") as e:
        p = subprocess.Popen([KV] + args, stdout=o, stderr=e, text=True, env=env)
        deadline = time.time() + 60
        while time.time() < deadline and p.poll() is None:
            o.seek(0)
            e.seek(0)
            if "127.0.0.1" in o.read() + e.read():
                break
            time.sleep(0.1)
        if p.poll() is None:
            p.send_signal(signal.SIGINT)
        status = p.wait(timeout=30)
        o.seek(0)
        e.seek(0)
        return status, o.read(), e.read()


def diagnostic_lines(text):
    return [line for line in text.splitlines() if DIAGNOSTIC.match(line)]


def check_command(name, args):
    def fail(what):
        failures.append(f"{name}: {what}")

    status, out, err = run(args)
    expected_status = 0 if name == "serve" else 1
    if status != expected_status:
        fail(f"exit status {status}, expected {expected_status}\n{err}")
    if len(diagnostic_lines(err)) < 2:
        fail(f"fewer than two diagnostics as text:\n{err}")
    if not SUMMARY_SV.search(err):
        fail(f"no Swedish summary line:\n{err}")

    # --format json: only JSON lines on stdout, errors first; the status as with text.
    j_status, j_out, j_err = run(args + ["--format", "json"])
    if j_status != status:
        fail(f"--format json: exit status {j_status}, not {status}")
    records = []
    for line in j_out.splitlines():
        try:
            records.append(json.loads(line))
        except ValueError:
            fail(f"--format json: a line on stdout is not JSON: {line!r}")
    if len(records) < 2:
        fail(f"--format json: {len(records)} diagnostics on stdout\n{j_out}\n{j_err}")
    for r in records:
        if set(r) != {"file", "line", "column", "severity", "message", "hint"}:
            fail(f"--format json: unexpected fields {sorted(r)}")
    severities = [r.get("severity") for r in records]
    if severities != sorted(severities, key=lambda s: s != "error"):
        fail(f"--format json: errors are not first: {severities}")
    if diagnostic_lines(j_err):
        fail(f"--format json: diagnostics also as text on stderr:\n{j_err}")

    # -q: the diagnostics and nothing else for people.
    q_status, q_out, q_err = run(args + ["-q"])
    if q_status != status:
        fail(f"-q: exit status {q_status}, not {status}")
    if len(diagnostic_lines(q_err)) < 2:
        fail(f"-q: the diagnostics are missing:\n{q_err}")
    for line in q_err.splitlines():
        if not DIAGNOSTIC.match(line) and not line.startswith("    "):
            fail(f"-q: a line that is no diagnostic on stderr: {line!r}")
    if q_out.strip() and name != "serve":  # serve still says where it is
        fail(f"-q: stdout is not empty: {q_out!r}")

    # --max-messages 1: one diagnostic, then how many were left out.
    m_status, _, m_err = run(args + ["--max-messages", "1"])
    if m_status != status:
        fail(f"--max-messages 1: exit status {m_status}, not {status}")
    if len(diagnostic_lines(m_err)) != 1:
        fail(f"--max-messages 1: {len(diagnostic_lines(m_err))} diagnostics printed:\n{m_err}")
    if "meddelanden till som inte visas" not in m_err:
        fail(f"--max-messages 1: no line saying how many were left out:\n{m_err}")
    first_text = diagnostic_lines(m_err)[:1]
    if records and first_text and records[0]["severity"] == "error" and ": error: " not in first_text[0]:
        fail(f"--max-messages 1: the one shown is not an error: {first_text[0]}")

    # KVALITET_LANG=en: the messages in English, whatever site.yaml says.
    e_status, _, e_err = run(args, env_lang="en")
    if e_status != status:
        fail(f"KVALITET_LANG=en: exit status {e_status}, not {status}")
    if not SUMMARY_EN.search(e_err) or SUMMARY_SV.search(e_err):
        fail(f"KVALITET_LANG=en: the summary is not in English:\n{e_err}")


def main():
    with tempfile.TemporaryDirectory() as tmp:
        inputs = make_inputs(tmp)
        for name, args in commands(tmp, *inputs).items():
            check_command(name, args)
    return verdict(failures)


if __name__ == "__main__":
    sys.exit(main())
