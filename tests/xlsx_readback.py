#!/usr/bin/python3
"""Builds the example site and reads every workbook back with openpyxl, an independent
reader, comparing each cell value and number format with the YAML blocks in the Markdown
sources (parsed here with PyYAML, not by kvalitet), and the structure files in templates/.

Checked workbooks:
  <år>/<enhet>/<slag>/tabeller.xlsx  per submission: the award's Ekonomi, Enkät and Index sheets;
                                     the report's Indikatorer, Delenheter, Aktiviteter, Enhetsmål
                                     and Synpunkter och klagomål sheets; the action plan's Åtgärder;
  <år>/indikatorer.xlsx              all indicators of a year, one row per unit × indicator;
  indikatorer/<indikator>.xlsx       one per distinct indicator, its rows over units and years;
  jamforelse/<år>/<slag>/bedomning.xlsx  the reviewers' form per scored edition (bedömning:): one row per unit ×
                                     question of the structure (area, number, title, page), and
                                     empty score, strengths and improvement columns.
Every sheet: the sheet list and order, title ≤ 31 characters, bold header frozen at A2,
autofilter over the whole table from A1, the Swedish header texts, every cell's value and
(for numbers and dates) its number format, and nothing outside the table."""
import datetime
import pathlib
import re
import subprocess
import sys
import tempfile
import traceback

import openpyxl
import yaml
from openpyxl.utils import get_column_letter

kvalitet, content, templates = map(pathlib.Path, sys.argv[1:4])
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
    return bool(cond)


# ---------------------------------------------------------------------------------------------
# Reading the content (independently of kvalitet)

def number(v):
    """A YAML number, or a string with a decimal comma/point ("12,02"); None when absent."""
    if v is None or (isinstance(v, str) and not v.strip()):
        return None
    return float(str(v).replace(",", ".").replace(" ", "").replace("\u00a0", ""))


def is_number(v):
    try:
        return number(v) is not None
    except ValueError:
        return False


def decimals(v):
    """How many decimals the value is written with, trailing zeros included ("22,0" → 1,
    "12,50" → 2, 76 → 0): the precision written is the precision shown."""
    text = getattr(v, "written", str(v)).strip()
    m = re.search(r"[.,](\d*)", text)
    return min(9, len(m.group(1))) if m else 0


class WrittenFloat(float):
    """A YAML float that remembers how it was written (12.50, not 12.5)."""

    def __new__(cls, value, written):
        f = super().__new__(cls, value)
        f.written = written
        return f


class WrittenLoader(yaml.SafeLoader):
    pass


WrittenLoader.add_constructor(
    "tag:yaml.org,2002:float",
    lambda loader, node: WrittenFloat(yaml.SafeLoader.construct_yaml_float(loader, node), node.value))


def front_matter(md_file):
    text = md_file.read_text(encoding="utf-8")
    m = re.match(r"---\n(.*?)\n---\s*\n", text, re.S)
    return (yaml.safe_load(m.group(1)) or {}) if m else {}


def all_blocks(md_file):
    """Every fenced data block ```name … ``` of a Markdown file, in document order: (name, YAML)."""
    text = md_file.read_text(encoding="utf-8")
    return [(m.group(1), yaml.load(m.group(2), Loader=WrittenLoader))
            for m in re.finditer(r"^```([^\s`]+)[ \t]*\n(.*?)^```[ \t]*$", text, re.M | re.S)]


def load_yaml(path):
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {} if path.exists() else {}


class Part:
    def __init__(self, word, number, path):
        self.word, self.number, self.path = word, number, path
        self.blocks = all_blocks(path)


