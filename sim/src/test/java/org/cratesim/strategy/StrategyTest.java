package org.cratesim.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.stream.Collectors;
import org.cratesim.cargo.BuildResult;
import org.cratesim.cargo.BuildSimulator;
import org.cratesim.cargo.UnitData;
import org.cratesim.model.Rebuild;
import org.cratesim.model.Scenario;
import org.cratesim.scenario.ScenarioException;
import org.cratesim.scenario.ScenarioReader;
import org.cratesim.scenario.ScenarioWriter;
import org.junit.jupiter.api.Test;

/** Each strategy's direction, where it does not apply, and how strategies compose. */
class StrategyTest {
  private static final long S = 1_000_000_000L;

  /**
   * A derive macro with a build-only chain (syn); pm2 is also needed by the app, so it stays.
   * model's front end is 4 s, 10 % of it expansion: 0.4 s = 200 invocations at 2 ms.
   */
  private static final String GRAPH =
      """
      [build]
      jobs = 2
      startup_s = 0.0
      workspace = ["model", "app"]
      [costs]
      expand_per_invocation_s = 0.002
      [incremental]
      expansion_share = 0.1
      [[strategy]]
      name = "precompiled-proc-macros"
      enabled = false
      per_invocation_s = 0.005
      [[crate]]
      name = "pm2"
      frontend_s = 1.0
      codegen_s = 1.0
      [[crate]]
      name = "syn"
      deps = ["pm2"]
      frontend_s = 2.0
      codegen_s = 2.0
      [[crate]]
      name = "derive"
      kind = "proc-macro"
      deps = ["syn", "pm2"]
      frontend_s = 1.0
      codegen_s = 1.0
      [[crate]]
      name = "serde"
      frontend_s = 1.0
      codegen_s = 1.0
      [[crate]]
      name = "model"
      deps = ["serde", "derive"]
      frontend_s = 4.0
      codegen_s = 4.0
      [[crate]]
      name = "app"
      kind = "bin"
      deps = ["model", "pm2"]
      frontend_s = 1.0
      codegen_s = 1.0
      """;

  private static Scenario base(String kind) throws ScenarioException {
    Scenario sc = ScenarioReader.parse(GRAPH, "strategies.toml");
    Rebuild rb = sc.rebuild().withKind(Rebuild.Kind.parse(kind));
    if (kind.equals("incremental")) {
      rb = rb.withEdits(java.util.List.of("model"));
    }
    return sc.withRebuild(rb);
  }

  private static BuildResult run(Scenario sc, String... strategies) {
    for (String s : strategies) {
      sc = Strategies.enable(sc, s);
    }
    return BuildSimulator.simulate(sc);
  }

  private static Map<String, UnitData> byCrate(BuildResult r) {
    return r.units().stream().collect(Collectors.toMap(u -> u.unit().label(), u -> u));
  }

  private static long duration(BuildResult r, String labelStart) {
    return r.units().stream()
        .filter(u -> u.unit().label().startsWith(labelStart))
        .mapToLong(UnitData::durationNanos)
        .sum();
  }

  private static long work(BuildResult r, String labelStart) {
    return r.units().stream()
        .filter(u -> u.unit().label().startsWith(labelStart))
        .mapToLong(u -> u.unit().work().totalNanos())
        .sum();
  }

  @Test
  void precompiled_clean_macroAndItsBuildOnlyDepsNotBuilt_sharedDepStays() throws Exception {
    BuildResult base = run(base("clean"));
    BuildResult pre = run(base("clean"), "precompiled-proc-macros");
    assertEquals(0, duration(pre, "derive"));
    assertEquals(0, duration(pre, "syn"));
    assertEquals(duration(base, "pm2"), duration(pre, "pm2"), "app still needs pm2");
    // 200 invocations x 5 ms on model's front end
    assertEquals(duration(base, "model") + S, duration(pre, "model"));
    assertTrue(pre.wallNanos() < base.wallNanos(), "the syn -> derive chain leaves the path");
  }

  @Test
  void precompiled_warmAndIncremental_onlyTheOverheadRemains() throws Exception {
    for (String kind : new String[] {"warm", "incremental"}) {
      BuildResult base = run(base(kind));
      BuildResult pre = run(base(kind), "precompiled-proc-macros");
      assertEquals(0, duration(base, "syn"), kind + ": already built either way");
      assertTrue(pre.wallNanos() > base.wallNanos(), kind);
    }
  }

