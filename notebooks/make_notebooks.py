#!/usr/bin/env python3
"""Writes the teaching notebooks (without outputs); run.sh executes them and stores the outputs.

Edit the cells here, then: python3 notebooks/make_notebooks.py && bash notebooks/run.sh
"""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))

SETUP = r'''
import org.cratesim.scenario.*;
import org.cratesim.cargo.*;
import org.cratesim.report.*;
import org.cratesim.model.*;
import org.cratesim.strategy.*;
import java.nio.file.*;
import java.util.*;

Path repo = Path.of("..").toAbsolutePath().normalize();
Scenario read(String rel) throws Exception { return ScenarioReader.read(repo.resolve(rel)); }
Scenario parse(String toml) throws Exception { return ScenarioReader.parse(toml, "notebook.toml"); }
BuildResult sim(Scenario sc) { return BuildSimulator.simulate(sc); }
Scenario jobs(Scenario sc, int j) { return sc.withBuild(sc.build().withJobs(j)); }
Scenario set(Scenario sc, String key, String value) { return ScenarioOverrides.apply(sc, Map.of(key, value)); }
double wall(Scenario sc) { return sim(sc).wallNanos() / 1e9; }
void img(java.awt.image.BufferedImage image) { org.rapaio.jupyter.kernel.global.Global.display(image); }
void show(Scenario sc) {
  BuildResult r = sim(sc);
  img(TimelineImage.render(sc.name(), r, 900));
  System.out.printf(Locale.ROOT, "wall %.2f s | critical-path bound %.2f s | start-up + work/jobs bound %.2f s | utilisation %.0f %%%n",
      r.wallNanos() / 1e9, r.criticalPathNanos() / 1e9, r.workBoundNanos() / 1e9, 100 * r.utilisation());
}
'''


def nb(cells):
    out = []
    for i, (kind, src) in enumerate(cells):
        c = {"cell_type": kind, "id": "c%02d" % i, "metadata": {},
             "source": src.strip("\n").splitlines(True)}
        if kind == "code":
            c["execution_count"] = None
            c["outputs"] = []
        out.append(c)
    return {"cells": out,
            "metadata": {"kernelspec": {"display_name": "Java (rapaio)", "language": "java",
                                        "name": "rapaio-jupyter-kernel"},
                         "language_info": {"name": "java"}},
            "nbformat": 4, "nbformat_minor": 5}


def head(title, text):
    return [("markdown", "# " + title + "\n\n" + text),
            ("code", "%jar ../sim/target/cratesim.jar"),
            ("code", SETUP)]


NOTEBOOKS = {}

NOTEBOOKS["1-critical-path-and-cores"] = head(
    "1. The critical path, cores, and a scheduling anomaly",
    """A build is a graph of units (one rustc invocation each). Two numbers bound its wall time
from below: the **critical path** (the longest chain of dependent work: no number of cores
beats it) and **start-up + total work ÷ jobs** (the cores must do all the work). Amdahl's law in
one picture: more cores push the second bound down until the first one takes over.""") + [
    ("markdown", "The teaching graph `scenarios/tiny.toml` at -j4: libraries start on their dependency's `.rmeta` (pipelining), the bin waits for every library in full."),
    ("code", 'Scenario tiny = read("scenarios/tiny.toml");\nshow(tiny);'),
    ("markdown", "Now the same build on 1 to 8 cores, with both lower bounds:"),
    ("code", r'''
Map<String, double[][]> lines = new LinkedHashMap<>();
double[][] w = new double[8][], cp = new double[8][], wb = new double[8][];
for (int j = 1; j <= 8; j++) {
  BuildResult r = sim(jobs(tiny, j));
  w[j - 1] = new double[] {j, r.wallNanos() / 1e9};
  cp[j - 1] = new double[] {j, r.criticalPathNanos() / 1e9};
  wb[j - 1] = new double[] {j, r.workBoundNanos() / 1e9};
}
lines.put("simulated wall time", w);
lines.put("critical-path bound", cp);
lines.put("start-up + work / jobs", wb);
img(Charts.lines("tiny: wall time against jobs", "jobs (-j)", "seconds", lines, 800, 420));
'''),
    ("markdown", """From -j4 on, the wall time sits on the critical-path bound: extra cores idle.

**An anomaly.** List scheduling is greedy: a free token is given to whatever is ready. More
tokens can start the wrong work early and make the build *slower*. `scenarios/anomaly.toml` was
found by a random search over small graphs:"""),
    ("code", r'''
Scenario anomaly = read("scenarios/anomaly.toml");
for (int j = 1; j <= 6; j++) System.out.printf(Locale.ROOT, "-j%d: %.1f s%n", j, wall(jobs(anomaly, j)));
'''),
    ("code", "show(jobs(anomaly, 3));\nshow(jobs(anomaly, 4));"),
    ("markdown", """At -j4, c5 starts at 4 s on the extra token and still holds one when c6 (the head of the
longest remaining chain) becomes ready at 7 s; c6 waits until 9 s. At -j3, c6 started at 8 s.
So never assume "more cores is never slower".

**Remember:** the wall time is at least the critical path and at least the work divided by the
cores; past the point where the critical path binds, cores buy nothing.

### Exercises
1. Make `core-types` in `tiny` take 4 s of front end instead of its current value
   (`set(tiny, "crate.core-types.frontend_s", "4.0")`). Predict the -j1 and -j8 wall times before
   running.
2. At which `-j` does the critical-path bound start to bind for `tiny`? Why does it not move after?
3. In the anomaly, change `c5`'s front end to 3.0 s. Does -j4 still lose to -j3?"""),
    ("code", '// your turn: exercise 1\nshow(jobs(set(tiny, "crate.core-types.frontend_s", "4.0"), 1));'),
]