class Submission:
    """content/<enhet>/<år>/<slag>/: its parts (fråga-NN.md / avsnitt-NN.md) in number order."""

    def __init__(self, folder):
        self.folder = folder
        self.kind = folder.name
        self.year = int(folder.parent.name)
        self.unit_slug = folder.parent.parent.name
        unit = load_yaml(folder.parent.parent / "enhet.yaml")
        self.unit_name, self.administration = unit.get("namn"), unit.get("förvaltning")
        self.structure = find_structure(self.kind, self.year, load_yaml(folder / "inlamning.yaml"))
        self.parts = []
        for f in sorted(folder.glob("*.md")):
            fm = front_matter(f)
            for word in ("fråga", "avsnitt", "kapitel"):
                if word in fm:
                    self.parts.append(Part(word, int(fm[word]), f))
        self.parts.sort(key=lambda p: p.number)
        self.part_word = self.parts[0].word.capitalize() if self.parts else "Fråga"

    def blocks(self, *names):
        return [(p.number, b) for p in self.parts for n, b in p.blocks if n in names]

    def hierarchy(self):
        """(section, name, block, direction label, KF goal label, nämndmål) for every block, the
        hierarchy given by block order: the section is one KF:s inriktningsmål (structure file),
        a kf-mål starts a KF goal, nämndmål belong to the KF goal before them and aktivitet and
        enhetsmål to the nämndmål before them."""
        st = self.structure
        directions = {int(d["nr"]): d for d in st.get("kf_mål") or []}
        kf_titles = {str(k["nr"]): k["titel"] for d in directions.values() for k in d.get("mål") or []}
        section_direction = {int(a["nr"]): int(a["inriktningsmål"])
                             for area in st.get("områden") or [] for a in area.get("avsnitt") or []
                             if a.get("inriktningsmål") is not None}
        for p in self.parts:
            d = directions.get(section_direction.get(p.number))
            direction = f"{d['nr']}. {d['titel']}" if d else None
            kf, board = None, None
            for name, b in p.blocks:
                if name == "kf-mål":
                    kf, board = f"{b['nr']} {kf_titles.get(str(b['nr']), '<not in structure>')}", None
                elif name == "nämndmål":
                    board = b["nämndmål"]
                yield p.number, name, b, direction, kf, board

    def indicators(self):
        return [b for _, name, b, *_ in self.hierarchy() if name == "indikator"]

    def index_blocks(self):
        return [b for _, name, b, *_ in self.hierarchy() if name == "index"]


def find_structure(kind, year, submission_yaml):
    if submission_yaml.get("struktur"):
        return load_yaml(templates / "structures" / f"{submission_yaml['struktur']}.yaml")
    for f in sorted((templates / "structures").glob("*.yaml")):
        s = load_yaml(f)
        if s.get("slag") == kind and str(s.get("år")) == str(year):
            return s
    return {}


# ---------------------------------------------------------------------------------------------
# Expected cells

class Exp:
    """An expected cell: kind text | prose (compared with normalised whitespace) | number | date,
    and for numbers and dates the number format."""

    def __init__(self, value, kind="text", fmt=None):
        self.value, self.kind, self.fmt = value, kind, fmt

    def __repr__(self):
        return f"{self.value!r}" + (f" [{self.fmt}]" if self.fmt and self.value is not None else "")


def T(s):
    return Exp(None if s is None or s == "" else str(s))


def prose(markdown):
    text = " ".join(str(markdown).split()) if markdown is not None else ""
    return Exp(text or None, "prose")


def integer(v):
    return Exp(None if v is None else int(v), "number", "0")


def fraction(v):
    """The decimals of a number format: "" for none, ".0", ".00" … as written."""
    d = decimals(v)
    return "." + "0" * d if d else ""


def count(v):
    """A figure in a whole-number column (a complaint count): shown with the decimals written."""
    n = number(v)
    return Exp(n, "number", "0" + fraction(v) if n is not None else None)


def dec(v):
    n = number(v)
    return Exp(n, "number", "#,##0" + fraction(v) if n is not None else None)


def pct(v):
    n = number(v)
    return Exp(None if n is None else n / 100, "number", "0" + fraction(v) + "%" if n is not None else None)


def date(v):
    if isinstance(v, str):
        v = datetime.date.fromisoformat(v)
    return Exp(datetime.datetime(v.year, v.month, v.day), "date", "yyyy-mm-dd")


def plan_date(v):
    """An action plan's date: a day, or a month ("2007-10") kept as its first day shown as 2007-10."""
    if v is None:
        return Exp(None, "date")
    if isinstance(v, str) and len(v) == 7:
        return Exp(datetime.datetime(int(v[:4]), int(v[5:]), 1), "date", "yyyy-mm")
    return date(v)


