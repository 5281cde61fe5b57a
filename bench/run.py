#!/usr/bin/python3
"""kvalitet against Hugo on the same Markdown, in one run on this machine.

    bench/run.py [--units 100] [--years 1] [--reports] [--runs 5] [--kvalitet build/kvalitet]

Writes the corpus (bench/corpus.py), then builds it with both generators in alternating
pairs (so a machine that gets busier part-way affects both alike) and prints the medians of
wall time, CPU time and peak memory, and their ratios. Also: kvalitet with -j1 against -j2,
`check` alone, a rebuild with nothing changed and one after an edited answer. Speed goals
are judged by these ratios, never by absolute times (DEVELOPERS.md).

Needs Hugo (`apt-get install hugo`, Debian 12 has 0.111); without it, only kvalitet's own
figures are printed.
"""
import argparse
import os
import pathlib
import re
import select
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = pathlib.Path(__file__).resolve().parent.parent


def timed(cmd, cwd=None):
    """Runs cmd under GNU time; returns (wall s, cpu s, peak RSS MiB). The disks are synced
    first, so that no run pays for writing back what the one before it wrote."""
    os.sync()
    with tempfile.NamedTemporaryFile("r", suffix=".time") as t:
        r = subprocess.run(["/usr/bin/time", "-o", t.name, "-f", "%e %U %S %M", *map(str, cmd)], cwd=cwd,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if r.returncode != 0:
            sys.exit(f"failed ({r.returncode}): {' '.join(map(str, cmd))}\n{r.stderr[-2000:]}")
        wall, user, system, rss_kb = t.read().split()[-4:]
    return float(wall), float(user) + float(system), int(rss_kb) / 1024


def serve_round_trips(kv, content, templates, themes, answer, page, edits):
    """`kvalitet serve` on the corpus: after its first build, each edit of answer is timed from
    the save until page (a site-relative path) is served with the new text. Returns the
    seconds of each round trip, or [] when serve did not start."""
    p = subprocess.Popen([kv, "serve", content, "--port", "0", "--templates", templates, "--themes", themes, "-q"],
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    seen, port = b"", None
    deadline = time.monotonic() + 600
    try:
        while port is None and time.monotonic() < deadline:
            ready, _, _ = select.select([p.stdout], [], [], 1)
            if ready:
                chunk = os.read(p.stdout.fileno(), 65536)
                if not chunk:
                    return []
                seen += chunk
                m = re.search(rb"http://127\.0\.0\.1:(\d+)/", seen)
                port = m and int(m.group(1))
        url = f"http://127.0.0.1:{port}/{page}"

        def served():
            try:
                with urllib.request.urlopen(url, timeout=30) as r:
                    return r.read().decode("utf-8", "replace")
            except OSError:
                return ""

        while "</html>" not in served() and time.monotonic() < deadline:  # the first build
            time.sleep(0.2)
        text, times = answer.read_text(encoding="utf-8"), []
        for i in range(edits):
            marker = f"Sparad i serve {i} {time.time_ns()}"
            started = time.monotonic()
            answer.write_text(text + f"\n{marker}\n", encoding="utf-8")
            while marker not in served() and time.monotonic() - started < 300:
                time.sleep(0.02)
            times.append(time.monotonic() - started)
        answer.write_text(text, encoding="utf-8")
        return times
    finally:
        p.terminate()
        try:
            p.wait(timeout=30)
        except subprocess.TimeoutExpired:
            p.kill()


def median(runs, i):
    return statistics.median(r[i] for r in runs)


def size_of(folder):
    files = [p for p in pathlib.Path(folder).rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), len(files)


def line(name, runs):
    return f"  {name:<34} wall {median(runs, 0):7.2f} s   cpu {median(runs, 1):7.2f} s   peak {median(runs, 2):7.0f} MiB"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--units", type=int, default=100)
    ap.add_argument("--years", type=int, default=1)
    ap.add_argument("--reports", action="store_true")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--kvalitet", type=pathlib.Path, default=ROOT / "build" / "kvalitet")
    ap.add_argument("--work", type=pathlib.Path, help="folder for the corpus and outputs (default: a temporary one)")
    args = ap.parse_args()

    work = args.work or pathlib.Path(tempfile.mkdtemp(prefix="kvalitet-bench-"))
    corpus = [sys.executable, ROOT / "bench" / "corpus.py", work / "corpus", "--units", args.units, "--years", args.years]
    subprocess.run(list(map(str, corpus + (["--reports"] if args.reports else []))), check=True)
    content = work / "corpus" / "kvalitet" / "content"
    hugo_site = work / "corpus" / "hugo"
    hugo = shutil.which("hugo")
    kv = args.kvalitet.resolve()
    templates, themes = ROOT / "templates", ROOT / "themes"

    def kv_build(out, jobs):
        return [kv, "build", content, "-o", out, "-q", "--templates", templates, "--themes", themes, "-j", jobs,
                "--max-messages", "1"]

    cores = str(os.cpu_count() or 1)
    kv_runs, hugo_runs, kv_j1, check_runs, noop_runs, edit_runs = [], [], [], [], [], []
    answer = next(content.glob("*/*/kvalitetsutmarkelsen/fraga-02.md"))
    for i in range(args.runs):
        out = work / f"kv-{i}"
        # Taking turns at going first: a run right after the previous outputs were deleted
        # pays the file system for it (ext4 looks at recently freed inodes on every create).
        pair = [lambda: kv_runs.append(timed(kv_build(out, cores)))]
        if hugo:
            hugo_out = work / f"hugo-{i}"
            pair.append(lambda: hugo_runs.append(timed([hugo, "--quiet", "-s", hugo_site, "-d", hugo_out])))
        for run in pair if i % 2 == 0 else reversed(pair):
            run()
        kv_j1.append(timed(kv_build(work / f"kv1-{i}", "1")))
        check_runs.append(timed([kv, "check", content, "-q", "--templates", templates, "--max-messages", "1"]))
        noop_runs.append(timed(kv_build(out, cores)))  # into the output just made: nothing changed
        text = answer.read_text(encoding="utf-8")
        answer.write_text(text + f"\nÄndrad i körning {i}.\n", encoding="utf-8")  # one answer edited
        edit_runs.append(timed(kv_build(out, cores)))
        answer.write_text(text, encoding="utf-8")
        if i + 1 < args.runs:  # keep the last run's outputs for the sizes
            for old in (work / f"kv1-{i}", out, work / f"hugo-{i}"):
                shutil.rmtree(old, ignore_errors=True)

    # serve: one answer saved, the page served with the new text (after serve's first build).
    serve_times = serve_round_trips(kv, content, templates, themes, answer,
                                    f"{answer.parent.parent.name}/{answer.parent.parent.parent.name}/"
                                    f"{answer.parent.name}/fraga-02/index.html", 3)

    last = args.runs - 1
    kv_bytes, kv_files = size_of(work / f"kv-{last}")
    pages = sum(1 for _ in (work / f"kv-{last}").rglob("*.html"))
    print(f"\nCorpus: {args.units} units × {args.years} years{' + reports' if args.reports else ''}; "
          f"kvalitet made {pages} HTML pages, {kv_files} files, {kv_bytes / 2**20:.0f} MiB. "
          f"Medians of {args.runs} paired runs, {cores} cores.")
    print(line(f"kvalitet build -j{cores}", kv_runs))
    print(line("kvalitet build -j1", kv_j1))
    print(line("kvalitet build, nothing changed", noop_runs))
    print(line("kvalitet build, one answer edited", edit_runs))
    print(line("kvalitet check", check_runs))
    if serve_times:
        print(f"  kvalitet serve, one answer saved      page served after {statistics.median(serve_times):6.2f} s "
              f"(median of {len(serve_times)})")
        print(f"  serve save→page / full build: {statistics.median(serve_times) / median(kv_runs, 0):.3f}   "
              f"build edit / full build: {median(edit_runs, 0) / median(kv_runs, 0):.3f}   "
              f"nothing changed / full build: {median(noop_runs, 0) / median(kv_runs, 0):.3f}")
    print(f"  -j1 / -j{cores} wall: {median(kv_j1, 0) / median(kv_runs, 0):.2f}")
    if hugo_runs:
        hugo_bytes, hugo_files = size_of(work / f"hugo-{last}")
        version = subprocess.run([hugo, "version"], capture_output=True, text=True).stdout.split()[1]
        print(line(f"hugo {version}", hugo_runs) + f"   ({hugo_files} files, {hugo_bytes / 2**20:.0f} MiB)")
        print(f"  hugo / kvalitet wall: {median(hugo_runs, 0) / median(kv_runs, 0):.2f}   "
              f"peak memory kvalitet / hugo: {median(kv_runs, 2) / median(hugo_runs, 2):.2f}   "
              f"output bytes kvalitet / hugo: {kv_bytes / hugo_bytes:.2f}")
    else:
        print("  (hugo not installed: apt-get install hugo for the comparison)")
    if not args.work:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
