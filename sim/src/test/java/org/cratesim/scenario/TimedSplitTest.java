package org.cratesim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.cratesim.cargo.BuildSimulator;
import org.cratesim.model.CostRates;
import org.cratesim.model.CrateKind;
import org.cratesim.model.CrateSpec;
import org.cratesim.model.Phases;
import org.cratesim.model.Scenario;
import org.cratesim.scenario.SplitMerge.Options;
import org.cratesim.scenario.SplitMerge.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Splitting and merging crates given in seconds (issue 14). */
class TimedSplitTest {
  static final double EPS = 1e-9;

  /**
   * dep (lib) <- x (lib, 4.02 s front end, 8 s codegen) <- app (bin, 0.3 s link); tool (bin) uses
   * dep only; macro (proc macro). Rates chosen round: metadata load 0.01 s + 0.1 of the
   * dependency's front end (0.01 / 0.1 per kloc), metadata write 0.2 of the front end, inline share
   * 0.1, link input 0.005 s.
   */
  static final String SCENARIO =
      """
      name = "timed"

      [build]
      jobs = 4
      workspace = ["x", "app"]

      [costs]
      metadata_load_per_dep_s = 0.01
      metadata_load_per_dep_kloc_s = 0.01
      frontend_per_kloc_s = 0.1
      metadata_write_per_kloc_s = 0.02
      inline_share = 0.1
      link_per_input_s = 0.005

      [[crate]]
      name = "dep"
      frontend_s = 1.0
      codegen_s = 1.0

      [[crate]]
      name = "macro"
      kind = "proc-macro"
      frontend_s = 0.5
      codegen_s = 0.5
      link_s = 0.1

      [[crate]]
      name = "x"
      deps = ["dep"]
      frontend_s = 4.02
      codegen_s = 8.0
      codegen_units = 16

      [[crate]]
      name = "app"
      kind = "bin"
      deps = ["x"]
      frontend_s = 0.5
      codegen_s = 0.5
      link_s = 0.3

      [[crate]]
      name = "tool"
      kind = "bin"
      deps = ["dep"]
      frontend_s = 0.2
      codegen_s = 0.2
      link_s = 0.2
      """;

  static Scenario scenario() {
    try {
      return ScenarioReader.parse(SCENARIO, "timed.toml");
    } catch (ScenarioException e) {
      throw new AssertionError(e);
    }
  }

  static CrateSpec crate(Scenario sc, String name) {
    return sc.crates().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }

  static void assertPhases(Phases expected, Phases actual) {
    assertEquals(expected.frontendS(), actual.frontendS(), EPS, "front end");
    assertEquals(expected.codegenS(), actual.codegenS(), EPS, "codegen");
    assertEquals(expected.linkS(), actual.linkS(), EPS, "link");
    assertEquals(expected.codegenUnits(), actual.codegenUnits(), "codegen units");
  }

  static final Options HALF = new Options(0.5, 0.5, 0.02);

  @Test
  void split_wide_figuresOfAHandMadeCrate() {
    Scenario split = SplitMerge.split(scenario(), "x", 4, Shape.WIDE, HALF);
    // start-up s = 0.02; f = (4.02 - 0.02) / 4 = 1.0; loading dep again: 0.01 + 0.1 * 1.0 = 0.11;
    // loading part 1: 0.01 + 0.1 * f = 0.11
    assertPhases(new Phases(1.02, 1.0, 16, 0), crate(split, "x-1").phases());
    // codegen: (1 - g) C / 4 = 1.0, plus 0.1 of part 1's for its inline code; the generic half
    // (4 s) is made by the three sinks x-2..x-4: 4/3 each, and 0.5 * 2/3 of that again
    Phases sink = new Phases(1.0 + 0.02 + 0.11 + 0.11, 1.1 + 4.0 / 3 * (1 + 1.0 / 3), 16, 0);
    for (String p : List.of("x-2", "x-3", "x-4")) {
      assertPhases(sink, crate(split, p).phases());
      assertEquals(List.of("dep", "x-1"), crate(split, p).deps());
      assertEquals(CrateKind.LIB, crate(split, p).kind());
    }
    // app links three more inputs; tool does not link x
    assertEquals(0.3 + 3 * 0.005, crate(split, "app").phases().linkS(), EPS);
    assertEquals(0.2, crate(split, "tool").phases().linkS(), EPS);
    assertEquals(List.of("x-1", "x-2", "x-3", "x-4"), crate(split, "app").deps());
    assertEquals(List.of("x-1", "x-2", "x-3", "x-4", "app"), split.rebuild().workspace());
  }

