#!/usr/bin/python3
"""One truth for `kvalitet check` and `kvalitet schema` (issue 31): over valid and invalid
variants of every kind of YAML file the schema describes — site.yaml, enhet.yaml, the
inlamning.yaml of each structure in templates/structures and every data block — the JSON Schema
`kvalitet schema` writes and `kvalitet check` give the same verdict.

Each variant changes one value of an example file (from content/) to one of a list of values
an author might write (a choice in other case, a number in quotes, "1 140", "12,02", "83 %",
an empty value, a list where a text belongs, …), leaves a key out or adds an unknown one. The
file is written into a temporary copy of the content; check's verdict is whether it reports an
error in that file (for a data block: within the block's lines), the schema's whether the file,
read as VS Code's YAML extension reads it (YAML 1.2: `2024-01-01` and `yes` are strings, `012`
is 12), validates (Python's jsonschema, draft 2020-12).

A few rules a per-file JSON Schema cannot hold (docs/content-model.md, "Help in the editor"):
the values that depend on the structure (a KF goal, the principles, how many Agenda 2030 goals),
on another field (an indicator's range by its enhet:, dates in order) or on other files (a
figure's image, a theme). Variants that touch them are listed in EXCEPTIONS and may differ only
the documented way: the schema accepts, check rejects.

Usage: schema_agrees_with_check.py KVALITET SOURCE_DIR"""
import copy
import json
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import traceback

import jsonschema
import yaml

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from verdict import verdict  # noqa: E402

kvalitet, source = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])


# ---------------------------------------------------------------------------------------------
# YAML as the editor reads it: the YAML 1.2 core schema (redhat.vscode-yaml's default).

class Yaml12Loader(yaml.SafeLoader):
    pass


Yaml12Loader.yaml_implicit_resolvers = {}
for tag, pattern, first in [
        ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
        ("int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
        ("float", r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
         "-+0123456789."),
        ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""])]:
    Yaml12Loader.add_implicit_resolver(f"tag:yaml.org,2002:{tag}", re.compile(pattern), list(first))


def construct_int(loader, node):
    text = loader.construct_scalar(node)
    if text.startswith("0o"):
        return int(text[2:], 8)
    if text.startswith("0x"):
        return int(text[2:], 16)
    return int(text)


def construct_float(loader, node):
    text = loader.construct_scalar(node).lower()
    if text.endswith(".inf"):
        return float("-inf") if text.startswith("-") else float("inf")
    if text == ".nan":
        return float("nan")
    return float(text)


Yaml12Loader.add_constructor("tag:yaml.org,2002:int", construct_int)
Yaml12Loader.add_constructor("tag:yaml.org,2002:float", construct_float)


def load(text):
    return yaml.load(text, Loader=Yaml12Loader)


# ---------------------------------------------------------------------------------------------
# Variants.

# Values an author might write, as YAML source. The test wants agreement on each; for some it
# also knows the verdict the lenient reading gives (see EXPECTED).
GENERIC = ['""', '"   "', "", "[a, b]", "{a: 1}", "true", "ja", "37", '"37"', "1 140", '"1 140"', "12,02", '"12,02"',
           "12.5", "83 %", '"83 %"', "-3", "0", "101", "1e3", "2025-02-30", "2024-02-29", '"x\\u0001y"']


class Raw:
    """A value written into the YAML as it stands."""

    def __init__(self, text):
        self.text = text


class Delete:
    pass


def dump(data):
    """YAML text of data, with every Raw value written verbatim."""
    raws = []

    def mark(value):
        if isinstance(value, Raw):
            raws.append(value.text)
            return f"__raw_{len(raws) - 1}__"
        if isinstance(value, dict):
            return {k: mark(v) for k, v in value.items() if not isinstance(v, Delete)}
        if isinstance(value, list):
            return [mark(v) for v in value]
        return value

    text = yaml.safe_dump(mark(data), allow_unicode=True, sort_keys=False, width=10 ** 6)
    for i, raw in enumerate(raws):
        text = text.replace(f"__raw_{i}__", raw)
    return text


