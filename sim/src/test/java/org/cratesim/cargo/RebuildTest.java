package org.cratesim.cargo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.cratesim.model.Rebuild;
import org.cratesim.model.Scenario;
import org.cratesim.scenario.ScenarioException;
import org.cratesim.scenario.ScenarioReader;
import org.cratesim.scenario.ScenarioWriter;
import org.junit.jupiter.api.Test;

/** Build kinds: what is fresh, what is rebuilt, and how much of it. */
class RebuildTest {
  private static final long S = 1_000_000_000L;
  private static final String GRAPH =
      """
      [build]
      jobs = 1
      startup_s = 0.5
      kind = "%s"
      edits = %s
      workspace = ["core", "app"]
      [incremental]
      items_share = 0.5
      cgu_share = 0.25
      dependent_items_share = 0.1
      dependent_cgu_share = 0.0
      expansion_share = 0.9
      plain_expansion_share = 0.2
      check_items_share = 0.75
      overhead_s = 0.0
      bin_frontend_share = 1.0
      lib_bin_frontend_share = 1.0
      [[crate]]
      name = "dep"
      frontend_s = 1.0
      codegen_s = 1.0
      build_script = { compile_s = 1.0, run_s = 1.0 }
      [[crate]]
      name = "core"
      deps = ["dep"]
      frontend_s = 2.0
      codegen_s = 4.0
      [[crate]]
      name = "app"
      kind = "bin"
      deps = ["core"]
      frontend_s = 1.0
      codegen_s = 2.0
      link_s = 0.5
      """;

  private static Scenario scenario(String kind, String edits) throws ScenarioException {
    return ScenarioReader.parse(GRAPH.formatted(kind, edits), "rebuild.toml");
  }

  private static Map<String, UnitData> byLabel(BuildResult r) {
    return r.units().stream()
        .collect(java.util.stream.Collectors.toMap(u -> u.unit().label(), u -> u));
  }

  @Test
  void noop_everythingFresh_onlyStartup() throws Exception {
    BuildResult r = BuildSimulator.simulate(scenario("noop", "[]"));
    assertEquals(S / 2, r.wallNanos());
    assertEquals(0, r.workNanos());
  }

  @Test
  void warm_dependenciesFresh_workspaceRebuiltInFull() throws Exception {
    Map<String, UnitData> u = byLabel(BuildSimulator.simulate(scenario("warm", "[]")));
    assertEquals(0, u.get("dep").durationNanos());
    assertEquals(0, u.get("dep build-script (run)").durationNanos());
    assertEquals(6 * S, u.get("core").durationNanos());
    assertEquals(3 * S + S / 2, u.get("app bin \"app\"").durationNanos());
  }

  @Test
  void incremental_editedAndDependentsRebuilt_expansionAndLinkAlwaysRedone() throws Exception {
    Map<String, UnitData> u =
        byLabel(BuildSimulator.simulate(scenario("incremental", "[\"core\"]")));
    assertEquals(0, u.get("dep").durationNanos(), "not downstream of the edit: fresh");
    // core (edited): expansion 0.2 * 2 = 0.4 s, plus half the rest 0.8 s; a quarter of the
    // codegen: 1 s
    assertEquals(S * 2 / 10 * 2 + S * 8 / 10, u.get("core").frontendEndNanos());
    assertEquals(S * 12 / 10 + S, u.get("core").durationNanos());
    // app (dependent): expansion 0.2 s + 10 % of 0.8 s; no codegen; the link in full
    UnitData app = u.get("app bin \"app\"");
    assertEquals(S * 2 / 10 + S * 8 / 100, app.frontendEndNanos());
    assertEquals(S * 2 / 10 + S * 8 / 100 + S / 2, app.durationNanos());
  }

  @Test
  void incremental_checkBuild_editedCrateRedoesCheckItemsShare() throws Exception {
    Scenario sc = scenario("incremental", "[\"core\"]");
    sc = sc.withBuild(sc.build().withMode(org.cratesim.model.Mode.CHECK));
    Map<String, UnitData> u = byLabel(BuildSimulator.simulate(sc));
    // crates without proc macros: plain_expansion_share (0.2, not expansion_share 0.9) of the
    // 2 s front end, plus check_items_share (0.75) of the rest
    UnitData core =
        u.entrySet().stream()
            .filter(e -> e.getKey().startsWith("core"))
            .findFirst()
            .orElseThrow(() -> new AssertionError(u.keySet()))
            .getValue();
    assertEquals(S * 2 / 10 * 2 + S * 75 / 100 * 16 / 10, core.durationNanos());
  }

  @Test
  void incremental_releaseHasNoIncrementalCompilation_dirtyCratesRebuiltInFull() throws Exception {
    Scenario sc = scenario("incremental", "[\"core\"]");
    sc = sc.withBuild(sc.build().withMode(org.cratesim.model.Mode.RELEASE));
    Map<String, UnitData> u = byLabel(BuildSimulator.simulate(sc));
    assertEquals(0, u.get("dep").durationNanos());
    assertTrue(u.get("core").durationNanos() > 4 * S, "full rebuild");
  }

  @Test
  void incremental_isCheaperThanClean_andNoopCheapestOfAll() throws Exception {
    long clean = BuildSimulator.simulate(scenario("clean", "[]")).wallNanos();
    long warm = BuildSimulator.simulate(scenario("warm", "[]")).wallNanos();
    long incr = BuildSimulator.simulate(scenario("incremental", "[\"app\"]")).wallNanos();
    long noop = BuildSimulator.simulate(scenario("noop", "[]")).wallNanos();
    assertTrue(clean > warm && warm > incr && incr > noop, clean + " " + warm + " " + incr);
  }