  @Test
  void split_conservesTheMeasuredWork_plusExactlyTheOverheads() {
    Scenario sc = scenario();
    Scenario split = SplitMerge.split(sc, "x", 4, Shape.WIDE, HALF);
    double fe = Stream.of("x-1", "x-2", "x-3", "x-4").mapToDouble(n -> fe(split, n)).sum();
    double cg = Stream.of("x-1", "x-2", "x-3", "x-4").mapToDouble(n -> cg(split, n)).sum();
    // 3 start-ups, 3 loads of part 1, 3 loads of dep again
    assertEquals(4.02 + 3 * 0.02 + 3 * 0.11 + 3 * 0.11, fe, EPS);
    // 3 inline re-translations of 0.1 * 1.0; the generic 4 s duplicated by 0.5 * 2/3
    assertEquals(8.0 + 3 * 0.1 + 4.0 * 0.5 * 2 / 3, cg, EPS);
  }

  @Test
  void split_noOverheads_onlyMovesWork() {
    Scenario sc =
        scenario()
            .withCosts(
                scenario()
                    .costs()
                    .with("metadata_load_per_dep_s", 0)
                    .with("metadata_load_per_dep_kloc_s", 0)
                    .with("inline_share", 0)
                    .with("link_per_input_s", 0));
    Scenario split = SplitMerge.split(sc, "x", 4, Shape.CHAIN, new Options(0, 0.5, 0));
    double fe = Stream.of("x-1", "x-2", "x-3", "x-4").mapToDouble(n -> fe(split, n)).sum();
    double cg = Stream.of("x-1", "x-2", "x-3", "x-4").mapToDouble(n -> cg(split, n)).sum();
    assertEquals(4.02, fe, EPS);
    assertEquals(8.0, cg, EPS);
    // a chain has one sink, the last part: every generic copy is made there
    assertEquals(1.0 + 4.0, cg(split, "x-4"), EPS);
    assertEquals(1.0, cg(split, "x-1"), EPS);
  }

  @Test
  void split_ofABin_chain_libPartsWriteMetadata_binLinksMoreInputs() {
    Scenario sc = scenario();
    Scenario split = SplitMerge.split(sc, "app", 2, Shape.CHAIN, HALF);
    // f = (0.5 - 0.02) / 2 = 0.24; app-1 is a lib that now writes metadata: 0.2 * f
    assertPhases(new Phases(0.24 + 0.02 + 0.2 * 0.24, 0.125, 0, 0), crate(split, "app-1").phases());
    // app-2 loads app-1 (0.01 + 0.1 f) and x again (0.01 + 0.1 * 4.02); makes the generic half
    assertPhases(
        new Phases(
            0.24 + 0.02 + 0.01 + 0.1 * 0.24 + 0.01 + 0.1 * 4.02, 0.125 * 1.1 + 0.25, 0, 0.305),
        crate(split, "app-2").phases());
    assertEquals(CrateKind.LIB, crate(split, "app-1").kind());
    assertEquals(CrateKind.BIN, crate(split, "app-2").kind());
  }

  @Test
  void split_aCrateSmallerThanTheStartup_isStartupOnlyPerPart() {
    Scenario split =
        SplitMerge.split(scenario(), "tool", 3, Shape.WIDE, new Options(0.5, 0.2, 1.0));
    // s = min(1.0, 0.2): every part is rustc's start-up (0.2 s) plus its loads
    assertEquals(0.2, fe(split, "tool-1"), EPS);
    Scenario back =
        SplitMerge.merge(
            split, SplitMerge.partNames("tool", 3), "tool", new Options(0.5, 0.2, 1.0));
    assertPhases(crate(scenario(), "tool").phases(), crate(back, "tool").phases());
  }