def scalar_paths(data, path=()):
    """The paths of the values to vary: every value of a mapping, and the first item of a list."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield path + (key,)
            if isinstance(value, (dict, list)):
                yield from scalar_paths(value, path + (key,))
    elif isinstance(data, list) and data:
        yield path + (0,)
        if isinstance(data[0], (dict, list)):
            yield from scalar_paths(data[0], path + (0,))


def mappings(data, path=()):
    if isinstance(data, dict):
        yield path
        for key, value in data.items():
            yield from mappings(value, path + (key,))
    elif isinstance(data, list) and data:
        yield from mappings(data[0], path + (0,))


def get(data, path):
    for p in path:
        data = data[p]
    return data


def changed(data, path, value):
    out = copy.deepcopy(data)
    target = out
    for p in path[:-1]:
        target = target[p]
    target[path[-1]] = value
    return out


def variants(data):
    """(description, path, changed data) for every value of data."""
    for path in scalar_paths(data):
        current = get(data, path)
        own = []
        if isinstance(current, str) and current.strip():  # the value in other case, with spaces around
            own = [json.dumps(v, ensure_ascii=False) for v in (current.upper(), current.capitalize(), f" {current} ")]
        for raw in GENERIC + own:
            yield f"{'.'.join(map(str, path))}: {raw}", path, changed(data, path, Raw(raw))
        if isinstance(path[-1], str):
            yield f"{'.'.join(map(str, path))} left out", path, changed(data, path, Delete())
    for path in mappings(data):
        yield f"{'.'.join(map(str, path + ('okänd_nyckel',)))}: x", path, changed(data, path + ("okänd_nyckel",), "x")


# What check accepts because kvalitet reads it leniently, the schema too (issue 31).
EXPECTED = {
    ("site.yaml", 'tillgänglighet.status: "DELVIS"'): True,
    ("site.yaml", 'språk: "SV"'): True,
    ("site.yaml", "lix_gräns: \"37\""): True,
    ("site.yaml", "lix_gräns: 12,02"): False,
    ("site.yaml", "lix_gräns: 83 %"): False,
    ("site.yaml", "okänd_nyckel: x"): False,
    ("inlamning-kvalitetsutmarkelsen-2018", "antal_anställda: \"37\""): True,
    ("inlamning-kvalitetsutmarkelsen-2018", "antal_anställda: 1 140"): True,
    ("inlamning-kvalitetsutmarkelsen-2018", "antal_anställda: \"1 140\""): True,
    ("inlamning-kvalitetsutmarkelsen-2018", "antal_anställda: 12,02"): False,
    ("inlamning-kvalitetsutmarkelsen-2018", "antal_anställda: 83 %"): False,
    ("inlamning-kvalitetsutmarkelsen-2018", "antal_anställda: \"\""): False,
    ("inlamning-kvalitetsutmarkelsen-2018", "antal_anställda: [a, b]"): False,
    ("inlamning-kvalitetsutmarkelsen-2018", "kontaktperson: \"   \""): False,
    ("inlamning-kvalitetsutmarkelsen-2018", "okänd_nyckel: x"): False,
    ("block ekonomi", "värden.0.budget: 1 140"): True,
    ("block ekonomi", "värden.0.budget: \"12,02\""): True,
    ("block ekonomi", "värden.0.budget: 83 %"): False,
    ("block ekonomi", "värden.0.år: \"2 018\""): None,
    ("block enkät", "rader.0.totalt: 101"): False,
    ("block enkät", "rader.0.totalt: \"12,02\""): True,
}

# Rules a per-file schema cannot hold: where the schema may accept what check rejects.
EXCEPTIONS = [
    ("block kf-mål", r"^nr: "),                      # the structure's KF goals
    ("block principer", r"^[^.]*(: | left out)"),    # the structure's principles (keys)
    ("block agenda2030", r"^mål\.0\.nr: "),          # how many goals the structure lists
    ("block indikator", r"^(utfall|män|kvinnor|vb|årsmål|kf_årsmål|delenheter\.0\.utfall): "),  # range by enhet:
    ("block indikator", r"^period: "),               # the document's year
    ("block aktivitet", r"^(start|slut)datum: "),     # dates in order
    ("block åtgärd", r"^(start|slut)datum: "),        # dates in order
    ("block bild", r"^fil: "),                       # an image file that exists
    ("site.yaml", r"^tema: "),                       # a theme that exists
    ("inlamning-*", r"^struktur( left out|: $)"),    # needed where the folder is not named after the structure
    ("*", r": 1e3$"),                                # a YAML number the way kvalitet does not read one
    ("site.yaml", r"^bedömare\.0: "),                # two reviewers with one name
    ("site.yaml", r"^tillgänglighet\.kontakt\.(e-post|telefon)( left out|: (\"\"|\"   \"|))$"),  # one of the two
]


# Optional keys the example files leave out, added so that their values are varied too.
STATE = {"status": "inlämnad", "inlämnad_datum": "2024-01-15"}
AUGMENT = {
    # (not frysta_år: a frozen year needs its archive package on disk)
    "site.yaml": {"lix_gräns": 40, "adress": "https://kvalitet.example.se/", "bedömare": ["Anna Andersson"]},
    "enhet.yaml": {"kolada": "V15E018000201"},
    "inlamning-handlingsplan-2007": dict(STATE, uppföljningsdatum="2007-12-01"),
    "inlamning-kvalitetsutmarkelsen-2018": STATE,
    "inlamning-utvecklingsberattelse-2012": STATE,
    "inlamning-verksamhetsberattelse-2024": dict(STATE, kontaktperson="Anna Andersson", telefon="08-508 00 000",
                                                 **{"e-post": "anna.andersson@stockholm.se", "antal_anställda": 37}),
}


def is_exception(kind, description):
    return any((kind == k or k == "*" or (k.endswith("*") and kind.startswith(k[:-1]))) and re.search(p, description)
               for k, p in EXCEPTIONS)


# ---------------------------------------------------------------------------------------------

def schema_accepts(schema, text):
    try:
        data = load(text)
    except yaml.YAMLError:
        return False
    validator = jsonschema.Draft202012Validator(schema)
    return not any(True for _ in validator.iter_errors({} if data is None else data))


def check_errors(content, templates):
    run = subprocess.run([str(kvalitet), "check", str(content), "--templates", str(templates), "--format", "json", "-q"],
                         capture_output=True, text=True, cwd=source)  # the themes are found from there
    problems = [json.loads(line) for line in run.stdout.splitlines() if line.startswith("{")]
    return [p for p in problems if p["severity"] == "error"]


def in_file(errors, file, lines=None):
    file = str(file)
    return [e for e in errors if (e["file"] == file or e["file"].endswith("/" + file.split("/content/", 1)[-1]))
            and (lines is None or lines[0] <= e["line"] <= lines[1])]


def fences(markdown, name):
    """(first body line, last body line, indent) of each ```name block, 1-based."""
    out, lines, start = [], markdown.split("\n"), None
    for i, line in enumerate(lines, 1):
        m = re.match(r"^( *)```\s*(\S*)\s*$", line)
        if not m:
            continue
        if start is None and m.group(2) == name:
            start, indent = i, m.group(1)
        elif start is not None and m.group(2) == "":
            out.append((start + 1, i - 1, indent))
            start = None
    return out