  @Test
  void scenario_incrementalWithoutEditsOrUnknownEdit_isBadInput() {
    ScenarioException e =
        assertThrows(ScenarioException.class, () -> scenario("incremental", "[]"));
    assertTrue(e.getMessage().contains("needs edits"), e.getMessage());
    e = assertThrows(ScenarioException.class, () -> scenario("incremental", "[\"nope\"]"));
    assertTrue(e.getMessage().contains("unknown crate 'nope'"), e.getMessage());
    assertThrows(ScenarioException.class, () -> scenario("tepid", "[]"));
  }

  @Test
  void writer_rebuildSettings_readBackEqual() throws Exception {
    Scenario sc = scenario("incremental", "[\"core\"]");
    Scenario back = ScenarioReader.parse(ScenarioWriter.write(sc, List.of()), "back.toml");
    assertEquals(sc.rebuild(), back.rebuild());
    assertEquals(Rebuild.Kind.INCREMENTAL, back.rebuild().kind());
  }

  @Test
  void setOverrides_incrementalKeys() throws Exception {
    Scenario sc = scenario("incremental", "[\"core\"]");
    Scenario o =
        org.cratesim.scenario.ScenarioOverrides.apply(
            sc, Map.of("incremental.check_items_share", "0.3", "incremental.enabled", "false"));
    assertEquals(0.3, o.rebuild().checkItemsShare());
    assertEquals(java.util.Optional.of(false), o.rebuild().incremental());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                org.cratesim.scenario.ScenarioOverrides.apply(
                    sc, Map.of("incremental.items_share", "1.5")));
    assertTrue(e.getMessage().contains("between 0 and 1"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> org.cratesim.scenario.ScenarioOverrides.apply(sc, Map.of("incremental.x", "1")));
  }

  private static long wall(Scenario sc, String edit) {
    Scenario s =
        sc.withRebuild(sc.rebuild().withKind(Rebuild.Kind.INCREMENTAL).withEdits(List.of(edit)));
    return BuildSimulator.simulate(s).wallNanos();
  }

  @Test
  void editKinds_commentAtMostBodyAtMostSignature() throws Exception {
    Scenario sc = scenario("clean", "[]");
    for (String crate : List.of("core", "app")) {
      long comment = wall(sc, crate);
      long body = wall(sc, crate + ":body");
      long signature = wall(sc, crate + ":signature");
      assertTrue(comment <= body && body <= signature, comment + " " + body + " " + signature);
    }
    assertTrue(wall(sc, "core") < wall(sc, "core:signature"));
  }

  @Test
  void signatureEdit_dependentsRedoMoreOfTheirFrontEnd_bodyEditDoesNot() throws Exception {
    Scenario sc = scenario("clean", "[]");
    java.util.function.Function<String, UnitData> app =
        e ->
            byLabel(
                    BuildSimulator.simulate(
                        sc.withRebuild(
                            sc.rebuild().withKind(Rebuild.Kind.INCREMENTAL).withEdits(List.of(e)))))
                .get("app bin \"app\"");
    long comment = app.apply("core").frontendEndNanos();
    assertEquals(comment, app.apply("core:body").frontendEndNanos(), "API unchanged");
    // app (dependent, no proc macro): 0.2 s expansion + (10 % + signature_share 5 %) of 0.8 s
    long signature = app.apply("core:signature").frontendEndNanos();
    assertEquals(comment + Math.round(0.8 * S * Rebuild.CLEAN.signatureShare()), signature);
  }

  @Test
  void editSpecs_parseAndRoundTrip_unknownKindIsBadInput() throws Exception {
    Rebuild rb = Rebuild.CLEAN.withEdits(List.of("core:signature", "app", "x:body"));
    assertEquals(List.of("core", "app", "x"), rb.editedCrates());
    assertEquals(java.util.Optional.of(Rebuild.EditKind.SIGNATURE), rb.editOf("core"));
    assertEquals(java.util.Optional.of(Rebuild.EditKind.COMMENT), rb.editOf("app"));
    assertEquals(List.of("core:signature", "app", "x:body"), rb.editSpecs());
    Scenario sc = scenario("incremental", "[\"core:signature\"]");
    Scenario back = ScenarioReader.parse(ScenarioWriter.write(sc, List.of()), "back.toml");
    assertEquals(sc.rebuild(), back.rebuild());
    ScenarioException e =
        assertThrows(ScenarioException.class, () -> scenario("incremental", "[\"core:typo\"]"));
    assertTrue(e.getMessage().contains("unknown edit kind 'typo'"), e.getMessage());
  }

  @Test
  void binFrontendShare_capsAnImportedBinsFrontEnd_totalKept() throws Exception {
    Scenario sc = scenario("clean", "[]");
    double[] v = sc.rebuild().values();
    // app depends on the workspace lib core: lib_bin_frontend_share caps its front end at 0.1 of
    // its 3 s (bin_frontend_share, for bins holding their own code, stays 1)
    v[12] = 0.1;
    v[3] = 1.0; // dependent_items_share 1, dependent_cgu_share 1: the whole unit redone
    v[4] = 1.0;
    v[6] = 0.0;
    Scenario capped =
        sc.withRebuild(
            sc.rebuild()
                .withValues(v)
                .withKind(Rebuild.Kind.INCREMENTAL)
                .withEdits(List.of("core")));
    UnitData app = byLabel(BuildSimulator.simulate(capped)).get("app bin \"app\"");
    assertEquals(3 * S / 10, app.frontendEndNanos());
    assertEquals(3 * S + S / 2, app.durationNanos());
  }
}
