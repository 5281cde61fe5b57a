#!/usr/bin/python3
"""`kvalitet serve` as a user runs it: start it on a free port, wait for the address line,
fetch the start page (the reload script is in it), then stop it with Ctrl-C (SIGINT) and with
SIGTERM. Each time the exit status is 0, the private build folder under $TMPDIR is gone, and
no output/ folder was made in the working folder.

Usage: serve_cli_test.py KVALITET CONTENT TEMPLATES THEMES"""
import os
import pathlib
import re
import select
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request

from verdict import verdict

kvalitet, content, templates, themes = (pathlib.Path(a).resolve() for a in sys.argv[1:5])
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
    return bool(cond)


def read_address(proc, timeout=120):
    """The address from the line "Webbplatsen visas på http://127.0.0.1:PORT/ — …".

    Reads the pipe's file descriptor directly: select() on a buffered reader misses lines that
    arrived in the same chunk as the one readline() returned (they sit in Python's buffer)."""
    deadline = time.monotonic() + timeout
    seen = b""
    fd = proc.stdout.fileno()
    while time.monotonic() < deadline:
        m = re.search(rb"http://127\.0\.0\.1:(\d+)/", seen)
        if m:
            return m.group(0).decode(), seen
        ready, _, _ = select.select([fd], [], [], 0.5)
        if not ready:
            if proc.poll() is not None:
                break
            continue
        chunk = os.read(fd, 4096)
        if not chunk:
            break
        seen += chunk
    return None, seen


def serve_once(stop_signal):
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        private_base = tmp / "tmpdir"
        private_base.mkdir()
        env = dict(os.environ, TMPDIR=str(private_base))
        proc = subprocess.Popen(
            [str(kvalitet), "serve", str(content), "--templates", str(templates), "--themes", str(themes),
             "--port", "0"],
            cwd=tmp, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        try:
            address, seen = read_address(proc)
            if not check(address, f"{stop_signal.name}: no address line; stdout: {seen!r}"):
                return
            check("Webbplatsen visas på" in seen.decode(), f"{stop_signal.name}: the address line is not Swedish")
            private = [p for p in private_base.iterdir() if p.name.startswith("kvalitet-serve-")]
            check(len(private) == 1, f"{stop_signal.name}: expected one private folder, found {private}")
            with urllib.request.urlopen(address, timeout=30) as response:
                page = response.read().decode()
            check(response.status == 200, f"{stop_signal.name}: status {response.status}")
            check("/_kvalitet/handelser" in page, f"{stop_signal.name}: no reload script in the start page")
            check("Provwebbplats" in page, f"{stop_signal.name}: not the start page")
            proc.send_signal(stop_signal)
            status = proc.wait(timeout=30)
            check(status == 0, f"{stop_signal.name}: exit status {status}; stderr: {proc.stderr.read()!r}")
            check(not any(private_base.iterdir()),
                  f"{stop_signal.name}: left behind: {list(private_base.iterdir())}")
            check(not (tmp / "output").exists(), f"{stop_signal.name}: an output/ folder was made")
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
                check(False, f"{stop_signal.name}: still running after the signal")


for sig in (signal.SIGINT, signal.SIGTERM):
    serve_once(sig)
sys.exit(verdict(failures))
