#!/usr/bin/python3
"""Writes the benchmark corpus: the example content's documents copied to N units × Y years,
in kvalitet's content format, and the same Markdown bodies as a Hugo site.

Every copy is made from the real seed text in content/ (the 2018 award submission, and with
--reports also the 2024 activity report), with the unit's name and a number woven into the
text so that no two pages are byte-identical and the search index has real work to do.

    bench/corpus.py OUT --units 100 --years 1 [--reports]

OUT/kvalitet/content is kvalitet's input, OUT/hugo a Hugo site (hugo.toml, layouts, content).
"""
import argparse
import pathlib
import re
import shutil

ROOT = pathlib.Path(__file__).resolve().parent.parent
AWARD = ROOT / "content" / "skarholmen-omsorg-om-aldre" / "2018" / "kvalitetsutmarkelsen"
REPORT = ROOT / "content" / "hagersten-alvsjo-hemtjanst" / "2024" / "verksamhetsberattelse"
UNIT_YAML = ROOT / "content" / "skarholmen-omsorg-om-aldre" / "enhet.yaml"

# The Hugo site: a page per Markdown file with the same header, breadcrumbs and text, and a
# list page per folder, so that both generators make the same kind of pages from the same bytes.
HUGO_CONFIG = """baseURL = "https://kvalitet.example.se/"
languageCode = "sv"
title = "Kvalitet i äldreomsorgen"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
[markup.goldmark.renderer]
unsafe = false
"""
HUGO_BASEOF = """<!DOCTYPE html>
<html lang="sv"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} – {{ .Site.Title }}</title><link rel="stylesheet" href="/style.css"></head>
<body><header><a href="/">{{ .Site.Title }}</a></header>
<nav aria-label="Brödsmulor">{{ range .Ancestors.Reverse }}<a href="{{ .RelPermalink }}">{{ .Title }}</a> › {{ end }}{{ .Title }}</nav>
<main>{{ block "main" . }}{{ end }}</main>
<footer>{{ with .PrevInSection }}<a href="{{ .RelPermalink }}">← {{ .Title }}</a>{{ end }}
{{ with .NextInSection }}<a href="{{ .RelPermalink }}">{{ .Title }} →</a>{{ end }}</footer></body></html>
"""
HUGO_SINGLE = """{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}
"""
HUGO_LIST = """{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}
<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
"""


def split_front_matter(text):
    m = re.match(r"---\n(.*?)\n---\n?", text, re.S)
    return (m.group(1), text[m.end():]) if m else ("", text)


def personalised(body, unit_name, n):
    # Enough change for every page to differ, without touching the Markdown structure.
    return body.replace("Enheten", f"{unit_name} (enhet {n})", 1)


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def unit_document(source, kind, year, base_year, unit, n, kv_content, hugo_content):
    name = f"Enhet {n:04d}"
    folder = kv_content / unit / str(year) / kind
    for f in sorted(source.iterdir()):
        # Another year's copy speaks of its own years (report periods must fall in the year).
        text = re.sub(r"\b(20[0-3]\d)\b", lambda m: str(int(m.group(1)) + year - base_year),
                      f.read_text(encoding="utf-8"))
        if f.name == "inlamning.yaml":
            # Another year than the structure's uses it by name (struktur:).
            text = re.sub(r"^struktur:.*\n", "", text, flags=re.M)
            if year != base_year:
                text = f"struktur: {kind}-{base_year}\n" + text
            write(folder / f.name, text)
            continue
        front, body = split_front_matter(text)
        body = personalised(body, name, n)
        write(folder / f.name, f"---\n{front}\n---\n{body}" if front else body)
        title = re.sub(r"^(fråga|avsnitt): *", "", front.splitlines()[0]) if front else "Inledning"
        stem = "_index" if f.stem == "inledning" else f.stem
        write(hugo_content / str(year) / unit / kind / f"{stem}.md",
              f'---\ntitle: "{kind} {year} {name} {f.stem} {title}"\n---\n{body}')


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=pathlib.Path)
    ap.add_argument("--units", type=int, default=100)
    ap.add_argument("--years", type=int, default=1)
    ap.add_argument("--reports", action="store_true", help="also an activity report per unit and year")
    args = ap.parse_args()

    out = args.out
    if out.exists():
        shutil.rmtree(out)
    kv_content = out / "kvalitet" / "content"
    hugo = out / "hugo"
    kv_content.mkdir(parents=True)
    shutil.copy(ROOT / "content" / "site.yaml", kv_content / "site.yaml")
    write(hugo / "hugo.toml", HUGO_CONFIG)
    write(hugo / "layouts" / "_default" / "baseof.html", HUGO_BASEOF)
    write(hugo / "layouts" / "_default" / "single.html", HUGO_SINGLE)
    write(hugo / "layouts" / "_default" / "list.html", HUGO_LIST)
    write(hugo / "static" / "style.css", (ROOT / "themes" / "default" / "style.css").read_text(encoding="utf-8")
          if (ROOT / "themes" / "default" / "style.css").exists() else "body{font-family:sans-serif}\n")
    unit_yaml = UNIT_YAML.read_text(encoding="utf-8")
    for n in range(1, args.units + 1):
        unit = f"enhet-{n:04d}"
        write(kv_content / unit / "enhet.yaml",
              re.sub(r"^namn:.*$", f"namn: Enhet {n:04d}", unit_yaml, flags=re.M))
        for y in range(args.years):
            unit_document(AWARD, "kvalitetsutmarkelsen", 2018 + y, 2018, unit, n, kv_content, hugo / "content")
            if args.reports:
                unit_document(REPORT, "verksamhetsberattelse", 2024 - y, 2024, unit, n, kv_content, hugo / "content")
    files = sum(1 for _ in kv_content.rglob("*.md"))
    print(f"{out}: {args.units} units × {args.years} years, {files} Markdown files")


if __name__ == "__main__":
    main()