NOTEBOOKS["2-pipelining-and-proc-macros"] = head(
    "2. Pipelining and proc macros",
    """cargo starts a library as soon as its dependencies' **metadata** (`.rmeta`) exist: rustc
writes it after the front end, before code generation. That is *pipelining*. A **proc macro** is
different: it is a compiled program that rustc loads, so every crate that uses it waits for the
macro *and everything it depends on* to be fully built. syn → serde_derive is therefore a
synchronisation point at the head of many Rust builds.""") + [
    ("code", 'Scenario serde = read("scenarios/serde-like.toml");\nshow(serde);'),
    ("markdown", "Add 2 s of code generation to **syn** (needed in full by serde_derive) and to **serde** (whose dependents only need its `.rmeta`):"),
    ("code", r'''
double base = wall(serde);
double synSlower = wall(set(serde, "crate.syn.codegen_s", String.valueOf(sim(serde).units().stream().filter(u -> u.unit().name().equals("syn")).findFirst().get().unit().work().codegenNanos() / 1e9 + 2)));
System.out.printf(Locale.ROOT, "baseline %.2f s, syn +2 s codegen: %.2f s%n", base, synSlower);
'''),
    ("code", r'''
double serdeCg = read("scenarios/serde-like.toml").crates().stream().filter(c -> c.name().equals("serde")).findFirst().get().phases().codegenS();
System.out.printf(Locale.ROOT, "serde +2 s codegen: %.2f s%n", wall(set(serde, "crate.serde.codegen_s", String.valueOf(serdeCg + 2))));
'''),
    ("markdown", """syn's extra codegen shows on the wall time (spread over its codegen units on the free tokens,
so less than 2 s): serde_derive cannot start before syn is done. serde's extra codegen is hidden
entirely: serde_json and the rest start on serde's metadata and overlap with it.

A `check` build stops libraries after the front end, but proc macros (and what they need) are
still built in full — so the macro chain weighs even more there:"""),
    ("code", 'show(serde.withBuild(serde.build().withMode(Mode.CHECK)));'),
    ("markdown", """**Remember:** libraries pipeline on `.rmeta`; proc macros are synchronisation points that
wait for their whole dependency chain, so a slow syn delays everything that derives.

### Exercises
1. Give `serde_derive` twice its front end. Predict the new wall time at -j4, then check.
2. Run the check build at -j1 and -j8. Why does the macro chain matter more with more cores?
3. Find the crate whose codegen you can double with the smallest effect on the wall time."""),
    ("code", "// your turn"),
]

