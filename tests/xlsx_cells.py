#!/usr/bin/python3
"""Reads a workbook with openpyxl (an independent reader; Debian's python3-openpyxl) and
writes what it holds to OUT as NUL-separated fields, which no cell can contain (XML has no
NUL): the title and creation time, the sheet names, then each cell's sheet, coordinate,
kind (s text, n number, d date), value, link target and number format. Exits 1 when openpyxl refuses
the workbook. Used by tests/xlsx_test.cc.

usage: xlsx_cells.py WORKBOOK OUT"""
import datetime
import sys

import openpyxl

book_path, out_path = sys.argv[1:3]
try:
    book = openpyxl.load_workbook(book_path)
except Exception as e:  # noqa: BLE001 - any refusal is the finding
    print(f"openpyxl refused {book_path}: {type(e).__name__}: {e}", file=sys.stderr)
    sys.exit(1)

fields = ["title", book.properties.title or "",
          "created", book.properties.created.isoformat() if book.properties.created else ""]
for sheet in book.worksheets:
    fields += ["sheet", sheet.title]
for sheet in book.worksheets:
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value is None:
                continue
            value = cell.value
            kind = "d" if isinstance(value, datetime.datetime) else "n" if isinstance(value, (int, float)) else "s"
            if kind == "d":
                value = value.date().isoformat()
            link = cell.hyperlink.target if cell.hyperlink is not None and cell.hyperlink.target else ""
            fields += ["cell", sheet.title, cell.coordinate, kind, str(value), link, cell.number_format]
with open(out_path, "wb") as out:
    out.write("\0".join(fields).encode("utf-8"))
