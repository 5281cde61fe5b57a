#!/usr/bin/python3
"""kvalitet importera on an activity report (verksamhetsberättelse 2024) laid out as the city's
Word template prints it, built here with python-docx:

  import_report_test.py <kvalitet-binary> <repo>

The cover has the unit's name and förvaltning and a two-column admin table; section 4 has a KF
goal with its status line, an indicator table (Indikator | Periodens utfall | Utfall män/
pojkar | Utfall kvinnor/ flickor | Utfall VB 2023 | Årsmål | KF:s årsmål | Period) whose
analyses sit in merged rows under each indicator, a nämndmål with Beskrivning and Förväntat
resultat in a list style, an activity table, and an enhetsmål with status, expected results and
analysis. Imported: every block in its place with its values, `kvalitet check` finds no error,
`build --utkast` makes the indicator's page, and every text run of word/document.xml is in the
imported files once (the template's labels and the table's headers are the blocks' keys).
"""
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import docx
import yaml

from import_support import empty_content, part_titles, structure
from verdict import verdict

UNIT = "provhemtjansten"
INDICATORS = [
    ["", "Andel omsorgstagare som upplever att de kan påverka hur hjälpen utförs i hemtjänsten",
     "83 %", "81 %", "84 %", "84 %", "87 %", "87 %", "2024"],
    ["", "Antal personal en hemtjänsttagare med minst två besök om dagen möter under en 14-dagarsperiod",
     "13", "", "", "12,02", "10", "Max 10 personer", "2024"],
]
ANALYSES = ["Vi har arbetat med att planerare tillsammans med kontaktman har haft första hembesöket.",
            "Vid ökad sjukfrånvaro har det varit svårt att bemanna in och kontinuiteten har brustit."]
ACTIVITIES = [("Stadsdelsnämnden ska fortsätta att utveckla arbetet med digitalisering och välfärdsteknik.", "",
               "Digitala nycklar är infört i hemtjänsten."),
              ("Stadsdelsnämnden ska utveckla den interna och externa samverkan.", "Avvikelse",
               "Vi har påbörjat den externa samverkan med regionen.")]
LABELS = {"Indikator", "Periodens utfall", "Utfall män/ pojkar", "Utfall kvinnor/ flickor", "Utfall VB 2023", "Årsmål",
          "KF:s årsmål", "Period", "Aktivitet", "Startdatum", "Slutdatum", "Avvikelse", "Analys", "Beskrivning",
          "Förväntat resultat", "Kontaktperson", "Telefon", "E-post"}


def merged_row(table, first, text):
    cells = table.add_row().cells
    cell = cells[0].merge(cells[-1])
    cell.text = first
    cell.add_paragraph(text)


def bold(d, text):
    d.add_paragraph().add_run(text).bold = True


