#!/usr/bin/env python3
"""Writes the seed corpus of every fuzz target from the project's own test material.

Usage: corpus.py REPO_ROOT OUT_DIR

Sources, all in the repository (never ../shared): the fixture files of Tests/*/Fixtures, the
bundled seed (seeds/*.txt), and the texts written inline in the tests (multi-line string
literals, and one-line strings that read as sentences or markup). The reader's key target
gets the key presses and typed text of the reader's tests and of the end-to-end tests, each
test function one sequence. Each seed is prefixed with the bytes its target reads first
(see each target's comment in Fuzz/Sources). The output is the same for the same sources.
"""
import gzip
import hashlib
import os
import re
import sys

root, out = sys.argv[1], sys.argv[2]

# Ingest routes (index into Route.all in Fuzz/Sources/fuzz-ingest): detected, detected as
# .md, forced text, markdown, html, rss, atom, jsonfeed.
DETECT, DETECT_MD, TEXT, MARKDOWN, HTML, RSS, ATOM, JSONFEED = 0, 1, 4, 5, 6, 8, 9, 11


def unescape(s):
    """A Swift string literal's escapes: \\u{...}, \\n, \\t, \\r, \\0, \\", \\', \\\\ (interpolations stay as text)."""
    def repl(m):
        e = m.group(1)
        if e.startswith("u{"):
            return chr(int(e[2:-1], 16))
        return {"n": "\n", "t": "\t", "r": "\r", "0": "\0", '"': '"', "'": "'", "\\": "\\"}.get(e, "\\" + e)
    return re.sub(r'\\(u\{[0-9A-Fa-f]+\}|.)', repl, s)


def literals(source):
    """Multi-line literals (indentation of the closing quotes removed, line continuations
    joined), then one-line literals of 30 characters or more."""
    found = []
    for m in re.finditer(r'#?"""\n(.*?)\n([ \t]*)"""', source, re.S):
        indent = m.group(2)
        lines = [l[len(indent):] if l.startswith(indent) else l.lstrip() for l in m.group(1).split("\n")]
        body = "\n".join(lines).replace("\\\n", "")
        found.append(body if m.group(0).startswith("#") else unescape(body))
    single = re.sub(r'#?"""\n.*?\n[ \t]*"""', "", source, flags=re.S)
    for m in re.finditer(r'"((?:[^"\\\n]|\\.){30,})"', single):
        found.append(unescape(m.group(1)))
    return found


def ingest_routes(name, data):
    """The detecting route, and the reader the content or the name is for."""
    head = data.lstrip()[:200].lower()
    if head.startswith(b"{"):
        forced = JSONFEED
    elif b"<rss" in head or b"<rdf" in head or b"<?xml" in head and b"<feed" not in head:
        forced = RSS
    elif b"<feed" in head:
        forced = ATOM
    elif head.startswith(b"<"):
        forced = HTML
    elif name.endswith((".md", ".markdown")) or head.startswith(b"---") or head.startswith(b"#"):
        forced = MARKDOWN
    else:
        forced = TEXT
    return [DETECT_MD if forced == MARKDOWN else DETECT, forced]


written = {}


def write(target, data):
    folder = os.path.join(out, target)
    os.makedirs(folder, exist_ok=True)
    name = hashlib.sha1(data).hexdigest()
    if (target, name) in written:
        return
    written[(target, name)] = True
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


# Documents: fixture files, the seed, and the texts inline in the tests.
documents = []
for dirpath, _, files in sorted(os.walk(os.path.join(root, "Tests"))):
    if "/Fixtures" in dirpath or dirpath.endswith("Fixtures"):
        for f in sorted(files):
            with open(os.path.join(dirpath, f), "rb") as h:
                documents.append((f, h.read()))
for f in sorted(os.listdir(os.path.join(root, "seeds"))):
    if f.endswith(".txt"):
        with open(os.path.join(root, "seeds", f), "rb") as h:
            documents.append((f, h.read()))
for dirpath, _, files in sorted(os.walk(os.path.join(root, "Tests"))):
    for f in sorted(files):
        if f.endswith(".swift"):
            with open(os.path.join(dirpath, f), encoding="utf-8") as h:
                for text in literals(h.read()):
                    documents.append((f, text.encode("utf-8", "surrogatepass")))

