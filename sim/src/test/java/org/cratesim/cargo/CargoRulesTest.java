package org.cratesim.cargo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cratesim.model.CargoVersion;
import org.cratesim.model.PendingQueue;
import org.cratesim.model.Scenario;
import org.cratesim.model.TargetKind;
import org.cratesim.model.UnitWork;
import org.cratesim.scenario.ScenarioException;
import org.cratesim.scenario.ScenarioOverrides;
import org.cratesim.scenario.ScenarioReader;
import org.cratesim.scenario.ScenarioWriter;
import org.cratesim.strategy.Strategies;
import org.junit.jupiter.api.Test;

/** cargo's rules by version (domain notes A10) and the scheduling what-ifs that switch them. */
class CargoRulesTest {
  private static final long S = 1_000_000_000L;

  /**
   * -j1, check, every unit 1 s. s and l are ready at the start; s (three dependents) starts first
   * under both rules. When s ends, h (two dependents) becomes ready after l: cargo 1.60 starts the
   * oldest pending unit (l), cargo 1.65 the highest priority (h).
   */
  private static final String GRAPH =
      """
      [build]
      jobs = 1
      mode = "check"
      %s
      [[crate]]
      name = "s"
      frontend_s = 1.0
      [[crate]]
      name = "l"
      frontend_s = 1.0
      [[crate]]
      name = "h"
      deps = ["s"]
      frontend_s = 1.0
      [[crate]]
      name = "d1"
      deps = ["h"]
      frontend_s = 1.0
      [[crate]]
      name = "d2"
      deps = ["h"]
      frontend_s = 1.0
      """;

  private static Scenario scenario(String build) throws ScenarioException {
    return ScenarioReader.parse(GRAPH.formatted(build), "rules.toml");
  }

  private static long start(BuildResult r, String crate) {
    return r.units().stream()
        .filter(u -> u.unit().name().equals(crate))
        .findFirst()
        .orElseThrow()
        .startNanos();
  }

  @Test
  void pendingQueue_cargo160_startsTheOldestReadyUnit() throws Exception {
    BuildResult r = BuildSimulator.simulate(scenario("cargo_version = \"1.60\""));
    assertEquals(0, start(r, "s"));
    assertEquals(1 * S, start(r, "l"));
    assertEquals(2 * S, start(r, "h"));
  }

  @Test
  void pendingQueue_cargo165_startsTheHighestPriority() throws Exception {
    BuildResult r = BuildSimulator.simulate(scenario("cargo_version = \"1.65\""));
    assertEquals(0, start(r, "s"));
    assertEquals(1 * S, start(r, "h"));
    assertEquals(2 * S, start(r, "l")); // then l, d1, d2 tie: the lowest index first
  }

  @Test
  void pendingQueue_keyAndStrategyOverrideTheVersionRule() throws Exception {
    BuildResult byKey =
        BuildSimulator.simulate(scenario("cargo_version = \"1.60\"\npending_queue = \"priority\""));
    assertEquals(1 * S, start(byKey, "h"));
    Scenario old = scenario("cargo_version = \"1.60\"");
    BuildResult byStrategy =
        BuildSimulator.simulate(Strategies.enable(old, "pending-queue:order=priority"));
    assertEquals(1 * S, start(byStrategy, "h"));
    BuildResult bySet =
        BuildSimulator.simulate(ScenarioOverrides.applyOne(old, "build.pending_queue", "priority"));
    assertEquals(1 * S, start(bySet, "h"));
  }

  @Test
  void schedulingHints_raiseTheNamedCratesAndWhatTheyNeed() throws Exception {
    Scenario sc = scenario("cargo_version = \"1.65\"");
    BuildResult r = BuildSimulator.simulate(Strategies.enable(sc, "scheduling-hints:crates=l"));
    assertEquals(0, start(r, "l")); // 10 x 100 outweighs s's three dependents
    assertEquals(1 * S, start(r, "s"));
    assertEquals(
        "l",
        new Unit(0, "l@1.0.0", "1.0.0", TargetKind.LIB, CompileMode.BUILD, UnitWork.of(0, 0, 1, 0))
            .packageName());
    assertEquals(
        "app",
        new Unit(
                1,
                "app (bin app)",
                "0.1.0",
                TargetKind.BIN,
                CompileMode.BUILD,
                UnitWork.of(0, 0, 1, 0))
            .packageName());
  }

  @Test
  void cargoVersion_readWrittenAndChecked() throws Exception {
    Scenario sc = scenario("cargo_version = \"1.60\"\npending_queue = \"oldest-first\"");
    assertEquals(new CargoVersion(1, 60), sc.build().cargo());
    Scenario back = ScenarioReader.parse(ScenarioWriter.write(sc, java.util.List.of()), "b.toml");
    assertEquals(sc.build(), back.build());
    assertEquals(PendingQueue.PRIORITY, scenario("").build().pendingQueueInEffect());
    ScenarioException e =
        assertThrows(ScenarioException.class, () -> scenario("cargo_version = 1.60"));
    assertTrue(e.getMessage().startsWith("rules.toml:4:"), e.getMessage());
    assertThrows(ScenarioException.class, () -> scenario("pending_queue = \"newest\""));
    assertEquals(new CargoVersion(1, 95), CargoVersion.parse("rustc 1.95.0 (29483883e 2025)"));
  }

  /** A proc macro given in seconds (2 s of codegen, 0.5 s link), built for the host in dev. */
  private static final String MACRO =
      """
      [build]
      jobs = 1
      mode = "debug"
      cargo_version = "%s"
      [[crate]]
      name = "derive"
      kind = "proc-macro"
      frontend_s = 1.0
      codegen_s = 2.0
      codegen_units = 1
      link_s = 0.5
      [[crate]]
      name = "app"
      kind = "bin"
      deps = ["derive"]
      frontend_s = 1.0
      """;

  private static long duration(Scenario sc, String crate) {
    return BuildSimulator.simulate(sc).units().stream()
        .filter(u -> u.unit().name().equals(crate))
        .findFirst()
        .orElseThrow()
        .durationNanos();
  }

  @Test
  void buildOverrideDebug_scalesAHostUnitGivenInSecondsFromWhatItsCargoMeasured() throws Exception {
    double f = CostRatesFactor.of(ScenarioReader.parse(MACRO.formatted("1.60"), "m.toml"));
    Scenario old = ScenarioReader.parse(MACRO.formatted("1.60"), "m.toml");
    assertEquals(3_500_000_000L, duration(old, "derive")); // measured with debuginfo: as given
    long without = duration(Strategies.enable(old, "build-override:debug=0"), "derive");
    assertEquals(1 * S + Math.round(2.5 * S * f), without, 2);
    Scenario now = ScenarioReader.parse(MACRO.formatted("1.95"), "m.toml");
    assertEquals(3_500_000_000L, duration(now, "derive")); // 1.95 measured it without: as given
    long with = duration(Strategies.enable(now, "build-override:debug=2"), "derive");
    assertEquals(1 * S + Math.round(2.5 * S / f), with, 2);
    // the bin is built for the target: untouched
    assertEquals(duration(old, "app"), duration(Strategies.enable(old, "build-override"), "app"));
  }

  /** The shipped factor of a host unit without debuginfo. */
  private static final class CostRatesFactor {
    static double of(Scenario sc) {
      return sc.costs().get("timed_host_debuginfo_none_factor");
    }
  }
}
