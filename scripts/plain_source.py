"""Turns a statement file into the plain text a reader should find on the
leaflet, for the typometer's fidelity check: front matter values that are
printed (title, subtitle, date, author, imprint) in the order handbill sets
them, Markdown markup removed, and list markers written as the bullet handbill
prints for them. Independent of handbill's code on purpose: a simple reading
of the documented rules.

The head's meta lines (the lines after the headline, up to the first line
that ends like a sentence) follow handbill's clipping rules: a clock time
right after a numeric date at the end of a line is dropped; with a front
matter date, a line that is only a numeric date gives way to it; a "•"
opening the first meta line is dropped; an unambiguous numeric date (year
first, dotted, or a day over 12) is written the language's way. The
language is the front matter's `lang`, else `--lang`, else English; dates
are mirrored for en, en-US, de, fr and sr (Latin and Cyrillic), the
samples' languages, and left as written for others. A one-line paragraph
under the headline that repeats it before a dash or colon gives the
subtitle what follows (the repeat is left off, with a warning).

Usage: plain_source.py SRC [--lang TAG]
"""
import re
import sys

CLOCK = r"\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:[AaPp]\.?[Mm]\.?))?"
MONTHS = {
    "en": "January February March April May June July August September October November December",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "sr-latn": "januar februar mart april maj jun jul avgust septembar oktobar novembar decembar",
    "sr-cyrl": "јануар фебруар март април мај јун јул август септембар октобар новембар децембар",
}


def day_count(y, m):
    if m == 2:
        return 29 if (y % 4 == 0 and y % 100 != 0) or y % 400 == 0 else 28
    return 30 if m in (4, 6, 9, 11) else 31


def numeric(word):
    """(y, m, d) for a numeric date whose order is certain, "ambiguous" when
    day-first and month-first are both dates, None when it is no date."""
    m = re.fullmatch(r"(\d{1,4})([-/.])(\d{1,2})\2(\d{1,4})", word[:-1] if word.endswith(".") and word.count(".") == 3 else word)
    if not m:
        return None
    a, sep, b, c = m.group(1), m.group(2), m.group(3), m.group(4)
    if len(a) == 4:
        y, mo, d = int(a), int(b), int(c)
        ok = len(c) <= 2 and 1 <= mo <= 12 and 1 <= d <= day_count(y, mo)
        return (y, mo, d) if ok else None
    if len(a) > 2 or len(c) not in (2, 4):
        return None
    a, b, y = int(a), int(b), int(c) + (2000 if len(c) == 2 else 0)
    ok = lambda mo, d: 1 <= mo <= 12 and 1 <= d <= day_count(y, mo)
    if sep == ".":
        return (y, b, a) if ok(b, a) else None
    if ok(b, a) and ok(a, b):
        return (y, b, a) if a == b else "ambiguous"
    if ok(b, a):
        return (y, b, a)
    return (y, a, b) if ok(a, b) else None


def drop_clock(line):
    """`line` without a clock time that ends it right after a numeric date."""
    m = re.search(r"(\S+?),?\s+" + CLOCK + r"\s*$", line)
    if m and numeric(m.group(1)):
        return line[: m.start(1)] + m.group(1)
    return line


def written(ymd, lang):
    """The date as handbill writes it in `lang`, or None."""
    y, m, d = ymd
    tag = lang.lower()
    key = "sr-cyrl" if tag.startswith("sr") and "cyrl" in tag else tag.split("-")[0]
    key = "sr-latn" if key == "sr" else key
    if key not in MONTHS:
        return None
    month = MONTHS[key].split()[m - 1]
    if tag == "en-us":
        return f"{month} {d}, {y}"
    if key == "fr":
        return f"{'1er' if d == 1 else d} {month} {y}"
    if key == "de":
        return f"{d}. {month} {y}"
    if key.startswith("sr"):
        return f"{d}. {month} {y}."
    return f"{d} {month} {y}"


def tidy_meta(lines, lang, front_date):
    """The head's meta lines after the clipping rules (see above)."""
    out = []
    for i, line in enumerate(lines):
        line = drop_clock(line)
        if front_date and numeric(line.strip()):
            line = front_date
        if i == 0:
            line = re.sub(r"^\s*•\s*", "", line)
        words = []
        for w in line.split(" "):
            core = w[:-1] if w.endswith(",") else w
            ymd = numeric(core) if core != front_date else None
            new = written(ymd, lang) if isinstance(ymd, tuple) else None
            words.append(new + w[len(core):] if new else w)
        out.append(" ".join(words))
    return out


def head_lines(paras):
    """How many lines after the first paragraph's first line are meta lines:
    its own later lines and whole paragraphs after it, up to a line that
    ends like a sentence."""
    lines = paras[0].split("\n")[1:] if paras else []
    for p in paras[1:]:
        if any(re.search(r"[.,;:!?][\"'’”»)]*\s*$", l) for l in p.split("\n")):
            break
        lines.extend(p.split("\n"))
    return lines


def deck_after(headline, para):
    """What follows the separator of a one-line paragraph that repeats the
    headline before a dash, colon or bar ("Title – deck"): handbill sets it
    as the subtitle and leaves the repeat off with a warning. None when
    the paragraph is not such a line."""
    if "\n" in para or len(para) > 120 or re.search(r"[.,;:!?][\"'’”»)]*\s*$", para):
        return None
    want = alnum(headline)
    if not want:
        return None
    got, end = "", 0
    for i, c in enumerate(para):
        if len(got) >= len(want):
            break
        if c.isalnum():
            got += c.lower()
            end = i + 1
    if got != want or (end < len(para) and para[end].isalnum()):
        return None
    after = para[end:].lstrip()
    if not after or after[0] not in "–—-:|·":
        return None
    rest = after[1:].strip()
    return rest if any(c.isalpha() for c in rest) else None


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
    lang = front.get("lang") or (sys.argv[3] if sys.argv[2:3] == ["--lang"] else "en")
    md = path.endswith(".md")
    lines = text.splitlines()
    out = []
    for line in lines:
        if md:
            # A thematic break ("---", "***") is white space on the page.
            if re.fullmatch(r" {0,3}([-*_])( *\1){2,} *", line):
                line = ""
            line = re.sub(r"^#+\s+", "", line)
            line = re.sub(r"^>\s?", "", line)
            line = re.sub(r"\*\*|__|\*|_(?=\w)|(?<=\w)_", "", line)
            line = re.sub(r"\[([^\]]*)\]\(([^)]*)\)", r"\1 (\2)", line)
        line = re.sub(r"^(\s*)[-*–]\s+", r"\1• ", line)
        out.append(line)
    paras = [p for p in re.split(r"\n\s*\n", "\n".join(out)) if p.strip()]
    meta = head_lines(paras)
    if meta:
        tidy = iter(tidy_meta(meta, lang, front.get("date")))
        first = paras[0].split("\n")
        paras[0] = "\n".join(first[:1] + [next(tidy) for _ in first[1:]])
        k = 1
        while k < len(paras) and all(l in meta for l in paras[k].split("\n")):
            paras[k] = "\n".join(next(tidy) for _ in paras[k].split("\n"))
            k += 1
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
    if rest and "subtitle" not in front:
        deck = deck_after(head[0], rest[0])
        if deck:
            head.append(deck)
            rest = rest[1:]
    for key in ("subtitle", "date", "author"):
        v = front.get(key)
        if v and alnum(v) not in alnum(body):
            head.append(v)
    tail = [front["imprint"]] if "imprint" in front else []
    print("\n\n".join(head + rest + tail))


main(sys.argv[1])
