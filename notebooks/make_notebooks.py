#!/usr/bin/env python3
"""Builds the teaching notebooks (N-name.ipynb) from their sources in notebooks/src/.

Each notebook is one Markdown file, src/N-name.md: a ```java fence is a code cell, the text
between fences is a markdown cell (a line `+++` splits two markdown cells), and a code cell that
is only `// include: FILE` takes its source from src/FILE (the shared set-up, src/setup.jsh).

  python3 notebooks/make_notebooks.py            write the .ipynb files; a cell whose source
                                                 did not change keeps its outputs, the others
                                                 are left empty for run.sh to fill
  python3 notebooks/make_notebooks.py --clear    write them with no outputs at all
  python3 notebooks/make_notebooks.py --check    compare the committed .ipynb files with the
                                                 sources (cell types and sources, not outputs)
                                                 and their outputs with what a reader may see
                                                 (no machine path, no object identity);
                                                 exit 1 naming the first mismatch
  python3 notebooks/make_notebooks.py --scrub F  rewrite the executed notebook F: the kernel
                                                 prints absolute paths (%jar), made relative
                                                 (run.sh does it after each execution)

Standard library only.
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "src")
FENCE_OPEN = "```java"
FENCE_CLOSE = "```"
SPLIT = "+++"
INCLUDE = re.compile(r"^// include: (\S+)$")
KERNELSPEC = {"display_name": "Java (rapaio)", "language": "java",
              "name": "rapaio-jupyter-kernel"}
# What a committed output must not show: a path of the machine that ran it (a path starting at
# the root, not part of a relative one such as scenarios/workspaces/) or a Java object's identity.
UNCLEAN = [
    (re.compile(r"(?<![\w.~-])/(?:work|root|home|tmp|usr|opt|var|mnt|srv|Users)/"),
     "a machine path"),
    (re.compile(r"\b[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+@[0-9a-f]{4,}\b"),
     "an object identity (a cell that ends in an expression such as printf)"),
]


ANSI = re.compile(r"\x1b\[[0-9;]*m")


class SourceError(Exception):
    pass


def parse(path):
    """The cells of one source file, as a list of (cell_type, source text)."""
    cells = []
    text = []

    def flush_text():
        s = "\n".join(text).strip("\n")
        if s:
            cells.append(("markdown", s))
        text.clear()

    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        if line == FENCE_OPEN:
            flush_text()
            start = i
            i += 1
            code = []
            while i < len(lines) and lines[i] != FENCE_CLOSE:
                code.append(lines[i])
                i += 1
            if i == len(lines):
                raise SourceError("%s:%d: code cell not closed by %s"
                                  % (path, start + 1, FENCE_CLOSE))
            src = "\n".join(code).strip("\n")
            m = INCLUDE.match(src)
            if m:
                with open(os.path.join(SRC, m.group(1)), encoding="utf-8") as inc:
                    src = inc.read().strip("\n")
            cells.append(("code", src))
        elif line == SPLIT:
            flush_text()
        elif line.startswith(FENCE_CLOSE):
            raise SourceError("%s:%d: only %s opens a code cell" % (path, i + 1, FENCE_OPEN))
        else:
            text.append(line)
        i += 1
    flush_text()
    return cells


def sources():
    """{notebook name: cells}, in name order."""
    names = sorted(f[:-3] for f in os.listdir(SRC) if f.endswith(".md"))
    return {name: parse(os.path.join(SRC, name + ".md")) for name in names}


def lines_of(src):
    return src.splitlines(True)


def build(cells, old=None):
    """The notebook for `cells`; a cell equal to the same cell of `old` keeps its outputs."""
    old_cells = old["cells"] if old else []
    out = []
    for i, (kind, src) in enumerate(cells):
        c = {"cell_type": kind, "id": "c%02d" % i, "metadata": {}, "source": lines_of(src)}
        if kind == "code":
            c["execution_count"] = None
            c["outputs"] = []
        if i < len(old_cells):
            o = old_cells[i]
            if o.get("cell_type") == kind and "".join(o.get("source", [])) == src:
                for key in ("metadata", "execution_count", "outputs"):
                    if key in c and key in o:
                        c[key] = o[key]
        out.append(c)
    metadata = {"kernelspec": KERNELSPEC, "language_info": {"name": "java"}}
    if old and old.get("metadata", {}).get("kernelspec") == KERNELSPEC:
        metadata = old["metadata"]
    return {"cells": out, "metadata": metadata, "nbformat": 4, "nbformat_minor": 5}


def read_nb(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def write_nb(path, nb):
    # as nbformat writes it, so that executing a notebook changes only its outputs
    with open(path, "w", encoding="utf-8") as f:
        f.write(json.dumps(nb, sort_keys=True, indent=1, ensure_ascii=False) + "\n")


def output_texts(cell):
    """(where, text) of every text a code cell shows."""
    for k, o in enumerate(cell.get("outputs", [])):
        if "text" in o:
            yield "output %d" % k, "".join(o["text"])
        for mime, value in o.get("data", {}).items():
            if mime.startswith("text/"):
                yield "output %d (%s)" % (k, mime), "".join(value)


def first_difference(a, b):
    a, b = a.split("\n"), b.split("\n")
    for n, (x, y) in enumerate(zip(a, b)):
        if x != y:
            return n + 1, x, y
    n = min(len(a), len(b))
    return n + 1, a[n] if n < len(a) else "<end>", b[n] if n < len(b) else "<end>"


def check():
    """The first mismatch between the sources and the committed notebooks, or None."""
    want = sources()
    have = sorted(f[:-6] for f in os.listdir(HERE) if f.endswith(".ipynb"))
    for name in have:
        if name not in want:
            return "%s.ipynb has no source src/%s.md" % (name, name)
    for name, cells in want.items():
        path = os.path.join(HERE, name + ".ipynb")
        if not os.path.exists(path):
            return "%s.ipynb is missing (src/%s.md has it)" % (name, name)
        got = read_nb(path)["cells"]
        for i, (kind, src) in enumerate(cells):
            where = "%s.ipynb cell %d" % (name, i)
            if i >= len(got):
                return "%s: missing (the notebook has %d cells, the source %d)" % (
                    where, len(got), len(cells))
            if got[i].get("cell_type") != kind:
                return "%s: a %s cell, the source has a %s cell" % (
                    where, got[i].get("cell_type"), kind)
            committed = "".join(got[i].get("source", []))
            if committed != src:
                n, x, y = first_difference(committed, src)
                return "%s, line %d:\n  notebook: %s\n  source:   %s" % (where, n, x, y)
        if len(got) > len(cells):
            return "%s.ipynb: %d cells, the source has %d" % (name, len(got), len(cells))
        for i, cell in enumerate(got):
            for part, text in output_texts(cell):
                for pattern, what in UNCLEAN:
                    m = pattern.search(text)
                    if m:
                        line = text[:m.start()].count("\n")
                        shown = ANSI.sub("", text.split("\n")[line]).strip()
                        return "%s.ipynb cell %d, %s shows %s: %s" % (name, i, part, what, shown)
    return None


def scrub(path):
    """Makes the absolute paths the kernel printed in `path`'s outputs relative to it."""
    nb = read_nb(path)
    prefixes = {os.path.abspath(os.path.dirname(path)) + os.sep,
                os.path.realpath(os.path.dirname(path)) + os.sep}
    # the kernel runs in the notebook's own directory, which is not `path`'s with --output-dir
    prefixes.add(HERE + os.sep)
    prefixes.add(os.path.realpath(HERE) + os.sep)

    def clean(lines):
        out = []
        for s in lines:
            for p in sorted(prefixes, key=len, reverse=True):
                s = s.replace(p, "")
            out.append(s)
        return out

    for cell in nb["cells"]:
        for o in cell.get("outputs", []):
            if "text" in o:
                o["text"] = clean(o["text"])
            for mime in list(o.get("data", {})):
                if mime.startswith("text/"):
                    v = o["data"][mime]
                    o["data"][mime] = clean(v) if isinstance(v, list) else clean([v])[0]
    write_nb(path, nb)


def main(argv):
    if argv[:1] == ["--check"] and len(argv) == 1:
        try:
            problem = check()
        except SourceError as e:
            problem = str(e)
        if problem:
            print("notebooks: check failed: " + problem, file=sys.stderr)
            print("notebooks: run python3 notebooks/make_notebooks.py, then bash notebooks/run.sh",
                  file=sys.stderr)
            return 1
        print("notebooks: %d notebooks match their sources" % len(sources()))
        return 0
    if argv[:1] == ["--scrub"] and len(argv) > 1:
        for path in argv[1:]:
            scrub(path)
        return 0
    if argv not in ([], ["--clear"]):
        print(__doc__, file=sys.stderr)
        return 2
    for name, cells in sources().items():
        path = os.path.join(HERE, name + ".ipynb")
        old = read_nb(path) if os.path.exists(path) and not argv else None
        nb = build(cells, old)
        empty = sum(1 for c in nb["cells"] if c["cell_type"] == "code" and not c["outputs"]
                    and c["execution_count"] is None)
        write_nb(path, nb)
        print("%s.ipynb: %d cells%s" % (name, len(cells),
                                        ", %d to execute (run.sh)" % empty if empty else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
