package org.cratesim.cargo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cratesim.model.CrateSpec;
import org.cratesim.model.Scenario;
import org.cratesim.scenario.ScenarioReader;
import org.cratesim.strategy.Strategies;
import org.junit.jupiter.api.Test;

/**
 * Which proc macros a crate given in seconds invokes, and how much of its rebuild a strategy that
 * changes expansion can move (the expansion cache, measured against rustc's -Zcache-proc-macros).
 */
class MacroAttributionTest {
  private static final long S = 1_000_000_000L;

  private static final String GRAPH =
      """
      [build]
      jobs = 1
      startup_s = 0.0
      kind = "incremental"
      edits = ["app"]
      workspace = ["app"]
      [incremental]
      items_share = 0.0
      cgu_share = 0.0
      expansion_share = 0.5
      plain_expansion_share = 0.0
      overhead_s = 0.0
      bin_frontend_share = 0.25
      bin_link_s = 0.0
      [[crate]]
      name = "serde_derive"
      kind = "proc-macro"
      frontend_s = 1.0
      codegen_s = 1.0
      [[crate]]
      name = "serde"
      deps = ["serde_derive"]
      frontend_s = 1.0
      codegen_s = 1.0
      [[crate]]
      name = "clap_derive"
      kind = "proc-macro"
      frontend_s = 1.0
      codegen_s = 1.0
      [[crate]]
      name = "app"
      kind = "bin"
      deps = %s
      frontend_s = 4.0
      codegen_s = 4.0
      """;

  private static Scenario scenario(String deps) throws Exception {
    return ScenarioReader.parse(GRAPH.formatted(deps), "macros.toml");
  }

  private static Map<String, CrateSpec> byName(Scenario sc) {
    return sc.crates().stream().collect(Collectors.toMap(CrateSpec::name, Function.identity()));
  }

  @Test
  void aDeriveThroughItsFacade_isInvokedByTheUser_notByTheFacade() throws Exception {
    Scenario sc = scenario("[\"serde\", \"clap_derive\"]");
    Map<String, CrateSpec> by = byName(sc);
    assertEquals(
        List.of("clap_derive", "serde_derive"), UnitGraphBuilder.macrosUsed(by.get("app"), by));
    // serde re-exports serde_derive: it depends on it without invoking it
    assertEquals(List.of(), UnitGraphBuilder.macrosUsed(by.get("serde"), by));
  }

  @Test
  void theCache_removesTheExpansionOfTheBinsCappedFrontEnd() throws Exception {
    // app's page split gives a 4 s front end; rebuilt, a bin's front end is at most
    // bin_frontend_share (0.25) of its 8 s: 2 s, of which expansion_share (0.5) is expansion: 1 s,
    // all of it served by a cache that costs nothing per hit and sees no input changed
    Scenario sc = scenario("[\"serde\"]");
    Scenario cached =
        Strategies.enable(sc, "expansion-cache:changed_share=0,hit_cost_s=0,cacheable_share=1");
    long base = BuildSimulator.simulate(sc).wallNanos();
    long with = BuildSimulator.simulate(cached).wallNanos();
    assertEquals(S, base - with);
    // half cacheable: half of it
    Scenario half =
        Strategies.enable(sc, "expansion-cache:changed_share=0,hit_cost_s=0,cacheable_share=0.5");
    assertEquals(S / 2, base - BuildSimulator.simulate(half).wallNanos());
  }

  @Test
  void withoutAFacade_aLibWithNoMacroDependency_givesTheCacheNothing() throws Exception {
    String g = GRAPH.replace("deps = [\"serde_derive\"]\n", "");
    Scenario sc = ScenarioReader.parse(g.formatted("[\"serde\"]"), "macros.toml");
    Scenario cached =
        Strategies.enable(sc, "expansion-cache:changed_share=0,hit_cost_s=0,cacheable_share=1");
    assertEquals(
        BuildSimulator.simulate(sc).wallNanos(), BuildSimulator.simulate(cached).wallNanos());
  }
}
