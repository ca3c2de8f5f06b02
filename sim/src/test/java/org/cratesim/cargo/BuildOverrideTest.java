package org.cratesim.cargo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.cratesim.importer.Calibration;
import org.cratesim.importer.Calibrations;
import org.cratesim.importer.EdgeKnowledge;
import org.cratesim.importer.TimingsImporter;
import org.cratesim.model.BuildOverrideSettings;
import org.cratesim.model.CargoVersion;
import org.cratesim.model.Mode;
import org.cratesim.model.ProfileSettings;
import org.cratesim.model.Scenario;
import org.cratesim.model.TargetKind;
import org.cratesim.model.UnitWork;
import org.cratesim.scenario.ScenarioOverrides;
import org.cratesim.scenario.ScenarioReader;
import org.cratesim.strategy.Strategies;
import org.cratesim.timings.CargoMetadata;
import org.cratesim.timings.TimingsPage;
import org.cratesim.timings.TimingsReader;
import org.junit.jupiter.api.Test;

/**
 * {@code [profile.build-override]}: cargo's defaults per mode and version, applied to the units
 * built for the host only (a crate shared with the target side keeps the profile's), on crates
 * described by size, crates given in seconds and an imported page.
 */
class BuildOverrideTest {
  private static final long S = 1_000_000_000L;

  @Test
  void defaults_areCargosPerModeAndVersion() {
    ProfileSettings p = ProfileSettings.DEFAULT;
    CargoVersion v160 = new CargoVersion(1, 60);
    CargoVersion v169 = new CargoVersion(1, 69);
    for (Mode m : Mode.values()) {
      assertEquals("0", p.hostOptLevel(), m.id()); // cargo 1.47, PR #8500: every mode
      assertEquals(256, p.hostCodegenUnits(256));
      assertEquals(0, p.hostDebuginfoFor(m, v169), m.id()); // cargo 1.69, PR #11252
    }
    assertEquals(2, p.hostDebuginfoFor(Mode.DEBUG, v160)); // before 1.69: the profile's
    assertEquals(2, p.hostDebuginfoFor(Mode.CHECK, v160));
    assertEquals(0, p.hostDebuginfoFor(Mode.RELEASE, v160)); // release: none
    // a release profile with debuginfo (cargo keeps the deferred debuginfo before 1.69): the model
    // gives host units none in release, as before
    assertEquals(0, p.withDebuginfo(Optional.of(2)).hostDebuginfoFor(Mode.RELEASE, v160));
    // the profile's opt-level and codegen-units do not reach host units (for_host resets them)
    ProfileSettings o3 = p.withOptLevel(Optional.of("3")).withCodegenUnits(Optional.of(1));
    assertEquals("0", o3.hostOptLevel());
    assertEquals(256, o3.hostCodegenUnits(256));
    ProfileSettings set =
        p.withBuildOverride(
            new BuildOverrideSettings(Optional.of("s"), Optional.of(1), Optional.of(4)));
    assertEquals("s", set.hostOptLevel());
    assertTrue(set.hostOptimizes());
    assertEquals(1, set.hostDebuginfoFor(Mode.RELEASE, v160));
    assertEquals(4, set.hostCodegenUnits(256));
  }

  /**
   * Debug, -j1, crates described by size: a proc macro {@code derive} needs {@code hostdep} (host
   * only) and {@code shared}, which {@code app} needs too (shared by host and target).
   */
  private static final String SIZED =
      """
      [build]
      jobs = 1
      mode = "debug"
      %s
      [[crate]]
      name = "shared"
      loc = 20000
      [[crate]]
      name = "hostdep"
      loc = 20000
      [[crate]]
      name = "derive"
      kind = "proc-macro"
      deps = ["hostdep", "shared"]
      loc = 20000
      [[crate]]
      name = "app"
      kind = "bin"
      deps = ["derive", "shared"]
      loc = 20000
      macro_invocations = { derive = 50 }
      """;

  /** The work of a crate's own unit (not its build script's). */
  private static UnitWork work(Scenario sc, String crate) {
    return UnitGraphBuilder.build(sc).units().stream()
        .filter(u -> u.name().equals(crate))
        .filter(
            u ->
                u.kind() != TargetKind.BUILD_SCRIPT_COMPILE
                    && u.kind() != TargetKind.BUILD_SCRIPT_RUN)
        .findFirst()
        .orElseThrow()
        .work();
  }

  @Test
  void sizeBased_overrideReachesOnlyHostOnlyUnits() throws Exception {
    Scenario base = ScenarioReader.parse(SIZED.formatted(""), "sized.toml");
    Scenario o3 =
        ScenarioReader.parse(
            SIZED.formatted("[profile.build-override]\nopt-level = 3"), "sized.toml");
    Scenario cgu1 =
        ScenarioReader.parse(
            SIZED.formatted("[profile.build-override]\ncodegen-units = 1"), "sized.toml");
    for (String host : new String[] {"derive", "hostdep"}) {
      assertTrue(
          work(o3, host).codegenNanos() > work(base, host).codegenNanos(),
          host + ": opt-level 3 costs more LLVM work");
      assertTrue(work(base, host).codegenUnits() > 1, host + " fills several CGUs at 256");
      assertEquals(1, work(cgu1, host).codegenUnits(), host);
    }
    for (String target : new String[] {"shared", "app"}) {
      assertEquals(work(base, target), work(o3, target), target);
      assertEquals(work(base, target), work(cgu1, target), target);
    }
    // the profile's own opt-level reaches target units only (cargo's for_host resets it)
    Scenario profileO1 = ScenarioOverrides.applyOne(base, "profile.opt_level", "1");
    assertEquals(work(base, "derive"), work(profileO1, "derive"));
    assertNotEquals(work(base, "shared"), work(profileO1, "shared"));
    // the override's debug, as today's key did
    Scenario dbg2 = ScenarioOverrides.applyOne(base, "profile.build-override.debug", "full");
    assertTrue(work(dbg2, "derive").codegenNanos() > work(base, "derive").codegenNanos());
    assertEquals(work(base, "shared"), work(dbg2, "shared"));
    // the strategy is the same as the table
    assertEquals(
        work(o3, "derive"), work(Strategies.enable(base, "build-override:opt_level=3"), "derive"));
  }