for name, data in documents:
    if not data:
        continue
    for route in ingest_routes(name, data):
        write("ingest", bytes([route]) + data)
    # Articles of prose (not markup or JSON) for the analyses and the wrapper.
    if data.lstrip()[:1] in (b"<", b"{"):
        continue
    write("analysis", b"\x00" + data)
    write("analysis", b"\x01" + data[:2000])
    # 2011-12-02 (year byte 211, month 12 and day 2: 11 + 12 * 1), and no date.
    write("time", bytes([211, 23]) + data)
    write("time", bytes([0, 0]) + data[:2000])
    for paragraph in data.split(b"\n\n")[:4]:
        if paragraph.strip():
            for width in (7, 40):
                write("wrap", bytes([width, 0]) + paragraph[:1500])
# Gzip: the seed compressed, read through detection.
with open(os.path.join(root, "seeds", sorted(f for f in os.listdir(os.path.join(root, "seeds")) if f.endswith(".txt"))[0]), "rb") as h:
    write("ingest", bytes([DETECT]) + gzip.compress(h.read(), mtime=0))

# The reader: key names as the tests write them (Key(name:) in BylineUI) to the bytes
# fuzz-keys reads; tmux key names of the end-to-end tests too.
KEYS = {
    "enter": b"\r", "Enter": b"\r", "esc": b"\x1b", "Escape": b"\x1b", "tab": b"\t", "Tab": b"\t",
    "backspace": b"\x7f", "BSpace": b"\x7f", "space": b" ", "Space": b" ",
    "up": b"\x80", "Up": b"\x80", "down": b"\x81", "Down": b"\x81", "left": b"\x82", "Left": b"\x82",
    "right": b"\x83", "Right": b"\x83", "pgup": b"\x84", "PPage": b"\x84", "PageUp": b"\x84",
    "pgdn": b"\x85", "NPage": b"\x85", "PageDown": b"\x85", "home": b"\x86", "Home": b"\x86",
    "end": b"\x87", "End": b"\x87", "shift-tab": b"\x8a", "BTab": b"\x8a",
}


def key_bytes(name):
    if name in KEYS:
        return KEYS[name]
    m = re.fullmatch(r"(?:ctrl-|C-)([a-z])", name)
    if m:
        return bytes([ord(m.group(1)) - 0x60])
    if len(name) == 1 and 0x20 <= ord(name) < 0x7F:
        return name.encode()
    return b""


with open(os.path.join(root, "Sources/BylineUI/Input/Keymap.swift"), encoding="utf-8") as h:
    keymap = h.read()
commands = re.findall(r"^    case (\w+)", keymap.split("public enum Group")[0], re.M)
for dirpath in ("Tests/BylineUITests", "Tests/BylineEndToEndTests"):
    for dirpath2, _, files in sorted(os.walk(os.path.join(root, dirpath))):
        for f in sorted(files):
            if not f.endswith(".swift"):
                continue
            with open(os.path.join(dirpath2, f), encoding="utf-8") as h:
                source = h.read()
            for body in re.split(r"@Test", source)[1:]:
                sequence = b""
                for m in re.finditer(r'\b(press|keys|type|run|resize)\((.*?)\)\s*$', body, re.M):
                    kind, args = m.group(1), m.group(2)
                    if kind in ("press", "keys"):
                        for name in re.findall(r'"((?:[^"\\]|\\.)*)"', args):
                            sequence += key_bytes(unescape(name))
                    elif kind == "type":
                        for text in re.findall(r'"((?:[^"\\]|\\.)*)"', args):
                            sequence += unescape(text).encode("ascii", "ignore")
                    elif kind == "run":
                        c = re.match(r"\s*\.(\w+)", args)
                        if c and c.group(1) in commands:
                            sequence += bytes([0x90, commands.index(c.group(1))])
                for m in re.finditer(r"Size\(width: (\d+), height: (\d+)\)", body):
                    sequence += bytes([0x8F, (int(m.group(1)) - 1) % 220, (int(m.group(2)) - 1) % 80])
                if sequence:
                    write("keys", sequence)
# And every binding of the standard keymap once, in order.
table = keymap.split("let table")[1].split("]\n        for")[0]
write("keys", b"".join(key_bytes(k) for k in re.findall(r'"([^"]+)"', table)))

for target in sorted({t for t, _ in written}):
    print(f"{target}: {sum(1 for t, _ in written if t == target)} seeds")
