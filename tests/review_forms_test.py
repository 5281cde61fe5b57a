#!/usr/bin/python3
"""`kvalitet bedomning` end to end, with workbooks made here by openpyxl (an independent
writer) and every number recomputed here from the structure files (read with PyYAML):

1. A site with the 2018 award (content/) and the differently shaped test award
   (tests/fixtures/editions: prov-2020/2022/2023, three units' documents) builds; its review
   forms are filled in as three reviewers would, and `kvalitet bedomning` builds the result
   list, the calibration page and the feedback reports. Each area score, total, place,
   mean, spread and flagged disagreement is checked against this file's own arithmetic;
   strengths given by two reviewers appear once.
2. The public build (`kvalitet build`) has none of those pages.
3. Bad forms give one diagnostic each, with file, row and column, the sheet and cell in
   words, and what to do; the previous output is left as it was.
4. With bedömare: in site.yaml the form has one sheet per reviewer, read back by name.
5. Forms as coordinators send them (three reviewers): the whole workbook to everyone, each
   filling their own sheet, or each reviewer's own file bedomning-<slug>.xlsx (the slug
   computed here with unicodedata); both read back to the same pages. Empty sheets give one
   warning per file; a reviewer filled in two files is an error naming both (a warning when
   the answers are the same); a bad cell in such a duplicate is still reported; two names
   with one slug are an error in site.yaml.
6. The consensus form konsensus.xlsx: its rows and columns checked against the forms written
   here; filled in and put back, its agreed scores and texts replace the means on the
   feedback and result pages (the means recomputed here stay beside them), the result list
   is preliminary while some scored answer is not agreed, and its bad cells are reported.

Usage: review_forms_test.py KVALITET REPO"""
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import traceback
import unicodedata

import openpyxl
import yaml

from verdict import verdict

kvalitet, repo = pathlib.Path(sys.argv[1]).resolve(), pathlib.Path(sys.argv[2]).resolve()
fixture = repo / "tests/fixtures/editions"
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
    return bool(cond)


def run(*args):
    return subprocess.run([str(kvalitet), *map(str, args)], capture_output=True, text=True, timeout=600)


def make_site(tmp, reviewers=None):
    """content/ plus the fixture's units, templates/ plus the fixture's structures."""
    content, templates = tmp / "content", tmp / "templates"
    shutil.copytree(repo / "content", content)
    for unit in (fixture / "content").iterdir():
        if unit.is_dir():
            shutil.copytree(unit, content / unit.name)
    shutil.copytree(repo / "templates", templates)
    for f in (fixture / "templates/structures").iterdir():
        shutil.copy(f, templates / "structures" / f.name)
    # The reviewers' scale, and weights that make the means differ from plain ones.
    prov = templates / "structures/prov-2022.yaml"
    text = prov.read_text(encoding="utf-8")
    text = text.replace("bedömning:      # scored by reviewers: forms on the reviewers' site\n  från: 0\n  till: 5\n", "")
    text = text.replace("områden:\n  - titel: Mål och resultat\n",
                        "bedömning:\n  från: 0\n  till: 5\n  oenighet: 1\n  klass: verksamhetstyp\n"
                        "områden:\n  - titel: Mål och resultat\n    vikt: 2\n")
    # Units compete in classes: an admin field of the structure, named by klass:.
    text = text.replace("inledning:\n", "  - nyckel: verksamhetstyp\n    etikett: Verksamhetstyp\n    typ: val\n"
                        "    val: [Hemtjänst, Boende]\n    krävs: false\ninledning:\n", 1)
    for unit, kind in (("provenhet", "Boende"), ("annanenhet", "Hemtjänst")):
        with open(content / unit / "2022/prov/inlamning.yaml", "a", encoding="utf-8") as f:
            f.write(f"verksamhetstyp: {kind}\n")
    text = text.replace("        kräver: {mål: 1}\n",
                        "        kräver: {mål: 1}\n        kriterier: Målen är mätbara och följs upp.\n        vikt: 3\n", 1)
    assert "vikt: 3" in text and "oenighet: 1" in text and "typ: val" in text and text.count("bedömning:") == 1, \
        "prov-2022.yaml changed: update this test"
    prov.write_text(text, encoding="utf-8")
    if reviewers:
        with open(content / "site.yaml", "a", encoding="utf-8") as f:
            f.write("bedömare:\n" + "".join(f"  - {r}\n" for r in reviewers))
    return content, templates


def header_index(ws):
    return {c.value: c.column for c in ws[1] if c.value}


def fill(form, out, scores, texts=None, sheet=None, reviewer_sheets=None):
    """Writes a copy of form with scores {(unit, nr): score} (and texts {(unit, nr): (strengths,
    improvements)}) into the sheet given (default: the only one)."""
    wb = openpyxl.load_workbook(form)
    ws = wb[sheet] if sheet else wb.worksheets[0]
    h = header_index(ws)
    for row in range(2, ws.max_row + 1):
        key = (ws.cell(row, h["Enhetens id"]).value, int(ws.cell(row, h["Nr"]).value))
        if key in scores:
            ws.cell(row, h["Poäng"], scores[key])
        if texts and key in texts:
            ws.cell(row, h["Styrkor"], texts[key][0])
            ws.cell(row, h["Förbättringsområden"], texts[key][1])
    out.parent.mkdir(parents=True, exist_ok=True)
    wb.save(out)


def structure(templates, name):
    return yaml.safe_load((templates / "structures" / f"{name}.yaml").read_text(encoding="utf-8"))


