#!/usr/bin/python3
"""kvalitet arkiv: the example's 2018 package verified as an archive would verify it.

  archive_check.py <kvalitet-binary> <content> <templates>

sha256sum -c from the package's root accepts both manifests; bag-info.txt's Payload-Oxum
counts the payload; the manifest lists every payload file; a page changed afterwards makes
sha256sum -c fail on that file; every link of every page leads into the package or to the
public address given; without an address the command says what to do.
"""
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from verdict import verdict

BASE = "https://example.org/kv/"


def run(args, **kw):
    return subprocess.run(args, capture_output=True, text=True, **kw)


def links(html):
    return re.findall(r' (?:href|src|action)="([^"]*)"', html)


def check(binary, content, templates):
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        r = run([binary, "arkiv", "2018", content, "--templates", templates, "-o", str(tmp / "site"),
                 "--arkiv", str(tmp / "arkiv"), "--adress", BASE, "-q"])
        if r.returncode != 0:
            return [f"kvalitet arkiv failed ({r.returncode}): {r.stderr}"]
        bag = tmp / "arkiv" / "kvalitet-2018"
        for manifest in ("manifest-sha256.txt", "tagmanifest-sha256.txt"):
            v = run(["sha256sum", "--strict", "-c", manifest], cwd=bag)
            if v.returncode != 0 or "FAILED" in v.stdout:
                failures.append(f"sha256sum -c {manifest}: {v.stdout[-500:]} {v.stderr[-500:]}")
        payload = sorted(p.relative_to(bag).as_posix() for p in (bag / "data").rglob("*") if p.is_file())
        listed = sorted(line.split("  ", 1)[1] for line in (bag / "manifest-sha256.txt").read_text().splitlines())
        if payload != listed:
            failures.append(f"manifest and payload differ: {set(payload) ^ set(listed)}")
        size = sum((bag / p).stat().st_size for p in payload)
        info = (bag / "bag-info.txt").read_text()
        if f"Payload-Oxum: {size}.{len(payload)}\n" not in info:
            failures.append(f"Payload-Oxum is not {size}.{len(payload)}: {info}")
        # Every PDF/A of the year, by default: one per document, declaring PDF/A-2 in its metadata.
        pdfs = [p for p in payload if p.endswith(".pdf")]
        if not pdfs or not all(p.startswith("data/webbplats/2018/") for p in pdfs):
            failures.append(f"the year's PDFs are not in the package: {pdfs}")
        for p in pdfs:
            if not re.search(rb'pdfaid:part(?:>|=")2', (bag / p).read_bytes()):
                failures.append(f"{p} does not declare PDF/A-2")
        if "BagIt-Version: 1.0\n" not in (bag / "bagit.txt").read_text():
            failures.append("bagit.txt does not declare BagIt-Version 1.0")
        # Every link: inside the package (the file exists), the public address, or elsewhere.
        web = bag / "data" / "webbplats"
        pages = list(web.rglob("*.html"))
        if len(pages) < 20:
            failures.append(f"only {len(pages)} pages in the package")
        for page in pages:
            for ref in links(page.read_text()):
                if ref.startswith(BASE) or re.match(r"^[a-z]+:|^#", ref) or ref == "":
                    continue
                target = (page.parent / ref.split("#")[0].split("?")[0]).resolve()
                if target.is_dir():
                    target = target / "index.html"
                if not str(target).startswith(str(web.resolve())) or not target.exists():
                    failures.append(f"{page.relative_to(web)}: {ref} leads out of the package")
                    break
        # Tampering: one changed page and sha256sum -c names it.
        victim = web / "2018" / "skarholmen-omsorg-om-aldre" / "kvalitetsutmarkelsen" / "fraga-02" / "index.html"
        victim.write_text(victim.read_text().replace("delaktiga", "DELAKTIGA", 1))
        v = run(["sha256sum", "-c", "manifest-sha256.txt"], cwd=bag)
        if v.returncode == 0 or "fraga-02/index.html: FAILED" not in v.stdout:
            failures.append(f"a changed page was not caught: {v.stdout[-300:]}")
        # No address: what to do, and no package.
        r = run([binary, "arkiv", "2018", content, "--templates", templates, "-o", str(tmp / "site2"),
                 "--arkiv", str(tmp / "arkiv2"), "--utan-pdf", "-q"])
        if r.returncode != 1 or "arkivpaketet behöver webbplatsens publika adress" not in r.stderr or (tmp / "arkiv2" / "kvalitet-2018").exists():
            failures.append(f"without an address: status {r.returncode}, {r.stderr}")
        # --utan-pdf: the same package without its PDFs (where WeasyPrint is missing).
        r = run([binary, "arkiv", "2018", content, "--templates", templates, "-o", str(tmp / "site3"),
                 "--arkiv", str(tmp / "arkiv3"), "--adress", BASE, "--utan-pdf", "-q"])
        listed = (tmp / "arkiv3" / "kvalitet-2018" / "manifest-sha256.txt")
        if r.returncode != 0 or not listed.exists() or ".pdf" in listed.read_text():
            failures.append(f"--utan-pdf: status {r.returncode}, PDFs in the package or no package: {r.stderr}")
    return failures


def main():
    binary, content, templates = sys.argv[1:4]
    failures = check(binary, content, templates)
    return verdict(failures)


if __name__ == "__main__":
    sys.exit(main())