INDICATOR_HEADERS = ["Indikator", "Mått", "Periodens utfall", "Utfall män/pojkar", "Utfall kvinnor/flickor",
                     "Utfall VB föregående år", "Årsmål", "KF:s årsmål", "Period", "Riktning"]


def indicator_cells(ind):
    """Indikator … Riktning: figures of a "%" indicator as fractions with a percent format showing
    the value's own decimals, others as plain numbers."""
    figure = pct if ind.get("enhet") == "%" else dec
    kf = ind.get("kf_årsmål")
    kf_cell = figure(kf) if is_number(kf) else T(kf)
    better = "lägre är bättre" if str(ind.get("riktning") or "högre").strip() == "lägre" else "högre är bättre"
    return [T(ind["indikator"]), T(ind.get("enhet")), figure(ind.get("utfall")), figure(ind.get("män")),
            figure(ind.get("kvinnor")), figure(ind.get("vb")), figure(ind.get("årsmål")), kf_cell,
            T(ind.get("period")), T(better)]


# ---------------------------------------------------------------------------------------------
# Comparing a sheet

def short(v, limit=160):
    r = repr(v)
    return r if len(r) <= limit else r[:limit] + f"…' ({len(str(v))} chars)"


def first_difference(a, b):
    i = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    return f"first difference at character {i}: expected …{a[max(0, i - 30):i + 40]!r}…, got …{b[max(0, i - 30):i + 40]!r}…"


def cell_problem(cell, exp):
    got, fmt = cell.value, cell.number_format
    if exp.value is None:
        return None if got is None else f"expected empty, got {short(got)} [{fmt}]"
    if got is None:
        return f"expected {short(exp.value)}{f' [{exp.fmt}]' if exp.fmt else ''}, got empty"
    if exp.kind == "number":
        if isinstance(got, bool) or not isinstance(got, (int, float)):
            return f"expected number {exp.value!r} [{exp.fmt}], got {type(got).__name__} {short(got)} [{fmt}]"
        if abs(got - exp.value) > 1e-9 * max(1.0, abs(exp.value)):
            return f"expected {exp.value!r}, got {got!r}"
    elif exp.kind == "date":
        if got != exp.value:
            return f"expected date {exp.value:%Y-%m-%d}, got {type(got).__name__} {got!r}"
    elif exp.kind == "prose":
        if not isinstance(got, str):
            return f"expected text {short(exp.value)}, got {type(got).__name__} {got!r}"
        norm = " ".join(got.split())
        if norm != exp.value:
            return f"text differs (whitespace normalised): {first_difference(exp.value, norm)}"
    else:
        if not isinstance(got, str):
            return f"expected text {short(exp.value)}, got {type(got).__name__} {got!r} [{fmt}]"
        if got != exp.value:
            return (f"expected {short(exp.value)}, got {short(got)}"
                    + (f"; {first_difference(exp.value, got)}" if len(exp.value) > 60 else ""))
    if exp.fmt and fmt != exp.fmt:
        return f"value {got!r} has number format {fmt!r}, expected {exp.fmt!r}"
    return None


def check_sheet(label, ws, headers, rows):
    """Checks one sheet against its headers and expected rows; returns the number of rows."""
    where = f"{label} sheet '{ws.title}'"
    check(len(ws.title) <= 31, f"{where}: sheet name is {len(ws.title)} characters, more than 31")
    check(ws.freeze_panes == "A2", f"{where}: header not frozen at A2 (freeze_panes {ws.freeze_panes!r})")
    ref = f"A1:{get_column_letter(len(headers))}{len(rows) + 1}"
    check(ws.auto_filter.ref == ref, f"{where}: autofilter {ws.auto_filter.ref!r}, expected {ref!r}")
    for c, header in enumerate(headers, 1):
        cell = ws.cell(row=1, column=c)
        check(cell.value == header, f"{where} header {get_column_letter(c)}1: expected {header!r}, got {cell.value!r}")
        check(cell.font is not None and cell.font.b, f"{where} header {get_column_letter(c)}1 ({header}): not bold")
    for r, row in enumerate(rows, 2):
        check(len(row) == len(headers), f"test bug: {where} expected row {r} has {len(row)} cells for {len(headers)} headers")
        for c, exp in enumerate(row, 1):
            problem = cell_problem(ws.cell(row=r, column=c), exp)
            check(problem is None, f"{where} row {r} column {get_column_letter(c)} ({headers[c - 1]}): {problem}")
    # Nothing outside the table: no further rows, no further columns (one message per sheet row).
    for row in ws.iter_rows():
        extra = [f"{c.coordinate}={short(c.value, 60)}" for c in row
                 if c.value is not None and (c.row > len(rows) + 1 or c.column > len(headers))]
        check(not extra, f"{where}: values outside the {len(rows)}-row, {len(headers)}-column table: {', '.join(extra)}")
    return len(rows)


