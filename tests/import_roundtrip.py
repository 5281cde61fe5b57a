#!/usr/bin/python3
"""kvalitet importera: a Word file made from the 2018 example, as the award prints it, imported
back and checked.

  import_roundtrip.py <kvalitet-binary> <content> <templates>

1. The whole submission as one .docx, every block written the way the printed award (seed 003)
   and the site show it: goals and follow-ups as run-in paragraphs ("Mål: …", "Förväntat
   resultat: …"), the annual cycle as "Januari: …" lines, the economy table with years in
   columns and a starred forecast, the AMI table under its caption, the survey after its
   question, figures as images with captions, examples in a paragraph style "Exempel", the SWOT
   parts under their headings, with Word's table of contents and each area's heading; half the
   question headings are plain paragraphs ("7. Title"), as Word documents without heading
   styles have them.
   Imported, `check` finds nothing but what a Word file cannot say (question 7's waiver), it
   builds, and every question page's text equals the original's (the original's figures have
   no file: their placeholder is left out, and the imported pages must show the image instead,
   its caption as alt text, saved under its caption's name).
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

import yaml
from PIL import Image

from verdict import verdict

UNIT = "skarholmen-omsorg-om-aldre"
DOC = Path(UNIT) / "2018" / "kvalitetsutmarkelsen"
SWOT = {"styrkor": "Styrkor", "svagheter": "Svagheter", "möjligheter": "Möjligheter", "hot": "Hot"}
MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
          "oktober", "november", "december"]
RUN_IN = {"mål": [("förväntat_resultat", "Förväntat resultat"), ("arbetssätt", "Arbetssätt"),
                  ("uppföljning", "Uppföljning")],
          "uppföljning": [("resultat", "Resultat"), ("analys", "Analys"), ("ta_tillvara", "Ta tillvara")]}


def run(args, **kw):
    return subprocess.run(args, capture_output=True, text=True, **kw)


def text(value):
    return " ".join(str(value).split())


def number(value):
    return str(value).replace(".", ",")


def table(rows):
    head, *body = rows
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    return "\n".join(lines + ["| " + " | ".join(r) + " |" for r in body])


class WordForm:
    """Markdown for pandoc's docx writer, laid out as the award prints a submission."""

    def __init__(self, folder):
        self.folder = folder
        self.figures = 0

    def block(self, kind, d):
        if kind in RUN_IN:
            return "\n\n".join([f"Mål: {text(d['mål'])}"] +
                               [f"{label}: {text(d[key])}" for key, label in RUN_IN[kind] if key in d])
        if kind == "årshjul":
            return "\n\n".join(f"{m.capitalize()}: {text(d[m])}" for m in MONTHS if m in d)
        if kind == "bild":
            self.figures += 1
            image = self.folder / f"figur-{self.figures}.png"
            Image.new("RGB", (60 + self.figures, 40), (40 * self.figures % 255, 120, 90)).save(image)
            return f"![{text(d['bildtext'])}]({image})"
        if kind == "enkät":
            cols = [c for c in ("kvinna", "man", "annan") if any(c in r for r in d["rader"])]
            rows = [["Svar", "Totalt"] + [c.capitalize() for c in cols]]
            rows += [[r["svar"], f"{r['totalt']} %"] + [f"{r[c]} %" if c in r else "" for c in cols] for r in d["rader"]]
            return f"{text(d['fråga'])}\n\n" + table(rows)
        if kind == "ekonomi":
            years = d["värden"]
            signed = lambda v: ("+" if float(str(v).replace(",", ".")) > 0 else "") + number(v)
            rows = [["Verksamhetsår"] + [str(y["år"]) for y in years],
                    [f"Budget ({d['enhet']})"] + [number(y["budget"]) for y in years],
                    [f"Utfall/prognos ({d['enhet']})"] + [number(y["utfall"]) for y in years],
                    [f"Resultat ({d['enhet']})"] + [signed(y["resultat"]) + ("\\*" if y.get("prognos") else "") for y in years]]
            return table(rows) + (f"\n\n\\* {d['fotnot']}" if "fotnot" in d else "")
        if kind == "index":
            subs = list(dict.fromkeys(k for v in d["värden"] for k in v.get("delindex", {})))
            rows = [["År", d["namn"]] + subs]
            rows += [[str(v["år"]), number(v["värde"])] + [number(v.get("delindex", {}).get(s, "")) for s in subs]
                     for v in d["värden"]]
            return f"{d['namn']} – {d['beskrivning']}\n\n" + table(rows)
        raise ValueError(f"no Word form for ```{kind}")

    def part(self, md):
        md = re.sub(r"\A---\n.*?\n---\n", "", md, flags=re.S)
        out, closing, lines, i = [], [], md.split("\n"), 0
        while i < len(lines):
            line = lines[i]
            if line.startswith("```") and len(line) > 3:
                end = lines.index("```", i + 1)
                out.append(self.block(line[3:].strip(), yaml.safe_load("\n".join(lines[i + 1:end]))))
                i = end + 1
                continue
            if line == "::: exempel":
                out.append('::: {custom-style="Exempel"}\nExempel\n')
                closing.append(":::")
            elif line.startswith("::: "):
                out.append(f"## {SWOT[line[4:].strip()]}")
                closing.append("")
            elif line == ":::":
                out.append(closing.pop())
            else:
                out.append(line)
            i += 1
        return "\n".join(out)


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