def expected_results(st, reviewers_scores, agreed=None):
    """{unit: (area scores list, total)} from {reviewer: {(unit, nr): score}}, by the rules
    the pages state: means, weighted by vikt: (default 1), unscored questions left out; an
    agreed score {(unit, nr): score} counts instead of the mean."""
    agreed = agreed or {}
    units = {u for scores in reviewers_scores.values() for (u, _) in scores} | {u for (u, _) in agreed}
    out = {}
    for unit in units:
        areas = []
        for area in st["områden"]:
            num = den = 0.0
            for q in area["frågor"]:
                given = [s[(unit, q["nr"])] for s in reviewers_scores.values() if (unit, q["nr"]) in s]
                value = agreed.get((unit, q["nr"]), sum(given) / len(given) if given else None)
                if value is not None:
                    w = q.get("vikt", 1)
                    num += w * value
                    den += w
            areas.append(num / den if den else None)
        num = den = 0.0
        for area, score in zip(st["områden"], areas):
            if score is not None:
                num += area.get("vikt", 1) * score
                den += area.get("vikt", 1)
        out[unit] = (areas, num / den if den else None)
    return out


def close(a, b):
    return a is not None and b is not None and abs(float(a) - float(b)) < 1e-6


def page(out, path):
    return (out / path).read_text(encoding="utf-8")


# Scores of the prov 2022 edition (units provenhet and annanenhet, questions 1–4).
PROV = {
    "anna": {("provenhet", 1): 4, ("provenhet", 2): 3, ("provenhet", 3): 2, ("provenhet", 4): 5,
             ("annanenhet", 1): 1, ("annanenhet", 2): 2, ("annanenhet", 3): 3, ("annanenhet", 4): 4},
    "bertil": {("provenhet", 1): 5, ("provenhet", 2): 1, ("provenhet", 3): 2, ("provenhet", 4): 4,
               ("annanenhet", 1): 2, ("annanenhet", 2): 2, ("annanenhet", 3): 3, ("annanenhet", 4): 4},
    # cecilia reviews provenhet only (annanenhet's rows left empty: no warning)
    "cecilia": {("provenhet", 1): 4, ("provenhet", 2): 3, ("provenhet", 3): 0, ("provenhet", 4): 5},
}
TEXTS = {("provenhet", 1): ("Mätbara mål\n- Tydlig uppföljning", "Fler målvärden")}


