package org.cratesim.cargo;

import java.util.Optional;
import org.cratesim.model.Lto;
import org.cratesim.model.Scenario;
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
