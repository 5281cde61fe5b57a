#!/usr/bin/python3
"""SIGKILL `kvalitet build` at several moments and check the write stage's promise: the output
folder is always a complete build (its marker, index.html, and the same file list as a full
build), and the next build leaves no staging or moved-aside folder of a dead process.

Usage: kill_test.py KVALITET CONTENT TEMPLATES. The example content is copied KV_KILL_COPIES
times (default 5) as extra units, so a build takes long enough to be killed mid-way.
Moments: fixed delays, fractions of a full build's time, and "at the swap": the staging
folder's completion marker (.kvalitet-output, written last) is polled for and the build
killed as soon as it appears."""
import os
import pathlib
import shutil
import signal
import subprocess
import sys
import tempfile
import time

from verdict import verdict

kvalitet, content, templates = map(pathlib.Path, sys.argv[1:4])
failures = []
MARKER = ".kvalitet-output"


def check(cond, what):
    if not cond:
        failures.append(what)
    return bool(cond)


def make_content(dest, copies):
    shutil.copytree(content, dest)
    units = [d for d in sorted(content.iterdir()) if d.is_dir()]
    for n in range(1, copies + 1):
        for unit in units:
            shutil.copytree(unit, dest / f"{unit.name}-{n:02d}")
    return dest


def command(src, out):
    # --rebuild: every run must write the whole site, though the content never changes.
    return [str(kvalitet), "build", str(src), "-o", str(out), "--templates", str(templates), "-j", "2", "--rebuild"]


def file_list(folder):
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def leftovers(out):
    """Sibling folders named like a build's staging or moved-aside output: {path: pid}."""
    found = {}
    for p in out.parent.iterdir():
        for kind in (".staging.", ".old."):
            prefix = out.name + kind
            if p.name.startswith(prefix) and p.name[len(prefix):].isdigit():
                found[p] = int(p.name[len(prefix):])
    return found


def check_complete(out, reference, when):
    ok = check(out.is_dir(), f"{when}: the output folder is missing")
    ok = ok and check((out / MARKER).is_file(), f"{when}: the output has no {MARKER}")
    ok = ok and check((out / "index.html").is_file(), f"{when}: the output has no index.html")
    if ok:
        files = file_list(out)
        check(files == reference, f"{when}: the output differs from a full build: "
              f"{len(files)} files, {len(set(reference) - set(files))} missing, {len(set(files) - set(reference))} extra")


def killed_build(src, out, wait):
    """Starts a build, calls wait(process) and SIGKILLs it; returns its pid and whether it ended by itself."""
    process = subprocess.Popen(command(src, out), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait(process)
    finished = process.poll() is not None
    process.send_signal(signal.SIGKILL)
    process.wait()
    return process.pid, finished


def sleeper(seconds):
    return lambda process: time.sleep(seconds)


def at_swap(out):
    def wait(process):
        staging = out.parent / f"{out.name}.staging.{process.pid}"
        while process.poll() is None and not (staging / MARKER).exists():
            pass  # busy: the window between the marker and the swap is short
    return wait


def main():
    with tempfile.TemporaryDirectory(prefix="kvalitet-kill-") as tmp:
        tmp = pathlib.Path(tmp)
        src = make_content(tmp / "content", int(os.environ.get("KV_KILL_COPIES", "5")))
        start = time.monotonic()
        check(subprocess.run(command(src, tmp / "reference"), capture_output=True).returncode == 0, "reference build")
        duration = time.monotonic() - start
        reference = file_list(tmp / "reference")
        check(len(reference) > 100, f"the reference build has only {len(reference)} files")
        out = tmp / "site"
        check(subprocess.run(command(src, out), capture_output=True).returncode == 0, "first build")
        print(f"a full build takes {duration:.2f} s and writes {len(reference)} files")

        moments = [(f"{s * 1000:.0f} ms", sleeper(s)) for s in (0.05, 0.2, 0.5, 1.0)]
        moments += [(f"{f:.0%} of a build", sleeper(f * duration)) for f in (0.5, 0.9)]
        moments += [(f"at the swap ({n})", at_swap(out)) for n in range(1, 4)]
        left_by_kills, previous = 0, None
        for name, wait in moments:
            built = (out / MARKER).stat().st_ino
            pid, finished = killed_build(src, out, wait)
            check_complete(out, reference, f"killed {name}")
            left = leftovers(out)
            # Leftovers never pile up: a build removes the earlier ones first thing (on a busy
            # machine the previous kill's may still be there if this one died before that).
            check(all(p in (pid, previous) for p in left.values()),
                  f"killed {name}: leftovers of earlier builds: {sorted(left)}")
            left_by_kills += pid in left.values()
            previous = pid
            swapped = (out / MARKER).stat().st_ino != built
            print(f"killed {name}: {'had already finished' if finished else 'running'}, "
                  f"{'new output in place' if swapped else 'old output in place'}; "
                  f"left {', '.join(p.name for p in left) or 'nothing'}")
        # Without leftovers the clean-up would be untested: at least the mid-build kills leave one.
        check(left_by_kills >= 3, f"only {left_by_kills} kills left a staging folder: the moments missed the build")

        result = subprocess.run(command(src, out), capture_output=True, text=True)
        check(result.returncode == 0, f"the build after the kills failed: {result.stderr}")
        check_complete(out, reference, "after the kills")
        check(not leftovers(out), f"left after a full build: {sorted(leftovers(out))}")

    return verdict(failures)


if __name__ == "__main__":
    sys.exit(main())
