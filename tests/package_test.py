#!/usr/bin/python3
"""The Debian package, as a user gets it: `cpack -G DEB` from the build folder, then

- its contents: the binary in /usr/bin, templates and themes in /usr/share/kvalitet, the
  Swedish and English man pages; its Depends (from dpkg-shlibdeps) name the libraries;
- unpacked anywhere (dpkg-deb -x), the binary finds its templates and themes beside itself
  and builds the example content from a folder that has neither;
- installed with dpkg on this machine, for real but inside a private mount namespace whose
  /usr and /var are overlays (unshare -m; needs root, otherwise that part is skipped), and run
  from PATH: `kvalitet build` makes the site; `man -l` shows the pages. The machine
  itself is left as it was.

Usage: package_test.py BUILD_DIR CONTENT"""
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile

from verdict import verdict

build_dir, content = map(pathlib.Path, sys.argv[1:3])
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
    return bool(cond)


def run(args, **kw):
    return subprocess.run([str(a) for a in args], capture_output=True, text=True, **kw)


def make_package(tmp):
    r = run(["cpack", "-G", "DEB", "--config", build_dir / "CPackConfig.cmake", "-B", tmp / "pkg"])
    if not check(r.returncode == 0, "cpack failed: " + r.stdout + r.stderr):
        return None
    debs = sorted((tmp / "pkg").glob("kvalitet_*.deb"))
    check(len(debs) == 1, f"one package expected, found {debs}")
    return debs[0] if debs else None


def check_contents(deb):
    listing = run(["dpkg-deb", "-c", deb]).stdout
    for path in ["./usr/bin/kvalitet", "./usr/share/kvalitet/templates/structures/kvalitetsutmarkelsen-2018.yaml",
                 "./usr/share/kvalitet/templates/layouts/", "./usr/share/kvalitet/themes/default/",
                 "./usr/share/man/man1/kvalitet.1", "./usr/share/man/sv/man1/kvalitet.1"]:
        check(path in listing, f"{path} not in the package")
    depends = run(["dpkg-deb", "-f", deb, "Depends"]).stdout
    for lib in ["libyaml-cpp", "libcmark-gfm", "libxlsxwriter"]:
        check(lib in depends, f"Depends lacks {lib}: {depends!r}")


def build_site(kvalitet, cwd, env=None):
    """kvalitet build of a copy of the example content, from a folder without templates/themes."""
    site = cwd / "content"
    shutil.copytree(content, site)
    r = run([kvalitet, "build", "content", "-o", "ut"], cwd=cwd, env=env)
    check(r.returncode == 0, f"{kvalitet} build failed: {r.stdout}{r.stderr}")
    check((cwd / "ut" / "index.html").is_file(), "no index.html built")
    check((cwd / "ut" / "assets").is_dir(), "no theme assets copied")


def check_unpacked(deb, tmp):
    root = tmp / "root"
    run(["dpkg-deb", "-x", deb, root])
    work = tmp / "work-unpacked"
    work.mkdir()
    build_site(root / "usr/bin/kvalitet", work)
    # The man pages as man shows them (when man is installed; minimal machines lack it).
    for page, heading in [("usr/share/man/man1/kvalitet.1", "NAME"), ("usr/share/man/sv/man1/kvalitet.1", "NAMN")]:
        check((root / page).is_file() or (root / (page + ".gz")).is_file(), f"{page} missing")
        if shutil.which("man") and (root / page).is_file():
            shown = run(["man", "-l", root / page], env={**os.environ, "MANWIDTH": "80", "LANG": "C.UTF-8"}).stdout
            check("kvalitet" in shown and ("NAME" in shown or "NAMN" in shown), f"man -l {page} shows nothing useful")


INSTALL_SCRIPT = r"""
set -e
for d in usr var; do
  mkdir -p "$T/$d-upper" "$T/$d-work"
  mount -t overlay overlay -o "lowerdir=/$d,upperdir=$T/$d-upper,workdir=$T/$d-work" "/$d" || exit 77
done
dpkg -i "$DEB" >/dev/null
cd "$T/work-installed"
command -v kvalitet
kvalitet --version
"""


def check_installed(deb, tmp):
    """None when installed and checked; otherwise why installing was skipped."""
    if os.geteuid() != 0 or not shutil.which("unshare"):
        return "installing needs root and unshare"
    before = pathlib.Path("/usr/bin/kvalitet").exists()
    work = tmp / "work-installed"
    work.mkdir()
    shutil.copytree(content, work / "content")
    script = INSTALL_SCRIPT + "kvalitet build content -o ut\n"
    r = run(["unshare", "-m", "sh", "-c", script], env={**os.environ, "T": str(tmp), "DEB": str(deb)})
    if r.returncode == 77:  # no overlay mounts here (a container without them): cannot install safely
        return "installing needs overlay mounts: " + r.stderr.strip()
    check(r.returncode == 0, "install and run failed: " + r.stdout + r.stderr)
    check("/usr/bin/kvalitet" in r.stdout, "kvalitet not found on PATH after installing: " + r.stdout)
    check((work / "ut" / "index.html").is_file(), "the installed kvalitet built no site")
    check(pathlib.Path("/usr/bin/kvalitet").exists() == before, "the machine itself was changed")


def main():
    skipped = None
    with tempfile.TemporaryDirectory() as t:
        tmp = pathlib.Path(t)
        deb = make_package(tmp)
        if deb:
            check_contents(deb)
            check_unpacked(deb, tmp)
            skipped = check_installed(deb, tmp)
    # ctest shows the test as skipped on "skipped:" whatever else it printed, so that line
    # comes only when every part that ran passed.
    if skipped and not failures:
        print(f"skipped: {skipped} (the package's contents and an unpacked copy passed)")
        return 0
    return verdict(failures)


sys.exit(main())