  @Test
  void expansionCache_changesNothingOnCleanOrWarmBuilds() throws Exception {
    for (String kind : new String[] {"clean", "warm"}) {
      BuildResult base = run(base(kind));
      BuildResult cached = run(base(kind), "expansion-cache");
      assertEquals(base.wallNanos(), cached.wallNanos(), kind);
      assertEquals(base.workNanos(), cached.workNanos(), kind);
    }
  }

  @Test
  void expansionCache_incremental_servesUnchangedInvocations() throws Exception {
    BuildResult base = run(base("incremental"));
    BuildResult cached = run(base("incremental"), "expansion-cache");
    // model's 0.4 s of expansion: 5 % of 200 invocations re-run (0.02 s), 190 hits x 0.2 ms
    long expected =
        duration(base, "model") - Math.round(0.4 * S * 0.95) + Math.round(190 * 0.0002 * S);
    assertEquals(expected, duration(cached, "model"));
    assertTrue(cached.wallNanos() < base.wallNanos());
  }

  @Test
  void expansionCache_denyListedMacroAlwaysRuns() throws Exception {
    Scenario sc =
        ScenarioReader.parse(
            GRAPH
                + """
        [[strategy]]
        name = "expansion-cache"
        deny = ["derive"]
        """,
            "deny.toml");
    sc =
        sc.withRebuild(
            sc.rebuild().withKind(Rebuild.Kind.INCREMENTAL).withEdits(java.util.List.of("model")));
    BuildResult cached = BuildSimulator.simulate(sc);
    BuildResult base = run(Strategies.disableAll(sc));
    assertEquals(base.wallNanos(), cached.wallNanos());
  }

  @Test
  void wasm_macroNotCompiled_butIncrementalBuildsPayTheSlowdown() throws Exception {
    BuildResult clean = run(base("clean"), "wasm-proc-macros");
    assertEquals(0, duration(clean, "syn"));
    BuildResult base = run(base("incremental"));
    BuildResult wasm = run(base("incremental"), "wasm-proc-macros");
    // 0.4 s of expansion, 100x slower in the interpreter
    assertTrue(wasm.wallNanos() > base.wallNanos() + 30 * S);
  }

  @Test
  void sharedCache_sameSeedSameHits_neverBinsProcMacrosOrScriptRuns() throws Exception {
    Scenario sc = base("clean");
    BuildResult a = run(sc, "shared-cache");
    BuildResult b = run(sc, "shared-cache");
    assertEquals(a.units(), b.units());
    BuildResult base = run(sc);
    // the units' work (durations also move with what runs beside them)
    assertEquals(work(base, "app"), work(a, "app"));
    assertEquals(work(base, "derive"), work(a, "derive"));
    assertTrue(
        work(a, "serde") != work(base, "serde") && work(a, "pm2") != work(base, "pm2"),
        "a library is either fetched (hit) or compiled and written (miss)");
    assertNotEquals(base.workNanos(), a.workNanos());
  }

  @Test
  void sharedCache_incrementalCratesNotCached() throws Exception {
    BuildResult base = run(base("incremental"));
    BuildResult cached = run(base("incremental"), "shared-cache");
    assertEquals(base.wallNanos(), cached.wallNanos());
  }

  @Test
  void strategiesCompose_precompiledAndExpansionCache() throws Exception {
    Scenario sc = base("incremental");
    BuildResult both = run(sc, "precompiled-proc-macros", "expansion-cache");
    BuildResult pre = run(sc, "precompiled-proc-macros");
    BuildResult cache = run(sc, "expansion-cache");
    assertTrue(both.wallNanos() < pre.wallNanos());
    assertNotEquals(cache.wallNanos(), both.wallNanos());
  }

  @Test
  void procMacrosFirst_respectsDependencies_andStartsTheMacroChainNoLater() throws Exception {
    Scenario sc = base("clean").withBuild(base("clean").build().withJobs(1));
    BuildResult dflt = run(sc);
    BuildResult first = run(sc, "proc-macros-first");
    Map<String, UnitData> u = byCrate(first);
    assertTrue(u.get("syn").startNanos() <= byCrate(dflt).get("syn").startNanos());
    assertTrue(u.get("syn").startNanos() >= u.get("pm2").endNanos());
  }

