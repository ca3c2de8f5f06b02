package org.cratesim.cargo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cratesim.TestPaths;
import org.cratesim.model.Scenario;
import org.cratesim.scenario.ScenarioOverrides;
import org.cratesim.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;

/**
 * The simulated wall time is never below a printed lower bound, whatever the profile: the bounds
 * count the work the build does (the codegen plan rustc runs, thin-local LTO work removed by lto =
 * off, bitcode-only dependencies of a cross-crate LTO), not the measured work.
 */
class BoundsTest {
  @Test
  void wallTime_neverBelowEitherBound_overScenariosAndKnobs() throws Exception {
    List<String> broken = new ArrayList<>();
    int n = 0;
    for (String name : List.of("tiny", "serde-like", "one-crate", "split-crates")) {
      Path file = TestPaths.repo().resolve("scenarios/" + name + ".toml");
      Scenario base = ScenarioReader.read(file);
      for (String mode : List.of("debug", "release", "check")) {
        for (int jobs : new int[] {1, 4}) {
          for (String lto : List.of("off", "thin-local", "thin", "fat")) {
            for (String cgus : List.of("1", "16")) {
              Scenario sc = ScenarioOverrides.applyOne(base, "build.mode", mode);
              sc = ScenarioOverrides.applyOne(sc, "build.jobs", String.valueOf(jobs));
              sc = ScenarioOverrides.applyOne(sc, "profile.lto", lto);
              sc = ScenarioOverrides.applyOne(sc, "profile.codegen_units", cgus);
              BuildResult r = BuildSimulator.simulate(sc);
              n++;
              if (r.wallNanos() < r.dependencyBoundNanos() || r.wallNanos() < r.workBoundNanos()) {
                broken.add(
                    name
                        + " "
                        + mode
                        + " -j"
                        + jobs
                        + " lto="
                        + lto
                        + " cgu="
                        + cgus
                        + ": wall "
                        + r.wallNanos()
                        + " bounds "
                        + r.dependencyBoundNanos()
                        + ", "
                        + r.workBoundNanos());
              }
            }
          }
        }
      }
    }
    assertTrue(broken.isEmpty(), broken.size() + " of " + n + ": " + broken);
  }
}