  static Scenario release() throws Exception {
    return ScenarioReader.parse(
        SCENARIO
            .replace("jobs = 4\n", "jobs = 4\nmode = \"release\"\n")
            .replace(
                "link_per_input_s = 0.005\n", "link_per_input_s = 0.005\nllvm_opt_exponent = 2.0\n")
            .replace("[costs]", "[rustc]\ncodegen_serial_share = 0.2\n\n[costs]"),
        "release.toml");
  }

  @Test
  void split_release_smallerCgusCostLess_whenLlvmIsSuperlinear() throws Exception {
    Scenario sc = release();
    Scenario split = SplitMerge.split(sc, "x", 2, Shape.CHAIN, new Options(0.5, 0, 0.02));
    // q = (1/2)(1 + 0.1 inline) for x-2, 1/2 for x-1; LLVM (0.8 of codegen) scales by q^(2-1)
    assertEquals(4.0 * (0.2 + 0.8 * 0.5), cg(split, "x-1"), EPS);
    assertEquals(4.4 * (0.2 + 0.8 * 0.55), cg(split, "x-2"), EPS);
    Scenario back = SplitMerge.merge(split, List.of("x-1", "x-2"), "x", new Options(0.5, 0, 0.02));
    assertPhases(crate(sc, "x").phases(), crate(back, "x").phases());
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("x", 4, Shape.WIDE),
        Arguments.of("x", 5, Shape.CHAIN),
        Arguments.of("x", 10, Shape.LAYERED),
        Arguments.of("x", 2, Shape.LAYERED),
        Arguments.of("app", 3, Shape.WIDE),
        Arguments.of("app", 10, Shape.LAYERED),
        Arguments.of("app", 2, Shape.CHAIN));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void splitThenMerge_restoresTheScenario(String crate, int k, Shape shape) throws Exception {
    Scenario sc = scenario();
    Options o = new Options(0.7, 0.3, 0.05);
    Scenario split = SplitMerge.split(sc, crate, k, shape, o);
    // through the file format too
    Scenario reread = ScenarioReader.parse(ScenarioWriter.write(split, List.of()), "split.toml");
    Scenario back = SplitMerge.merge(reread, SplitMerge.partNames(crate, k), crate, o);
    assertEquals(
        sc.crates().stream().map(CrateSpec::name).toList(),
        back.crates().stream().map(CrateSpec::name).toList());
    for (CrateSpec c : sc.crates()) {
      CrateSpec b = crate(back, c.name());
      assertPhases(c.phases(), b.phases());
      assertEquals(c.deps(), b.deps(), c.name());
      assertEquals(c.kind(), b.kind(), c.name());
    }
    assertEquals(sc.rebuild().workspace(), back.rebuild().workspace());
  }

  @Test
  void criticalCrate_splitHelpsAtJ4_costsItsOverheadsAtJ1() {
    // x holds the critical path: one CGU, so its codegen cannot spread on tokens
    Scenario sc =
        scenario()
            .withCrates(
                scenario().crates().stream()
                    .map(
                        c ->
                            c.name().equals("x")
                                ? new CrateSpec(
                                    "x",
                                    c.version(),
                                    c.kind(),
                                    c.deps(),
                                    new Phases(4.02, 8.0, 1, 0),
                                    c.buildScript(),
                                    0)
                                : c)
                    .toList());
    Options spread = new Options(0.5, 0.0, 0.02); // no generic code: the parts are independent
    Scenario split = SplitMerge.split(sc, "x", 4, Shape.WIDE, spread);
    double before4 = wall(sc, 4);
    double after4 = wall(split, 4);
    assertTrue(after4 < before4, after4 + " vs " + before4);
    double before1 = wall(sc, 1);
    double after1 = wall(split, 1);
    assertTrue(after1 > before1, after1 + " vs " + before1);
    // at -j1 nothing runs together: the loss is the work the split added
    // 3 start-ups, 3 loads of part 1 and of dep again, 3 inline re-translations of 0.1 * 2 s,
    // 3 more link inputs of app
    double added = 3 * 0.02 + 3 * 0.11 + 3 * 0.11 + 3 * 0.2 + 3 * 0.005;
    assertEquals(added, after1 - before1, 0.002);
  }