def test_feedback_calibration_results():
    with tempfile.TemporaryDirectory() as t:
        tmp = pathlib.Path(t)
        content, templates = make_site(tmp)
        out = tmp / "out"
        r = run("bedomning", content, "--templates", templates, "-o", out, "-q")
        if not check(r.returncode == 0, f"public build failed: {r.stderr}"):
            return
        form = out / "jamforelse/2022/prov/bedomning.xlsx"
        ws = openpyxl.load_workbook(form).worksheets[0]
        h = header_index(ws)
        check(ws.title == "Bedömning", f"sheet {ws.title}")
        check("Bedömningsgrund" in h and "Enhetens id" in h, f"headers {list(h)}")
        rules = [dv for dv in ws.data_validations.dataValidation]
        check(any(dv.formula1 == "0" and dv.formula2 == "5" for dv in rules), "no 0–5 rule on the score column")
        folder = content / "_bedomning/2022/prov"
        for name, scores in PROV.items():
            fill(form, folder / f"{name}.xlsx", scores, TEXTS)  # the same texts from all three
        award_form = out / "jamforelse/2018/kvalitetsutmarkelsen/bedomning.xlsx"
        # question 22 left empty by the only reviewer: nobody scored it
        award = {("skarholmen-omsorg-om-aldre", n): (n * 7) % 6 for n in range(1, 22)}
        fill(award_form, content / "_bedomning/2018/kvalitetsutmarkelsen/dora.xlsx", award)
        # a form still open in Excel leaves a lock file; it is not a form
        (content / "_bedomning/2018/kvalitetsutmarkelsen/~$dora.xlsx").write_bytes(b"lock")

        r = run("bedomning", content, "--templates", templates, "-o", out)
        if not check(r.returncode == 0, f"bedomning failed: {r.stderr}"):
            return
        warnings = [line for line in r.stderr.splitlines() if ": warning: " in line]
        check(len(warnings) == 1 and "ingen bedömare har gett enheten ”skarholmen-omsorg-om-aldre” poäng för fråga 22"
              in warnings[0], f"one warning, for the answer nobody scored: {warnings}")
        st = structure(templates, "prov-2022")
        expected = expected_results(st, PROV)

        # Feedback reports: each area's score and the total
        for unit, (areas, total) in expected.items():
            html = page(out, f"bedomning/2022/prov/enhet/{unit}/index.html")
            got = re.findall(r'<tr><th scope="row">[^<]*</th><td class="tal">[^<]*</td><td class="tal" data-value="([^"]*)">', html)
            check(len(got) == len(areas) and all(close(g, e) for g, e in zip(got, areas)),
                  f"{unit}: area scores {got}, expected {areas}")
            m = re.search(r'class="tal total" data-value="([^"]*)"', html)
            check(m and close(m.group(1), total), f"{unit}: total {m and m.group(1)}, expected {total}")
        # Strengths from three reviewers, the same text: each point once
        html = page(out, "bedomning/2022/prov/enhet/provenhet/index.html")
        check(html.count("<li>Mätbara mål</li>") == 1 and html.count("<li>Tydlig uppföljning</li>") == 1,
              "merged strengths not once each")
        check("<li>Fler målvärden</li>" in html, "improvement missing")
        check("(medel av 3 bedömare)" in html, "reviewer count on the feedback page")
        # A fully scored report has no notice (nor an empty box for one); 2018 lacks question 22
        check('class="ofullstandig"' not in html, "notice on a fully scored feedback page")
        html18 = page(out, "bedomning/2018/kvalitetsutmarkelsen/enhet/skarholmen-omsorg-om-aldre/index.html")
        check('<p class="ofullstandig">Resultatet bygger på 21 av 22 frågor' in html18, "the notice on the 2018 feedback page")
        # every link to an answer says which answer it leads to
        links = re.findall(r'<a href="[^"]*/fraga-(\d+)/index.html">(Läs svaret[^<]*)</a>', html18)
        check(len(links) == 22 and all(text == f"Läs svaret på fråga {int(n)}" for n, text in links), f"answer links {links[:3]}")
        # whole computed scores without decimals, others with two
        for value, shown in re.findall(r'data-value="([^"]+)">([^<]+)<', html18):
            v = float(value)
            want = str(int(v)) if v == int(v) else f"{v:.2f}".replace(".", ",")
            check(shown == want, f"score {value} shown as {shown}, expected {want}")
        st18 = structure(templates, "kvalitetsutmarkelsen-2018")
        exp18 = expected_results(st18, {"dora": award})["skarholmen-omsorg-om-aldre"]
        m = re.search(r'class="tal total" data-value="([^"]*)"', html18)
        check(m and close(m.group(1), exp18[1]), f"2018 total {m and m.group(1)}, expected {exp18[1]}")

        # Result list: one table per class (klass: verksamhetstyp), in the order of the field's
        # choices, each ranked on its own
        html = page(out, "bedomning/2022/prov/index.html")
        tables = re.findall(r'<caption id="[^"]*">([^<]*)</caption>(.*?)</table>', html, re.S)
        classes = {"Verksamhetstyp: Hemtjänst": ["annanenhet"], "Verksamhetstyp: Boende": ["provenhet"]}
        check([c for c, _ in tables] == list(classes), f"classes {[c for c, _ in tables]}")
        for caption, body in tables:
            order = re.findall(r'<tr><td class="tal">(\d+)</td><th scope="row"><a href="[^"]*/enhet/([^/]+)/index.html">', body)
            check(order == [("1", u) for u in classes.get(caption, [])], f"{caption}: {order}")
        check("Bedömt av 3 bedömare: anna, bertil, cecilia." in html, "reviewers on the result list")

        # Calibration: spread and the flag, per question and unit; oenighet: 1
        html = page(out, "bedomning/2022/prov/kalibrering/index.html")
        flagged_count = 0
        for q in (1, 2, 3, 4):
            section = html.split(f'id="del-{q}"', 1)[1].split("</section>", 1)[0]
            for unit in ("provenhet", "annanenhet"):
                given = [s[(unit, q)] for s in PROV.values() if (unit, q) in s]
                row = re.search(rf'<tr id="kal-{q}-{unit}"( class="oenig")?><th scope="row"><a href="[^"]*{unit}[^"]*">.*?</tr>', section)
                if not check(row, f"calibration row {unit} {q}"):
                    continue
                spread = re.search(r'class="tal spridning" data-value="([^"]*)"', row.group(0)).group(1)
                check(close(spread, max(given) - min(given)), f"spread {unit} {q}: {spread}")
                flagged = max(given) - min(given) > 1
                flagged_count += flagged
                check((f'href="#kal-{q}-{unit}"' in html.split('</section>', 1)[0]) == flagged, f"summary link {unit} {q}")
                check(bool(row.group(1)) == flagged and (("Oenighet – diskutera" in row.group(0)) == flagged),
                      f"flag {unit} {q}: expected {flagged}")
        counted = f"{flagged_count} svar är markerat för oenighet:" if flagged_count == 1 else f"{flagged_count} svar är markerade för oenighet:"
        check(flagged_count > 0 and counted in html, f"count of flagged answers ({flagged_count})")
        check("Alla svar har bedömts av minst en bedömare." in html, "2022: every answer scored")
        # 2018: the answer nobody scored has its row, and the summary links it
        cal18 = page(out, "bedomning/2018/kvalitetsutmarkelsen/kalibrering/index.html")
        check("1 svar har ingen bedömt:" in cal18 and 'href="#kal-22-skarholmen-omsorg-om-aldre"' in cal18, "2018 summary of the unscored answer")
        check('<tr id="kal-22-skarholmen-omsorg-om-aldre" class="obedomd">' in cal18, "2018: the unscored answer's row")
        check(cal18.count('<tr id="kal-') == 22, "2018: a row per answer")

        # The compare index links the results in this build only
        check("../../../bedomning/2022/prov/index.html" in page(out, "jamforelse/2022/prov/index.html"), "results link")

        # 2. The public build leaves every reviewers' page out
        # (in a folder of its own: the reviewers' folder is never overwritten by a public build)
        refused = run("build", content, "--templates", templates, "-o", out, "-q")
        check(refused.returncode == 1 and "byggd för bedömarna" in refused.stderr, f"public build over the reviewers' folder: {refused.stderr}")
        public = out.parent / "public"
        r = run("build", content, "--templates", templates, "-o", public, "-q")
        check(r.returncode == 0, f"public build after bedomning: {r.stderr}")
        check(not (public / "bedomning").exists(), "the public build has reviewers' pages")
        check("bedomning/2022" not in page(public, "jamforelse/2022/prov/index.html"), "public compare index links results")
        check(not (public / "jamforelse/2022/prov/bedomning.xlsx").exists(), "the public build has the review form")


