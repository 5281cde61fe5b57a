#!/usr/bin/python3
"""Randomized incremental builds: random edits, renames, deletions, structure, theme and
layout changes, each followed by a build into the same output folder (which makes only what
changed, write/target_log.h) and a fresh build into an empty one. Both must succeed or fail
together, and succeeded they must hold the same files with the same bytes (the state file
aside, which records file times).

    incremental_random_test.py KVALITET SOURCE_DIR [--steps N] [--seed S] [--units U] [--minutes M]

The corpus: bench/corpus.py's units (award and report, several years, so that comparisons,
changes pages, indicators and year threads are all there) beside the example content (action
plan, development narrative). CI runs a few dozen steps; --minutes runs for that long.
"""
import argparse
import filecmp
import pathlib
import random
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from verdict import verdict  # noqa: E402

STATE = ".kvalitet-inputs"


def tree(root):
    """Every file under root (the state file aside) as relative path → Path."""
    return {p.relative_to(root).as_posix(): p for p in root.rglob("*") if p.is_file() and p.name != STATE}


def differences(a, b):
    ta, tb = tree(a), tree(b)
    out = [f"only in the incremental build: {p}" for p in sorted(ta.keys() - tb.keys())]
    out += [f"only in the fresh build: {p}" for p in sorted(tb.keys() - ta.keys())]
    out += [f"differs: {p}" for p in sorted(ta.keys() & tb.keys()) if not filecmp.cmp(ta[p], tb[p], shallow=False)]
    return out