NOTEBOOKS["3-codegen-units"] = head(
    "3. Codegen units: the staircase",
    """After the front end, rustc splits a crate into **codegen units** (CGUs). Its main thread
translates them to LLVM IR one at a time; LLVM optimises them in parallel on jobserver tokens it
asks cargo for. So one crate can use several cores — but only as many as tokens are free, and
only after the serial front end. `scenarios/one-crate.toml`: 20 s of work as one crate, an 8 s
front end, then 64 CGUs.""") + [
    ("code", 'Scenario one = read("scenarios/one-crate.toml");\nshow(one);'),
    ("code", r'''
double[][] pts = new double[6][];
int[] js = {1, 2, 4, 8, 16, 32};
for (int i = 0; i < js.length; i++) pts[i] = new double[] {js[i], wall(jobs(one, js[i]))};
img(Charts.lines("one crate: wall time against jobs", "jobs", "seconds", Map.of("one-crate", pts), 800, 400));
'''),
    ("markdown", """The curve flattens at the serial front end (8 s) plus what the main thread does for each CGU.

Optimised builds make CGU count matter more: LLVM's work grows faster than linearly with a
CGU's size, so fewer, bigger CGUs cost more work, while many small ones lose cross-CGU
inlining. Effect 3's crate (described by its size) in debug and release, for several CGU counts:"""),
    ("code", r'''
Scenario big = read("scenarios/effects/3-superlinear-cgu16.toml");
Map<String, double[][]> m = new LinkedHashMap<>();
int[] cgus = {1, 4, 16, 64, 256};
for (String mode : List.of("debug", "release")) {
  double[][] p = new double[cgus.length][];
  for (int i = 0; i < cgus.length; i++) {
    Scenario s = set(set(big, "build.mode", mode), "profile.codegen_units", String.valueOf(cgus[i]));
    p[i] = new double[] {Math.log(cgus[i]) / Math.log(2), wall(s)};
  }
  m.put(mode, p);
}
img(Charts.lines("wall time against log2(codegen units)", "log2(CGUs)", "seconds", m, 800, 400));
'''),
    ("markdown", """**Remember:** a crate's front end is serial; only its codegen spreads over cores, one CGU per
token, so one huge crate cannot use a big machine, and the CGU count trades parallelism against
work.

### Exercises
1. Predict `one-crate` at -j64. Check.
2. Set `profile.codegen_units` to 1 for `one-crate` at -j8. What is left of the parallelism?
3. At which CGU count does release stop getting faster on this crate?"""),
    ("code", "// your turn"),
]

NOTEBOOKS["4-monomorphisation-and-splitting"] = head(
    "4. Monomorphisation and splitting a crate",
    """Generic code is compiled where it is *used*: every crate that instantiates `Vec<MyType>`
generates that code again (**downstream monomorphisation**), unless `share-generics` lets it
reuse an upstream copy. Splitting a big crate into several buys parallel front ends — but each
part pays for loading its dependencies' metadata, and the instantiations stay downstream.""") + [
    ("code", 'Scenario mono = read("scenarios/effects/4-downstream-mono.toml");\nshow(mono);'),
    ("code", r'''
for (String f : List.of("scenarios/effects/5-generic-duplication-share-false.toml", "scenarios/effects/5-generic-duplication-share-true.toml")) {
  BuildResult r = sim(read(f));
  System.out.printf(Locale.ROOT, "%-45s wall %.2f s, total work %.2f s%n", f.substring(f.lastIndexOf('/') + 1), r.wallNanos() / 1e9, r.workNanos() / 1e9);
}
'''),
    ("markdown", "The split-versus-monolith what-if on own-2core's `mono` workspace (23,000 generated lines, described by size): split it into 2, 4 and 8 crates."),
    ("code", r'''
Scenario ws = read("scenarios/workspaces/mono.toml");
Map<String, double[][]> m = new LinkedHashMap<>();
for (int j : new int[] {2, 8}) {
  double[][] p = new double[4][];
  int[] parts = {1, 2, 4, 8};
  for (int i = 0; i < parts.length; i++) {
    Scenario s = parts[i] == 1 ? ws : SplitMerge.split(ws, "mono", parts[i], SplitMerge.Shape.WIDE, SplitMerge.DEFAULT_DUPLICATION);
    p[i] = new double[] {parts[i], wall(jobs(s, j))};
  }
  m.put("-j" + j, p);
}
img(Charts.lines("mono split into K crates", "K", "seconds", m, 800, 400));
'''),
    ("markdown", """Splitting gains far less than K×: the front ends run in parallel, but the bin still
instantiates the generics, and every part loads metadata.

**Remember:** generic code is compiled where it is instantiated, so splitting a crate moves work
downstream instead of removing it.

### Exercises
1. Split `mono` into 4 with `SplitMerge.Shape.CHAIN`. Better or worse than WIDE? Why?
2. In effect 5, how much total work does `share-generics` save, and how much wall time?
3. Predict the -j1 wall time of the 8-way split before running it."""),
    ("code", "// your turn"),
]