  /** A proc macro given in seconds (1 s front end, 2 s codegen in 8 CGUs, 0.5 s link). */
  private static final String TIMED =
      """
      [build]
      jobs = %d
      mode = "debug"
      cargo_version = "1.95"
      [[crate]]
      name = "derive"
      kind = "proc-macro"
      frontend_s = 1.0
      codegen_s = 2.0
      codegen_units = 8
      link_s = 0.5
      [[crate]]
      name = "app"
      kind = "bin"
      deps = ["derive"]
      frontend_s = 1.0
      codegen_s = 1.0
      """;

  private static long duration(Scenario sc, String crate) {
    return BuildSimulator.simulate(sc).units().stream()
        .filter(
            u -> u.unit().name().equals(crate) && u.unit().kind() != TargetKind.BUILD_SCRIPT_RUN)
        .filter(u -> u.unit().kind() != TargetKind.BUILD_SCRIPT_COMPILE)
        .findFirst()
        .orElseThrow()
        .durationNanos();
  }

  @Test
  void givenInSeconds_optLevelScalesCodegenByTheCostModelsRates() throws Exception {
    Scenario sc = ScenarioReader.parse(TIMED.formatted(1), "timed.toml");
    assertEquals(3_500_000_000L, duration(sc, "derive")); // measured at cargo's default
    double translate = sc.costs().get("translate_per_kir_s");
    double ratio =
        (translate + sc.costs().get("llvm_opt_per_kir_s"))
            / (translate + sc.costs().get("llvm_debug_per_kir_s"));
    assertTrue(ratio > 1);
    Scenario o3 = Strategies.enable(sc, "build-override:opt_level=3");
    assertEquals(1 * S + Math.round(2 * S * ratio) + S / 2, duration(o3, "derive"), 2);
    assertEquals(duration(sc, "app"), duration(o3, "app")); // built for the target
    // opt-level "0" given explicitly is what was measured
    Scenario o0 = Strategies.enable(sc, "build-override:opt_level=0");
    assertEquals(duration(sc, "derive"), duration(o0, "derive"));
  }

  @Test
  void givenInSeconds_codegenUnitsSetTheHostUnitsParallelism() throws Exception {
    Scenario sc = ScenarioReader.parse(TIMED.formatted(4), "timed.toml");
    assertEquals(8, work(sc, "derive").codegenUnits());
    Scenario one = Strategies.enable(sc, "build-override:codegen_units=1");
    assertEquals(1, work(one, "derive").codegenUnits());
    assertEquals(work(sc, "app"), work(one, "app"));
    // the same work on one thread: the unit takes longer at -j4
    assertTrue(duration(one, "derive") > duration(sc, "derive"));
    assertEquals(3_500_000_000L, duration(one, "derive"), 2); // serial: 1 + 2 + 0.5 s
  }

  private static final Path OWN = Path.of("src/test/resources/timings/own-2core-2026");

  /** own-2core's cli page (cargo 1.95, debug, -j2) with its cargo metadata, at {@code jobs}. */
  private static Scenario page(int jobs) throws Exception {
    TimingsPage p = TimingsReader.read(OWN.resolve("cli-clean-dev-j2-r2.json"));
    Calibration cal =
        Calibrations.shipped().get(Calibrations.profileFor(p.ncpu()), TimingsImporter.modeOf(p));
    Scenario sc =
        TimingsImporter.toScenario(
            p,
            cal,
            Optional.empty(),
            Optional.of(CargoMetadata.read(OWN.resolve("cli-metadata.json"))),
            EdgeKnowledge.none());
    return sc.withBuild(sc.build().withJobs(jobs));
  }

  @Test
  void importedPage_strategyMovesTheWallTimeTheExpectedWay() throws Exception {
    Scenario sc = page(2);
    long base = BuildSimulator.simulate(sc).wallNanos();
    long o3 =
        BuildSimulator.simulate(Strategies.enable(sc, "build-override:opt_level=3")).wallNanos();
    assertTrue(o3 > base, "opt-level 3 on host units of a debug build: " + o3 + " vs " + base);
    // syn is needed by proc macros only: host only, its CGUs follow the override; serde (the
    // target's) keeps its own
    Scenario one = Strategies.enable(sc, "build-override:codegen_units=1");
    assertTrue(work(sc, "syn").codegenUnits() > 1);
    assertEquals(1, work(one, "syn").codegenUnits());
    assertEquals(work(sc, "serde"), work(one, "serde"));
    // with tokens to spare, one CGU per host unit is slower
    Scenario wide = page(8);
    long wideBase = BuildSimulator.simulate(wide).wallNanos();
    long wideOne =
        BuildSimulator.simulate(Strategies.enable(wide, "build-override:codegen_units=1"))
            .wallNanos();
    assertTrue(wideOne > wideBase, wideOne + " vs " + wideBase);
  }
}