  @Test
  void split_procMacro_givenInSeconds_isRefusedInOneLine() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> SplitMerge.split(scenario(), "macro", 2, Shape.WIDE, Options.defaults()));
    assertTrue(e.getMessage().contains("cannot split proc-macro crate 'macro'"), e.getMessage());
    assertEquals(1, e.getMessage().lines().count());
  }

  @Test
  void badOptions_areRefused() {
    for (Options o :
        List.of(
            new Options(0.5, -0.1, 0.02),
            new Options(0.5, 1.1, 0.02),
            new Options(0.5, 0.2, -1),
            new Options(Double.NaN, 0.2, 0.02))) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> SplitMerge.split(scenario(), "x", 2, Shape.WIDE, o));
      assertEquals(1, e.getMessage().lines().count());
    }
  }

  @Test
  void merge_ofSizedAndTimedCrates_isRefused() throws Exception {
    Scenario sc =
        ScenarioReader.parse(SCENARIO + "\n[[crate]]\nname = \"sized\"\nloc = 100\n", "mixed.toml");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> SplitMerge.merge(sc, List.of("sized", "dep"), "both"));
    assertTrue(e.getMessage().contains("given in seconds"), e.getMessage());
  }

  @Test
  void layeredGraph_isTheSplitWorkspaces() {
    // m00 -> {m01..m04} -> {m05..m08} -> m09 (gen_split.py: m05..m08 depend on m00 and m(i-4))
    List<List<Integer>> g = SplitMerge.partGraph(Shape.LAYERED, 10, true);
    assertEquals(List.of(), g.get(0));
    for (int i = 1; i <= 4; i++) {
      assertEquals(List.of(0), g.get(i));
    }
    for (int i = 5; i <= 8; i++) {
      assertEquals(List.of(0, i - 4), g.get(i));
    }
    assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8), g.get(9));
    assertEquals(List.of(9), List.copyOf(TimedSplit.sinks(g)));
  }

  @Test
  void layered_sizedCrate_roundTrips() {
    Scenario sc = SplitMergeTest.fixture();
    Scenario split = SplitMerge.split(sc, "big", 6, Shape.LAYERED, 0.5);
    assertEquals(List.of("base", "derive", "big-1"), crate(split, "big-2").deps());
    assertEquals(List.of("base", "derive", "big-1", "big-2"), crate(split, "big-4").deps());
    assertEquals(List.of("base", "derive", "big-1", "big-3"), crate(split, "big-5").deps());
    assertEquals(
        List.of("base", "derive", "big-1", "big-2", "big-3", "big-4", "big-5"),
        crate(split, "big-6").deps());
    assertEquals(List.of("mid", "big-6", "derive"), crate(split, "app").deps());
    Scenario merged = SplitMerge.merge(split, SplitMerge.partNames("big", 6), "big");
    for (CrateSpec c : sc.crates()) {
      assertEquals(c.deps(), crate(merged, c.name()).deps(), c.name());
      assertEquals(c.size(), crate(merged, c.name()).size(), c.name());
    }
  }

  @Test
  void defaults_matchTheDocumentedValues() {
    Options d = Options.defaults();
    assertEquals(SplitMerge.DEFAULT_DUPLICATION, d.duplication());
    assertEquals(SplitMerge.DEFAULT_GENERIC_SHARE, d.genericShare());
    assertEquals(SplitMerge.DEFAULT_PART_STARTUP_S, d.partStartupS());
    // the rates the formulas read are the cost model's
    TimedSplit.Rates r = TimedSplit.Rates.of(CostRates.shipped());
    assertEquals(
        CostRates.shipped().get("metadata_load_per_dep_kloc_s")
            / CostRates.shipped().get("frontend_per_kloc_s"),
        r.loadShare(),
        EPS);
  }

  static double fe(Scenario sc, String n) {
    return crate(sc, n).phases().frontendS();
  }

  static double cg(Scenario sc, String n) {
    return crate(sc, n).phases().codegenS();
  }

  static double wall(Scenario sc, int jobs) {
    return BuildSimulator.simulate(sc.withBuild(sc.build().withJobs(jobs))).wallNanos() / 1e9;
  }
}
