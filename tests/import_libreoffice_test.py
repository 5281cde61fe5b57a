#!/usr/bin/python3
"""kvalitet importera on a document as LibreOffice writes it: an ODF text document built here
as flat XML (.fodt) and saved as .docx by LibreOffice itself (soffice --convert-to docx).

  import_libreoffice_test.py <kvalitet-binary> <repo>

An award submission (the 2018 structure) with a cover of labelled lines, a heading
"Fråga N …" and an answer for each of the 22 questions, and what Word's own tests do not
cover: an example in a LibreOffice text frame (draw:frame with draw:text-box), another in a
drawing shape with text (draw:custom-shape), a text in a plain rectangle (draw:rect) and a
bulleted list in a list style, nested two levels. Imported: each example is a ::: exempel
container in its question's file, the rectangle's text is in its question's, the list is a
nested Markdown list, the cover's values are in inlamning.yaml, `kvalitet check` has nothing
to say about those questions' examples, and every paragraph of word/document.xml (a text
box's once, not its VML copy in mc:Fallback) is in exactly one imported file.
"""
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import yaml

from import_support import empty_content, part_titles, structure
from verdict import verdict

UNIT = "provenheten"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"

COVER = ["Kvalitetsutmärkelsen 2018", "Provenheten för äldreomsorg", "Provstadens stadsdelsförvaltning"]
ADMIN = {"kontaktperson": ("Kontaktperson", "Anna Berg"), "telefon": ("Telefon", "08-123 45 67"),
         "e-post": ("E-post", "anna.berg@example.se"), "adress": ("Adress", "Provgatan 1, 123 45 Stockholm"),
         "antal_anställda": ("Antal anställda", "37")}
FRAME_EXAMPLE = "En brukare bad om kvällspromenader och fick dem varje tisdag."  # question 1
SHAPE_EXAMPLE = "Brukarrådet valde själva vilka aktiviteter som skulle prövas."  # question 2
RECT_TEXT = "Resultaten sitter på anslagstavlan i personalrummet."  # question 4
LIST = [("Resultaten gås igenom", ["i ledningsgruppen", "i arbetsgrupperna"]), ("Åtgärder beslutas", [])]  # question 3

HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:styles>
  <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph"
   style:default-outline-level="1"><style:text-properties fo:font-size="16pt" fo:font-weight="bold"/></style:style>
  <text:list-style style:name="Punktlista">
   <text:list-level-style-bullet text:level="1" text:bullet-char="•"/>
   <text:list-level-style-bullet text:level="2" text:bullet-char="◦"/>
  </text:list-style>
 </office:styles>
 <office:body><office:text>
"""
TAIL = " </office:text></office:body>\n</office:document>\n"


def p(text, inside=""):
    return f"<text:p>{escape(text)}{inside}</text:p>\n"


def frame(lines):
    """A LibreOffice text frame (Insert > Frame), anchored to its paragraph."""
    return ('<draw:frame draw:name="Ram1" text:anchor-type="paragraph" svg:width="12cm"><draw:text-box>'
            + "".join(p(line) for line in lines) + "</draw:text-box></draw:frame>")


def custom_shape(lines):
    """A drawing shape with text typed into it (a rounded rectangle from the Shapes toolbar)."""
    return ('<draw:custom-shape draw:name="Form1" text:anchor-type="paragraph" svg:width="12cm" svg:height="3cm">'
            + "".join(p(line) for line in lines)
            + '<draw:enhanced-geometry svg:viewBox="0 0 21600 21600" draw:type="round-rectangle"/></draw:custom-shape>')


def rect(text):
    return (f'<draw:rect draw:name="Rekt1" text:anchor-type="paragraph" svg:width="10cm" svg:height="2cm">{p(text)}'
            "</draw:rect>")


def bullet_list(items):
    """A bulleted list in the list style "Punktlista", its sub-items a list inside their item."""
    def items_xml(entries):
        return "".join(f"<text:list-item>{p(text)}{'<text:list>' + items_xml([(s, []) for s in sub]) + '</text:list>' if sub else ''}"
                       "</text:list-item>" for text, sub in entries)
    return f'<text:list text:style-name="Punktlista">{items_xml(items)}</text:list>\n'


def answer(n):
    """Question n's text, and in questions 1–4 what LibreOffice keeps outside the flow."""
    body = p(f"Svar på fråga {n}: så här arbetar enheten med frågan.")
    if n == 1:
        body += p("Bemötandet tas upp på varje arbetsplatsträff.", frame(["Exempel", FRAME_EXAMPLE]))
    elif n == 2:
        body += p("Brukarna är med och planerar sina insatser.", custom_shape(["Exempel", SHAPE_EXAMPLE]))
    elif n == 3:
        body += p("Så här arbetar vi med resultaten:") + bullet_list(LIST)
    elif n == 4:
        body += p("Resultaten visas för alla.", rect(RECT_TEXT))
    return body