def test_bad_forms():
    with tempfile.TemporaryDirectory() as t:
        tmp = pathlib.Path(t)
        content, templates = make_site(tmp)
        out = tmp / "out"
        check(run("bedomning", content, "--templates", templates, "-o", out, "-q").returncode == 0, "build for bad forms")
        form = out / "jamforelse/2022/prov/bedomning.xlsx"
        folder = content / "_bedomning/2022/prov"
        bad = folder / "felix.xlsx"
        fill(form, bad, {("provenhet", 1): 7, ("provenhet", 2): "bra", ("provenhet", 3): 2.5, ("provenhet", 4): 3},
             {("annanenhet", 2): ("Bra", "")})
        wb = openpyxl.load_workbook(bad)
        ws = wb.worksheets[0]
        h = header_index(ws)
        rows = {(ws.cell(r, h["Enhetens id"]).value, ws.cell(r, h["Nr"]).value): r for r in range(2, ws.max_row + 1)}
        ws.cell(rows[("annanenhet", 3)], h["Enhetens id"], "annanenheten")  # unknown unit
        ws.cell(rows[("annanenhet", 4)], h["Nr"], 9)                         # no question 9
        dup = ws.max_row + 1
        for col in range(1, ws.max_column + 1):
            ws.cell(dup, col, ws.cell(rows[("provenhet", 4)], col).value)
        ws.cell(dup, h["Poäng"], 4)
        wb.save(bad)
        (folder / "anteckningar.txt").write_text("inte en mall", encoding="utf-8")
        (folder / "trasig.xlsx").write_bytes(b"PK\x03\x04 not really a workbook")
        nocol = openpyxl.load_workbook(form)
        nocol.worksheets[0].cell(1, h["Poäng"], "Betyg")
        nocol.save(folder / "gustav.xlsx")
        (content / "_bedomning/2099/prov").mkdir(parents=True)
        marker = out / "index.html"
        before = marker.read_bytes()

        r = run("bedomning", content, "--templates", templates, "-o", out)
        check(r.returncode == 1, f"bad forms exit {r.returncode}")
        err = r.stderr
        shown = "_bedomning/2022/prov/felix.xlsx"

        def at(row, col_name, text):
            col = h[col_name]
            letter = openpyxl.utils.get_column_letter(col)
            line = f"{shown}:{row}:{col}: error: bladet ”Bedömning”, cell {letter}{row}: {text}"
            check(line in err, f"missing diagnostic: {line}")

        at(rows[("provenhet", 1)], "Poäng", "poängen 7 finns inte på skalan — skriv ett heltal från 0 till 5")
        at(rows[("provenhet", 2)], "Poäng", "”bra” är ingen poäng — skriv ett heltal från 0 till 5")
        at(rows[("provenhet", 3)], "Poäng", "poängen 2,5 finns inte på skalan")
        at(rows[("annanenhet", 2)], "Poäng", "poäng saknas, fast styrkor eller förbättringsområden är ifyllda")
        at(rows[("annanenhet", 3)], "Enhetens id", "ingen enhet med id ”annanenheten” har lämnat in till Provutmärkelsen — menade du ”annanenhet”?")
        at(rows[("annanenhet", 4)], "Nr", "”9” är ingen fråga i Provutmärkelsen — skriv ett av numren 1, 2, 3, 4")
        check(re.search(rf"{re.escape(shown)}:{dup}:1: error: bladet ”Bedömning”, cell A{dup}: enheten ”provenhet” och fråga 4 \(”[^”]*”\) finns redan på rad {rows[('provenhet', 4)]}", err),
              "duplicate row diagnostic")
        check("_bedomning/2022/prov/anteckningar.txt: error: ”anteckningar.txt” är ingen Excel-arbetsbok" in err, "not a form")
        check("_bedomning/2022/prov/trasig.xlsx: error: arbetsboken kan inte läsas" in err, "broken workbook")
        check("_bedomning/2022/prov/gustav.xlsx:1:1: error: bladet ”Bedömning” saknar kolumnen ”Poäng”" in err, "missing column")
        check("_bedomning/2099/prov: error: det finns inga dokument av slaget ”prov” år 2099 att bedöma" in err, "no such edition")
        check(not re.search(r"\.xlsx:\d+:\d+: error: [^\n]*\n    ", err), "a workbook diagnostic printed a source line")
        check(marker.read_bytes() == before and not (out / "bedomning").exists(), "a failed bedomning changed the output")


def test_reviewer_sheets():
    with tempfile.TemporaryDirectory() as t:
        tmp = pathlib.Path(t)
        content, templates = make_site(tmp, reviewers=["Anna Andersson", "Bertil Berg"])
        out = tmp / "out"
        check(run("bedomning", content, "--templates", templates, "-o", out, "-q").returncode == 0, "build with reviewers")
        form = out / "jamforelse/2022/prov/bedomning.xlsx"
        wb = openpyxl.load_workbook(form)
        check(wb.sheetnames == ["Anna Andersson", "Bertil Berg"], f"sheets {wb.sheetnames}")
        scores = {"Anna Andersson": {("provenhet", n): n for n in (1, 2, 3, 4)},
                  "Bertil Berg": {("provenhet", n): 5 - n for n in (1, 2, 3, 4)}}
        for name, s in scores.items():
            ws = wb[name]
            h = header_index(ws)
            for row in range(2, ws.max_row + 1):
                key = (ws.cell(row, h["Enhetens id"]).value, int(ws.cell(row, h["Nr"]).value))
                if key in s:
                    ws.cell(row, h["Poäng"], s[key])
        (content / "_bedomning/2022/prov").mkdir(parents=True)
        wb.save(content / "_bedomning/2022/prov/gemensam.xlsx")
        r = run("bedomning", content, "--templates", templates, "-o", out)
        if not check(r.returncode == 0, f"bedomning with sheets: {r.stderr}"):
            return
        html = page(out, "bedomning/2022/prov/kalibrering/index.html")
        check('<th scope="col" class="tal">Anna Andersson</th><th scope="col" class="tal">Bertil Berg</th>' in html,
              "reviewers by sheet name")
        exp = expected_results(structure(templates, "prov-2022"), scores)["provenhet"][1]
        m = re.search(r'class="tal total" data-value="([^"]*)"', page(out, "bedomning/2022/prov/enhet/provenhet/index.html"))
        check(m and close(m.group(1), exp), f"total from sheets {m and m.group(1)}, expected {exp}")