NOTEBOOKS["5-lto-and-linking"] = head(
    "5. LTO and linking",
    """Link-time optimisation re-optimises code across crates. **thin-local** (the release
default) works inside one crate; **thin** across crates, in parallel; **fat** merges everything
into one module, serially. Dependencies are then built as bitcode, and the final crate does the
heavy lifting. The linker itself (ld, lld, mold) matters for big binaries.""") + [
    ("code", r'''
Scenario lto = read("scenarios/effects/6-lto-thin.toml");
for (String mode : List.of("off", "thin-local", "thin", "fat")) {
  System.out.printf(Locale.ROOT, "lto = %-10s %.2f s%n", mode, wall(set(lto, "profile.lto", mode)));
}
'''),
    ("code", 'show(set(lto, "profile.lto", "fat"));'),
    ("code", r'''
Map<String, double[][]> m = new LinkedHashMap<>();
for (String mode : List.of("off", "thin", "fat")) {
  double[][] p = new double[5][];
  int[] js = {1, 2, 4, 8, 16};
  for (int i = 0; i < js.length; i++) p[i] = new double[] {js[i], wall(jobs(set(lto, "profile.lto", mode), js[i]))};
  m.put("lto = " + mode, p);
}
img(Charts.lines("LTO against jobs", "jobs", "seconds", m, 800, 400));
'''),
    ("code", r'''
for (String linker : List.of("ld", "lld", "mold")) {
  System.out.printf(Locale.ROOT, "linker = %-5s %.2f s%n", linker, wall(set(lto, "profile.linker", linker)));
}
'''),
    ("markdown", """Fat LTO is serial, so cores do not help it; thin LTO parallelises.

**Remember:** fat LTO is one serial job at the end of the build; thin LTO spreads over cores;
both move work from the dependencies to the final crate.

### Exercises
1. With fat LTO, what does going from -j8 to -j16 buy? Predict, then check.
2. Set `profile.codegen_units` to 1 with thin LTO. What happens, and why?
3. Which linker change saves the most on this graph, and is it worth it next to LTO?"""),
    ("code", "// your turn"),
]

