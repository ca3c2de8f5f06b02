package org.cratesim.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.cratesim.TestPaths;
import org.cratesim.cargo.BuildSimulator;
import org.cratesim.model.CrateKind;
import org.cratesim.model.CrateSpec;
import org.cratesim.model.Mode;
import org.cratesim.model.Scenario;
import org.cratesim.scenario.ScenarioReader;
import org.cratesim.scenario.ScenarioWriter;
import org.cratesim.timings.PageUnit;
import org.cratesim.timings.TimingsPage;
import org.cratesim.timings.TimingsReader;
import org.cratesim.timings.UnitGraphFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class TimingsImporterTest {
  private static final Path OWN = Path.of("src/test/resources/timings/own-2core-2026");
  private static final Path VALIDATE = Path.of("src/test/resources/validate");
  private final Calibrations cals = Calibrations.shipped();

  private Scenario importPage(Path p) throws Exception {
    TimingsPage page = TimingsReader.read(p);
    return TimingsImporter.toScenario(
        page, cals.get(Calibrations.profileFor(page.ncpu()), TimingsImporter.modeOf(page)));
  }

  private static Map<String, CrateSpec> byName(Scenario sc) {
    return sc.crates().stream().collect(Collectors.toMap(CrateSpec::name, c -> c));
  }

  @Test
  void import_cargo195Page_keepsUnitsKindsAndStartup() throws Exception {
    TimingsPage page = TimingsReader.read(OWN.resolve("cli-clean-dev-j1-r2.json"));
    Scenario sc = importPage(OWN.resolve("cli-clean-dev-j1-r2.json"));
    assertEquals(Mode.DEBUG, sc.build().mode());
    assertEquals(1, sc.build().jobs());
    assertEquals(
        page.units().stream().mapToDouble(PageUnit::start).min().orElseThrow(),
        sc.build().startupS(),
        1e-9);
    Map<String, CrateSpec> c = byName(sc);
    assertEquals(CrateKind.PROC_MACRO, c.get("serde_derive").kind());
    assertEquals(CrateKind.PROC_MACRO, c.get("clap_derive").kind());
    assertEquals(CrateKind.BIN, c.get("logscan").kind());
    assertEquals(CrateKind.LIB, c.get("serde").kind());
    // front end = the "frontend" section's end, codegen the rest
    PageUnit syn =
        page.units().stream()
            .filter(u -> u.name().equals("syn") && u.kind() == PageUnit.Kind.LIB)
            .findFirst()
            .orElseThrow();
    assertEquals(syn.rmetaTime(), c.get("syn").phases().frontendS(), 1e-6);
    assertEquals(syn.duration() - syn.rmetaTime(), c.get("syn").phases().codegenS(), 1e-6);
    // every unit of the page has a unit in the simulation
    assertEquals(page.units().size(), BuildSimulator.simulate(sc).units().size());
  }

  @Test
  void import_replayAtTheSameJobs_isCloseToTheMeasuredWallTime() throws Exception {
    for (String f : List.of("cli-clean-dev-j1-r2.json", "mono-check-j1-r2.json")) {
      TimingsPage page = TimingsReader.read(OWN.resolve(f));
      double replay = BuildSimulator.simulate(importPage(OWN.resolve(f))).wallNanos() / 1e9;
      assertEquals(page.totalSeconds(), replay, 0.03 * page.totalSeconds(), f);
    }
  }

  @Test
  void import_htmlAndJsonTwins_giveTheSameCrates() throws Exception {
    Scenario html = importPage(OWN.resolve("cli-clean-dev-j1-r2.html"));
    Scenario json = importPage(OWN.resolve("cli-clean-dev-j1-r2.json"));
    assertEquals(json.crates(), html.crates());
    assertEquals(json.build(), html.build());
  }

  @Test
  void import_checkPage_checkedBinIsAllFrontEnd() throws Exception {
    Scenario sc = importPage(OWN.resolve("mono-check-j1-r2.json"));
    assertEquals(Mode.CHECK, sc.build().mode());
    CrateSpec mono = byName(sc).get("mono");
    assertEquals(CrateKind.BIN, mono.kind());
    assertEquals(0.0, mono.phases().codegenS());
  }

  @Test
  void writer_importedScenario_readsBackEqual() throws Exception {
    Scenario sc = importPage(OWN.resolve("cli-clean-dev-j1-r2.json"));
    String toml = ScenarioWriter.write(sc, List.of("a header", "with <script>"));
    Scenario back = ScenarioReader.parse(toml, "back.toml");
    assertEquals(withoutLines(sc.crates()), withoutLines(back.crates()));
    assertEquals(sc.build(), back.build());
    assertEquals(sc.machine(), back.machine());
    assertEquals(sc.rustc(), back.rustc());
    assertEquals(
        BuildSimulator.simulate(sc).wallNanos(), BuildSimulator.simulate(back).wallNanos());
  }

  private static List<CrateSpec> withoutLines(List<CrateSpec> cs) {
    return cs.stream()
        .map(
            c ->
                new CrateSpec(
                    c.name(),
                    c.version(),
                    c.kind(),
                    c.deps(),
                    c.phases(),
                    c.buildScript(),
                    c.builtFor(),
                    0))
        .toList();
  }

  @Test
  void import_withUnitGraph_usesItsEdges() throws Exception {
    TimingsPage page = TimingsReader.read(VALIDATE.resolve("cli/timings/clean-dev-j1-r2.json"));
    Calibration cal = cals.get(Calibrations.TWO_CORE, Mode.DEBUG);
    UnitGraphFile g = UnitGraphFile.read(VALIDATE.resolve("cli/unit-graph.json"));
    Scenario full = TimingsImporter.toScenario(page, cal, Optional.of(g));
    Scenario partial = TimingsImporter.toScenario(page, cal);
    int fullEdges = full.crates().stream().mapToInt(c -> c.deps().size()).sum();
    int partialEdges = partial.crates().stream().mapToInt(c -> c.deps().size()).sum();
    assertTrue(fullEdges > partialEdges, fullEdges + " vs " + partialEdges);
    // the bin depends on everything it links
    assertTrue(
        byName(full)
            .get("logscan")
            .deps()
            .containsAll(List.of("clap", "serde", "serde_json", "regex", "anyhow")),
        byName(full).get("logscan").deps().toString());
  }

  @Test
  void edgeKnowledge_pooledEdgeContradictedByThePage_isDropped() throws Exception {
    // page 1: "user" started after "dep"'s .rmeta and was unblocked by it
    TimingsPage p1 =
        page(
            "p1",
            unit(0, "dep", 0.0, 1.0, 0.5, List.of(1)),
            unit(1, "user", 0.5, 1.0, 0.6, List.of()));
    // page 2: the same packages, but "user" started before "dep" produced anything
    TimingsPage p2 =
        page(
            "p2",
            unit(0, "dep", 0.6, 1.0, 0.5, List.of()),
            unit(1, "user", 0.0, 0.5, 0.3, List.of()));
    EdgeKnowledge known = EdgeKnowledge.pool(List.of(p1, p2));
    assertEquals(1, known.size());
    Calibration cal = cals.get(Calibrations.MANY_CORE, Mode.DEBUG);
    assertEquals(
        List.of("dep"),
        byName(TimingsImporter.toScenario(p1, cal, Optional.empty(), known)).get("user").deps());
    assertEquals(
        List.of(),
        byName(TimingsImporter.toScenario(p2, cal, Optional.empty(), known)).get("user").deps());
  }

  private static PageUnit unit(
      int i,
      String name,
      double start,
      double duration,
      double rmeta,
      List<Integer> unblockedRmeta) {
    return new PageUnit(
        i,
        name,
        "1.0.0",
        "todo",
        "",
        List.of(),
        start,
        duration,
        rmeta,
        Map.of(),
        List.of(),
        unblockedRmeta);
  }

  private static TimingsPage page(String name, PageUnit... units) {
    double total = 0;
    for (PageUnit u : units) {
      total = Math.max(total, u.start() + u.duration());
    }
    return new TimingsPage(
        name + ".json", 1, 8, "dev", "rustc", total, TimingsPage.JSON_160, List.of(units));
  }

  @Test
  void import_longBuildScriptRun_isParallelOnlyWithCcsParallelFeature() throws Exception {
    Path shared = TestPaths.shared();
    Assumptions.assumeTrue(
        shared != null, "../shared/groundtruth not present: skipping tests on the lqd dataset");
    Path dir = shared.resolve("groundtruth/lqd-epyc-2022/round-8-cargo-timing-debug-j1");
    Scenario git2 = importPage(dir.resolve("cargo-timing-git2-curl-0.14.1-debug-j1.json"));
    Scenario brotli = importPage(dir.resolve("cargo-timing-brotli2-0.3.2-debug-j1.json"));
    assertTrue(
        byName(git2).get("libgit2-sys").buildScript().orElseThrow().runParallelShare() > 0,
        "jobserver in the build: cc compiles in parallel");
    assertEquals(
        0.0,
        byName(brotli).get("brotli-sys").buildScript().orElseThrow().runParallelShare(),
        "no jobserver crate: serial C compiles");
    assertTrue(Files.isDirectory(dir));
  }

  @Test
  void import_everyLqdPage_givesAValidScenarioThatReplaysClose() throws Exception {
    Path shared = TestPaths.shared();
    Assumptions.assumeTrue(
        shared != null, "../shared/groundtruth not present: skipping tests on the lqd dataset");
    Path dir = shared.resolve("groundtruth/lqd-epyc-2022/round-8-cargo-timing-debug-j1");
    int n = 0;
    int close = 0;
    try (var files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files.sorted()::iterator) {
        TimingsPage page = TimingsReader.read(f);
        Scenario sc = importPage(f);
        double replay = BuildSimulator.simulate(sc).wallNanos() / 1e9;
        n++;
        if (Math.abs(replay / page.totalSeconds() - 1) < 0.05) {
          close++;
        }
      }
    }
    // at -j1 one thread is busy: no contention, CGUs one at a time, so each unit takes its
    // measured time and the replay reproduces the page up to cargo's ordering of ready units
    assertEquals(389, n);
    assertTrue(close >= 0.9 * n, close + " of " + n + " replays within 5 %");
  }
}