def report_document(path, sections):
    d = docx.Document()
    d.add_paragraph("Verksamhetsberättelse 2024")
    d.add_paragraph("Provhemtjänsten i Söderort")
    d.add_paragraph("Provstadens stadsdelsförvaltning")
    admin = d.add_table(rows=0, cols=2)
    for label, value in (("Kontaktperson", "Eva Lind"), ("Telefon", "08-508 11 111"), ("E-post", "eva.lind@example.se")):
        cells = admin.add_row().cells
        cells[0].text, cells[1].text = label, value
    d.add_heading("Sammanfattande analys", 1)
    for n in (1, 2, 3):
        d.add_heading(sections[n], 2)
        d.add_paragraph(f"Enheten har arbetat med avsnitt {n} under året.")
    d.add_heading("Uppföljning av Kommunfullmäktiges inriktningsmål", 1)
    d.add_heading(sections[4], 2)
    bold(d, "KF:s mål för verksamhetsområdet: 1.4 Stockholm ska vara en bra stad att åldras i - med god omsorg och stor trygghet")
    d.add_paragraph("Uppfylls delvis")
    header = ["", "Indikator", "Periodens utfall", "Utfall män/ pojkar", "Utfall kvinnor/ flickor", "Utfall VB 2023",
              "Årsmål", "KF:s årsmål", "Period"]
    table = d.add_table(rows=1, cols=len(header))
    for cell, text in zip(table.rows[0].cells, header):
        cell.text = text
    for row, analysis in zip(INDICATORS, ANALYSES):
        for cell, text in zip(table.add_row().cells, row):
            cell.text = text
        merged_row(table, "Analys", analysis)
    bold(d, "Nämndmål: Äldre har ett tryggt, hälsosamt och självständigt liv samt en god personcentrerad vård och omsorg")
    bold(d, "Beskrivning")
    d.add_paragraph("Målet nås genom att stadsdelsnämndens verksamheter utgår från ett salutogent förhållningssätt.")
    d.add_paragraph("Stadsdelsnämndens uppsökande och förebyggande arbete är viktigt för att motverka ofrivillig ensamhet.")
    bold(d, "Förväntat resultat")
    d.add_paragraph("Ökad andel äldre som känner sig trygga och nöjda med sin äldreomsorg.", style="List Bullet")
    d.add_paragraph("Ökat välbefinnande och meningsfullhet hos seniorer.", style="List Bullet")
    table = d.add_table(rows=1, cols=5)
    for cell, text in zip(table.rows[0].cells, ["", "Aktivitet", "Startdatum", "Slutdatum", "Avvikelse"]):
        cell.text = text
    for activity, deviation, analysis in ACTIVITIES:
        for cell, text in zip(table.add_row().cells, ["", activity, "2024-01-01", "2024-12-31", deviation]):
            cell.text = text
        merged_row(table, "Analys", analysis)
    bold(d, "Enhetsmål: Enheten arbetar för att kunden ska vara delaktig och känna sig trygg.")
    d.add_paragraph("Uppfylls delvis")
    bold(d, "Förväntat resultat")
    d.add_paragraph("Enheten har en ökad personalkontinuitet utifrån stadens riktlinjer som är 10 personal.")
    d.add_paragraph("En ökad andel nöjda omsorgstagare som ökar med 5 %.")
    bold(d, "Analys")
    d.add_paragraph("Enheten har arbetat med att se över personalkontinuiteten och geografisk närhet.")
    d.save(path)


def source_runs(path):
    xml = zipfile.ZipFile(path).read("word/document.xml").decode()
    texts = []
    for p in re.findall(r"<w:p[ >].*?</w:p>", xml, flags=re.S):
        text = "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", p)).strip()
        if text:
            texts.append(text)
    return texts


def blocks(text, name):
    return [yaml.safe_load(b) for b in re.findall(r"(?ms)^```" + re.escape(name) + r"\n(.*?)^```$", text)]


def check_blocks(part, failures):
    kf = blocks(part, "kf-mål")
    if kf != [{"nr": "1.4", "status": "uppfylls delvis"}]:
        failures.append(f"kf-mål: {kf}")
    ind = blocks(part, "indikator")
    want = [{"indikator": INDICATORS[0][1], "enhet": "%", "utfall": 83, "män": 81, "kvinnor": 84, "vb": 84, "årsmål": 87,
             "kf_årsmål": 87, "period": "2024", "analys": ANALYSES[0] + "\n"},
            {"indikator": INDICATORS[1][1], "enhet": "antal", "riktning": "lägre", "utfall": 13, "vb": "12,02", "årsmål": 10,
             "kf_årsmål": "Max 10 personer", "period": "2024", "analys": ANALYSES[1] + "\n"}]
    if ind != want:
        failures.append(f"indikator blocks:\n{ind}\nexpected\n{want}")
    board = blocks(part, "nämndmål")
    if len(board) != 1 or len(board[0].get("förväntat_resultat", [])) != 2 or "salutogent" not in board[0].get("beskrivning", ""):
        failures.append(f"nämndmål: {board}")
    acts = blocks(part, "aktivitet")
    if [(a["aktivitet"], a["avvikelse"], a.get("analys", "").strip()) for a in acts] != \
            [(a, bool(d), an) for a, d, an in ACTIVITIES]:
        failures.append(f"aktivitet blocks: {acts}")
    unit = blocks(part, "enhetsmål")
    if len(unit) != 1 or unit[0].get("status") != "uppfylls delvis" or len(unit[0].get("förväntat_resultat", [])) != 2:
        failures.append(f"enhetsmål: {unit}")
    # The hierarchy is the blocks' order (docs/content-model.md).
    order = re.findall(r"(?m)^```(kf-mål|indikator|nämndmål|aktivitet|enhetsmål)$", part)
    if order != ["kf-mål", "indikator", "indikator", "nämndmål", "aktivitet", "aktivitet", "enhetsmål"]:
        failures.append(f"blocks in the order {order}")