NOTEBOOKS["6-caches-and-incremental-builds"] = head(
    "6. Caches and incremental builds",
    """After an edit, cargo rebuilds the edited crate and everything that depends on it. rustc's
**incremental compilation** (on for workspace crates in dev) re-does only part of their front end
and of their CGUs — but macro expansion always runs again, and the link is redone. A **shared
cache** (sccache) serves libraries compiled before; it cannot cache bins, proc macros, build
script runs or incremental crates. An **expansion cache** serves unchanged macro expansions.""") + [
    ("code", r'''
Scenario mono = read("scenarios/workspaces/mono.toml");
Scenario split = read("scenarios/workspaces/split.toml");
Scenario edit(Scenario sc, String crate) { return sc.withRebuild(sc.rebuild().withKind(Rebuild.Kind.INCREMENTAL).withEdits(List.of(crate))); }
System.out.printf(Locale.ROOT, "mono clean %.1f s, after editing mono: %.2f s (measured 2.35 s)%n", wall(jobs(mono, 1)), wall(jobs(edit(mono, "mono"), 1)));
System.out.printf(Locale.ROOT, "split: edit the top m09 %.2f s (measured 1.17 s), the leaf m00 %.2f s (measured 2.20 s)%n", wall(jobs(edit(split, "m09"), 1)), wall(jobs(edit(split, "m00"), 1)));
'''),
    ("code", 'show(jobs(edit(split, "m00"), 1));'),
    ("markdown", "A shared cache on a cold CI build of `serde-like`, and the same with an edit (nothing is served: the rebuilt crates are incremental):"),
    ("code", r'''
Scenario serde = read("scenarios/serde-like.toml");
System.out.printf(Locale.ROOT, "cold: %.2f s -> shared cache %.2f s%n", wall(serde), wall(Strategies.enable(serde, "shared-cache")));
'''),
    ("markdown", "The expansion cache on the five published projects (`scenarios/seeds/`): simulated vs published speed-up of their incremental builds."),
    ("code", r'''
Map<String, Double> published = new LinkedHashMap<>();
published.put("hedgehog", 39.4); published.put("polkadot-sdk", 36.7); published.put("brontes", 25.2);
published.put("graph-node", 20.6); published.put("vector", 10.9);
double[][] sim = new double[5][], pub = new double[5][];
int i = 0;
for (var e : published.entrySet()) {
  Scenario s = read("scenarios/seeds/expansion-cache-" + e.getKey() + ".toml");
  double before = wall(s), after = wall(Strategies.enable(s, "expansion-cache"));
  double pct = 100 * (1 - after / before);
  System.out.printf(Locale.ROOT, "%-13s %.1f s -> %.1f s: %.1f %% faster (published %.1f %%)%n", e.getKey(), before, after, pct, e.getValue());
  sim[i] = new double[] {i, pct}; pub[i] = new double[] {i, e.getValue()}; i++;
}
img(Charts.lines("expansion cache: % faster incremental builds (0 = hedgehog … 4 = vector)", "project", "% faster", new LinkedHashMap<>(Map.of("simulated", sim, "published", pub)), 800, 380));
'''),
    ("markdown", """**Remember:** an edit rebuilds its dependents too; incremental compilation makes each rebuild
cheap except for macro expansion and linking, which is where an expansion cache helps; a
shared cache only helps cold builds of libraries.

### Exercises
1. Edit `m03` (the middle of `split`). Predict the wall time between the top and leaf edits.
2. Turn incremental compilation off (`set(sc, "incremental.enabled", "false")`) and redo the
   leaf edit. How much does incremental save?
3. Change the shared cache's hit rate (`Strategies.enable(serde, "shared-cache:hit_rate=0.5")`)."""),
    ("code", "// your turn"),
]

NOTEBOOKS["7-precompiled-vs-wasm-proc-macros"] = head(
    "7. Precompiled or WebAssembly proc macros?",
    """Two proposals to avoid compiling syn and the derive macros from source: ship a
**precompiled** macro binary (serde_derive did in 2023), or compile macros to **WebAssembly**
and run them in a runtime (watt). Both remove the macro chain from a cold build; both make every
expansion slower. Which wins depends on the kind of build and on how many derives you expand.""") + [
    ("code", r'''
Scenario sp = read("scenarios/seeds/serde-precompiled.toml");
for (String kind : List.of("clean", "warm", "incremental")) {
  Scenario s = sp.withRebuild(sp.rebuild().withKind(Rebuild.Kind.parse(kind)).withEdits(List.of("model")));
  System.out.printf(Locale.ROOT, "%-12s native %.2f s, precompiled %.2f s%n", kind, wall(s), wall(Strategies.enable(s, "precompiled-proc-macros")));
}
'''),
    ("code", 'show(sp);\nshow(Strategies.enable(sp, "precompiled-proc-macros"));'),
    ("markdown", "WebAssembly macros on own-2core's `cli` stack, sweeping the number of derives `model` expands (cold builds, -j2):"),
    ("code", r'''
Map<String, double[][]> m = new LinkedHashMap<>();
int[] ns = {5, 20, 100, 1000};
for (String variant : List.of("native", "wasm-proc-macros", "wasm-proc-macros:runtime=jit")) {
  double[][] p = new double[ns.length][];
  for (int i = 0; i < ns.length; i++) {
    Scenario s = read("scenarios/seeds/watt-" + ns[i] + ".toml");
    if (!variant.equals("native")) s = Strategies.enable(s, variant);
    p[i] = new double[] {Math.log10(ns[i]), wall(s)};
  }
  m.put(variant, p);
}
img(Charts.lines("cold build against log10(derives)", "log10(invocations)", "seconds", m, 800, 400));
'''),
    ("markdown", """The interpreter (100× slower expansion) only wins with a handful of derives; a JIT up to
about a hundred. On incremental builds the macros are already built and only the slower
expansion remains: both lose.

**Remember:** precompiled and WASM macros save only the cold build's macro chain, and pay on
every expansion, so they lose on warm and incremental builds.

### Exercises
1. Run `watt-20` as an incremental build after editing `model` with each variant. Predict first.
2. At -j8 (`jobs(s, 8)`), does the JIT still win at 5 derives? Why not?
3. Set `precompiled-proc-macros:per_invocation_s=0` (a persistent helper process): when does
   precompiled stop losing on incremental builds?"""),
    ("code", "// your turn"),
]