def main():
    failures, passed = [], 0
    exceptions_seen = 0
    tmp = pathlib.Path(tempfile.mkdtemp())
    try:
        templates = source / "templates"
        content = tmp / "content"
        shutil.copytree(source / "content", content)
        # check reads the whole content folder: each variant is checked in a copy with only the
        # document (and unit) it belongs to, which is quicker.
        shutil.copytree(source / "content", tmp / "all")
        small = sorted((tmp / "all").glob("*/*/*/inlamning.yaml"), key=lambda f: len(list(f.parent.iterdir())))[0]

        def only(file):
            """The content folder with site.yaml and the one document file lies in."""
            rel = file.relative_to(content)
            if len(rel.parts) > 2:
                keep = rel.parts[:3]
            elif len(rel.parts) == 2:  # enhet.yaml: with one of the unit's documents
                keep = (rel.parts[0], sorted(p.name for p in (content / rel.parts[0]).iterdir() if p.is_dir())[0])
            else:
                keep = small.parent.relative_to(tmp / "all").parts
            for unit in content.iterdir():
                if unit.is_dir() and unit.name != keep[0]:
                    shutil.rmtree(unit)
            for year in (content / keep[0]).iterdir():
                if year.is_dir() and year.name != keep[1]:
                    shutil.rmtree(year)

        def restore():
            shutil.rmtree(content)
            shutil.copytree(tmp / "all", content)
        subprocess.run([str(kvalitet), "schema", str(content), "-o", str(tmp / "schema"), "--templates", str(templates)],
                       check=True, capture_output=True)
        schemas = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in (tmp / "schema").glob("*.schema.json")}
        base_errors = check_errors(content, templates)
        if base_errors:
            return [f"the example content has errors: {base_errors[:3]}"]

        def compare(kind, description, check_rejects, schema_accepts_it):
            nonlocal passed, exceptions_seen
            schema_rejects = not schema_accepts_it
            want = True if description == "as it is" else EXPECTED.get((kind, description))
            if want is not None and (check_rejects == want or schema_rejects == want):
                failures.append(f"{kind}, {description}: check {'rejects' if check_rejects else 'accepts'}, "
                                f"the schema {'rejects' if schema_rejects else 'accepts'}; both should "
                                f"{'accept' if want else 'reject'}")
            elif check_rejects == schema_rejects:
                passed += 1
            elif check_rejects and is_exception(kind, description):
                exceptions_seen += 1
            else:
                failures.append(f"{kind}, {description}: check {'rejects' if check_rejects else 'accepts'}, "
                                f"the schema {'rejects' if schema_rejects else 'accepts'}")

        # Whole YAML files, one variant at a time.
        files = [("site.yaml", content / "site.yaml", "site.schema.json"),
                 ("enhet.yaml", content / "skarholmen-omsorg-om-aldre" / "enhet.yaml", "enhet.schema.json")]
        for f in sorted(content.glob("*/*/*/inlamning.yaml")):
            data = load(f.read_text(encoding="utf-8")) or {}
            structure = data.get("struktur") or f"{f.parent.name}-{f.parent.parent.name}"
            files.append((f"inlamning-{structure}", f, f"inlamning-{structure}.schema.json"))
        covered = {name for _, _, name in files}
        for name in schemas:
            if name.startswith("inlamning-") and name not in covered:
                failures.append(f"no example inlamning.yaml for {name}")
        for kind, path, schema_name in files:
            only(path)
            original = path.read_text(encoding="utf-8")
            base = load(original) or {}
            base.update(AUGMENT.get(kind, {}))
            if kind == "site.yaml":
                base["tillgänglighet"]["kontakt"]["e-post"] = "tillganglighet@example.se"
            for description, _, data in [("as it is", (), base)] + list(variants(base)):
                text = dump(data)
                path.write_text(text, encoding="utf-8")
                # The copy holds nothing else that could be wrong: any error is the variant's.
                rejected = bool(check_errors(content, templates))
                compare(kind, description, rejected, schema_accepts(schemas[schema_name], text))
            path.write_text(original, encoding="utf-8")
            restore()

        # Data blocks: every variant of a kind as a block of its own, after the first example of
        # that kind in the content; an error belongs to the block whose lines it names.
        block_names = {s["title"].split("```", 1)[1]: n for n, s in schemas.items() if n.startswith("block-")}
        for name, schema_name in sorted(block_names.items()):
            example = next((f for f in sorted(content.glob("*/*/*/*.md")) if fences(f.read_text(encoding="utf-8"), name)), None)
            if example is None:
                failures.append(f"no example of ```{name} in the content")
                continue
            only(example)
            original = example.read_text(encoding="utf-8")
            first, last, indent = fences(original, name)[0]
            lines = original.split("\n")
            base_text = "\n".join(l[len(indent):] for l in lines[first - 1:last]) + "\n"
            base = load(base_text)
            cases = [("as it is", (), base)] + list(variants(base))
            batch = 40
            for at in range(0, len(cases), batch):
                chunk = cases[at:at + batch]
                out, spans = lines[:last + 1], []
                for description, _, data in chunk:
                    text = dump(data)
                    body = [indent + l if l else l for l in text.rstrip("\n").split("\n")]
                    out += ["", indent + "```" + name]
                    # yaml-cpp places an empty last value on the closing fence's line
                    spans.append((len(out) + 1, len(out) + len(body) + 1))
                    out += body + [indent + "```"]
                out += lines[last + 1:]
                example.write_text("\n".join(out), encoding="utf-8")
                errors = check_errors(content, templates)
                outside = [e for e in errors if e not in in_file(errors, example)
                           or not any(s[0] <= e["line"] <= s[1] for s in spans)]
                if outside:
                    failures.append(f"```{name}: errors outside the variants' lines: {outside[:2]}")
                for (description, _, data), span in zip(chunk, spans):
                    rejected = bool(in_file(errors, example, span))
                    compare(f"block {name}", description, rejected, schema_accepts(schemas[schema_name], dump(data)))
            example.write_text(original, encoding="utf-8")
            restore()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"{passed} variants agree, {exceptions_seen} differ as documented", file=sys.stderr)
    return failures


try:
    found = main()
except Exception:
    found = [traceback.format_exc()]
sys.exit(verdict(found))
