package org.cratesim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.cratesim.cargo.BuildResult;
import org.cratesim.cargo.BuildSimulator;
import org.cratesim.model.CrateKind;
import org.cratesim.model.CrateSize;
import org.cratesim.model.CrateSpec;
import org.cratesim.model.Scenario;
import org.cratesim.scenario.SplitMerge.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SplitMergeTest {
  /**
   * base <- derive (proc macro); big uses both, has a build script; mid depends on big and
   * instantiates its generics; helper's build script depends on big; tool (seconds) depends on big;
   * app (bin) uses mid, big and derive.
   */
  static final String FIXTURE =
      """
      name = "fixture"

      [build]
      jobs = 4
      mode = "release"

      [[crate]]
      name = "base"
      loc = 1000
      own_instantiations = 20

      [[crate]]
      name = "derive"
      kind = "proc-macro"
      deps = ["base"]
      loc = 500

      [[crate]]
      name = "big"
      version = "2.1.0"
      deps = ["base", "derive"]
      loc = 10003
      macro_invocations = { derive = 10 }
      own_instantiations = 401
      upstream_instantiations = { base = 100 }
      codegen_units = 16
      build_script = { compile_s = 0.3, run_s = 0.1, deps = ["base"] }

      [[crate]]
      name = "mid"
      deps = ["base", "big"]
      loc = 3000
      upstream_instantiations = { big = 50, base = 3 }

      [[crate]]
      name = "helper"
      loc = 200
      build_script = { compile_s = 0.2, run_s = 0.1, deps = ["big"] }

      [[crate]]
      name = "tool"
      deps = ["big"]
      frontend_s = 1.0
      codegen_s = 2.0

      [[crate]]
      name = "app"
      kind = "bin"
      deps = ["mid", "big", "derive"]
      loc = 2003
      macro_invocations = { derive = 3 }
      own_instantiations = 10
      upstream_instantiations = { big = 70, mid = 5 }
      built_for = ["target"]
      """;

  static Scenario fixture() {
    return parse(FIXTURE);
  }

  static Scenario parse(String toml) {
    try {
      return ScenarioReader.parse(toml, "x.toml");
    } catch (ScenarioException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  /** The scenario with every crate's source line set to 0. */
  static Scenario noLines(Scenario sc) {
    return sc.withCrates(
        sc.crates().stream()
            .map(
                c ->
                    new CrateSpec(
                        c.name(),
                        c.version(),
                        c.kind(),
                        c.deps(),
                        c.phases(),
                        c.size(),
                        c.buildScript(),
                        c.builtFor(),
                        0))
            .toList());
  }

  static CrateSpec crate(Scenario sc, String name) {
    return sc.crates().stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no crate " + name));
  }

  static CrateSize size(Scenario sc, String name) {
    return crate(sc, name).size().orElseThrow();
  }

  static List<String> names(Scenario sc) {
    return sc.crates().stream().map(CrateSpec::name).toList();
  }

  /** The scenario written as TOML and read back. */
  static Scenario reread(Scenario sc) {
    return parse(ScenarioWriter.write(sc, List.of("test")));
  }

  static Stream<Arguments> roundTrips() {
    return Stream.of(
        Arguments.of("big", 2, Shape.WIDE),
        Arguments.of("big", 3, Shape.WIDE),
        Arguments.of("big", 7, Shape.WIDE),
        Arguments.of("big", 2, Shape.CHAIN),
        Arguments.of("big", 3, Shape.CHAIN),
        Arguments.of("big", 7, Shape.CHAIN),
        Arguments.of("app", 3, Shape.WIDE),
        Arguments.of("app", 3, Shape.CHAIN),
        Arguments.of("app", 2, Shape.WIDE),
        Arguments.of("base", 4, Shape.WIDE),
        Arguments.of("base", 4, Shape.CHAIN),
        Arguments.of("mid", 5, Shape.WIDE),
        Arguments.of("helper", 200, Shape.CHAIN));
  }

  @ParameterizedTest(name = "{0} into {1}, {2}")
  @MethodSource("roundTrips")
  void splitThenMerge_restoresTheScenario(String crate, int k, Shape shape) throws Exception {
    Scenario sc = fixture();
    Scenario split = SplitMerge.split(sc, crate, k, shape, 0.5);
    ScenarioValidator.validate(split);
    Scenario merged = SplitMerge.merge(split, SplitMerge.partNames(crate, k), crate);
    assertEquals(noLines(sc), noLines(merged));
  }

  @ParameterizedTest(name = "{0} into {1}, {2}")
  @MethodSource("roundTrips")
  void splitOutput_survivesWriteAndRead(String crate, int k, Shape shape) {
    Scenario split = SplitMerge.split(fixture(), crate, k, shape, 0.5);
    assertEquals(noLines(split), noLines(reread(split)));
    Scenario merged = SplitMerge.merge(reread(split), SplitMerge.partNames(crate, k), crate);
    assertEquals(noLines(fixture()), noLines(reread(merged)));
  }

  @Test
  void split_partsTakeThePlaceOfTheCrate() {
    Scenario split = SplitMerge.split(fixture(), "big", 3, Shape.WIDE, 0.5);
    assertEquals(
        List.of("base", "derive", "big-1", "big-2", "big-3", "mid", "helper", "tool", "app"),
        names(split));
    assertEquals("fixture", split.name());
    assertEquals(fixture().build(), split.build());
  }

  @Test
  void split_sizesAreDividedExactly_remainderToTheFirstParts() {
    Scenario split = SplitMerge.split(fixture(), "big", 3, Shape.WIDE, 0.5);
    CrateSize p1 = size(split, "big-1");
    CrateSize p2 = size(split, "big-2");
    CrateSize p3 = size(split, "big-3");
    assertEquals(List.of(3335L, 3334L, 3334L), List.of(p1.loc(), p2.loc(), p3.loc()));
    assertEquals(
        List.of(4L, 3L, 3L),
        List.of(
            p1.macroInvocations().get("derive"),
            p2.macroInvocations().get("derive"),
            p3.macroInvocations().get("derive")));
    assertEquals(
        List.of(134L, 134L, 133L),
        List.of(p1.ownInstantiations(), p2.ownInstantiations(), p3.ownInstantiations()));
    assertEquals(
        List.of(34L, 33L, 33L),
        List.of(
            p1.upstreamInstantiations().get("base"),
            p2.upstreamInstantiations().get("base"),
            p3.upstreamInstantiations().get("base")));
  }

  @Test
  void split_smallCountsKeepZeroEntriesInLaterParts() {
    Scenario split = SplitMerge.split(fixture(), "app", 5, Shape.WIDE, 0.5);
    // derive = 3 over 5 parts: 1, 1, 1, 0, 0; every part keeps the key
    for (int i = 1; i <= 5; i++) {
      assertEquals(i <= 3 ? 1L : 0L, size(split, "app-" + i).macroInvocations().get("derive"));
    }
  }

  @Test
  void split_copiesVersionCodegenUnitsBuiltFor_scriptToPartOneOnly() {
    Scenario split = SplitMerge.split(fixture(), "big", 3, Shape.CHAIN, 0.5);
    CrateSpec big = crate(fixture(), "big");
    for (int i = 1; i <= 3; i++) {
      CrateSpec p = crate(split, "big-" + i);
      assertEquals("2.1.0", p.version());
      assertEquals(16, p.phases().codegenUnits());
      assertEquals(CrateKind.LIB, p.kind());
      assertEquals(i == 1 ? big.buildScript() : Optional.empty(), p.buildScript());
    }
    Scenario app = SplitMerge.split(fixture(), "app", 2, Shape.WIDE, 0.5);
    assertEquals(Set.of(CrateSpec.Side.TARGET), crate(app, "app-1").builtFor());
    assertEquals(Set.of(CrateSpec.Side.TARGET), crate(app, "app-2").builtFor());
  }

  @Test
  void split_wide_partsDependOnPartOne_dependentsOnEveryPart() {
    Scenario split = SplitMerge.split(fixture(), "big", 3, Shape.WIDE, 0.5);
    assertEquals(List.of("base", "derive"), crate(split, "big-1").deps());
    assertEquals(List.of("base", "derive", "big-1"), crate(split, "big-2").deps());
    assertEquals(List.of("base", "derive", "big-1"), crate(split, "big-3").deps());
    assertEquals(List.of("base", "big-1", "big-2", "big-3"), crate(split, "mid").deps());
    assertEquals(List.of("mid", "big-1", "big-2", "big-3", "derive"), crate(split, "app").deps());
    assertEquals(List.of("big-1", "big-2", "big-3"), crate(split, "tool").deps());
    assertEquals(
        List.of("big-1", "big-2", "big-3"),
        crate(split, "helper").buildScript().orElseThrow().deps());
  }

  @Test
  void split_chain_eachPartDependsOnThePrevious_dependentsOnTheLast() {
    Scenario split = SplitMerge.split(fixture(), "big", 3, Shape.CHAIN, 0.5);
    assertEquals(List.of("base", "derive"), crate(split, "big-1").deps());
    assertEquals(List.of("base", "derive", "big-1"), crate(split, "big-2").deps());
    assertEquals(List.of("base", "derive", "big-2"), crate(split, "big-3").deps());
    assertEquals(List.of("base", "big-3"), crate(split, "mid").deps());
    assertEquals(List.of("mid", "big-3", "derive"), crate(split, "app").deps());
    assertEquals(List.of("big-3"), crate(split, "helper").buildScript().orElseThrow().deps());
  }

  @Test
  void split_wide_duplicationEntriesPointAtPartOne() {
    Scenario split = SplitMerge.split(fixture(), "big", 3, Shape.WIDE, 0.5);
    long dup = Math.round(0.5 * 401 / 3); // 67
    assertEquals(67, dup);
    assertEquals(Map.of("base", 34L), size(split, "big-1").upstreamInstantiations());
    assertEquals(Map.of("base", 33L, "big-1", 67L), size(split, "big-2").upstreamInstantiations());
    assertEquals(Map.of("base", 33L, "big-1", 67L), size(split, "big-3").upstreamInstantiations());
  }

  @Test
  void split_chain_duplicationEntriesPointAtThePreviousPart() {
    Scenario split = SplitMerge.split(fixture(), "big", 3, Shape.CHAIN, 1.0);
    long dup = Math.round(1.0 * 401 / 3); // 134
    assertEquals(Map.of("base", 34L), size(split, "big-1").upstreamInstantiations());
    assertEquals(Map.of("base", 33L, "big-1", dup), size(split, "big-2").upstreamInstantiations());
    assertEquals(Map.of("base", 33L, "big-2", dup), size(split, "big-3").upstreamInstantiations());
  }

  @Test
  void split_zeroDuplication_addsNoSiblingEntries() {
    Scenario split = SplitMerge.split(fixture(), "big", 3, Shape.WIDE, 0.0);
    for (int i = 1; i <= 3; i++) {
      assertEquals(Set.of("base"), size(split, "big-" + i).upstreamInstantiations().keySet());
    }
    assertEquals(
        noLines(fixture()),
        noLines(SplitMerge.merge(split, SplitMerge.partNames("big", 3), "big")));
  }

  @Test
  void split_dependentsInstantiationsOfTheCrateMoveToOnePart() {
    Scenario wide = SplitMerge.split(fixture(), "big", 3, Shape.WIDE, 0.5);
    assertEquals(Map.of("big-1", 50L, "base", 3L), size(wide, "mid").upstreamInstantiations());
    assertEquals(Map.of("big-1", 70L, "mid", 5L), size(wide, "app").upstreamInstantiations());
    Scenario chain = SplitMerge.split(fixture(), "big", 3, Shape.CHAIN, 0.5);
    assertEquals(Map.of("big-3", 50L, "base", 3L), size(chain, "mid").upstreamInstantiations());
    assertEquals(Map.of("big-3", 70L, "mid", 5L), size(chain, "app").upstreamInstantiations());
  }

  @Test
  void split_bin_lastPartIsTheBin_andUsesTheOtherParts() {
    Scenario wide = SplitMerge.split(fixture(), "app", 3, Shape.WIDE, 0.5);
    assertEquals(CrateKind.LIB, crate(wide, "app-1").kind());
    assertEquals(CrateKind.LIB, crate(wide, "app-2").kind());
    assertEquals(CrateKind.BIN, crate(wide, "app-3").kind());
    assertEquals(List.of("mid", "big", "derive", "app-1"), crate(wide, "app-2").deps());
    assertEquals(List.of("mid", "big", "derive", "app-1", "app-2"), crate(wide, "app-3").deps());
    Scenario chain = SplitMerge.split(fixture(), "app", 3, Shape.CHAIN, 0.5);
    assertEquals(CrateKind.BIN, crate(chain, "app-3").kind());
    assertEquals(List.of("mid", "big", "derive", "app-2"), crate(chain, "app-3").deps());
  }

  @Test
  void split_everyPartKeepsTheMacroDependency() throws Exception {
    Scenario split = SplitMerge.split(fixture(), "big", 4, Shape.CHAIN, 0.5);
    for (int i = 1; i <= 4; i++) {
      assertTrue(crate(split, "big-" + i).deps().contains("derive"));
    }
    ScenarioValidator.validate(split);
  }

  @Test
  void split_otherCratesAreUntouched() {
    Scenario split = SplitMerge.split(fixture(), "big", 3, Shape.WIDE, 0.5);
    for (String n : List.of("base", "derive")) {
      assertEquals(crate(fixture(), n), crate(split, n));
    }
  }

  @Test
  void splitAndMerge_scenariosSimulate() {
    Scenario sc = fixture();
    Scenario split = SplitMerge.split(sc, "big", 4, Shape.WIDE, 0.5);
    BuildResult before = BuildSimulator.simulate(sc);
    BuildResult after = BuildSimulator.simulate(split);
    assertEquals(sc.crates().size() + 3, split.crates().size());
    assertTrue(before.wallNanos() > 0 && after.wallNanos() > 0);
  }

  @Test
  void merge_arbitraryCrates_sumsSizesAndRewiresDependents() {
    Scenario merged = SplitMerge.merge(fixture(), List.of("big", "mid"), "core");
    assertEquals(List.of("base", "derive", "core", "helper", "tool", "app"), names(merged));
    CrateSpec core = crate(merged, "core");
    assertEquals(List.of("base", "derive"), core.deps());
    assertEquals("2.1.0", core.version());
    assertEquals(16, core.phases().codegenUnits());
    assertEquals(crate(fixture(), "big").buildScript(), core.buildScript());
    CrateSize z = core.size().orElseThrow();
    assertEquals(13003, z.loc());
    // mid gives no own_instantiations: its copies are derived from its lines and made explicit
    CrateSize mid = crate(fixture(), "mid").size().orElseThrow();
    assertEquals(-1, mid.ownInstantiations());
    assertEquals(
        401 + Math.round(fixture().costs().get("copies_per_line") * mid.loc()),
        z.ownInstantiations());
    assertEquals(Map.of("derive", 10L), z.macroInvocations());
    assertEquals(Map.of("base", 103L), z.upstreamInstantiations());
    assertEquals(List.of("core", "derive"), crate(merged, "app").deps());
    assertEquals(Map.of("core", 75L), size(merged, "app").upstreamInstantiations());
    assertEquals(List.of("core"), crate(merged, "tool").deps());
    assertEquals(List.of("core"), crate(merged, "helper").buildScript().orElseThrow().deps());
  }

  @Test
  void merge_intoTheNameOfOneOfTheParts_isAllowed() {
    Scenario merged = SplitMerge.merge(fixture(), List.of("mid", "big"), "big");
    assertEquals(List.of("base", "derive", "big", "helper", "tool", "app"), names(merged));
    // mid first: its dependencies come first, its version and codegen units win
    assertEquals(List.of("base", "derive"), crate(merged, "big").deps());
    assertEquals("0.1.0", crate(merged, "big").version());
    assertEquals(0, crate(merged, "big").phases().codegenUnits());
  }

  @Test
  void merge_withABin_givesABin() {
    Scenario sc =
        parse(
            """
        [build]
        jobs = 2
        [[crate]]
        name = "a"
        loc = 10
        [[crate]]
        name = "b"
        kind = "bin"
        deps = ["a"]
        loc = 20
        """);
    Scenario merged = SplitMerge.merge(sc, List.of("a", "b"), "ab");
    assertEquals(CrateKind.BIN, crate(merged, "ab").kind());
    assertEquals(List.of(), crate(merged, "ab").deps());
    assertEquals(30, size(merged, "ab").loc());
  }

  // ----- errors

  static IllegalArgumentException rejects(Runnable r, String expected) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
    assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    assertTrue(e.getMessage().contains(expected), e.getMessage());
    return e;
  }

  @Test
  void split_unknownCrate_isRejected() {
    rejects(() -> SplitMerge.split(fixture(), "nope", 2, Shape.WIDE, 0.5), "unknown crate 'nope'");
  }

  @Test
  void split_fewerThanTwoParts_isRejected() {
    rejects(() -> SplitMerge.split(fixture(), "big", 1, Shape.WIDE, 0.5), "at least 2 parts");
    rejects(() -> SplitMerge.split(fixture(), "big", 0, Shape.CHAIN, 0.5), "at least 2 parts");
  }

  @Test
  void split_morePartsThanLines_isRejected() {
    rejects(() -> SplitMerge.split(fixture(), "helper", 201, Shape.WIDE, 0.5), "200 loc");
  }

  @Test
  void split_crateGivenInSeconds_isSplitByItsPhases() {
    // refused before issue 14; TimedSplitTest checks the figures
    Scenario split = SplitMerge.split(fixture(), "tool", 2, Shape.WIDE, 0.5);
    assertTrue(crate(split, "tool-1").size().isEmpty());
    assertEquals(List.of("big", "tool-1"), crate(split, "tool-2").deps());
  }

  @Test
  void split_procMacro_isRejected() {
    rejects(
        () -> SplitMerge.split(fixture(), "derive", 2, Shape.WIDE, 0.5),
        "cannot split proc-macro crate 'derive'");
  }

  @Test
  void split_partNameTaken_isRejected() {
    Scenario sc =
        parse(
            FIXTURE
                + """

        [[crate]]
        name = "big-2"
        loc = 5
        """);
    rejects(() -> SplitMerge.split(sc, "big", 3, Shape.WIDE, 0.5), "crate 'big-2' already exists");
    // two parts are named big-1, big-2: the same clash
    rejects(() -> SplitMerge.split(sc, "big", 2, Shape.WIDE, 0.5), "big-2");
  }

  @Test
  void split_badDuplication_isRejected() {
    rejects(() -> SplitMerge.split(fixture(), "big", 2, Shape.WIDE, -0.1), "duplication");
    rejects(() -> SplitMerge.split(fixture(), "big", 2, Shape.WIDE, Double.NaN), "duplication");
  }

  @Test
  void merge_unknownCrate_isRejected() {
    rejects(() -> SplitMerge.merge(fixture(), List.of("big", "nope"), "x"), "unknown crate 'nope'");
  }

  @Test
  void merge_fewerThanTwoCrates_orTwiceTheSame_isRejected() {
    rejects(() -> SplitMerge.merge(fixture(), List.of("big"), "x"), "at least 2 crates");
    rejects(() -> SplitMerge.merge(fixture(), List.of("big", "big"), "x"), "listed twice");
  }

  @Test
  void merge_differentKinds_isRejected() {
    rejects(() -> SplitMerge.merge(fixture(), List.of("base", "derive"), "x"), "different kinds");
  }

  @Test
  void merge_crateGivenInSeconds_isRejected() {
    rejects(
        () -> SplitMerge.merge(fixture(), List.of("big", "tool"), "x"),
        "described by their size (loc)");
  }

  @Test
  void merge_thatWouldCreateACycle_isRejected() {
    // mid -> big -> base: merging base and mid makes x -> big -> x
    IllegalArgumentException e =
        rejects(() -> SplitMerge.merge(fixture(), List.of("base", "mid"), "x"), "cycle");
    assertTrue(e.getMessage().contains("x -> big -> x"), e.getMessage());
  }

  @Test
  void merge_nameClash_isRejected() {
    rejects(
        () -> SplitMerge.merge(fixture(), List.of("big", "mid"), "app"),
        "'app': a crate of that name already exists");
  }

  @Test
  void merge_intoABinThatOthersDependOn_isRejected() {
    // mid depends on big
    rejects(
        () -> SplitMerge.merge(fixture(), List.of("big", "app"), "x"), "cannot merge into a bin");
  }
}
