#!/usr/bin/python3
"""Builds the example site and reads every submission workbook back with openpyxl, an
independent reader, comparing each cell value and number format with the YAML blocks in the
Markdown sources (parsed here with PyYAML, not by kvalitet)."""
import pathlib
import re
import subprocess
import sys
import tempfile

import openpyxl
import yaml

kvalitet, content, templates = map(pathlib.Path, sys.argv[1:4])
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)


def number(v):
    return float(str(v).replace(",", ".").replace(" ", "")) if v is not None else None


def blocks(md_file, name):
    """Data blocks ```name … ``` in a Markdown file, parsed as YAML."""
    text = md_file.read_text(encoding="utf-8")
    return [yaml.safe_load(m.group(1)) for m in re.finditer(r"^```" + name + r"\n(.*?)^```$", text, re.M | re.S)]


def question(md_file):
    return int(re.search(r"^fråga:\s*(\d+)", md_file.read_text(encoding="utf-8"), re.M).group(1))


def rows(ws):
    return [[c.value for c in r] for r in ws.iter_rows(min_row=2)]


def formats(ws, col):
    return {c.number_format for c in ws[col][1:] if c.value is not None}


with tempfile.TemporaryDirectory() as tmp:
    out = pathlib.Path(tmp) / "site"
    subprocess.run([kvalitet, "build", content, "-o", out, "--templates", templates, "--no-source"], check=True)
    workbooks = sorted(out.glob("*/*/*/tabeller.xlsx"))
    check(workbooks, "no workbook was written")
    for wb_path in workbooks:
        sub = content / wb_path.parent.relative_to(out).parts[1] / wb_path.parent.relative_to(out).parts[0] / wb_path.parent.name
        md_files = sorted(sub.glob("*.md"))
        wb = openpyxl.load_workbook(wb_path)
        for ws in wb:
            check(len(ws.title) <= 31, f"sheet name too long: {ws.title}")
            check(ws.freeze_panes == "A2", f"{ws.title}: header not frozen")
            check(ws.auto_filter.ref and ws.auto_filter.ref.startswith("A1:"), f"{ws.title}: no autofilter")
            check(all(c.font.b for c in ws[1]), f"{ws.title}: header not bold")

        expected = []
        for f in md_files:
            for b in blocks(f, "ekonomi"):
                for y in b["värden"]:
                    forecast = bool(y.get("prognos"))
                    expected.append([question(f), y["år"], b["enhet"], number(y["budget"]), number(y["utfall"]),
                                     number(y["resultat"]), "ja" if forecast else None,
                                     b.get("fotnot") if forecast else None])
        if expected:
            ws = wb["Ekonomi"]
            check(rows(ws) == expected, f"Ekonomi rows differ:\n{rows(ws)}\n{expected}")
            check(formats(ws, "D") == {"#,##0.0#"}, f"Ekonomi budget format {formats(ws, 'D')}")

        expected = []
        for f in md_files:
            for b in blocks(f, "enkät"):
                for r in b["rader"]:
                    pct = [None if r.get(k) is None else number(r[k]) / 100 for k in ("totalt", "kvinna", "man", "annan")]
                    expected.append([question(f), b["fråga"], r["svar"], *pct])
        if expected:
            ws = wb["Enkät"]
            got = rows(ws)
            same = len(got) == len(expected) and all(
                g[:3] == e[:3] and all((a is None and b is None) or (a is not None and b is not None and abs(a - b) < 1e-9)
                                       for a, b in zip(g[3:], e[3:])) for g, e in zip(got, expected))
            check(same, f"Enkät rows differ:\n{got}\n{expected}")
            for col in "DEFG":
                check(formats(ws, col) <= {"0%"}, f"Enkät column {col} not percent: {formats(ws, col)}")

        expected = []
        for f in md_files:
            for b in blocks(f, "index"):
                subs = []
                for v in b["värden"]:
                    for k in (v.get("delindex") or {}):
                        if k not in subs:
                            subs.append(k)
                for v in b["värden"]:
                    d = v.get("delindex") or {}
                    expected.append([question(f), b["namn"], v["år"], number(v["värde"]), *[number(d.get(k)) for k in subs]])
        if expected:
            ws = wb["Index"]
            check(rows(ws) == expected, f"Index rows differ:\n{rows(ws)}\n{expected}")

        counted = sum(len(rows(ws)) for ws in wb)
        print(f"{wb_path.relative_to(out)}: {len(wb.sheetnames)} sheets, {counted} rows compared")

if failures:
    print("\n".join(failures))
    print(f"0 passed, {len(failures)} failed")
    sys.exit(1)
print("1 passed, 0 failed")