class Site:
    def __init__(self, kvalitet, source, work, units, rng):
        self.kv, self.work, self.rng = kvalitet, work, rng
        subprocess.run([sys.executable, source / "bench" / "corpus.py", work / "corpus", "--units", str(units),
                        "--years", "2", "--reports"], check=True, stdout=subprocess.DEVNULL)
        self.content = work / "content"
        shutil.move(work / "corpus" / "kvalitet" / "content", self.content)
        for unit in ("aldreomsorgen", "aldreomsorgen-i-stadsdelen"):
            shutil.copytree(source / "content" / unit, self.content / unit)
        self.templates, self.themes = work / "templates", work / "themes"
        shutil.copytree(source / "templates", self.templates)
        shutil.copytree(source / "themes", self.themes)
        self.attic = work / "attic"  # deleted files, to put back later
        self.attic.mkdir()

    def command(self, out):
        return [self.kv, "build", self.content, "-o", out, "-q", "--templates", self.templates, "--themes", self.themes,
                "-j", "2"]

    def build(self, out):
        return subprocess.run(self.command(out), capture_output=True, text=True)

    def killed_build(self, out, after):
        """A build killed (SIGKILL) after `after` seconds, or finished before."""
        p = subprocess.Popen(self.command(out), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            p.wait(timeout=after)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()

    def files(self, pattern):
        return sorted(p for p in self.content.glob(pattern) if p.is_file())

    def units(self):
        return sorted(p for p in self.content.iterdir() if p.is_dir() and not p.name.startswith(("_", ".")))


def edit_text(site, rng):
    part = rng.choice(site.files("*/*/*/*.md"))
    text = part.read_text(encoding="utf-8")
    words = ["kvalitet", "brukare", "omsorg", "personal", "uppföljning"]
    if rng.random() < 0.5:
        text += f"\nEtt nytt stycke om {rng.choice(words)} ({rng.randrange(10**6)}).\n"
    else:
        text = text.replace(" och ", f" och {rng.choice(words)} ", 1)
    part.write_text(text, encoding="utf-8")
    return f"edited {part.relative_to(site.content)}"


def same_bytes_new_time(site, rng):
    part = rng.choice(site.files("*/*/*/*"))
    part.write_bytes(part.read_bytes())
    return f"saved unchanged {part.relative_to(site.content)}"


def delete_part(site, rng):
    part = rng.choice(site.files("*/*/*/*.md"))
    target = site.attic / part.relative_to(site.content)
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(part, target)
    return f"deleted {part.relative_to(site.content)}"


def restore_part(site, rng):
    kept = sorted(p for p in site.attic.rglob("*") if p.is_file())
    if not kept:
        return edit_text(site, rng)
    part = rng.choice(kept)
    target = site.content / part.relative_to(site.attic)
    if not target.parent.is_dir():
        part.unlink()
        return "dropped a deleted file whose folder is gone"
    shutil.move(part, target)
    return f"restored {target.relative_to(site.content)}"


def free_name(unit, suffix, rng):
    """A sibling folder name not taken yet, short enough however often a unit is renamed."""
    while True:
        new = unit.with_name(f"{unit.name[:30]}-{suffix}{rng.randrange(1000)}")
        if not new.exists():
            return new


def rename_unit(site, rng):
    unit = rng.choice(site.units())
    new = free_name(unit, "ny", rng)
    unit.rename(new)
    if (site.attic / unit.name).exists():  # its deleted files go back into the renamed folder
        (site.attic / unit.name).rename(site.attic / new.name)
    return f"renamed {unit.name} → {new.name}"


def copy_unit(site, rng):
    unit = rng.choice(site.units())
    new = free_name(unit, "kopia", rng)
    shutil.copytree(unit, new)
    if (site.attic / unit.name).exists():  # with its deleted files, to put back as well
        shutil.copytree(site.attic / unit.name, site.attic / new.name)
    yaml = new / "enhet.yaml"
    yaml.write_text(yaml.read_text(encoding="utf-8").replace("namn: ", "namn: Kopia av ", 1), encoding="utf-8")
    return f"copied {unit.name} → {new.name}"


def delete_unit(site, rng):
    units = site.units()
    if len(units) <= 2:
        return copy_unit(site, rng)
    unit = rng.choice(units)
    shutil.rmtree(unit)
    shutil.rmtree(site.attic / unit.name, ignore_errors=True)
    return f"deleted unit {unit.name}"


def rename_unit_name(site, rng):
    yaml = rng.choice(site.files("*/enhet.yaml"))
    text = yaml.read_text(encoding="utf-8")
    yaml.write_text(text.replace("namn: ", f"namn: {rng.choice('ABCÅÄÖ')} ", 1), encoding="utf-8")
    return f"renamed the unit in {yaml.relative_to(site.content)}"


def edit_site_title(site, rng):
    yaml = site.content / "site.yaml"
    lines = yaml.read_text(encoding="utf-8").splitlines(keepends=True)
    for i, line in enumerate(lines):
        if line.startswith("titel:"):
            lines[i] = line.rstrip("\n") + f" {rng.randrange(100)}\n"
    yaml.write_text("".join(lines), encoding="utf-8")
    return "changed the site's title"


def edit_structure(site, rng):
    structure = rng.choice(sorted(site.templates.glob("structures/*.yaml")))
    text = structure.read_text(encoding="utf-8")
    marker = "titel: "
    at = [i for i in range(len(text)) if text.startswith(marker, i)]
    if not at:
        return edit_text(site, rng)
    i = rng.choice(at) + len(marker)
    if text[i] in "\"'":  # inside a quoted title
        i += 1
    structure.write_text(text[:i] + f"Ny {rng.randrange(100)} " + text[i:], encoding="utf-8")
    return f"changed a title in {structure.name}"


def edit_theme(site, rng):
    css = rng.choice(sorted(site.themes.glob("default/*.css")))
    css.write_text(css.read_text(encoding="utf-8") + f"\n/* {rng.randrange(10**6)} */\n", encoding="utf-8")
    return f"changed {css.relative_to(site.themes)}"


def edit_layout(site, rng):
    layout = rng.choice(sorted(site.templates.glob("layouts/*.mustache")) or [None])
    if layout is None:
        return edit_theme(site, rng)
    layout.write_text(layout.read_text(encoding="utf-8") + f"\n<!-- {rng.randrange(10**6)} -->\n", encoding="utf-8")
    return f"changed {layout.relative_to(site.templates)}"


def add_indicator_free_report_text(site, rng):
    intro = rng.choice(site.files("*/*/*/inledning.md") or site.files("*/*/*/*.md"))
    intro.write_text(intro.read_text(encoding="utf-8") + "\nEn rad till i inledningen.\n", encoding="utf-8")
    return f"edited {intro.relative_to(site.content)}"


def toggle_draft(site, rng):
    admin = rng.choice(site.files("*/*/*/inlamning.yaml"))
    text = admin.read_text(encoding="utf-8")
    if "status: utkast\n" in text:
        admin.write_text(text.replace("status: utkast\n", ""), encoding="utf-8")
        return f"submitted {admin.parent.relative_to(site.content)}"
    admin.write_text("status: utkast\n" + text, encoding="utf-8")
    return f"made {admin.parent.relative_to(site.content)} a draft"


CHANGES = [(toggle_draft, 4), (edit_text, 30), (same_bytes_new_time, 5), (delete_part, 6), (restore_part, 6), (rename_unit, 3),
           (copy_unit, 3), (delete_unit, 2), (rename_unit_name, 4), (edit_site_title, 2), (edit_structure, 3),
           (edit_theme, 3), (edit_layout, 2), (add_indicator_free_report_text, 4)]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("kvalitet", type=pathlib.Path)
    ap.add_argument("source", type=pathlib.Path)
    ap.add_argument("--steps", type=int, default=24)
    ap.add_argument("--minutes", type=float, default=0, help="run for this long instead of --steps")
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--units", type=int, default=3)
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    seed = args.seed if args.seed is not None else random.randrange(2**32)
    print(f"seed {seed}")
    rng = random.Random(seed)
    failures = []
    with tempfile.TemporaryDirectory(prefix="kvalitet-incremental-") as tmp:
        work = pathlib.Path(tmp)
        site = Site(args.kvalitet.resolve(), args.source.resolve(), work, args.units, rng)
        out, fresh = work / "out", work / "fresh"
        first = site.build(out)
        if first.returncode != 0:
            return verdict([f"the corpus does not build: {first.stderr[-2000:]}"])
        deadline = time.monotonic() + args.minutes * 60
        last_build = 1.0
        step, built = 0, 0
        while (step < args.steps) if not args.minutes else (time.monotonic() < deadline):
            step += 1
            changes = [rng.choices([c for c, _ in CHANGES], [w for _, w in CHANGES])[0] for _ in range(rng.choice([1, 1, 2, 3]))]
            said = "; ".join(change(site, rng) for change in changes)
            if rng.random() < 0.2:  # killed part-way: the next build must complete or undo it
                after = rng.uniform(0, last_build)
                site.killed_build(out, after)
                said += f"; a build killed after {after:.2f} s"
            started = time.monotonic()
            incremental = site.build(out)
            last_build = time.monotonic() - started
            shutil.rmtree(fresh, ignore_errors=True)
            whole = site.build(fresh)
            if (incremental.returncode == 0) != (whole.returncode == 0):
                failures.append(f"step {step} ({said}): incremental exit {incremental.returncode}, fresh {whole.returncode}: "
                                f"{(incremental.stderr or whole.stderr)[-1500:]}")
                break
            if incremental.returncode != 0:
                if args.verbose:
                    print(f"step {step} ({said}): both failed: {whole.stderr.strip().splitlines()[:2]}")
                # A part deleted from a submitted document is an error: put the deleted files
                # back, so that the next steps build again.
                for kept in sorted(p for p in site.attic.rglob("*") if p.is_file()):
                    target = site.content / kept.relative_to(site.attic)
                    if target.parent.is_dir():
                        shutil.move(kept, target)
                    else:
                        kept.unlink()
                continue
            built += 1
            found = differences(out, fresh)
            found += [f"left beside the output: {p.name}" for p in work.iterdir()
                      if p.name.startswith(("out.journal.", "out.staging.", "out.old."))]
            if found:
                failures.append(f"step {step} ({said}), seed {seed}: " + "; ".join(found[:10]))
                break
        print(f"{step} steps, {built} compared with a fresh build")
    return verdict(failures)


if __name__ == "__main__":
    sys.exit(main())
