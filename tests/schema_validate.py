#!/usr/bin/python3
"""Validates the example content against the JSON Schema files `kvalitet schema` writes,
with Python's jsonschema (Debian's python3-jsonschema), a validator independent of kvalitet:
site.yaml, every enhet.yaml and inlamning.yaml, and every data block (```name … ```) in the
Markdown files. Every schema file must itself be valid draft 2020-12. Then negative cases:
a wrong-typed or unknown field must fail.

YAML is read as an editor's YAML 1.2 parser reads it (the VS Code YAML extension's): dates
stay strings and only true/false are booleans, not PyYAML's YAML 1.1 yes/no/on/off.

Usage: schema_validate.py KVALITET CONTENT TEMPLATES"""
import copy
import json
import pathlib
import re
import subprocess
import sys
import tempfile
import traceback

import jsonschema
import yaml

kvalitet, content, templates = map(pathlib.Path, sys.argv[1:4])
passed, failures = 0, []


class Yaml12Loader(yaml.SafeLoader):
    pass


Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers
            if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}
Yaml12Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                                   list("tTfF"))


def load(text):
    return yaml.load(text, Loader=Yaml12Loader)


def slug(name):
    name = name.replace("å", "a").replace("ä", "a").replace("ö", "o")
    return re.sub(r"[^a-z0-9-]", "-", name)


def check(cond, what):
    global passed
    if cond:
        passed += 1
    else:
        failures.append(what)


def errors(schema, instance):
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(instance)]


def valid(schema, instance, what):
    found = errors(schema, instance)
    check(not found, f"{what}: {found}")


def invalid(schema, instance, what):
    check(errors(schema, instance), f"{what}: should fail validation but passed")


def data_blocks(markdown):
    """(name, yaml text) of every fenced block whose info string is a data block's name."""
    blocks, name, lines = [], None, []
    for line in markdown.splitlines():
        if name is None:
            m = re.match(r"^ {0,3}```\s*(\S+)\s*$", line)
            if m:
                name, lines = m.group(1), []
        elif re.match(r"^ {0,3}```\s*$", line):
            blocks.append((name, "\n".join(lines) + "\n"))
            name = None
        else:
            lines.append(line)
    return blocks


def main():
    with tempfile.TemporaryDirectory() as tmp:
        out = pathlib.Path(tmp) / "schema"
        subprocess.run([str(kvalitet), "schema", str(content), "-o", str(out), "--templates", str(templates)],
                       check=True, capture_output=True)
        schemas = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in out.glob("*.schema.json")}
    check(len(schemas) > 4, f"schema files: {sorted(schemas)}")
    for name, schema in sorted(schemas.items()):
        check(schema.get("$schema") == "https://json-schema.org/draft/2020-12/schema", f"{name}: $schema")
        try:
            jsonschema.Draft202012Validator.check_schema(schema)
            check(True, "")
        except jsonschema.SchemaError as e:
            check(False, f"{name} is not a valid draft 2020-12 schema: {e.message}")

    site = load((content / "site.yaml").read_text(encoding="utf-8"))
    valid(schemas["site.schema.json"], site, "site.yaml")
    units = sorted(content.glob("*/enhet.yaml"))
    check(units, "no enhet.yaml found")
    for f in units:
        valid(schemas["enhet.schema.json"], load(f.read_text(encoding="utf-8")), str(f))
    submissions = sorted(content.glob("*/*/*/inlamning.yaml"))
    check(submissions, "no inlamning.yaml found")
    for f in submissions:
        data = load(f.read_text(encoding="utf-8")) or {}
        structure = data.get("struktur") or f"{f.parent.name}-{f.parent.parent.name}"
        valid(schemas[f"inlamning-{structure}.schema.json"], data, str(f))
    block_names = {s["title"].split("```", 1)[1] for n, s in schemas.items() if n.startswith("block-")}
    count = 0
    for f in sorted(content.glob("*/*/*/*.md")):
        for name, text in data_blocks(f.read_text(encoding="utf-8")):
            if name not in block_names:
                continue
            count += 1
            valid(schemas[f"block-{slug(name)}.schema.json"], load(text), f"{f}: ```{name}")
    check(count >= 20, f"only {count} data blocks found in {content}")

    # Negative cases: the schemas must reject what kvalitet rejects.
    award = load((content / "skarholmen-omsorg-om-aldre/2018/kvalitetsutmarkelsen/inlamning.yaml").read_text(encoding="utf-8"))
    award_schema = schemas["inlamning-kvalitetsutmarkelsen-2018.schema.json"]
    for key, value in [("antal_anställda", "tjugo"), ("antal_anställda", 19.5), ("e-post", "frida(at)stockholm.se"),
                       ("telefon", "ring mig"), ("kontaktperson", ["a", "b"]), ("okänd_nyckel", "x")]:
        broken = dict(award, **{key: value})
        invalid(award_schema, broken, f"inlamning.yaml with {key}: {value!r}")
    without = {k: v for k, v in award.items() if k != "kontaktperson"}
    invalid(award_schema, without, "inlamning.yaml without kontaktperson")
    invalid(schemas["site.schema.json"], dict(site, språk="fi"), "site.yaml with språk: fi")
    statement = copy.deepcopy(site)
    statement["tillgänglighet"]["uppdaterad"] = "23 november"
    invalid(schemas["site.schema.json"], statement, "site.yaml with uppdaterad: 23 november")
    invalid(schemas["enhet.schema.json"], {"namn": "x" * 201, "förvaltning": "y"}, "enhet.yaml with a 201-character name")
    survey = {"fråga": "Nöjd?", "rader": [{"svar": "Ja", "totalt": "många"}]}
    invalid(schemas["block-enkat.schema.json"], survey, "enkät with totalt: många")
    survey["rader"][0]["totalt"] = 101
    invalid(schemas["block-enkat.schema.json"], survey, "enkät with totalt: 101")
    survey["rader"][0]["totalt"] = "76,5"
    valid(schemas["block-enkat.schema.json"], survey, "enkät with totalt: 76,5 (a Swedish decimal comma)")
    goal = {"mål": "a", "förväntat_resultat": "b", "arbetssätt": "c", "uppföljning": "d"}
    valid(schemas["block-mal.schema.json"], goal, "a complete mål")
    invalid(schemas["block-mal.schema.json"], dict(goal, förväntat_reslutat="b"), "mål with a misspelt key")
    invalid(schemas["block-aktivitet.schema.json"],
            {"aktivitet": "a", "startdatum": "2024-13-01", "slutdatum": "2024-12-31"}, "aktivitet with month 13")
    invalid(schemas["block-indikator.schema.json"],
            {"indikator": "a", "enhet": "procent", "utfall": 1, "årsmål": 2, "period": "2024"}, "indikator with enhet: procent")


try:
    main()
except Exception:
    failures.append(traceback.format_exc())
for f in failures:
    print("FAIL:", f)
print(f"{passed} passed, {len(failures)} failed")
sys.exit(1 if failures else 0)