def check_workbook(label, path, sheets):
    """sheets: [(title, headers, rows)], in the expected order; sheets without rows are not written."""
    sheets = [s for s in sheets if s[2]]
    wb = openpyxl.load_workbook(path)
    titles = [t for t, _, _ in sheets]
    check(wb.sheetnames == titles, f"{label}: sheets {wb.sheetnames}, expected {titles}")
    counted = 0
    for title, headers, rows in sheets:
        if check(title in wb.sheetnames, f"{label}: sheet '{title}' missing"):
            counted += check_sheet(label, wb[title], headers, rows)
    for ws in wb:  # sheets that should not be there still follow the conventions
        if ws.title not in titles:
            check(len(ws.title) <= 31, f"{label} sheet '{ws.title}': sheet name longer than 31 characters")
    print(f"{label}: {len(wb.sheetnames)} sheets, {counted} rows compared")


# ---------------------------------------------------------------------------------------------
# Expected workbooks

def submission_sheets(s):
    w = s.part_word
    sheets = []

    rows = []
    for q, b in s.blocks("ekonomi"):
        for y in b["värden"]:
            forecast = bool(y.get("prognos"))
            rows.append([integer(q), integer(y["år"]), T(b["enhet"]), dec(y["budget"]), dec(y["utfall"]),
                         dec(y["resultat"]), T("ja" if forecast else None), T(b.get("fotnot") if forecast else None)])
    sheets.append(("Ekonomi", [w, "År", "Enhet (belopp)", "Budget", "Utfall/prognos", "Resultat", "Prognos", "Fotnot"], rows))

    rows = []
    for q, b in s.blocks("enkät"):
        for r in b["rader"]:
            rows.append([integer(q), T(b["fråga"]), T(r["svar"]), *[pct(r.get(k)) for k in ("totalt", "kvinna", "man", "annan")]])
    sheets.append(("Enkät", [w, "Enkätfråga", "Svar", "Totalt", "Kvinna", "Man", "Annan"], rows))

    rows, subs = [], []
    for q, b in s.blocks("index"):
        for v in b["värden"]:
            for k in (v.get("delindex") or {}):
                if k not in subs:
                    subs.append(k)
    for q, b in s.blocks("index"):
        for v in b["värden"]:
            d = v.get("delindex") or {}
            rows.append([integer(q), T(b["namn"]), integer(v["år"]), dec(v["värde"]), *[dec(d.get(k)) for k in subs]])
    sheets.append(("Index", [w, "Index", "År", "Värde", *subs], rows))

    place = [w, "KF:s inriktningsmål", "KF:s mål för verksamhetsområdet"]
    indicators, sub_units, activities, unit_goals = [], [], [], []
    for section, name, b, direction, kf, board in s.hierarchy():
        at = [integer(section), T(direction), T(kf)]
        if name == "indikator":
            indicators.append([*at, *indicator_cells(b), prose(b.get("analys"))])
            figure = pct if b.get("enhet") == "%" else dec
            for sub in b.get("delenheter") or []:
                sub_units.append([T(b["indikator"]), T(sub["namn"]), figure(sub.get("utfall"))])
        elif name == "aktivitet":
            deviation = b.get("avvikelse")
            deviation = "Ja" if deviation is True or str(deviation).strip().lower() == "ja" else "Nej"
            activities.append([*at, T(board), T(b["aktivitet"]), date(b["startdatum"]), date(b["slutdatum"]),
                               T(deviation), prose(b.get("analys"))])
        elif name == "enhetsmål":
            status = str(b.get("status") or "inga data").strip()
            unit_goals.append([*at, T(board), T(b["enhetsmål"]), T(status[:1].upper() + status[1:]),
                               T("\n".join(str(e) for e in b.get("förväntat_resultat") or [])), prose(b.get("analys"))])
    sheets.append(("Indikatorer", [*place, *INDICATOR_HEADERS, "Analys"], indicators))
    sheets.append(("Delenheter", ["Indikator", "Delenhet", "Utfall"], sub_units))
    sheets.append(("Aktiviteter", [*place, "Nämndmål", "Aktivitet", "Startdatum", "Slutdatum", "Avvikelse", "Analys"],
                   activities))
    sheets.append(("Enhetsmål", [*place, "Nämndmål", "Enhetsmål", "Status", "Förväntat resultat", "Analys"], unit_goals))

    rows = []
    for _, b in s.blocks("synpunkter"):
        for g in b["grupper"]:
            for r in g.get("rader") or []:
                rows.append([T(g["grupp"]), T(r["kategori"]), *[count(r.get(k)) for k in ("t1", "t2", "vb", "totalt")],
                             T(r.get("sammanfattning"))])
    sheets.append(("Synpunkter och klagomål", ["Grupp", "Kategori", "Utfall T1", "Utfall T2", "Utfall VB",
                                               "Totalt ack. utfall", "Sammanfattning och planerade åtgärder"], rows))

    rows = []
    for q, b in s.blocks("åtgärd"):
        roles = b["ansvariga"] if isinstance(b["ansvariga"], list) else [b["ansvariga"]]
        status = str(b.get("status") or "").strip()
        rows.append([integer(q), T(b["problem"]), prose(b["åtgärd"]), T(b.get("datum")), plan_date(b.get("startdatum")),
                     plan_date(b.get("slutdatum")), T(status[:1].upper() + status[1:]), T("\n".join(map(str, roles))),
                     prose(b.get("uppföljning"))])
    sheets.append(("Åtgärder", [w, "Problem/utvecklingsbehov", "Åtgärd/process", "Datum för åtgärd", "Startdatum",
                                "Slutdatum", "Status", "Ansvarig för åtgärd", "Uppföljning"], rows))
    return sheets