def award_document(titles):
    cover = "".join(p(line) for line in COVER) + "".join(p(f"{label}: {value}") for label, value in ADMIN.values())
    parts = "".join(f'<text:h text:style-name="Heading_20_1" text:outline-level="1">{escape(f"Fråga {n} {title}")}'
                    f"</text:h>\n" + answer(n) for n, title in sorted(titles.items()))
    return HEAD + cover + parts + TAIL


def to_docx(fodt, tmp):
    """LibreOffice's own .docx of fodt; a private profile, so parallel runs do not collide."""
    soffice = shutil.which("soffice")
    if not soffice:
        raise RuntimeError("soffice is missing: install libreoffice-writer-nogui (scripts/setup.sh does)")
    r = subprocess.run([soffice, f"-env:UserInstallation=file://{tmp / 'lo-profil'}", "--headless", "--norestore",
                        "--convert-to", "docx", "--outdir", str(tmp / "lo"), str(fodt)],
                       capture_output=True, text=True, timeout=180)
    out = tmp / "lo" / (fodt.stem + ".docx")
    if not out.exists():
        raise RuntimeError(f"soffice made no .docx (status {r.returncode}): {r.stdout}{r.stderr}")
    return out


def own_text(paragraph):
    """A paragraph's own text: its runs, not those of a text box anchored in it."""
    def walk(el):
        for child in el:
            if child.tag in (W + "txbxContent", MC_FALLBACK):
                continue
            yield from ([child.text or ""] if child.tag == W + "t" else walk(child))
    return "".join(walk(paragraph)).strip()


def source_paragraphs(docx):
    """Every paragraph's text in word/document.xml, a text box's once (not its VML copy)."""
    root = ET.fromstring(zipfile.ZipFile(docx).read("word/document.xml"))
    texts = []
    def walk(el):
        for child in el:
            if child.tag == MC_FALLBACK:
                continue
            if child.tag == W + "p" and own_text(child):
                texts.append(own_text(child))
            walk(child)
    walk(root)
    return texts


def check_parts(files, failures):
    part = lambda n: files.get(f"fraga-{n:02d}.md", "")
    example = r":::\s*exempel\s*\n+{}\s*\n+:::"
    for n, text, what in ((1, FRAME_EXAMPLE, "frame"), (2, SHAPE_EXAMPLE, "shape")):
        if not re.search(example.format(re.escape(text)), part(n)):
            failures.append(f"question {n}: the {what}'s example is not a ::: exempel container:\n{part(n)}")
    if RECT_TEXT not in part(4):
        failures.append(f"question 4: the rectangle's text is not in its file:\n{part(4)}")
    flat = re.sub(r"\n\n+", "\n", re.sub(r"(?m)^( *)([-*]) +", r"\1\2 ", part(3)))
    want = r"(?m)^- Resultaten gås igenom\n +- i ledningsgruppen\n +- i arbetsgrupperna\n- Åtgärder beslutas$"
    if not re.search(want, flat):
        failures.append(f"question 3: no nested list {want}\nin\n{part(3)}")
    for name, text in files.items():
        if "<div" in text or "custom-style" in text:
            failures.append(f"{name}: a LibreOffice style left as HTML")