def slug(name):
    """A reviewer's slug as issue 29 states it, computed here independently: accents and
    å, ä, ö dropped to their base letter, lower case, anything else one '-'."""
    base = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", base).strip("-") or "bedomare"


THREE = ["Åsa Öberg", "Bertil Berg", "Cécile Ström"]
# Scores of the three reviewers on prov 2022; Cécile reviews provenhet only.
SCORES3 = {
    "Åsa Öberg": {("provenhet", 1): 4, ("provenhet", 2): 3, ("provenhet", 3): 2, ("provenhet", 4): 5,
                  ("annanenhet", 1): 1, ("annanenhet", 2): 2, ("annanenhet", 3): 3, ("annanenhet", 4): 4},
    "Bertil Berg": {("provenhet", 1): 5, ("provenhet", 2): 1, ("provenhet", 3): 2, ("provenhet", 4): 4,
                    ("annanenhet", 1): 2, ("annanenhet", 2): 2, ("annanenhet", 3): 3, ("annanenhet", 4): 5},
    "Cécile Ström": {("provenhet", 1): 4, ("provenhet", 2): 3, ("provenhet", 3): 0, ("provenhet", 4): 5},
}
TEXTS3 = {
    "Åsa Öberg": {("provenhet", 1): ("Mätbara mål\n- Tydlig uppföljning", "Fler målvärden")},
    "Bertil Berg": {("provenhet", 1): ("Tydlig uppföljning", "Mät oftare"), ("annanenhet", 2): ("Bra rutiner", "")},
    "Cécile Ström": {},
}


def diagnostics(stderr, kind):
    return [line for line in stderr.splitlines() if f": {kind}: " in line]


