package org.cratesim.cargo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cratesim.model.Scenario;
import org.cratesim.scenario.ScenarioException;
import org.cratesim.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;

/** Analytic cases with exact answers. */
class JobQueueTest {
  private static final long S = 1_000_000_000L;

  static BuildResult run(String toml) throws ScenarioException {
    Scenario sc = ScenarioReader.parse(toml, "test.toml");
    return BuildSimulator.simulate(sc);
  }

  private static UnitData unit(BuildResult r, String label) {
    return r.units().stream()
        .filter(u -> u.unit().label().equals(label))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no unit " + label));
  }

  private static final String AB =
      """
      [build]
      jobs = 2
      mode = "%s"
      startup_s = %s
      [[crate]]
      name = "a"
      frontend_s = 1.0
      codegen_s = 1.0
      codegen_units = 1
      [[crate]]
      name = "b"
      kind = "%s"
      deps = ["a"]
      frontend_s = 1.0
      codegen_s = 1.0
      codegen_units = 1
      """;

  @Test
  void libOnLib_startsAtRmeta_endsAtThreeSeconds() throws Exception {
    BuildResult r = run(AB.formatted("debug", "0.0", "lib"));
    assertEquals(1 * S, unit(r, "b").startNanos());
    assertEquals(1 * S, unit(r, "a").rmetaNanos());
    assertEquals(3 * S, r.wallNanos());
    assertEquals(ChainLink.Wait.RMETA, r.criticalChain().get(1).waitedFor());
  }

  @Test
  void binOnLib_waitsForFullBuild_endsAtFourSeconds() throws Exception {
    BuildResult r = run(AB.formatted("debug", "0.0", "bin"));
    assertEquals(2 * S, unit(r, "b bin \"b\"").startNanos());
    assertEquals(4 * S, r.wallNanos());
  }

  @Test
  void checkMode_stopsAfterFrontEnd_endsAtTwoSeconds() throws Exception {
    BuildResult r = run(AB.formatted("check", "0.0", "lib"));
    assertEquals(2 * S, r.wallNanos());
    assertEquals(1 * S, unit(r, "a (check)").durationNanos());
  }

  @Test
  void startup_shiftsEverything() throws Exception {
    BuildResult r = run(AB.formatted("debug", "0.5", "lib"));
    assertEquals(S / 2, unit(r, "a").startNanos());
    assertEquals(S * 3 + S / 2, r.wallNanos());
    BuildResult bin = run(AB.formatted("debug", "0.5", "bin"));
    assertEquals(S * 4 + S / 2, bin.wallNanos());
    BuildResult check = run(AB.formatted("check", "0.5", "lib"));
    assertEquals(S * 2 + S / 2, check.wallNanos());
  }

  private static final String ONE =
      """
      [build]
      jobs = %d
      [rustc]
      codegen_serial_share = %s
      [[crate]]
      name = "x"
      frontend_s = 1.0
      codegen_s = 4.0
      codegen_units = %d
      """;

  @Test
  void cgus_oneJob_unitTakesExactlyItsSerialTime() throws Exception {
    for (String share : new String[] {"0.0", "0.3", "1.0"}) {
      BuildResult r = run(ONE.formatted(1, share, 4));
      assertEquals(5 * S, r.wallNanos(), "share " + share);
      assertEquals(1, r.maxThreads());
    }
  }

  @Test
  void cgus_moreTokens_fasterButNeverBelowParallelBound() throws Exception {
    long previous = Long.MAX_VALUE;
    for (int jobs : new int[] {1, 2, 4, 8}) {
      BuildResult r = run(ONE.formatted(jobs, "0.2", 4));
      long bound = S + 4 * S / Math.min(4, jobs);
      assertTrue(r.wallNanos() >= bound, "jobs " + jobs + ": " + r.wallNanos());
      assertTrue(r.wallNanos() <= previous, "jobs " + jobs);
      assertTrue(r.maxThreads() <= jobs);
      previous = r.wallNanos();
    }
    assertTrue(previous < 5 * S);
  }

  @Test
  void cgus_noSerialShare_fourTokensFourCgus_perfectSplit() throws Exception {
    BuildResult r = run(ONE.formatted(4, "0.0", 4));
    // translation is free, so all four CGUs are queued at once; tokens arrive one per CGU
    assertEquals(2 * S, r.wallNanos());
  }