  @Test
  void unknownStrategyOrParameter_isAnErrorWithItsLine() {
    ScenarioException e =
        assertThrows(
            ScenarioException.class,
            () -> ScenarioReader.parse(GRAPH + "\n[[strategy]]\nname = \"turbo\"\n", "bad.toml"));
    assertTrue(e.getMessage().startsWith("bad.toml:"), e.getMessage());
    assertTrue(e.getMessage().contains("unknown strategy 'turbo'"), e.getMessage());
    ScenarioException p =
        assertThrows(
            ScenarioException.class,
            () ->
                ScenarioReader.parse(
                    GRAPH + "\n[[strategy]]\nname = \"shared-cache\"\nhit = 0.5\n", "bad.toml"));
    assertTrue(p.getMessage().contains("no parameter 'hit'"), p.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> Strategies.enable(ScenarioReader.parse(GRAPH, "x.toml"), "turbo"));
  }

  @Test
  void precompiled_listedCrateMustBeAProcMacro() throws Exception {
    Scenario sc =
        Strategies.enable(
            ScenarioReader.parse(
                GRAPH.replace("per_invocation_s = 0.005", "crates = [\"serde\"]"), "x.toml"),
            "precompiled-proc-macros");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> BuildSimulator.simulate(sc));
    assertTrue(e.getMessage().contains("'serde' is not a proc-macro crate"), e.getMessage());
  }

  @Test
  void writer_roundTripsStrategyDeclarations() throws Exception {
    Scenario sc = ScenarioReader.parse(GRAPH, "a.toml");
    Scenario back = ScenarioReader.parse(ScenarioWriter.write(sc, java.util.List.of()), "b.toml");
    assertEquals(sc.strategies(), back.strategies());
  }

  @Test
  void commandLineParameters_overrideTheDeclaration() throws Exception {
    Scenario sc =
        Strategies.enable(
            ScenarioReader.parse(GRAPH, "x.toml"),
            "precompiled-proc-macros:per_invocation_s=0,crates=derive");
    var d = sc.strategies().get(0);
    assertTrue(d.enabled());
    assertEquals(0.0, d.params().get("per_invocation_s"));
    assertEquals(java.util.List.of("derive"), d.params().get("crates"));
    // no overhead left: the cold build only saves
    BuildResult base = run(base("clean"));
    assertEquals(duration(base, "model"), duration(BuildSimulator.simulate(sc), "model"));
    assertThrows(
        IllegalArgumentException.class,
        () -> Strategies.enable(sc, "wasm-proc-macros:runtime=fast"));
    assertThrows(
        IllegalArgumentException.class, () -> Strategies.enable(sc, "wasm-proc-macros:runtime"));
    assertThrows(IllegalArgumentException.class, () -> Strategies.enable(sc, "shared-cache:hit=1"));
  }

  @Test
  void facadeCrate_doesNotInvokeTheMacroItReexports() throws Exception {
    Scenario sc =
        ScenarioReader.parse(
            """
        [build]
        jobs = 1
        startup_s = 0.0
        kind = "incremental"
        edits = ["serde"]
        workspace = ["serde", "model"]
        [incremental]
        expansion_share = 0.5
        [[crate]]
        name = "serde_derive"
        kind = "proc-macro"
        frontend_s = 1.0
        codegen_s = 1.0
        [[crate]]
        name = "serde"
        deps = ["serde_derive"]
        frontend_s = 2.0
        codegen_s = 0.0
        [[crate]]
        name = "model"
        deps = ["serde", "serde_derive"]
        frontend_s = 2.0
        codegen_s = 0.0
        """,
            "facade.toml");
    BuildResult base = BuildSimulator.simulate(sc);
    BuildResult cached = run(sc, "expansion-cache");
    // serde re-exports serde_derive: nothing of it to serve from the cache; model's expansion
    // (half its front end) is
    long serde = byCrate(base).get("serde").durationNanos();
    assertTrue(serde > 0, "edited: rebuilt");
    assertEquals(serde, byCrate(cached).get("serde").durationNanos());
    // model: 1 s of expansion, all hits (a dependent), 500 invocations x 0.2 ms
    assertEquals(
        byCrate(base).get("model").durationNanos() - S + Math.round(500 * 0.0002 * S),
        byCrate(cached).get("model").durationNanos());
  }
}
