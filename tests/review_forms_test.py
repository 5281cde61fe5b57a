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

Usage: review_forms_test.py KVALITET REPO"""
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import traceback

import openpyxl
import yaml

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
    assert "vikt: 3" in text and "oenighet: 1" in text and "typ: val" in text, "prov-2022.yaml changed: update this test"
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


def expected_results(st, reviewers_scores):
    """{unit: (area scores list, total)} from {reviewer: {(unit, nr): score}}, by the rules
    the pages state: means, weighted by vikt: (default 1), unscored questions left out."""
    units = {u for scores in reviewers_scores.values() for (u, _) in scores}
    out = {}
    for unit in units:
        areas = []
        for area in st["områden"]:
            num = den = 0.0
            for q in area["frågor"]:
                given = [s[(unit, q["nr"])] for s in reviewers_scores.values() if (unit, q["nr"]) in s]
                if given:
                    w = q.get("vikt", 1)
                    num += w * sum(given) / len(given)
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
        award = {("skarholmen-omsorg-om-aldre", n): (n * 7) % 6 for n in range(1, 23)}
        fill(award_form, content / "_bedomning/2018/kvalitetsutmarkelsen/dora.xlsx", award)
        # a form still open in Excel leaves a lock file; it is not a form
        (content / "_bedomning/2018/kvalitetsutmarkelsen/~$dora.xlsx").write_bytes(b"lock")

        r = run("bedomning", content, "--templates", templates, "-o", out)
        if not check(r.returncode == 0, f"bedomning failed: {r.stderr}"):
            return
        check("warning" not in r.stderr, f"unexpected warnings: {r.stderr}")
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
        # incomplete: no; 2018 feedback has every question
        html18 = page(out, "bedomning/2018/kvalitetsutmarkelsen/enhet/skarholmen-omsorg-om-aldre/index.html")
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
                row = re.search(rf'<tr( class="oenig")?><th scope="row"><a href="[^"]*{unit}[^"]*">.*?</tr>', section)
                if not check(row, f"calibration row {unit} {q}"):
                    continue
                spread = re.search(r'class="tal spridning" data-value="([^"]*)"', row.group(0)).group(1)
                check(close(spread, max(given) - min(given)), f"spread {unit} {q}: {spread}")
                flagged = max(given) - min(given) > 1
                flagged_count += flagged
                check(bool(row.group(1)) == flagged and (("Oenighet – diskutera" in row.group(0)) == flagged),
                      f"flag {unit} {q}: expected {flagged}")
        check(flagged_count > 0 and f"{flagged_count} svar är markerade" in html, f"count of flagged answers ({flagged_count})")

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


for test in (test_feedback_calibration_results, test_bad_forms, test_reviewer_sheets):
    before = len(failures)
    try:
        test()
    except Exception:
        failures.append(f"{test.__name__}: {traceback.format_exc()}")
    print(("ok   " if len(failures) == before else "FAIL ") + test.__name__)
for f in failures:
    print("  -", f)
print(f"{len(failures) == 0 and 3 or 0} passed, {len(failures)} failed")
sys.exit(1 if failures else 0)
