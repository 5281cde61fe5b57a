"""What the Word and LibreOffice import tests share: the parts a structure names, and a content
folder with only site.yaml, for `kvalitet importera` to write a new unit into."""
import shutil
from pathlib import Path

import yaml


def structure(repo, name):
    return yaml.safe_load((Path(repo) / "templates/structures" / f"{name}.yaml").read_text(encoding="utf-8"))


def part_titles(st, parts="frågor"):
    """{number: title} of every part the structure lists under its areas."""
    return {q["nr"]: q["titel"] for area in st["områden"] for q in area[parts]}


def empty_content(tmp, repo):
    content = Path(tmp) / "content"
    content.mkdir()
    shutil.copy(Path(repo) / "content/site.yaml", content / "site.yaml")
    return content