def answer_html(site, n):
    page = (site / "2018" / UNIT / "kvalitetsutmarkelsen" / f"fraga-{n:02d}" / "index.html").read_text()
    start = page.index('<div class="svar">')
    end = re.search(r'</div>\s*<(?:section class="kravlista"|nav class="jamfor")', page[start:]).start()
    return page[start:start + end]


def page_text(site, n):
    answer = re.sub(r'<div class="bild-saknas">.*?</div>', " ", answer_html(site, n), flags=re.S)
    answer = re.sub(r"<[^>]+>", " ", answer)
    return " ".join(html.unescape(answer).split())


def check(binary, content, templates):
    failures = []
    names = titles(templates)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        orig = Path(content) / DOC
        # 1. Round trip: every question, the introduction, every kind of block.
        work = tmp / "content"
        shutil.copytree(content, work)
        shutil.rmtree(work / DOC)
        form = WordForm(tmp)
        # A table of contents as Word makes it, and each area's heading before its questions.
        areas = {a["frågor"][0]["nr"]: a["titel"] for a in
                 yaml.safe_load((Path(templates) / "structures" / "kvalitetsutmarkelsen-2018.yaml").read_text())["områden"]}
        toc = "".join(f'::: {{custom-style="toc 1"}}\n{n}. {names[n]}\t{n + 2}\n:::\n\n' for n in names)
        md = toc + form.part((orig / "inledning.md").read_text()) + "\n\n" + "".join(
            (f"# {areas[n]}\n\n" if n in areas else "") +
            # Headings styled as headings, or (odd questions) plain paragraphs "7. Title".
            (f"# Fråga {n}. {names[n]}" if n % 2 == 0 else f"{n}\\. {names[n]}") +
            f"\n\n{form.part((orig / f'fraga-{n:02d}.md').read_text())}\n\n" for n in names)
        docx(md, tmp / "hela.docx")
        r = run([binary, "importera", str(tmp / "hela.docx"), str(work), "--templates", templates,
                 "--struktur", "kvalitetsutmarkelsen-2018", "--enhet", UNIT])
        if r.returncode != 0 or "22 av 22 frågor" not in r.stdout or "ej-placerad" in r.stdout:
            return [f"import failed: {r.returncode} {r.stdout} {r.stderr}"]
        shutil.copy(orig / "inlamning.yaml", work / DOC / "inlamning.yaml")  # a cover page is not imported
        if 'fil: "bilder/organisationsskiss.png"' not in (work / DOC / "inledning.md").read_text():
            failures.append("the introduction's figure is not saved under its caption's name")
        c = run([binary, "check", str(work), "--templates", templates])
        # Only what a Word file cannot hold may be left: question 7's waiver of its example.
        warnings = [line for line in c.stderr.splitlines() if ": warning: " in line]
        if c.returncode != 0 or any("fraga-07.md" not in w or "exempel" not in w for w in warnings):
            failures.append(f"check finds problems in the imported submission: {c.stderr[-3000:]}")
        b = run([binary, "build", str(work), "--templates", templates, "-o", str(tmp / "site"), "-q"])
        if b.returncode != 0:
            failures.append(f"the imported submission does not build: {b.stderr[-2000:]}")
        else:
            a = run([binary, "build", content, "--templates", templates, "-o", str(tmp / "orig"), "-q"])
            assert a.returncode == 0, a.stderr
            for n in names:
                mine, theirs = page_text(tmp / "site", n), page_text(tmp / "orig", n)
                if mine != theirs:
                    at = next((i for i, (x, y) in enumerate(zip(mine, theirs)) if x != y), min(len(mine), len(theirs)))
                    failures.append(f"question {n} differs at {at}: …{mine[at-80:at+80]}… vs …{theirs[at-80:at+80]}…")
                # The original's figures have no file; the imported ones show the image, its caption as alt text.
                for caption in re.findall(r'<div class="bild-saknas">.*?</div>\s*<figcaption>(.*?)</figcaption>',
                                          answer_html(tmp / "orig", n), re.S):
                    if not re.search(r'<img src="[^"]*media/[^"]+\.png" alt="' + re.escape(caption) + '"',
                                     answer_html(tmp / "site", n)):
                        failures.append(f"question {n}: the figure {caption!r} is not shown with its image")
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
        # An imported document is a draft until the unit submits it: check --enhet shows it in full.
        if "\nstatus: utkast\n" not in (work2 / DOC / "inlamning.yaml").read_text():
            failures.append("importera did not write status: utkast")
        c = run([binary, "check", str(work2), "--templates", templates, "--enhet", UNIT])
        if "fråga 7" not in c.stderr or "ej-placerad-text.md" not in c.stderr:
            failures.append(f"check does not name what is left to do: {c.stderr[-1500:]}")
    return failures


def main():
    failures = check(*sys.argv[1:4])
    return verdict(failures)


if __name__ == "__main__":
    sys.exit(main())
