"""Turns a statement file into the plain text a reader should find on the
leaflet, for the typometer's fidelity check: front matter values that are
printed (title, subtitle, date, author, imprint) in the order handbill sets
them, Markdown markup removed, and list markers written as the bullet handbill
prints for them. Independent of handbill's code on purpose: a simple reading
of the documented rules.
"""
import re
import sys


def alnum(s):
    return "".join(c.lower() for c in s if c.isalnum())


def main(path):
    text = open(path, encoding="utf-8").read().replace("\r\n", "\n")
    front = {}
    if text.startswith("+++\n"):
        end = text.index("\n+++", 4)
        for line in text[4:end].splitlines():
            m = re.match(r'\s*(\w+)\s*=\s*"(.*)"\s*$', line)
            if m:
                front[m.group(1)] = m.group(2)
        text = text[end + 4 :].lstrip("\n")
    md = path.endswith(".md")
    lines = text.splitlines()
    out = []
    for line in lines:
        if md:
            line = re.sub(r"^#+\s+", "", line)
            line = re.sub(r"^>\s?", "", line)
            line = re.sub(r"\*\*|__|\*|_(?=\w)|(?<=\w)_", "", line)
            line = re.sub(r"\[([^\]]*)\]\(([^)]*)\)", r"\1 (\2)", line)
        line = re.sub(r"^(\s*)[-*–]\s+", r"\1• ", line)
        out.append(line)
    paras = [p for p in re.split(r"\n\s*\n", "\n".join(out)) if p.strip()]
    body = "\n\n".join(paras)
    head = []
    title = front.get("title")
    if title and (not paras or alnum(paras[0]) != alnum(title)):
        head.append(title)
    first, rest = (paras[0], paras[1:]) if paras else ("", [])
    if not head:
        head.append(first)
    else:
        rest = paras
    for key in ("subtitle", "date", "author"):
        v = front.get(key)
        if v and alnum(v) not in alnum(body):
            head.append(v)
    tail = [front["imprint"]] if "imprint" in front else []
    print("\n\n".join(head + rest + tail))


main(sys.argv[1])