def run_checks(out):
    # The site's submissions, newest year first, then by unit folder and kind folder.
    submissions = [Submission(f) for f in sorted(content.glob("*/[0-9][0-9][0-9][0-9]/*")) if f.is_dir()]
    submissions.sort(key=lambda s: (-s.year, s.unit_slug, s.kind))
    check(submissions, f"no submissions found in {content}")

    # 1. One tabeller.xlsx per submission with tables.
    expected_books = {}
    for s in submissions:
        sheets = submission_sheets(s)
        if any(rows for _, _, rows in sheets):
            expected_books[pathlib.Path(str(s.year), s.unit_slug, s.kind, "tabeller.xlsx")] = sheets
    written = {p.relative_to(out) for p in out.glob("*/*/*/tabeller.xlsx")}
    check(expected_books, "the content has no tables at all")
    check(written == set(expected_books), f"submission workbooks written {sorted(map(str, written))}, "
                                          f"expected {sorted(map(str, expected_books))}")
    for rel, sheets in sorted(expected_books.items()):
        if check((out / rel).exists(), f"{rel}: not written"):
            check_workbook(str(rel), out / rel, sheets)

    columns_year = ["Enhet", "Förvaltning", "Dokument", *INDICATOR_HEADERS]
    columns_trend = ["Enhet", "Förvaltning", "År", *INDICATOR_HEADERS]

    # 2. <år>/indikatorer.xlsx: every indicator of the year, unit by unit.
    years = sorted({s.year for s in submissions if s.indicators()})
    written = {p.relative_to(out) for p in out.glob("*/indikatorer.xlsx")}
    wanted = {pathlib.Path(str(y), "indikatorer.xlsx") for y in years}
    check(written == wanted, f"year workbooks written {sorted(map(str, written))}, expected {sorted(map(str, wanted))}")
    for year in years:
        rows = [[T(s.unit_name), T(s.administration), T(f"{s.structure.get('namn')} {s.year}"), *indicator_cells(i)]
                for s in submissions if s.year == year for i in s.indicators()]
        rel = pathlib.Path(str(year), "indikatorer.xlsx")
        if check((out / rel).exists(), f"{rel}: not written"):
            check_workbook(str(rel), out / rel, [(f"Indikatorer {year}", columns_year, rows)])

    # 3. indikatorer/<slug>.xlsx: one per distinct indicator, by unit name, oldest year first.
    by_name = {}
    for s in submissions:
        for i in s.indicators():
            by_name.setdefault(i["indikator"], []).append((s.unit_name, s.year, [
                T(s.unit_name), T(s.administration), integer(s.year), *indicator_cells(i)]))
    # An award's index figures (AMI per year) join the trend of the same name: one row per unit
    # and year, from the document of that year, else the newest; only the figure and its year.
    figures = {}
    for s in submissions:
        for b in s.index_blocks():
            for v in b.get("värden") or []:
                key = (b["namn"], s.unit_name, int(v["år"]))
                rank = (int(v["år"]) == s.year, s.year)
                if key not in figures or rank > figures[key][0]:
                    figures[key] = (rank, [T(s.unit_name), T(s.administration), integer(v["år"]), T(b["namn"]), T("index"),
                                           dec(v["värde"]), dec(None), dec(None), dec(None), dec(None), dec(None),
                                           T(str(v["år"])), T(None)])
    for (name, unit, year), (_, row) in figures.items():
        by_name.setdefault(name, []).append((unit, year, row))
    trend_files = sorted(out.glob("indikatorer/*.xlsx"))
    check(len(trend_files) == len(by_name), f"indikatorer/: {len(trend_files)} workbooks, expected one per distinct "
                                            f"indicator: {len(by_name)} ({sorted(by_name)})")
    found = {}
    for f in trend_files:
        check(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", f.stem) and len(f.stem) <= 100,
              f"indikatorer/{f.name}: file name is not a slug of at most 100 characters")
        ws = openpyxl.load_workbook(f, read_only=True).worksheets[0]
        names = {r[0] for r in ws.iter_rows(min_row=2, min_col=4, max_col=4, values_only=True) if r[0] is not None}
        if check(len(names) == 1, f"indikatorer/{f.name}: expected the rows of one indicator, found {sorted(names)}"):
            name = names.pop()
            check(name in by_name, f"indikatorer/{f.name}: indicator {name!r} is not in the content")
            check(name not in found, f"indikatorer/{f.name}: indicator {name!r} also in indikatorer/{found.get(name)}")
            found[name] = f.name
    check(set(found) == set(by_name), f"indikatorer/: no workbook for {sorted(set(by_name) - set(found))}")
    for name, entries in sorted(by_name.items()):
        if name in found:
            rows = [row for _, _, row in sorted(entries, key=lambda e: (e[0], e[1]))]
            check_workbook(f"indikatorer/{found[name]}", out / "indikatorer" / found[name], [("Över år", columns_trend, rows)])

    # 4. jamforelse/<år>/<slag>/bedomning.xlsx: the reviewers' form, units by name, questions
    # in the structure's order; only for editions that are scored (bedömning: in the structure).
    editions = {}
    for s in submissions:
        if s.structure.get("bedömning"):
            editions.setdefault((s.year, s.kind), []).append(s)
    written = {p.relative_to(out) for p in out.glob("jamforelse/*/*/bedomning.xlsx")}
    wanted = {pathlib.Path("jamforelse", str(y), k, "bedomning.xlsx") for y, k in editions}
    check(written == wanted, f"review workbooks written {sorted(map(str, written))}, expected {sorted(map(str, wanted))}")
    headers = ["Enhet", "Område", "Nr", "Rubrik", "Sida", "Poäng", "Styrkor", "Förbättringsområden", "Enhetens id"]
    for (year, kind), units in sorted(editions.items()):
        rows = []
        for s in sorted(units, key=lambda s: (s.unit_name, s.unit_slug)):
            # The parts' list key and page prefix: frågor/fraga in an award, otherwise the part's
            # name (avsnitt, kapitel) unless the structure gives its plural (del: flertal:).
            naming = s.structure.get("del") or {}
            name = naming.get("namn", "fråga")
            key = naming.get("flertal") or ("frågor" if name == "fråga" else name)
            slug = "fraga" if name == "fråga" else name
            for area in s.structure.get("områden") or []:
                for q in area.get(key) or []:
                    page = f"{year}/{s.unit_slug}/{kind}/{slug}-{int(q['nr']):02d}/"
                    rows.append([T(s.unit_name), T(area["titel"]), integer(q["nr"]), T(q["titel"]), T(page),
                                 T(None), T(None), T(None), T(s.unit_slug)])
        rel = pathlib.Path("jamforelse", str(year), kind, "bedomning.xlsx")
        if check((out / rel).exists(), f"{rel}: not written"):
            check_workbook(str(rel), out / rel, [("Bedömning", headers, rows)])
            # Without adress: the page cells link the page files relative to the workbook, so
            # a copy of the site on disk opens them; the link resolves to a page that exists.
            ws = openpyxl.load_workbook(out / rel)["Bedömning"]
            for r in range(2, ws.max_row + 1):
                cell = ws.cell(row=r, column=5)
                # Excel writes relative file links with backslashes (libxlsxwriter's external:).
                target = cell.hyperlink.target.replace("\\", "/") if cell.hyperlink else None
                want = "../../../" + cell.value + "index.html"
                if not check(target == want, f"{rel} E{r}: link {target!r}, expected {want!r}"):
                    break
                check((out / rel).parent.joinpath(target).resolve().is_file(), f"{rel} E{r}: {target} is not a page")