NOTEBOOKS["8-your-own-build"] = head(
    "8. Your own build",
    """Run `cargo build --timings` on your project and open `target/cargo-timings/cargo-timing.html`
here. cratesim reads the page, turns it into a scenario (each unit's measured front end and
codegen), and predicts what-ifs. Here: a real build of a small CLI measured on a 2-core machine
(own-2core-2026, from the test resources), at -j1.""") + [
    ("code", r'''
import org.cratesim.timings.*;
import org.cratesim.importer.*;
Path pages = repo.resolve("sim/src/test/resources/timings/own-2core-2026");
TimingsPage page = TimingsReader.read(pages.resolve("cli-clean-dev-j1-r2.html"));
Calibration cal = Calibrations.shipped().get(Calibrations.profileFor(page.ncpu()), TimingsImporter.modeOf(page));
Scenario mine = TimingsImporter.toScenario(page, cal);
System.out.printf(Locale.ROOT, "%d units; measured %.2f s at -j%d; replayed %.2f s%n", page.units().size(), page.totalSeconds(), page.jobs(), wall(mine));
'''),
    ("code", 'show(mine);'),
    ("markdown", "Predict the same build at -j2 and compare with a real -j2 build of the same project:"),
    ("code", r'''
TimingsPage j2 = TimingsReader.read(pages.resolve("cli-clean-dev-j2-r2.json"));
double predicted = wall(jobs(mine, 2));
System.out.printf(Locale.ROOT, "-j2: predicted %.2f s, measured %.2f s (%+.0f %%)%n", predicted, j2.totalSeconds(), 100 * (predicted / j2.totalSeconds() - 1));
'''),
    ("markdown", "What-ifs: more cores, and the strategies:"),
    ("code", r'''
double[][] p = new double[6][];
int[] js = {1, 2, 4, 8, 16, 32};
for (int i = 0; i < js.length; i++) p[i] = new double[] {js[i], wall(jobs(mine, js[i]))};
img(Charts.lines("cli: predicted wall time against jobs", "jobs", "seconds", Map.of("predicted", p), 800, 400));
for (String s : List.of("precompiled-proc-macros", "shared-cache", "proc-macros-first")) {
  System.out.printf(Locale.ROOT, "%-25s %.2f s%n", s, wall(Strategies.enable(jobs(mine, 2), s)));
}
'''),
    ("markdown", """The same from a terminal: `cratesim import page.html -o mine.toml`, `cratesim predict
page.html --jobs 8`, `cratesim compare mine.toml --strategy shared-cache`, and
`cratesim sweep mine.toml --vary jobs=1,2,4,8 -o out/ && cratesim report out/`.

**Remember:** a measured timings page is the best input: replayed, it predicts other core
counts and what-ifs of your own build; check the prediction against a second measurement
before trusting it.

### Exercises
1. Replace the page with your own `cargo-timing.html` and compare the replay with its wall time.
2. Which crate is on your critical path? Predict what halving it would save, then check with
   `set(mine, "crate.NAME.codegen_s", ...)`.
3. How many cores does this build use well? Where does the curve flatten, and why?"""),
    ("code", "// your turn"),
]

for name, cells in NOTEBOOKS.items():
    with open(os.path.join(HERE, name + ".ipynb"), "w") as f:
        json.dump(nb(cells), f, indent=1)
        f.write("\n")
print(len(NOTEBOOKS), "notebooks written")
