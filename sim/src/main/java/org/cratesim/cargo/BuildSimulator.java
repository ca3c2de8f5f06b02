package org.cratesim.cargo;

import java.util.Optional;
import org.cratesim.engine.Simulation;
import org.cratesim.model.Lto;
import org.cratesim.model.MachineSettings;
import org.cratesim.model.Scenario;
import org.cratesim.model.UnitWork;
import org.cratesim.rustc.FrontendParallelism;
import org.cratesim.strategy.Strategies;

/** The library's entry point for one simulated build of a scenario. */
public final class BuildSimulator {
  private BuildSimulator() {}

  /** Derives the unit graph and simulates the build. */
  public static BuildResult simulate(Scenario scenario) {
    return simulate(scenario, UnitGraphBuilder.build(scenario));
  }

  /** Simulates the build of an already derived unit graph under the scenario's settings. */
  public static BuildResult simulate(Scenario scenario, UnitGraph graph) {
    checkWork(scenario, graph);
    scenario = Strategies.scheduled(scenario);
    // crates given in seconds were measured with cargo's default thin-local LTO: with lto =
    // off, thin or fat, the work thin-local LTO adds (costs.thin_local_lto_share of their LLVM
    // work) is not done
    // rustc does no thin-local LTO with one CGU either
    boolean thinLocal =
        scenario.profile().ltoFor(scenario.build().mode()) instanceof Lto.ThinLocal
            && !scenario.profile().codegenUnits().equals(Optional.of(1));
    return JobQueue.run(
        graph,
        scenario.build(),
        scenario.machine(),
        scenario.rustc(),
        frontendParallelism(scenario),
        thinLocal ? 0 : scenario.costs().get("thin_local_lto_share"));
  }

  /** The most seconds a build may take at its slowest: a tenth of the engine's clock. */
  static final double MAX_BUILD_SECONDS = Simulation.MAX_TIME / 1e9 / 10;

  /**
   * Refuses a build whose work, at the machine's slowest speed and under its heaviest contention (a
   * busy thread runs at speed / (1 + c (n - 1)), so n threads together at least at speed / (1 +
   * c)), could run past the clock: a {@link BuildTooLongException} before the simulation starts,
   * instead of an overflow in the middle.
   */
  public static void checkWork(Scenario scenario, UnitGraph graph) {
    double nanos = scenario.build().startupS() * 1e9;
    for (Unit u : graph.units()) {
      UnitWork w = u.work();
      nanos +=
          (double) w.frontendNanos() + w.codegenNanos() + w.linkNanos() + Math.max(0, w.ltoNanos());
    }
    MachineSettings m = scenario.machine();
    double slowest =
        Math.min(m.speedFrontend(), Math.min(m.speedCodegen(), m.speedOther()))
            / (1
                + Math.max(
                    m.contentionFrontend(), Math.max(m.contentionCodegen(), m.contentionOther())));
    double seconds = nanos / 1e9 / slowest;
    if (!(seconds <= MAX_BUILD_SECONDS)) {
      throw new BuildTooLongException(
          "the build's work is "
              + String.format("%.3g", nanos / 1e9)
              + " s, up to "
              + String.format("%.3g", seconds)
              + " s at the machine's slowest speed and load: more than the "
              + String.format("%.0e", MAX_BUILD_SECONDS)
              + " s cratesim simulates (durations, sizes, rates or speeds too large)");
    }
  }

  /** The scenario's -Z threads setting with the calibrated share and overhead. */
  public static FrontendParallelism frontendParallelism(Scenario scenario) {
    int threads = scenario.profile().frontendThreads();
    return threads <= 1
        ? FrontendParallelism.SERIAL
        : new FrontendParallelism(
            threads,
            scenario.costs().get("frontend_parallel_share"),
            Math.max(1, scenario.costs().get("frontend_parallel_overhead")));
  }
}
