#!/usr/bin/python3
"""kvalitet importera: Word files made by pandoc from the 2018 example's own Markdown imported
back and checked.

  import_roundtrip.py <kvalitet-binary> <content> <templates>

1. The whole submission as one .docx (questions 4–8, whose answers are prose and examples):
   imported, `check` accepts those parts, and each page's text equals the original's.
2. A reordered document with one question left out: the parts land in the right files, the
   missing one is reported by `check` by name; text under a heading that is no question's
   kept in ej-placerad-text.md.
"""
import html
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

UNIT = "skarholmen-omsorg-om-aldre"
DOC = Path(UNIT) / "2018" / "kvalitetsutmarkelsen"
PROSE = [4, 5, 6, 7, 8]


def run(args, **kw):
    return subprocess.run(args, capture_output=True, text=True, **kw)


def body(md):
    """A part file's Markdown as Word would hold it: no front matter, examples as a bold lead."""
    md = re.sub(r"\A---\n.*?\n---\n", "", md, flags=re.S)
    md = md.replace("::: exempel\n", "**Exempel**\n\n").replace("\n:::\n", "\n")
    return md


def titles(templates):
    text = (Path(templates) / "structures" / "kvalitetsutmarkelsen-2018.yaml").read_text()
    return {int(n): t.strip() for n, t in re.findall(r"- nr: (\d+)\n\s+titel: (.+)", text)}


def docx(markdown, path):
    src = path.with_suffix(".md")
    src.write_text(markdown)
    r = run(["pandoc", "-f", "markdown-smart", "-t", "docx", "-o", str(path), str(src)])
    assert r.returncode == 0, r.stderr


def page_text(site, n):
    page = (site / "2018" / UNIT / "kvalitetsutmarkelsen" / f"fraga-{n:02d}" / "index.html").read_text()
    article = re.search(r'<div class="svar">(.*?)</div>\s*<(?:section|nav)', page, re.S)
    text = re.sub(r"<[^>]+>", " ", article.group(1) if article else page)
    return " ".join(html.unescape(text).split())


def check(binary, content, templates):
    failures = []
    names = titles(templates)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        orig = Path(content) / DOC
        # 1. Round trip.
        work = tmp / "content"
        shutil.copytree(content, work)
        shutil.rmtree(work / DOC)
        md = "".join(f"# Fråga {n}. {names[n]}\n\n{body((orig / f'fraga-{n:02d}.md').read_text())}\n" for n in PROSE)
        docx(md, tmp / "hela.docx")
        r = run([binary, "importera", str(tmp / "hela.docx"), str(work), "--templates", templates,
                 "--struktur", "kvalitetsutmarkelsen-2018", "--enhet", UNIT])
        if r.returncode != 0 or "5 av 22 frågor" not in r.stdout:
            return [f"import failed: {r.returncode} {r.stdout} {r.stderr}"]
        for n in PROSE:
            (work / DOC / f"fraga-{n:02d}.md").exists() or failures.append(f"fraga-{n:02d}.md not written")
        # The parts not in the document are templates; use the originals to build the rest.
        for f in orig.iterdir():
            if not (f.name.startswith("fraga-") and int(f.stem[6:]) in PROSE):
                shutil.copy(f, work / DOC / f.name)
        b = run([binary, "build", str(work), "--templates", templates, "-o", str(tmp / "site"), "-q"])
        if b.returncode != 0:
            failures.append(f"the imported submission does not build: {b.stderr[-2000:]}")
        else:
            a = run([binary, "build", content, "--templates", templates, "-o", str(tmp / "orig"), "-q"])
            assert a.returncode == 0, a.stderr
            for n in PROSE:
                mine, theirs = page_text(tmp / "site", n), page_text(tmp / "orig", n)
                if mine != theirs:
                    at = next((i for i, (x, y) in enumerate(zip(mine, theirs)) if x != y), min(len(mine), len(theirs)))
                    failures.append(f"question {n} differs at {at}: …{mine[at-60:at+60]}… vs …{theirs[at-60:at+60]}…")
        # 2. Reordered, one left out, a stray heading.
        work2 = tmp / "content2"
        shutil.copytree(content, work2)
        shutil.rmtree(work2 / DOC)
        order = [5, 4, 8, 6]  # 7 left out
        md = "# Om dokumentet\n\nSkrivet i Word.\n\n" + "".join(
            f"# Fråga {n}. {names[n]}\n\n{body((orig / f'fraga-{n:02d}.md').read_text())}\n" for n in order)
        md += "# Fråga 5. Igen\n\nEn rad som hör till ingen fråga.\n"
        docx(md, tmp / "omkastad.docx")
        r = run([binary, "importera", str(tmp / "omkastad.docx"), str(work2), "--templates", templates,
                 "--struktur", "kvalitetsutmarkelsen-2018", "--enhet", UNIT])
        if r.returncode != 0 or "4 av 22 frågor" not in r.stdout or "fraga-07.md" not in r.stdout:
            failures.append(f"reordered import: {r.returncode} {r.stdout} {r.stderr}")
        for n in order:
            written = (work2 / DOC / f"fraga-{n:02d}.md").read_text()
            first_words = " ".join(body((orig / f"fraga-{n:02d}.md").read_text()).split()[:8])
            if f"fråga: {n}\n" not in written or first_words.replace("**", "") not in " ".join(written.replace("**", "").split()):
                failures.append(f"fraga-{n:02d}.md does not hold question {n}'s answer")
        stray = work2 / DOC / "ej-placerad-text.md"
        if not stray.exists() or "En rad som hör till ingen fråga." not in stray.read_text():
            failures.append("the text under a repeated heading was not kept in ej-placerad-text.md")
        c = run([binary, "check", str(work2), "--templates", templates])
        if "fråga 7" not in c.stderr or "ej-placerad-text.md" not in c.stderr:
            failures.append(f"check does not name what is left to do: {c.stderr[-1500:]}")
    return failures


def main():
    failures = check(*sys.argv[1:4])
    for f in failures:
        print("FAIL:", f)
    print(f"{0 if failures else 1} passed, {1 if failures else 0} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