def check_admin(doc, failures):
    admin = yaml.safe_load((doc / "inlamning.yaml").read_text(encoding="utf-8"))
    for key, (_, value) in ADMIN.items():
        if str(admin.get(key)) != value:
            failures.append(f"inlamning.yaml {key}: {admin.get(key)!r}, expected {value!r}")


def check_nothing_lost(docx, files, failures):
    """Each source paragraph once; headings (the files' names), the lead word "Exempel" (the
    containers) and a labelled line's label (the field's comment) aside."""
    everything = "\n".join(files.values())
    labels = {label for label, _ in ADMIN.values()}
    texts = source_paragraphs(docx)
    for want in (FRAME_EXAMPLE, SHAPE_EXAMPLE, RECT_TEXT):
        if texts.count(want) != 1:
            failures.append(f"word/document.xml has {want!r} {texts.count(want)} times outside mc:Fallback, expected once")
    for text in texts:
        if text in ("Exempel", "Kvalitetsutmärkelsen 2018") or re.match(r"Fråga \d+ ", text):
            continue  # the document's title: the site prints it
        label, _, value = text.partition(": ")
        text = value if label in labels else text
        n = everything.count(text)
        if n != 1:
            failures.append(f"the text {text!r} is in the imported files {n} times")


def check_examples_clean(kvalitet, repo, content, failures):
    """No diagnostic about the examples of questions 1 and 2. The import writes a draft, whose
    diagnostics only --enhet lists; question 4's (it has no example) shows that they are read."""
    r = subprocess.run([str(kvalitet), "check", str(content), "--templates", str(repo / "templates"), "--enhet", UNIT],
                       capture_output=True, text=True, timeout=300)
    about_example = lambda n: [l for l in (r.stdout + r.stderr).splitlines() if f"fraga-{n:02d}.md" in l and "exempel" in l]
    if not about_example(4):
        failures.append(f"kvalitet check did not report question 4's missing example:\n{r.stdout}{r.stderr}")
    for line in about_example(1) + about_example(2):
        failures.append(f"kvalitet check: {line}")


def main():
    kvalitet, repo = Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve()
    failures = []
    titles = part_titles(structure(repo, "kvalitetsutmarkelsen-2018"))
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        content = empty_content(tmp, repo)
        fodt = tmp / "libreoffice.fodt"
        fodt.write_text(award_document(titles), encoding="utf-8")
        try:
            docx = to_docx(fodt, tmp)
        except (RuntimeError, subprocess.TimeoutExpired) as e:
            return [str(e)]
        r = subprocess.run([str(kvalitet), "importera", str(docx), str(content), "--templates",
                            str(repo / "templates"), "--struktur", "kvalitetsutmarkelsen-2018", "--enhet", UNIT],
                           capture_output=True, text=True, timeout=300)
        if r.returncode != 0:
            return [f"importera failed: {r.stdout}{r.stderr}"]
        doc = content / UNIT / "2018/kvalitetsutmarkelsen"
        files = {p.name: p.read_text(encoding="utf-8") for p in doc.glob("*.md")}
        check_parts(files, failures)
        check_admin(doc, failures)
        # (the YAML files' values, not the comments kvalitet writes above each key)
        for name, path in (("inlamning.yaml", doc / "inlamning.yaml"), ("enhet.yaml", content / UNIT / "enhet.yaml")):
            files[name] = "\n".join(l for l in path.read_text(encoding="utf-8").splitlines() if not l.lstrip().startswith("#"))
        check_nothing_lost(docx, files, failures)
        check_examples_clean(kvalitet, repo, content, failures)
    return failures


if __name__ == "__main__":
    sys.exit(verdict(main()))