def nothing_lost(docx_path, files, titles, failures):
    everything = "\n".join(files.values())
    for text in source_runs(docx_path):
        if text in titles:
            continue  # the document's, areas' and sections' titles: the site prints them from the structure
        if text in LABELS or re.match(r"(KF:s mål för|Nämndmål:|Enhetsmål:)", text) and text.split(": ", 1)[1] in everything:
            continue  # a label, or a goal whose title is in its block (or comment)
        value = re.sub(r"\s*%$", "", text)
        n = everything.count(value) if value == text else len(re.findall(rf"\b{re.escape(value)}\b", everything))
        if text == "Uppfylls delvis":  # both status lines, as status values
            n = 1 if files.get("avsnitt-04.md", "").count('status: "uppfylls delvis"') == 2 else 0
        if n < 1 or (n > 1 and value == text and len(text) > 20):
            failures.append(f"the text {text!r} is in the imported files {n} times")


def main():
    kvalitet, repo = Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve()
    failures = []
    st = structure(repo, "verksamhetsberattelse-2024")
    sections = part_titles(st, "avsnitt")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        content = empty_content(tmp, repo)
        report_document(tmp / "report.docx", sections)
        common = ["--templates", str(repo / "templates")]
        r = subprocess.run([str(kvalitet), "importera", str(tmp / "report.docx"), str(content), *common,
                            "--struktur", "verksamhetsberattelse-2024", "--enhet", UNIT],
                           capture_output=True, text=True, timeout=300)
        if r.returncode != 0:
            return [f"importera failed: {r.stdout}{r.stderr}"]
        if "4 av 15 avsnitt hittades" not in r.stdout + r.stderr:  # the report's word for its parts
            failures.append(f"importera's summary: {r.stdout}{r.stderr}")
        doc = content / UNIT / "2024/verksamhetsberattelse"
        files = {p.name: p.read_text(encoding="utf-8") for p in doc.glob("*.md")}
        check_blocks(files.get("avsnitt-04.md", ""), failures)
        admin = yaml.safe_load((doc / "inlamning.yaml").read_text(encoding="utf-8"))
        for key, value in {"kontaktperson": "Eva Lind", "telefon": "08-508 11 111", "e-post": "eva.lind@example.se"}.items():
            if admin.get(key) != value:
                failures.append(f"inlamning.yaml {key}: {admin.get(key)!r}, expected {value!r}")
        unit = yaml.safe_load((content / UNIT / "enhet.yaml").read_text(encoding="utf-8"))
        if unit.get("namn") != "Provhemtjänsten i Söderort" or unit.get("förvaltning") != "Provstadens stadsdelsförvaltning":
            failures.append(f"enhet.yaml: {unit}")
        for name, path in (("inlamning.yaml", doc / "inlamning.yaml"), ("enhet.yaml", content / UNIT / "enhet.yaml")):
            files[name] = path.read_text(encoding="utf-8")
        titles = {"Verksamhetsberättelse 2024", *sections.values(), *(area["titel"] for area in st["områden"])}
        nothing_lost(tmp / "report.docx", files, titles, failures)
        if (doc / "ej-placerad-text.md").exists():
            failures.append(f"text left unplaced: {(doc / 'ej-placerad-text.md').read_text(encoding='utf-8')}")
        # check: no error — the sections not in the document are a draft's warnings.
        r = subprocess.run([str(kvalitet), "check", str(content), *common, "--enhet", UNIT, "--no-source"],
                           capture_output=True, text=True, timeout=300)
        errors = [l for l in (r.stdout + r.stderr).splitlines() if ": error:" in l]
        section_4 = [l for l in (r.stdout + r.stderr).splitlines() if "avsnitt-04.md" in l]
        if r.returncode != 0 or errors or section_4:
            failures.append("check:\n" + "\n".join(errors + section_4) + f"\n(exit {r.returncode})")
        out = tmp / "site"
        r = subprocess.run([str(kvalitet), "build", str(content), *common, "--utkast", "-o", str(out), "-q"],
                           capture_output=True, text=True, timeout=300)
        pages = [p for p in out.glob("indikatorer/*/index.html") if "Andel omsorgstagare" in p.read_text(encoding="utf-8")]
        if r.returncode != 0 or not pages:
            failures.append(f"build --utkast: exit {r.returncode}, indicator pages {pages}: {r.stderr[-2000:]}")
    return failures


if __name__ == "__main__":
    sys.exit(verdict(main()))
