#!/usr/bin/python3
"""The readability summary of `kvalitet check` on the example content, recomputed without it.

LIX (Björnsson 1968) is words per sentence plus 100 times the share of long words (more
than six letters), rounded to the nearest whole number. This script counts the running text
of each document's Markdown files itself: pandoc (not kvalitet's cmark-gfm) turns the text
into HTML, where data blocks (``` fences) become <pre> and are left out like tables; every
paragraph, heading and list item is a run of its own. In a run, words are separated by white
space and hold at least one letter or digit; a sentence ends at '.', '!', '?' or ':' before
white space or the run's end, and the run's end closes an unfinished sentence (util/lix.h
states the same rules). Each document's LIX, its band, its hardest part and every part's LIX
must be what `check` prints.

Usage: lix_example.py KVALITET CONTENT TEMPLATES [--print]
"""
import html.parser
import math
import pathlib
import re
import subprocess
import sys

from verdict import verdict

BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "dd", "dt", "div", "ul", "ol", "br",
          "figcaption", "caption"}
SKIPPED = {"table", "pre"}
TERMINATORS = ".!?:"


class Runs(html.parser.HTMLParser):
    """The runs of running text in HTML: text between block boundaries, outside tables and code."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.runs, self.run, self.skip = [], "", 0

    def flush(self):
        if self.run.strip():
            self.runs.append(self.run)
        self.run = ""

    def handle_starttag(self, tag, attrs):
        if tag in SKIPPED:
            self.skip += 1
        if tag in BLOCKS or tag in SKIPPED:
            self.flush()

    def handle_endtag(self, tag):
        if tag in SKIPPED:
            self.skip -= 1
        if tag in BLOCKS or tag in SKIPPED:
            self.flush()

    def handle_data(self, data):
        if not self.skip:
            self.run += data


def count(runs):
    words = long_words = sentences = 0
    for run in runs:
        open_sentence = False
        tokens = run.split()
        for token in tokens:
            letters = sum(1 for c in token if c.isalnum())
            if letters:
                words += 1
                long_words += letters > 6
                open_sentence = True
            if token[-1] in TERMINATORS and open_sentence:
                sentences += 1
                open_sentence = False
        if open_sentence:
            sentences += 1
    return words, long_words, sentences


def lix(counts):
    words, long_words, sentences = counts
    if words == 0:
        return 0
    return math.floor(words / max(1, sentences) + 100 * long_words / words + 0.5)  # half up


def band(value):
    # Björnsson's scale, as the summary's own heading gives it.
    if value < 25:
        return "mycket lättläst"
    if value < 30:
        return "lättläst"
    if value < 40:
        return "medelsvår"
    if value < 50:
        return "svår"
    return "mycket svår"


def add(a, b):
    return tuple(x + y for x, y in zip(a, b))


def part_counts(path):
    text = path.read_text(encoding="utf-8")
    number = 0
    front = re.match(r"---\n(.*?)\n---\n", text, re.S)
    if front:
        text = text[front.end():]
        m = re.search(r"^\w+: *(\d+) *$", front.group(1), re.M)
        number = int(m.group(1)) if m else 0
    out = subprocess.run(["pandoc", "-f", "commonmark_x", "-t", "html"], input=text, capture_output=True,
                         text=True, check=True).stdout
    parser = Runs()
    parser.feed(out)
    parser.close()
    parser.flush()
    return number, count(parser.runs)


def expected_summary(content):
    """{url: (document line, per-part line)} as `check` should print them."""
    lines = {}
    for inlamning in sorted(content.glob("*/*/*/inlamning.yaml")):
        folder = inlamning.parent
        unit, year, doc = folder.parts[-3:]
        parts = sorted(part_counts(p) for p in folder.glob("*.md"))
        parts = [(n, c) for n, c in parts if c[0] > 0]
        if not parts:
            continue
        whole = (0, 0, 0)
        for _, c in parts:
            whole = add(whole, c)
        hardest = parts[0]
        for p in parts:
            if lix(p[1]) > lix(hardest[1]):
                hardest = p
        lines[f"{year}/{unit}/{doc}"] = (lix(whole), band(lix(whole)), hardest[0], lix(hardest[1]),
                                         [(n, lix(c)) for n, c in parts])
    return lines


def main():
    kvalitet, content, templates = sys.argv[1], pathlib.Path(sys.argv[2]), sys.argv[3]
    expected = expected_summary(content)
    if "--print" in sys.argv:
        for url, e in expected.items():
            print(url, e)
    r = subprocess.run([kvalitet, "check", str(content), "--templates", templates], capture_output=True, text=True)
    failures = []
    if r.returncode != 0:
        failures.append(f"check exited with {r.returncode}: {r.stderr}")
    out = r.stdout
    for url, (whole, name, hardest, hardest_lix, parts) in expected.items():
        m = re.search(r"^  " + re.escape(url) + r": LIX (\d+) \(([^)]*)\); svårast (.*) med LIX (\d+)\n"
                      r"    per \w+: (.*)$", out, re.M)
        if not m:
            failures.append(f"{url}: no readability line in: {out}")
            continue
        if (int(m.group(1)), m.group(2)) != (whole, name):
            failures.append(f"{url}: check says LIX {m.group(1)} ({m.group(2)}), counted {whole} ({name})")
        if int(m.group(4)) != hardest_lix or (hardest == 0) != (m.group(3) == "inledningen") or \
                (hardest != 0 and not re.match(r"\w+ " + str(hardest) + r"\b", m.group(3))):
            failures.append(f"{url}: check says hardest {m.group(3)} with {m.group(4)}, counted part {hardest} with {hardest_lix}")
        each = ", ".join(f"{n}: {v}" for n, v in parts if n != 0)
        intro = [v for n, v in parts if n == 0]
        per = each + (f"; inledningen {intro[0]}" if intro else "")
        if m.group(5) != per:
            failures.append(f"{url}: check says per part {m.group(5)!r}, counted {per!r}")
    if not expected:
        failures.append("no document with running text found in " + str(content))
    return verdict(failures)


if __name__ == "__main__":
    sys.exit(main())