  @Test
  void cgus_staircase_translationIsSerial() throws Exception {
    // all codegen on the main thread: no parallelism whatever the tokens
    BuildResult r = run(ONE.formatted(8, "1.0", 8));
    assertEquals(5 * S, r.wallNanos());
  }

  private static final String PROC_MACRO =
      """
      [build]
      jobs = 8
      [[crate]]
      name = "syn"
      frontend_s = 2.0
      codegen_s = 2.0
      codegen_units = 1
      [[crate]]
      name = "derive"
      kind = "proc-macro"
      deps = ["syn"]
      frontend_s = 1.0
      codegen_s = 1.0
      codegen_units = 1
      link_s = 0.5
      [[crate]]
      name = "serde"
      deps = ["derive"]
      frontend_s = 1.0
      [[crate]]
      name = "user"
      deps = ["serde"]
      frontend_s = 1.0
      """;

  @Test
  void procMacro_isSynchronisationPoint() throws Exception {
    BuildResult r = run(PROC_MACRO);
    // derive waits for syn's full build (4 s), builds 2.5 s; serde waits for all of it
    assertEquals(4 * S, unit(r, "derive proc-macro").startNanos());
    assertEquals(6 * S + S / 2, unit(r, "serde").startNanos());
    assertEquals(8 * S + S / 2, r.wallNanos());
  }

  @Test
  void procMacro_checkMode_stillFullyBuiltWithItsDeps() throws Exception {
    BuildResult r = run(PROC_MACRO.replace("jobs = 8", "jobs = 8\nmode = \"check\""));
    assertEquals(4 * S, unit(r, "syn").durationNanos()); // Build mode: codegen too
    assertEquals(S, unit(r, "serde (check)").durationNanos());
    assertEquals(6 * S + S / 2 + 2 * S, r.wallNanos());
  }

  @Test
  void buildScript_compileThenRunThenCrate() throws Exception {
    BuildResult r =
        run(
            """
        [build]
        jobs = 4
        [[crate]]
        name = "cc"
        frontend_s = 1.0
        [[crate]]
        name = "sys"
        frontend_s = 1.0
        build_script = { compile_s = 0.5, run_s = 2.0, deps = ["cc"] }
        """);
    UnitData compile = unit(r, "sys build-script");
    UnitData run = unit(r, "sys build-script (run)");
    UnitData lib = unit(r, "sys");
    assertEquals(S, compile.startNanos()); // waits for cc in full
    assertEquals(compile.endNanos(), run.startNanos());
    assertEquals(run.endNanos(), lib.startNanos());
    assertEquals(S + S / 2 + 2 * S + S, r.wallNanos());
  }

  @Test
  void priority_mostDependedUponStartsFirst() throws Exception {
    BuildResult r =
        run(
            """
        [build]
        jobs = 1
        [[crate]]
        name = "leaf"
        frontend_s = 1.0
        [[crate]]
        name = "base"
        frontend_s = 1.0
        [[crate]]
        name = "mid"
        deps = ["base"]
        frontend_s = 1.0
        [[crate]]
        name = "top"
        deps = ["mid"]
        frontend_s = 1.0
        """);
    // base has two transitive dependents, leaf none: base first despite being declared later
    assertEquals(0, unit(r, "base").startNanos());
    assertEquals(
        ChainLink.Wait.TOKEN,
        r.criticalChain().stream()
            .filter(l -> l.unit() >= 0 && r.units().get(l.unit()).unit().name().equals("leaf"))
            .findFirst()
            .map(ChainLink::waitedFor)
            .orElse(ChainLink.Wait.NOTHING));
  }

  @Test
  void schedulingByDuration_startsLongUnitFirst() throws Exception {
    String toml =
        """
        [build]
        jobs = 1
        scheduling = "%s"
        [[crate]]
        name = "short"
        frontend_s = 1.0
        [[crate]]
        name = "long"
        frontend_s = 5.0
        """;
    assertEquals(0, unit(run(toml.formatted("cargo")), "short").startNanos());
    assertEquals(0, unit(run(toml.formatted("duration")), "long").startNanos());
  }

