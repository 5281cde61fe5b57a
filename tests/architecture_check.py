"""The architecture rules of generator/ (issue 27), checked on every test run:

 (a) one owner per name: a content file or folder name (site.yaml, enhet.yaml, _arkiv …) is
     spelled as a string literal only in load/content_names.*, a name of the built site
     (utskrift.html, media/, assets/ …) only in render/html/urls.*;
 (b) no forbidden include: load/, validate/ and model/ stay below the commands and the
     renderer, util/ includes only util/, render/ does not read content through validate/,
     kolada/ does not include the renderer, pipeline/ not the archive command;
 (c) the include graph of generator/'s folders has no cycle.

Comments are left out of (a); generator/i18n/messages.def (the user-facing texts) is not
read. Usage: architecture_check.py [ROOT], ROOT holding generator/ (default: this
repository). tests/fixtures/architecture_bad/ is a small tree that breaks every rule."""

import os
import re
import sys

from verdict import verdict

CONTENT_OWNER = "load/content_names"
OUTPUT_OWNER = "render/html/urls"

# name → (owner, kind of match). "file": the name as a whole path segment anywhere in a
# literal ("kalla/site.yaml" counts); "folder": "name/" starting a literal or a segment, or
# the literal being exactly the name (kind "folder=" only: "jamforelse" alone is a page kind).
NAMES = {
    "site.yaml": (CONTENT_OWNER, "file"),
    "enhet.yaml": (CONTENT_OWNER, "file"),
    "inlamning.yaml": (CONTENT_OWNER, "file"),
    "inledning.md": (CONTENT_OWNER, "file"),
    "tema.yaml": (CONTENT_OWNER, "file"),
    "_bedomning": (CONTENT_OWNER, "file"),
    "_arkiv": (CONTENT_OWNER, "file"),
    "_beslut": (CONTENT_OWNER, "file"),
    "konsensus.xlsx": (CONTENT_OWNER, "file"),
    "utskrift.html": (OUTPUT_OWNER, "file"),
    "tabeller.xlsx": (OUTPUT_OWNER, "file"),
    "bedomning.xlsx": (OUTPUT_OWNER, "file"),
    "indikatorer.xlsx": (OUTPUT_OWNER, "file"),
    "media": (OUTPUT_OWNER, "folder="),
    "assets": (OUTPUT_OWNER, "folder="),
    "jamforelse": (OUTPUT_OWNER, "folder"),
}

# (file, name): spellings that are not the owner's name, each with the reason.
ALLOWED = {
    ("import/import_command.cc", "media"): "pandoc's --extract-media folder and the paths inside a .docx",
}

# (folders a file lies in, folders it may not include, why)
FORBIDDEN_INCLUDES = [
    (("load", "validate", "model"),
     ("render", "pipeline", "serve", "archive", "package", "import", "kolada", "scaffold", "schema"),
     "reading and checking content stays below the renderer and the commands"),
    (("render",), ("validate",), "the renderer takes what validation read (model/), it does not read content"),
    (("kolada",), ("render",), "kvalitet kolada does not need the renderer"),
    (("pipeline",), ("archive",), "the archive command runs the pipeline, not the other way round"),
]
# Library headers kept out of folders (the workbook library is the renderer's).
FORBIDDEN_SYSTEM_INCLUDES = [
    (("load", "validate", "model", "util"), "xlsxwriter.h", "validation needs no workbook library"),
]
ONLY_OWN_INCLUDES = ("util",)  # folders that include nothing of the project's but themselves


def split_code(text):
    """The string literals of C++ source (with their line numbers) and the text with comments
    removed; handles escapes, character literals and raw strings."""
    literals, i, line, n = [], 0, 1, len(text)
    while i < n:
        c = text[i]
        if c == "\n":
            line += 1
            i += 1
        elif text.startswith("//", i):
            i = text.find("\n", i)
            i = n if i < 0 else i
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            end = n if end < 0 else end + 2
            line += text.count("\n", i, end)
            i = end
        elif c == "R" and i + 1 < n and text[i + 1] == '"' and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")):
            open_paren = text.find("(", i + 2)
            delim = ")" + text[i + 2:open_paren] + '"'
            end = text.find(delim, open_paren)
            end = n if end < 0 else end
            literals.append((line, text[open_paren + 1:end]))
            line += text.count("\n", i, end)
            i = end + len(delim)
        elif c == '"' or c == "'":
            j, buf = i + 1, []
            while j < n and text[j] != c and text[j] != "\n":
                if text[j] == "\\" and j + 1 < n:
                    buf.append(text[j:j + 2])
                    j += 2
                else:
                    buf.append(text[j])
                    j += 1
            if c == '"':
                literals.append((line, "".join(buf)))
            i = j + 1
        else:
            i += 1
    return literals


