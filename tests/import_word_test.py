#!/usr/bin/python3
"""kvalitet importera on documents as Word and LibreOffice write them, not as pandoc does:
built here with python-docx, and Word's own XML where python-docx has no API (text boxes).

  import_word_test.py <kvalitet-binary> <repo>

1. An award submission (the 2018 structure) whose examples sit in a Word 2010+ text box
   (DrawingML in mc:AlternateContent, with its VML copy in mc:Fallback), in an older Word's VML
   text box, and in a one-cell table with Word's default header row; whose lists are in Word's
   list styles, nested ("Punktlista", "Punktlista 2", "Numrerad lista"). Imported: each example
   is a ::: exempel container in its question's file, the lists are Markdown lists with their
   nesting, no <div> is left, and every text run of word/document.xml (a text box's once) is
   in exactly one imported file: nothing is lost and nothing doubled.
"""
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import docx
import yaml
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml

from import_support import empty_content, part_titles, structure
from verdict import verdict

UNIT = "provenheten"
NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
      'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
      'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
      'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
      'xmlns:v="urn:schemas-microsoft-com:vml"')


def paragraphs_xml(lines, bold_first=True):
    out = ""
    for i, line in enumerate(lines):
        props = "<w:rPr><w:b/></w:rPr>" if bold_first and i == 0 else ""
        out += f"<w:p><w:r>{props}<w:t xml:space=\"preserve\">{line}</w:t></w:r></w:p>"
    return out


def drawingml_box(lines):
    """A text box as Word 2010+ saves it: DrawingML, and a VML copy for older readers."""
    content = f"<w:txbxContent>{paragraphs_xml(lines)}</w:txbxContent>"
    return parse_xml(
        f'<w:r {NS}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        '<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" behindDoc="0" locked="0" '
        'layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0'
        '</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        '<wp:extent cx="3000000" cy="1000000"/><wp:wrapSquare wrapText="bothSides"/><wp:docPr id="1" name="Textruta 1"/>'
        '<wp:cNvGraphicFramePr/><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        '<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="3000000" cy="1000000"/></a:xfrm>'
        f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr><wps:txbx>{content}</wps:txbx><wps:bodyPr/></wps:wsp>'
        '</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape id="ruta1" '
        f'type="#_x0000_t202" style="width:200pt;height:80pt"><v:textbox>{content}</v:textbox></v:shape></w:pict>'
        '</mc:Fallback></mc:AlternateContent></w:r>')


def vml_box(lines):
    """A text box as Word 2003 saved it: VML alone."""
    return parse_xml(f'<w:r {NS}><w:pict><v:shape id="ruta2" type="#_x0000_t202" style="width:200pt;height:80pt">'
                     f'<v:textbox><w:txbxContent>{paragraphs_xml(lines)}</w:txbxContent></v:textbox></v:shape></w:pict></w:r>')


def award_document(path, titles):
    d = docx.Document()
    for name in ("Punktlista", "Punktlista 2", "Numrerad lista"):
        d.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    # The cover: the award, the unit, its förvaltning; then labelled lines (a label with
    # another case, one letter off, a bold one) and a two-column table.
    d.add_paragraph("Kvalitetsutmärkelsen 2018")
    d.add_paragraph("Provenheten för äldreomsorg")
    d.add_paragraph("Provstadens stadsdelsförvaltning")
    d.add_paragraph("KONTAKTPERSON: Anna Berg")
    d.add_paragraph("Telefn: 08-123 45 67")
    bold = d.add_paragraph()
    bold.add_run("E-post:").bold = True
    bold.add_run(" anna.berg@example.se")
    table = d.add_table(rows=2, cols=2)
    for row, (label, value) in zip(table.rows, (("Antal anställda", "37"), ("Antal brukare", "120"))):
        row.cells[0].text, row.cells[1].text = label, value
    d.add_heading(f"1. {titles[1]}", level=1)
    d.add_paragraph("Bemötandet tas upp på varje arbetsplatsträff.")
    d.add_paragraph()._p.append(drawingml_box(["Exempel", "En brukare bad om kvällspromenader och fick dem varje tisdag."]))
    d.add_paragraph("Det följs upp i brukarundersökningen.")
    d.add_heading(f"2. {titles[2]}", level=1)
    d.add_paragraph("Brukarna är med och planerar sina insatser.")
    box = d.add_table(rows=1, cols=1)  # python-docx's tables have Word's header row flag
    cell = box.cell(0, 0)
    cell.paragraphs[0].text = "Exempel"
    cell.add_paragraph("Brukarrådet valde själva vilka aktiviteter som skulle prövas.")
    d.add_heading(f"3. {titles[3]}", level=1)
    d.add_paragraph("Så här arbetar vi med resultaten:")
    for text, style in (("Resultaten gås igenom", "Punktlista"), ("i ledningsgruppen", "Punktlista 2"),
                        ("i arbetsgrupperna", "Punktlista 2"), ("Åtgärder beslutas", "Punktlista"),
                        ("Analysera", "Numrerad lista"), ("Besluta", "Numrerad lista")):
        d.add_paragraph(text, style=style)
    d.add_heading(f"4. {titles[4]}", level=1)
    d.add_paragraph("Ledarskapet förankras i dialog.")
    d.add_paragraph()._p.append(vml_box(["Exempel", "Chefen deltar i ett arbetspass varje månad."]))
    d.save(path)


