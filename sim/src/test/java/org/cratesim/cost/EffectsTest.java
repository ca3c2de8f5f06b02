package org.cratesim.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.cratesim.TestPaths;
import org.cratesim.cargo.BuildResult;
import org.cratesim.cargo.BuildSimulator;
import org.cratesim.cargo.UnitData;
import org.cratesim.model.Scenario;
import org.cratesim.scenario.ScenarioOverrides;
import org.cratesim.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;

/** Each of the nine effect scenarios shows its effect in the direction the article describes. */
class EffectsTest {

  private static Scenario load(String name) throws Exception {
    return ScenarioReader.read(
        TestPaths.repo().resolve(Path.of("scenarios/effects", name + ".toml")));
  }

  private static BuildResult run(String name) throws Exception {
    return BuildSimulator.simulate(load(name));
  }

  private static BuildResult run(String name, Map<String, String> set) throws Exception {
    return BuildSimulator.simulate(ScenarioOverrides.apply(load(name), set));
  }

  private static UnitData unit(BuildResult r, String name) {
    return r.units().stream().filter(u -> u.unit().name().equals(name)).findFirst().orElseThrow();
  }

  private static long codegen(UnitData u) {
    return u.codegenEndNanos() < 0 ? 0 : u.codegenEndNanos() - u.frontendEndNanos();
  }

  @Test
  void effect1_parallelismAcrossCrates_wideBeatsChainWithTheSameWork() throws Exception {
    BuildResult wide = run("1-parallelism-wide");
    BuildResult chain = run("1-parallelism-chain");
    assertTrue(wide.wallNanos() < chain.wallNanos());
    // the chain's crates load their one dependency's metadata, the wide app loads five: the
    // work differs only by that
    assertEquals(wide.workNanos(), chain.workNanos(), 0.05 * wide.workNanos());
  }

  @Test
  void effect2_inliningWithinAUnit_twoCratesCostMoreWork() throws Exception {
    assertTrue(run("2-inlining-two-crates").workNanos() > run("2-inlining-one-unit").workNanos());
  }

  @Test
  void effect3_superlinearOptimisation_fewerCgusMoreWork() throws Exception {
    long one = run("3-superlinear-cgu1").workNanos();
    long four = run("3-superlinear-cgu4").workNanos();
    long sixteen = run("3-superlinear-cgu16").workNanos();
    assertTrue(one > four && four > sixteen, one + " " + four + " " + sixteen);
  }

  @Test
  void effect4_downstreamMonomorphisation_theBinaryGetsTheCodegen() throws Exception {
    BuildResult r = run("4-downstream-mono");
    long app = codegen(unit(r, "app"));
    for (String lib : new String[] {"num", "algo", "containers", "stats"}) {
      assertTrue(app > 3 * codegen(unit(r, lib)), lib);
    }
    var last = r.criticalChain().get(r.criticalChain().size() - 1);
    assertEquals("app", r.units().get(last.unit()).unit().name());
  }

  @Test
  void effect5_genericDuplication_sharingSavesWork() throws Exception {
    assertTrue(
        run("5-generic-duplication-share-false").workNanos()
            > run("5-generic-duplication-share-true").workNanos());
  }

  @Test
  void effect6_lto_crossCrateMovesWorkToTheFinalLink() throws Exception {
    BuildResult off = run("6-lto-off");
    BuildResult local = run("6-lto-thin-local");
    BuildResult thin = run("6-lto-thin");
    BuildResult fat = run("6-lto-fat");
    assertTrue(off.wallNanos() < local.wallNanos(), "thin-local adds an LTO phase");
    assertTrue(thin.wallNanos() < fat.wallNanos(), "fat is serial");
    assertTrue(unit(fat, "app").durationNanos() > unit(thin, "app").durationNanos());
    assertTrue(unit(thin, "app").durationNanos() > unit(local, "app").durationNanos());
    assertTrue(codegen(unit(thin, "core")) < codegen(unit(local, "core")), "bitcode only");
  }

  @Test
  void effect7_metadata_moreCratesMoreLoading() throws Exception {
    BuildResult few = run("7-metadata-few-crates");
    BuildResult many = run("7-metadata-many-crates");
    assertTrue(many.workNanos() > few.workNanos());
  }

  @Test
  void effect8_cguSplitting_moreCgusFasterUpToTheStaircase() throws Exception {
    long one = run("8-cgu-split-1").wallNanos();
    long sixteen = run("8-cgu-split-16").wallNanos();
    long many = run("8-cgu-split-256").wallNanos();
    assertTrue(one > sixteen && sixteen >= many, one + " " + sixteen + " " + many);
    assertEquals(run("8-cgu-split-1").workNanos(), run("8-cgu-split-256").workNanos());
  }

  @Test
  void effect9_threads_helpOneCrateMoreThanAWideGraph() throws Exception {
    double oneCrate =
        (double) run("9-threads-one-crate-8").wallNanos()
            / run("9-threads-one-crate-1").wallNanos();
    double wide =
        (double) run("9-threads-wide-8").wallNanos() / run("9-threads-wide-1").wallNanos();
    assertTrue(oneCrate < wide, oneCrate + " vs " + wide);
    assertTrue(oneCrate < 0.9);
  }

  @Test
  void knobs_linkerDebuginfoOptLevel_moveTheRightPhases() throws Exception {
    BuildResult ld = run("6-lto-off");
    BuildResult lld = run("6-lto-off", Map.of("profile.linker", "lld"));
    long linkLd = unit(ld, "app").durationNanos() - unit(ld, "app").codegenEndNanos();
    long linkLld = unit(lld, "app").durationNanos() - unit(lld, "app").codegenEndNanos();
    assertTrue(linkLld * 5 < linkLd, linkLld + " vs " + linkLd);

    BuildResult full = run("8-cgu-split-16");
    BuildResult none = run("8-cgu-split-16", Map.of("profile.debuginfo", "0"));
    assertTrue(codegen(unit(none, "big")) < codegen(unit(full, "big")));
    assertEquals(unit(none, "big").frontendEndNanos(), unit(full, "big").frontendEndNanos());

    BuildResult o3 = run("6-lto-off");
    BuildResult o0 = run("6-lto-off", Map.of("profile.opt_level", "0"));
    assertTrue(o0.workNanos() < o3.workNanos());
  }

  @Test
  void checkMode_sizeBasedCratesHaveNoCodegen() throws Exception {
    BuildResult r = run("6-lto-off", Map.of("build.mode", "check"));
    for (UnitData u : r.units()) {
      assertEquals(-1, u.codegenEndNanos(), u.unit().label());
    }
  }
}
