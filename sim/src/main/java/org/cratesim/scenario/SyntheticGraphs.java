package org.cratesim.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.cratesim.engine.RandomStreams;
import org.cratesim.model.BuildScriptSpec;
import org.cratesim.model.BuildSettings;
import org.cratesim.model.CrateKind;
import org.cratesim.model.CrateSpec;
import org.cratesim.model.MachineSettings;
import org.cratesim.model.Mode;
import org.cratesim.model.Phases;
import org.cratesim.model.RustcSettings;
import org.cratesim.model.Scenario;
import org.cratesim.model.SchedulingPolicy;

/**
 * Seeded synthetic crate graphs for benchmarks and property tests: a layered random DAG in which
 * each crate depends on a few recent crates and sometimes on an old one, like real dependency
 * graphs (many small leaves, a few deep chains), with lognormal front-end and codegen costs.
 */
public final class SyntheticGraphs {
  private SyntheticGraphs() {}

  /**
   * A graph of {@code crates} lib crates (the last few are bins), each with {@code cgus} codegen
   * units; same arguments, same scenario.
   */
  public static Scenario layered(int crates, int cgus, int jobs, Mode mode, long seed) {
    return layered(crates, cgus, jobs, mode, seed, false);
  }

  /**
   * As {@link #layered(int, int, int, Mode, long)}; with {@code mixed}, about one crate in twelve
   * is a proc macro and one in eight has a build script.
   */
  public static Scenario layered(
      int crates, int cgus, int jobs, Mode mode, long seed, boolean mixed) {
    RandomGenerator rng = new RandomStreams(seed, 0).stream("synthetic-graph");
    LogNormalDistribution frontend = lognormal(rng, 0.4, 1.0);
    LogNormalDistribution codegen = lognormal(rng, 0.6, 1.2);
    int bins = Math.max(1, crates / 100);
    List<CrateSpec> list = new ArrayList<>(crates);
    for (int i = 0; i < crates; i++) {
      TreeSet<Integer> deps = new TreeSet<>();
      int fanIn = i == 0 ? 0 : rng.nextInt(Math.min(i, 5) + 1);
      for (int k = 0; k < fanIn; k++) {
        int window = Math.min(i, 50);
        deps.add(rng.nextDouble() < 0.8 ? i - 1 - rng.nextInt(window) : rng.nextInt(i));
      }
      boolean bin = i >= crates - bins;
      boolean procMacro = mixed && !bin && i % 12 == 5;
      Optional<BuildScriptSpec> script =
          mixed && i % 8 == 3
              ? Optional.of(new BuildScriptSpec(new Phases(0.2, 0.1, 1, 0.05), 0.3, List.of()))
              : Optional.empty();
      List<String> names = new ArrayList<>();
      for (int d : deps) {
        if (d < crates - bins) {
          names.add(name(d));
        }
      }
      Phases p =
          new Phases(
              round(frontend.sample()),
              round(codegen.sample()),
              cgus,
              bin || procMacro ? 0.2 : 0.0);
      CrateKind kind = bin ? CrateKind.BIN : procMacro ? CrateKind.PROC_MACRO : CrateKind.LIB;
      list.add(new CrateSpec(name(i), "1.0.0", kind, names, p, script, 0));
    }
    BuildSettings b = new BuildSettings(jobs, mode, 0.5, new SchedulingPolicy.CargoDefault());
    return new Scenario(
        "synthetic-" + crates,
        "synthetic(" + crates + ", seed " + seed + ")",
        b,
        MachineSettings.NONE,
        RustcSettings.DEFAULT,
        list);
  }

  private static LogNormalDistribution lognormal(RandomGenerator rng, double mean, double cv) {
    double sigma2 = Math.log(1 + cv * cv);
    double mu = Math.log(mean) - sigma2 / 2;
    return new LogNormalDistribution(rng, mu, Math.sqrt(sigma2));
  }

  private static double round(double s) {
    return Math.round(s * 1000) / 1000.0;
  }

  private static String name(int i) {
    return String.format(java.util.Locale.ROOT, "c%05d", i);
  }
}