def name_found(name, kind, literal):
    if kind.startswith("folder"):
        if kind == "folder=" and literal == name:
            return True
        return re.search(r'(^|[/\s"(])' + re.escape(name) + "/", literal) is not None
    return re.search(r'(^|[/\s"(\\])' + re.escape(name) + r'(?![\w.-])', literal) is not None


def sources(generator):
    for folder, _, files in os.walk(generator):
        for f in sorted(files):
            if f.endswith((".cc", ".h")):
                path = os.path.join(folder, f)
                yield os.path.relpath(path, generator).replace(os.sep, "/"), path


def folder_of(rel):
    return rel.split("/")[0] if "/" in rel else None


def check(root):
    generator = os.path.join(root, "generator")
    if not os.path.isdir(generator):
        return [f"{generator}: no such folder"]
    folders = {d for d in os.listdir(generator) if os.path.isdir(os.path.join(generator, d))}
    failures, edges = [], {}
    for rel, path in sorted(sources(generator)):
        with open(path, encoding="utf-8", errors="replace") as f:
            text = f.read()
        owner_of_file = rel.rsplit(".", 1)[0]
        # (a) names
        for line, literal in split_code(text):
            for name, (owner, kind) in NAMES.items():
                if owner_of_file == owner or (rel, name) in ALLOWED:
                    continue
                if name_found(name, kind, literal):
                    failures.append(f'generator/{rel}:{line}: "{literal}" spells {name}, which only generator/{owner}.{{h,cc}} may')
        # (b) includes, and the edges of (c)
        src = folder_of(rel)
        for number, text_line in enumerate(text.split("\n"), 1):
            m = re.match(r'\s*#\s*include\s+([<"])([^>"]+)[>"]', text_line)
            if not m:
                continue
            inc = m.group(2)
            if m.group(1) == "<":
                for froms, header, why in FORBIDDEN_SYSTEM_INCLUDES:
                    if src in froms and inc == header:
                        failures.append(f"generator/{rel}:{number}: includes <{inc}>: {why}")
                continue
            dst = folder_of(inc)
            if src is None or dst is None or dst == src:
                continue
            if dst in folders:
                edges.setdefault(src, {}).setdefault(dst, f"generator/{rel}:{number} includes {inc}")
            for froms, tos, why in FORBIDDEN_INCLUDES:
                if src in froms and dst in tos:
                    failures.append(f"generator/{rel}:{number}: includes {inc}: {src}/ may not include {dst}/ ({why})")
            if src in ONLY_OWN_INCLUDES:
                failures.append(f"generator/{rel}:{number}: includes {inc}: {src}/ includes nothing of the project's but {src}/")
    # (c) cycles between folders: each strongly connected group of folders once
    failures += [f"folder include cycle: {c}" for c in cycles(edges)]
    failures += test_names(os.path.join(root, "tests"))
    return failures


def test_names(tests):
    """ctest finds the Catch2 cases by name and splits a name at ';' (a CMake list): such a
    case would run under names that match nothing, and fail in ctest only."""
    found = []
    for name in sorted(os.listdir(tests)) if os.path.isdir(tests) else []:
        if not name.endswith(".cc"):
            continue
        with open(os.path.join(tests, name), encoding="utf-8", errors="replace") as f:
            for number, line in enumerate(f, 1):
                m = re.search(r'TEST_CASE\(\s*"((?:[^"\\]|\\.)*)"', line)
                if m and ";" in m.group(1):
                    found.append(f"tests/{name}:{number}: the test name has a ';', which ctest splits it at: {m.group(1)}")
    return found


def cycles(edges):
    """One readable cycle per strongly connected group of folders (Tarjan), e.g.
    "a/ -> b/ -> a/ (generator/a/x.cc:3 includes b/y.h; generator/b/y.h:5 includes a/z.h)"."""
    index, low, stack, on_stack, groups, counter = {}, {}, [], set(), [], [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(edges.get(v, {})):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                groups.append(set(group))

    for v in sorted(set(edges) | {w for ws in edges.values() for w in ws}):
        if v not in index:
            visit(v)
    out = []
    for group in groups:
        start = min(group)
        path = shortest_cycle(edges, start, group)
        hops = "; ".join(edges[a][b] for a, b in zip(path, path[1:]))
        out.append(" -> ".join(p + "/" for p in path) + f" ({hops})")
    return sorted(out)


def shortest_cycle(edges, start, group):
    paths, seen = [[start]], {start}
    while paths:
        nxt = []
        for p in paths:
            for w in sorted(edges.get(p[-1], {})):
                if w == start:
                    return p + [start]
                if w in group and w not in seen:
                    seen.add(w)
                    nxt.append(p + [w])
        paths = nxt
    return [start, start]


if __name__ == "__main__":
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    sys.exit(verdict(check(root)))