def tree_bytes(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_forms_both_ways():
    with tempfile.TemporaryDirectory() as t:
        tmp = pathlib.Path(t)
        content, templates = make_site(tmp, reviewers=THREE)
        out = tmp / "out"
        r = run("bedomning", content, "--templates", templates, "-o", out, "-q")
        if not check(r.returncode == 0, f"bedomning without forms: {r.stderr}"):
            return
        forms = out / "jamforelse/2022/prov"
        whole = forms / "bedomning.xlsx"
        check(openpyxl.load_workbook(whole).sheetnames == THREE, "the whole form has a sheet per reviewer")
        own = {name: forms / f"bedomning-{slug(name)}.xlsx" for name in THREE}
        check(sorted(p.name for p in forms.glob("bedomning-*.xlsx")) == sorted(p.name for p in own.values()),
              f"reviewers' own forms: {sorted(p.name for p in forms.glob('bedomning-*.xlsx'))}")
        for name, path in own.items():
            if not check(path.exists(), f"no form {path.name} for {name}"):
                return
            wb = openpyxl.load_workbook(path)
            check(wb.sheetnames == [name], f"{path.name}: sheets {wb.sheetnames}")
            a, b = wb.worksheets[0], openpyxl.load_workbook(whole)[name]
            check([[c.value for c in row] for row in a.iter_rows()] == [[c.value for c in row] for row in b.iter_rows()],
                  f"{path.name}: not the whole form's sheet of {name}")
        index = page(out, "jamforelse/2022/prov/index.html")
        for name, path in own.items():
            check(f'href="{path.name}"' in index, f"the compare index does not link {path.name}")

        folder = content / "_bedomning/2022/prov"
        # A. The whole workbook to everyone; each fills their own sheet, saved under their name
        for n, name in enumerate(THREE):
            fill(whole, folder / f"{n + 1}-{slug(name)}.xlsx", SCORES3[name], TEXTS3[name], sheet=name)
        r = run("bedomning", content, "--templates", templates, "-o", out)
        if not check(r.returncode == 0, f"bedomning, whole workbooks: {r.stderr}"):
            return
        warnings = diagnostics(r.stderr, "warning")
        check(len(warnings) == 3 and not diagnostics(r.stderr, "error"), f"whole workbooks: {warnings}")
        for n, name in enumerate(THREE):
            others = ", ".join(f"”{o}”" for o in THREE if o != name)
            line = f"_bedomning/2022/prov/{n + 1}-{slug(name)}.xlsx: warning: bladen {others} har varken poäng eller text"
            check(any(line in w for w in warnings), f"missing: {line}")
        way_a = tree_bytes(out / "bedomning")
        st = structure(templates, "prov-2022")
        for unit, (areas, total) in expected_results(st, SCORES3).items():
            m = re.search(r'class="tal total" data-value="([^"]*)"', page(out, f"bedomning/2022/prov/enhet/{unit}/index.html"))
            check(m and close(m.group(1), total), f"whole workbooks, {unit}: total {m and m.group(1)}, expected {total}")
        check("Bedömt av 3 bedömare: Åsa Öberg, Bertil Berg, Cécile Ström." in page(out, "bedomning/2022/prov/index.html"),
              "reviewers of the whole workbooks")

        # B. Each reviewer's own file: no warning, and the same pages
        shutil.rmtree(folder)
        for name in THREE:
            fill(own[name], folder / own[name].name, SCORES3[name], TEXTS3[name])
        r = run("bedomning", content, "--templates", templates, "-o", out)
        if not check(r.returncode == 0, f"bedomning, own forms: {r.stderr}"):
            return
        check(not diagnostics(r.stderr, "warning") and not diagnostics(r.stderr, "error"), f"own forms: {r.stderr}")
        check(tree_bytes(out / "bedomning") == way_a, "the two ways of sending the forms give different pages")

        # C. Copies and empty forms: exactly the real problems
        wb = openpyxl.load_workbook(folder / own["Åsa Öberg"].name)
        ws = wb.worksheets[0]
        h = header_index(ws)
        rows = {(ws.cell(r, h["Enhetens id"]).value, int(ws.cell(r, h["Nr"]).value)): r for r in range(2, ws.max_row + 1)}
        ws.cell(rows[("provenhet", 2)], h["Poäng"], 1)  # a different answer than in her own file
        ws.cell(rows[("annanenhet", 4)], h["Poäng"], 7)  # off the 0–5 scale
        wb.save(folder / "asa-igen.xlsx")
        shutil.copy(folder / own["Bertil Berg"].name, folder / "bertil-kopia.xlsx")
        shutil.copy(whole, folder / "tom.xlsx")
        # and a bad cell in yet another file: reported too, no file skipped after an error
        wb = openpyxl.load_workbook(folder / own["Cécile Ström"].name)
        wb.worksheets[0].cell(rows[("provenhet", 2)], h["Poäng"], "bra")
        wb.save(folder / own["Cécile Ström"].name)
        before = tree_bytes(out)
        r = run("bedomning", content, "--templates", templates, "-o", out)
        check(r.returncode == 1, f"copies: exit {r.returncode}")
        errors, warnings = diagnostics(r.stderr, "error"), diagnostics(r.stderr, "warning")
        col = h["Poäng"]
        cell = f"{openpyxl.utils.get_column_letter(col)}{rows[('annanenhet', 4)]}"
        expected_errors = [
            f"_bedomning/2022/prov/asa-igen.xlsx:{rows[('annanenhet', 4)]}:{col}: error: bladet ”Åsa Öberg”, cell {cell}: "
            "poängen 7 finns inte på skalan — skriv ett heltal från 0 till 5",
            f"_bedomning/2022/prov/{own['Åsa Öberg'].name}: error: bedömaren ”Åsa Öberg” har fyllt i både "
            f"bladet ”Åsa Öberg” i asa-igen.xlsx och bladet ”Åsa Öberg” i {own['Åsa Öberg'].name}, med olika svar",
            f"_bedomning/2022/prov/{own['Cécile Ström'].name}:{rows[('provenhet', 2)]}:{col}: error: bladet ”Cécile Ström”, "
            f"cell {openpyxl.utils.get_column_letter(col)}{rows[('provenhet', 2)]}: ”bra” är ingen poäng — skriv ett heltal från 0 till 5",
        ]
        expected_warnings = [
            f"_bedomning/2022/prov/bertil-kopia.xlsx: warning: bedömaren ”Bertil Berg” har samma svar i "
            f"bladet ”Bertil Berg” i {own['Bertil Berg'].name} och bladet ”Bertil Berg” i bertil-kopia.xlsx; de räknas en gång",
            "_bedomning/2022/prov/tom.xlsx: warning: bladen " + ", ".join(f"”{n}”" for n in THREE) +
            " har varken poäng eller text och räknas inte som någon bedömares svar",
        ]
        check(len(errors) == len(expected_errors), f"copies: errors {errors}")
        check(len(warnings) == len(expected_warnings), f"copies: warnings {warnings}")
        for line in expected_errors + expected_warnings:
            check(any(line in d for d in errors + warnings), f"missing diagnostic: {line}\n{r.stderr}")
        check(tree_bytes(out) == before, "a failed bedomning changed the output")

        # Two names with one slug: an error at the second name in site.yaml
        text = (content / "site.yaml").read_text(encoding="utf-8")
        (content / "site.yaml").write_text(text + "  - Asa Oberg\n", encoding="utf-8")
        line = text.count("\n") + 1
        r = run("check", content, "--templates", templates)
        check(r.returncode == 1 and re.search(rf"site\.yaml:{line}:\d+: error: bedömarna ”Åsa Öberg” och ”Asa Oberg” "
                                             rf"får samma namn, ”asa-oberg”, i filnamnet", r.stderr),
              f"slug collision: {r.stderr}")


def consensus_rows(path):
    ws = openpyxl.load_workbook(path)["Konsensus"]
    head = [c.value for c in ws[1]]
    return ws, head, {(row[head.index("Enhetens id")], int(row[head.index("Nr")])): dict(zip(head, row))
                      for row in ws.iter_rows(min_row=2, values_only=True)}


def fill_consensus(src, dst, agreed, texts=None, raw=None):
    """konsensus.xlsx with agreed scores {(unit, nr): score}, agreed texts {(unit, nr):
    (strengths, improvements)} and raw cells {(unit, nr): {header: value}}."""
    wb = openpyxl.load_workbook(src)
    ws = wb["Konsensus"]
    h = header_index(ws)
    keys = {(ws.cell(r, h["Enhetens id"]).value, int(ws.cell(r, h["Nr"]).value)): r for r in range(2, ws.max_row + 1)}
    for key, row in keys.items():
        if key in agreed:
            ws.cell(row, h["Gemensam poäng"], agreed[key])
        if texts and key in texts:
            ws.cell(row, h["Gemensamma styrkor"], texts[key][0])
            ws.cell(row, h["Gemensamma förbättringsområden"], texts[key][1])
        for header, value in (raw or {}).get(key, {}).items():
            ws.cell(row, h[header], value)
    wb.save(dst)
    return keys, h


def question_line(html, nr):
    section = html.split(f'id="del-{nr}"', 1)[1].split("</section>", 1)[0]
    score = re.search(r'<p class="fragepoang">[^<]*<strong data-value="([^"]*)">', section).group(1)
    mean = re.search(r'<span class="medel" data-value="([^"]*)">', section)
    return section, float(score), mean and float(mean.group(1))


def test_consensus():
    with tempfile.TemporaryDirectory() as t:
        tmp = pathlib.Path(t)
        content, templates = make_site(tmp, reviewers=THREE)
        out = tmp / "out"
        check(run("bedomning", content, "--templates", templates, "-o", out, "-q").returncode == 0, "build for consensus")
        forms = out / "jamforelse/2022/prov"
        check(not (forms / "konsensus.xlsx").exists(), "a consensus form without any filled form")
        folder = content / "_bedomning/2022/prov"
        for name in THREE:
            fill(forms / f"bedomning-{slug(name)}.xlsx", folder / f"{slug(name)}.xlsx", SCORES3[name], TEXTS3[name])
        r = run("bedomning", content, "--templates", templates, "-o", out)
        if not check(r.returncode == 0 and not diagnostics(r.stderr, "warning"), f"bedomning for consensus: {r.stderr}"):
            return
        st = structure(templates, "prov-2022")
        units = ["annanenhet", "provenhet"]  # the form's order: by unit name
        numbers = [q["nr"] for area in st["områden"] for q in area["frågor"]]

        # The consensus form: its columns, and a row per unit × question with what was written
        ws, head, rows = consensus_rows(forms / "konsensus.xlsx")
        check(head == ["Enhet", "Område", "Nr", "Rubrik", "Sida"] + [f"Poäng: {n}" for n in THREE] +
              ["Medel", "Spridning", "Styrkor enligt bedömarna", "Förbättringsområden enligt bedömarna",
               "Gemensam poäng", "Gemensamma styrkor", "Gemensamma förbättringsområden", "Enhetens id"], f"consensus header {head}")
        order = [(row[head.index("Enhetens id")], int(row[head.index("Nr")])) for row in ws.iter_rows(min_row=2, values_only=True)]
        check(order == [(u, n) for u in units for n in numbers], f"consensus rows {order}")
        for key, row in rows.items():
            given = [SCORES3[n][key] for n in THREE if key in SCORES3[n]]
            for n in THREE:
                check(row[f"Poäng: {n}"] == SCORES3[n].get(key), f"{key}: score of {n} {row[f'Poäng: {n}']}")
            check(close(row["Medel"], sum(given) / len(given)), f"{key}: mean {row['Medel']}")
            check(close(row["Spridning"], max(given) - min(given)), f"{key}: spread {row['Spridning']}")
            for column, i in (("Styrkor enligt bedömarna", 0), ("Förbättringsområden enligt bedömarna", 1)):
                lines = [f"{n}: {p.lstrip('- ').strip()}" for n in THREE if key in TEXTS3[n]
                         for p in TEXTS3[n][key][i].split("\n") if p.strip()]
                check((row[column] or "") == "\n".join(lines), f"{key}: {column} {row[column]!r}, expected {lines}")
            check(row["Gemensam poäng"] is None and row["Gemensamma styrkor"] is None, f"{key}: agreed columns not empty")
        scored = len(rows)  # every unit × question has a score here
        results = page(out, "bedomning/2022/prov/index.html")
        check(f"Preliminärt: {scored} av {scored} bedömda svar har inte en gemensam poäng än; "
              "för dem räknas medelvärdet av bedömarnas poäng." in results,
              "results not preliminary without a consensus")
        check('href="../../../jamforelse/2022/prov/konsensus.xlsx"' in results, "results do not link the consensus form")

        # Part agreed: the agreed score and texts count, the mean stays beside them
        agreed = {("provenhet", 1): 5, ("provenhet", 3): 1, ("annanenhet", 4): 4}
        agreed_texts = {("provenhet", 1): ("Målen mäts och följs upp", "Sätt målvärden\n- Mät oftare")}
        fill_consensus(forms / "konsensus.xlsx", folder / "konsensus.xlsx", agreed, agreed_texts)
        r = run("bedomning", content, "--templates", templates, "-o", out)
        if not check(r.returncode == 0 and not diagnostics(r.stderr, "warning"), f"bedomning with consensus: {r.stderr}"):
            return
        expected = expected_results(st, SCORES3, agreed)
        means_only = expected_results(st, SCORES3)
        for unit, (areas, total) in expected.items():
            html = page(out, f"bedomning/2022/prov/enhet/{unit}/index.html")
            got = re.findall(r'<tr><th scope="row">[^<]*</th><td class="tal">[^<]*</td><td class="tal" data-value="([^"]*)">', html)
            check(len(got) == len(areas) and all(close(g, e) for g, e in zip(got, areas)), f"{unit}: areas {got}, expected {areas}")
            m = re.search(r'class="tal total" data-value="([^"]*)"', html)
            check(m and close(m.group(1), total), f"{unit}: total {m and m.group(1)}, expected {total}")
            m = re.search(r'<tr class="medeltotal"><th scope="row">Totalt, bedömarnas medel</th><td></td><td class="tal" data-value="([^"]*)"', html)
            check(m and close(m.group(1), means_only[unit][1]), f"{unit}: mean total {m and m.group(1)}")
            unit_open = sum(1 for nr in numbers if (unit, nr) not in agreed)  # every answer is scored here
            check(f"Preliminärt: {unit_open} av {len(numbers)} bedömda svar har inte en gemensam poäng än" in html,
                  f"{unit}: feedback not preliminary ({unit_open} of {len(numbers)} open)")
            for nr in numbers:
                given = [SCORES3[n][(unit, nr)] for n in THREE if (unit, nr) in SCORES3[n]]
                section, score, mean = question_line(html, nr)
                if (unit, nr) in agreed:
                    check(close(score, agreed[(unit, nr)]) and "(gemensam poäng; medel av" in section and close(mean, sum(given) / len(given)),
                          f"{unit} {nr}: agreed {score}, mean {mean}")
                else:
                    check(close(score, sum(given) / len(given)) and mean is None and f"(medel av {len(given)} bedömare)" in section,
                          f"{unit} {nr}: mean {score}")
        html = page(out, "bedomning/2022/prov/enhet/provenhet/index.html")
        section = question_line(html, 1)[0]
        check("<li>Målen mäts och följs upp</li>" in section and "<li>Mät oftare</li>" in section and "Mätbara mål" not in section,
              "agreed texts do not replace the reviewers' on the feedback page")
        check("<li>Bra rutiner</li>" in page(out, "bedomning/2022/prov/enhet/annanenhet/index.html"),
              "the reviewers' texts where nothing was agreed")
        results = page(out, "bedomning/2022/prov/index.html")
        open_rows = scored - len(agreed)
        check(f"Preliminärt: {open_rows} av {scored} bedömda svar har inte en gemensam poäng än; "
              "för dem räknas medelvärdet av bedömarnas poäng." in results,
              f"results: preliminary {open_rows} of {scored}")
        for unit in units:
            row = re.search(rf'/enhet/{unit}/index.html">.*?</tr>', results).group(0)
            total = re.search(r'class="tal total" data-value="([^"]*)"', row).group(1)
            mean_total = re.search(r'class="tal medeltotal" data-value="([^"]*)"', row).group(1)
            check(close(total, expected[unit][1]) and close(mean_total, means_only[unit][1]),
                  f"results {unit}: {total} / {mean_total}, expected {expected[unit][1]} / {means_only[unit][1]}")
        calibration = page(out, "bedomning/2022/prov/kalibrering/index.html")
        section = calibration.split('id="del-1"', 1)[1].split("</section>", 1)[0]
        row = re.search(r'<tr[^>]*><th scope="row"><a href="[^"]*provenhet[^"]*">.*?</tr>', section).group(0)
        check(re.search(r'class="tal gemensam" data-value="5"', row), f"calibration: agreed score {row}")
        # The new consensus form carries what was agreed
        _, _, again = consensus_rows(forms / "konsensus.xlsx")
        check(all(again[k]["Gemensam poäng"] == v for k, v in agreed.items()) and
              again[("provenhet", 1)]["Gemensamma styrkor"] == agreed_texts[("provenhet", 1)][0], "agreed values not carried over")

        # All agreed: no longer preliminary
        everything = {key: (SCORES3["Åsa Öberg"].get(key, 3)) for key in rows}
        fill_consensus(forms / "konsensus.xlsx", folder / "konsensus.xlsx", everything)
        r = run("bedomning", content, "--templates", templates, "-o", out, "-q")
        check(r.returncode == 0, f"bedomning all agreed: {r.stderr}")
        results = page(out, "bedomning/2022/prov/index.html")
        check("Preliminärt" not in results and f"Alla {scored} bedömda svar har en gemensam poäng." in results,
              "results still preliminary when every answer is agreed")
        exp = expected_results(st, SCORES3, everything)
        for unit in units:
            row = re.search(rf'/enhet/{unit}/index.html">.*?</tr>', results).group(0)
            check(close(re.search(r'class="tal total" data-value="([^"]*)"', row).group(1), exp[unit][1]), f"all agreed {unit}")

        # Bad cells of the consensus form, each with file and cell
        keys, h = fill_consensus(forms / "konsensus.xlsx", folder / "konsensus.xlsx",
                                 {("provenhet", 1): 7, ("provenhet", 2): "bra", ("provenhet", 3): 2.5},
                                 raw={("annanenhet", 1): {"Enhetens id": "annanenheten", "Gemensam poäng": 3},
                                      ("annanenhet", 2): {"Nr": 9, "Gemensam poäng": 3}})
        r = run("bedomning", content, "--templates", templates, "-o", out)
        check(r.returncode == 1, f"bad consensus: exit {r.returncode}")
        shown = "_bedomning/2022/prov/konsensus.xlsx"

        def at(key, header, message):
            col, row = h[header], keys[key]
            line = f"{shown}:{row}:{col}: error: bladet ”Konsensus”, cell {openpyxl.utils.get_column_letter(col)}{row}: {message}"
            check(line in r.stderr, f"missing diagnostic: {line}\n{r.stderr}")

        at(("provenhet", 1), "Gemensam poäng", "poängen 7 finns inte på skalan — skriv ett heltal från 0 till 5")
        at(("provenhet", 2), "Gemensam poäng", "”bra” är ingen poäng — skriv ett heltal från 0 till 5")
        at(("provenhet", 3), "Gemensam poäng", "poängen 2,5 finns inte på skalan")
        at(("annanenhet", 1), "Enhetens id", "ingen enhet med id ”annanenheten” har lämnat in till Provutmärkelsen — menade du ”annanenhet”?")
        at(("annanenhet", 2), "Nr", "”9” är ingen fråga i Provutmärkelsen — skriv ett av numren 1, 2, 3, 4")
        check(len(diagnostics(r.stderr, "error")) == 5, f"bad consensus: {diagnostics(r.stderr, 'error')}")

        # The public site has none of it
        public = tmp / "public"
        r = run("build", content, "--templates", templates, "-o", public, "-q")
        check(r.returncode == 0, f"public build: {r.stderr}")
        check(not list((public / "jamforelse/2022/prov").glob("*.xlsx")), "the public build has review or consensus forms")
        check("bedomning-" not in page(public, "jamforelse/2022/prov/index.html"), "the public compare index links reviewers' forms")


for test in (test_feedback_calibration_results, test_bad_forms, test_reviewer_sheets, test_forms_both_ways, test_consensus):
    before = len(failures)
    try:
        test()
    except Exception:
        failures.append(f"{test.__name__}: {traceback.format_exc()}")
    print(("ok   " if len(failures) == before else "FAIL ") + test.__name__)
sys.exit(verdict(failures))