def source_runs(path):
    """Every text of word/document.xml's paragraphs, a text box's once (not its VML copy)."""
    xml = zipfile.ZipFile(path).read("word/document.xml").decode()
    xml = re.sub(r"<mc:Fallback>.*?</mc:Fallback>", "", xml, flags=re.S)
    texts = []
    for p in re.findall(r"<w:p[ >].*?</w:p>", re.sub(r"<w:txbxContent>|</w:txbxContent>", "", xml), flags=re.S):
        text = "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", p))
        if text.strip():
            texts.append(text.strip())
    return texts


def main():
    kvalitet, repo = Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve()
    failures = []
    titles = part_titles(structure(repo, "kvalitetsutmarkelsen-2018"))
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        content = empty_content(tmp, repo)
        award_document(tmp / "word.docx", titles)
        r = subprocess.run([str(kvalitet), "importera", str(tmp / "word.docx"), str(content), "--templates",
                            str(repo / "templates"), "--struktur", "kvalitetsutmarkelsen-2018", "--enhet", UNIT],
                           capture_output=True, text=True, timeout=300)
        if r.returncode != 0:
            return [f"importera failed: {r.stdout}{r.stderr}"]
        doc = content / UNIT / "2018/kvalitetsutmarkelsen"
        files = {p.name: p.read_text(encoding="utf-8") for p in doc.glob("*.md")}
        part = lambda n: files.get(f"fraga-{n:02d}.md", "")
        example = r":::\s*exempel\s*\n+{}\s*\n+:::"
        for n, text in ((1, "En brukare bad om kvällspromenader och fick dem varje tisdag."),
                        (2, "Brukarrådet valde själva vilka aktiviteter som skulle prövas."),
                        (4, "Chefen deltar i ett arbetspass varje månad.")):
            if not re.search(example.format(re.escape(text)), part(n)):
                failures.append(f"question {n}: the example is not a ::: exempel container:\n{part(n)}")
        # Nesting kept (the sub-items indented under their item), the numbered list a list of its own.
        lists = (r"(?m)^- Resultaten gås igenom\n +- i ledningsgruppen\n +- i arbetsgrupperna\n- Åtgärder beslutas$",
                 r"(?m)^1\. Analysera\n2\. Besluta$")
        flat = re.sub(r"\n\n+", "\n", re.sub(r"(?m)^( *)([-*]|\d+\.) +", r"\1\2 ", part(3)))
        for want in lists:
            if not re.search(want, flat):
                failures.append(f"question 3: no list {want}\nin\n{part(3)}")
        for name, text in files.items():
            if "<div" in text or "custom-style" in text:
                failures.append(f"{name}: a Word style left as HTML")
        # The administrative data where it belongs, and out of the text.
        admin = yaml.safe_load((doc / "inlamning.yaml").read_text(encoding="utf-8"))
        want = {"kontaktperson": "Anna Berg", "telefon": "08-123 45 67", "e-post": "anna.berg@example.se",
                "antal_anställda": 37, "antal_brukare": 120}
        for key, value in want.items():
            if str(admin.get(key)) != str(value):
                failures.append(f"inlamning.yaml {key}: {admin.get(key)!r}, expected {value!r}")
        unit = yaml.safe_load((content / UNIT / "enhet.yaml").read_text(encoding="utf-8"))
        if unit.get("namn") != "Provenheten för äldreomsorg" or unit.get("förvaltning") != "Provstadens stadsdelsförvaltning":
            failures.append(f"enhet.yaml: {unit}")
        # (their values, not the comments kvalitet writes above each key)
        for name, path in (("inlamning.yaml", doc / "inlamning.yaml"), ("enhet.yaml", content / UNIT / "enhet.yaml")):
            files[name] = "\n".join(l for l in path.read_text(encoding="utf-8").splitlines() if not l.lstrip().startswith("#"))
        # Nothing lost, nothing doubled: each source text once, headings and the lead word
        # "Exempel" aside (they are the files' names and the containers).
        everything = "\n".join(files.values())
        for text in source_runs(tmp / "word.docx"):
            if text in ("Exempel", "Kvalitetsutmärkelsen 2018") or re.match(r"\d+\. ", text):
                continue  # the document's title: the site prints it
            # A labelled line's value is in inlamning.yaml, its label in the field's comment.
            text = re.sub(r"^[^:]{1,40}: ", "", text) if ":" in text and not text.endswith(":") else text
            if text in ("Antal anställda", "Antal brukare", "37", "120"):
                continue  # the table's labels are the fields' own; its values checked above
            n = everything.count(text)
            if n != 1:
                failures.append(f"the text {text!r} is in the imported files {n} times")
    return failures


if __name__ == "__main__":
    sys.exit(verdict(main()))