  @Test
  void tokens_twoJobs_neverMoreThanTwoThreads() throws Exception {
    BuildResult r =
        run(
            """
        [build]
        jobs = 2
        [[crate]]
        name = "a"
        frontend_s = 1.0
        codegen_s = 8.0
        codegen_units = 16
        [[crate]]
        name = "b"
        frontend_s = 1.0
        codegen_s = 8.0
        codegen_units = 16
        """);
    assertEquals(2, r.maxThreads());
    assertTrue(r.wallNanos() >= 9 * S); // 18 s of work on 2 threads
  }

  private static final String MECH =
      """
      [build]
      jobs = %d
      mode = "%s"
      [rustc]
      codegen_serial_share = 0.0
      codegen_fixed_s = %s
      cgu_size_ratio = %s
      thin_local_lto_share = %s
      [[crate]]
      name = "x"
      frontend_s = 1.0
      codegen_s = 8.0
      codegen_units = 8
      """;

  @Test
  void mechanisms_oneJob_neverChangeTheSerialTime() throws Exception {
    for (String mode : new String[] {"debug", "release"}) {
      BuildResult r = run(MECH.formatted(1, mode, "0.5", "0.7", "0.4"));
      assertEquals(9 * S, r.wallNanos(), mode);
    }
  }

  @Test
  void fixedSerialPart_addsToTheParallelTime() throws Exception {
    // 8 equal CGUs on 8 tokens, nothing serial: 1 + 8/8 = 2 s; a 0.5 s fixed part: 1 + 0.5 +
    // 7.5/8
    assertEquals(2 * S, run(MECH.formatted(8, "debug", "0.0", "1.0", "0.0")).wallNanos());
    BuildResult r = run(MECH.formatted(8, "debug", "0.5", "1.0", "0.0"));
    assertEquals(S + S / 2 + 7_500_000_000L / 8, r.wallNanos());
  }

  @Test
  void unequalCgus_theLargestBoundsTheParallelPhase() throws Exception {
    BuildResult equal = run(MECH.formatted(8, "debug", "0.0", "1.0", "0.0"));
    BuildResult skewed = run(MECH.formatted(8, "debug", "0.0", "0.5", "0.0"));
    // ratio 0.5: the largest CGU holds 1 / (2 - 2^-7) of the work, about 4.016 s
    assertTrue(skewed.wallNanos() > equal.wallNanos() + S * 2);
    assertTrue(skewed.wallNanos() >= S + 4 * S);
  }

  @Test
  void thinLocalLto_onlyInReleaseAndAfterABarrier() throws Exception {
    // debug: no LTO phase even with a share set
    assertEquals(2 * S, run(MECH.formatted(8, "debug", "0.0", "1.0", "0.5")).wallNanos());
    // release with equal CGUs: two parallel phases of 4 s / 8 each: still 2 s in total
    assertEquals(2 * S, run(MECH.formatted(8, "release", "0.0", "1.0", "0.5")).wallNanos());
    // a token per CGU: both phases are bounded by the same largest CGU, so the barrier costs
    // nothing (up to rounding)
    long noLto8 = run(MECH.formatted(8, "release", "0.0", "0.6", "0.0")).wallNanos();
    long lto8 = run(MECH.formatted(8, "release", "0.0", "0.6", "0.5")).wallNanos();
    assertEquals(noLto8, lto8, 10);
    // fewer tokens than CGUs: the barrier stops the small CGUs' LTO work from filling the
    // gaps while the large ones are optimised, so the build is slower
    long noLto3 = run(MECH.formatted(3, "release", "0.0", "0.6", "0.0")).wallNanos();
    long lto3 = run(MECH.formatted(3, "release", "0.0", "0.6", "0.5")).wallNanos();
    assertTrue(lto3 > noLto3, lto3 + " vs " + noLto3);
    assertTrue(lto3 >= S + 8 * S / 3, "at least 8 s of work / 3 tokens");
  }

  @Test
  void buildScriptRun_parallelShareRunsOnTokens() throws Exception {
    String toml =
        """
        [build]
        jobs = %d
        [[crate]]
        name = "sys"
        frontend_s = 0.0
        build_script = { compile_s = 0.0, run_s = 10.0, run_parallel_share = %s }
        """;
    assertEquals(10 * S, run(toml.formatted(1, "0.8")).wallNanos());
    assertEquals(10 * S, run(toml.formatted(8, "0.0")).wallNanos());
    // 2 s serial, then 8 s as 32 equal jobs on 8 threads: 1 s
    assertEquals(3 * S, run(toml.formatted(8, "0.8")).wallNanos());
  }
}