with tempfile.TemporaryDirectory() as tmp:
    out = pathlib.Path(tmp) / "site"
    try:
        built = subprocess.run([kvalitet, "bedomning", content, "-o", out, "--templates", templates, "--no-source"])  # the reviewers' site: every workbook, the review forms too
        if check(built.returncode == 0, f"kvalitet build exited with {built.returncode}"):
            run_checks(out)
    except Exception:  # a crash is a failure, reported like the others
        failures.append("the check itself failed:\n" + traceback.format_exc())

# With the published address in site.yaml, the form's page cells are links that work once the
# workbook is downloaded.
with tempfile.TemporaryDirectory() as tmp:
    import shutil
    copy = pathlib.Path(tmp) / "content"
    shutil.copytree(content, copy)
    with open(copy / "site.yaml", "a", encoding="utf-8") as f:
        f.write("\nadress: https://kvalitet.example.se/arkiv\n")
    out = pathlib.Path(tmp) / "site"
    try:
        built = subprocess.run([kvalitet, "bedomning", copy, "-o", out, "--templates", templates, "--no-source"])
        if check(built.returncode == 0, f"kvalitet build with adress: exited with {built.returncode}"):
            ws = openpyxl.load_workbook(out / "jamforelse/2018/kvalitetsutmarkelsen/bedomning.xlsx")["Bedömning"]
            want = "https://kvalitet.example.se/arkiv/2018/skarholmen-omsorg-om-aldre/kvalitetsutmarkelsen/fraga-02/"
            cell = ws["E3"]
            check(cell.value == want, f"bedomning.xlsx E3 with adress: expected {want!r}, got {cell.value!r}")
            check(cell.hyperlink is not None and cell.hyperlink.target == want,
                  f"bedomning.xlsx E3 with adress: not a link to {want!r} ({cell.hyperlink!r})")
            print("bedomning.xlsx with adress: page cells are absolute links")
    except Exception:
        failures.append("the check itself failed:\n" + traceback.format_exc())

if failures:
    print("\n".join(failures))
    print(f"{len(failures)} check(s) failed")
    print("0 passed, 1 failed")
    sys.exit(1)
print("1 passed, 0 failed")
