#!/usr/bin/python3
"""A build onto a disk that fills up, for real: a small tmpfs mounted in a private mount
namespace (unshare -m; needs root, otherwise the test is skipped with status 77).

The tmpfs holds one build and part of a second, so the second build runs out of space while
rendering: the language and the site's title change between the two, so every page and
index file is new (a build links the files that come out the same from the previous output
instead of writing them). Checked for several sizes (so the disk fills during different writers: pages,
workbooks, the search index): exit status 1, exactly one error, which says the disk is full
and names the mount point, the previous output byte for byte as it was, and no staging
folder left. Then the same tmpfs read-only: one error saying so, output intact.

Usage: disk_full_test.py KVALITET CONTENT TEMPLATES"""
import hashlib
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile

from verdict import verdict

SKIP = 77
kvalitet, content, templates = map(pathlib.Path, sys.argv[1:4])
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
    return bool(cond)


def build(out, *extra, source=None):
    # --rebuild: each attempt must really build, also when the content did not change.
    return subprocess.run([str(kvalitet), "build", str(source or content), "-o", str(out), "--templates", str(templates),
                           "-j", "2", "--rebuild", *extra], capture_output=True, text=True)


def retitled(tmp):
    """A copy of the content whose site title differs: every page of a build differs."""
    copy = tmp / "retitled"
    if not copy.exists():
        shutil.copytree(content, copy)
        settings = copy / "site.yaml"
        text = settings.read_text(encoding="utf-8")
        settings.write_text(text.replace("titel: ", "titel: Ny titel för ", 1), encoding="utf-8")
    return copy


def snapshot(folder):
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def tmpfs_bytes(folder):
    """What the folder's files take on a tmpfs: whole 4 KiB pages."""
    return sum((p.stat().st_size + 4095) // 4096 * 4096 for p in folder.rglob("*") if p.is_file())


def errors(stderr):
    return [line for line in stderr.splitlines() if ": error: " in line]


def mount(mnt, options):
    subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(mnt)], check=True)


def full_disk(tmp, need, shared, factor, lang):
    """Room for one build and (factor - 1) of what the second writes (all but the shared files)."""
    mnt = tmp / f"disk-{factor}"
    mnt.mkdir()
    mount(mnt, f"size={int(need + (need - shared) * (factor - 1)) // 4096 * 4096}")
    try:
        out = mnt / "site"
        # In the other language, so that labels differ on every page and in the search index.
        first = build(out, "--lang", "en" if lang == "sv" else "sv")
        if not check(first.returncode == 0, f"×{factor}: the first build does not fit: {first.stderr}"):
            return
        before = snapshot(out)
        extra = ["--lang", "en"] if lang == "en" else []
        second = build(out, *extra, source=retitled(tmp))
        what = f"×{factor} ({lang})"
        check(second.returncode == 1, f"{what}: exit status {second.returncode}, not 1")
        found = errors(second.stderr)
        full = "the disk is full: the file system at " if lang == "en" else "disken är full: filsystemet på "
        check(len(found) == 1, f"{what}: {len(found)} errors, not one:\n{second.stderr}")
        check(any(f"{out}: error: {full}{mnt} " in line for line in found), f"{what}: no disk-full error:\n{second.stderr}")
        check(snapshot(out) == before, f"{what}: the previous output changed")
        check(sorted(p.name for p in mnt.iterdir()) == ["site"], f"{what}: left {sorted(p.name for p in mnt.iterdir())}")
        print(f"{what}: {found[0] if found else second.stderr}")
    finally:
        subprocess.run(["umount", str(mnt)])


def read_only(tmp, need):
    mnt = tmp / "read-only"
    mnt.mkdir()
    mount(mnt, f"size={int(need * 3)}")
    try:
        out = mnt / "site"
        check(build(out).returncode == 0, "read-only: the first build failed")
        before = snapshot(out)
        subprocess.run(["mount", "-o", "remount,ro", str(mnt)], check=True)
        result = build(out)
        found = errors(result.stderr)
        check(result.returncode == 1, f"read-only: exit status {result.returncode}")
        check(len(found) == 1 and "filsystemet är skrivskyddat" in found[0], f"read-only: {result.stderr}")
        check(snapshot(out) == before, "read-only: the previous output changed")
        print(f"read-only: {found[0] if found else result.stderr}")
    finally:
        subprocess.run(["umount", str(mnt)])


def inside():
    with tempfile.TemporaryDirectory(prefix="kvalitet-disk-") as tmp:
        tmp = pathlib.Path(tmp)
        check(build(tmp / "reference").returncode == 0, "reference build")
        need = tmpfs_bytes(tmp / "reference")
        # The theme's files and the authors' images come out the same in every build: linked.
        shared = tmpfs_bytes(tmp / "reference" / "assets") + tmpfs_bytes(tmp / "reference" / "media")
        print(f"a build takes {need} bytes on a tmpfs, {shared} of them the same in the next")
        # ×1.98: the disk fills while libxlsxwriter writes the workbooks (found with strace).
        for factor, lang in ((1.2, "sv"), (1.5, "en"), (1.8, "sv"), (1.95, "sv"), (1.98, "sv")):
            full_disk(tmp, need, shared, factor, lang)
        read_only(tmp, need)
    return verdict(failures)


def main():
    if len(sys.argv) > 4 and sys.argv[4] == "--inside":
        return inside()
    if os.geteuid() != 0 or not shutil.which("unshare"):
        print("skipped: needs root and unshare to mount a small tmpfs")
        return SKIP
    # A private mount namespace: the tmpfs mounts are invisible outside and vanish with it.
    probe = subprocess.run(["unshare", "-m", "--propagation", "private", "true"], capture_output=True)
    if probe.returncode != 0:
        print(f"skipped: unshare -m failed: {probe.stderr.decode().strip()}")
        return SKIP
    return subprocess.run(["unshare", "-m", "--propagation", "private", sys.executable, __file__,
                           *sys.argv[1:4], "--inside"]).returncode


if __name__ == "__main__":
    sys.exit(main())
