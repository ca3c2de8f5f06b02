package org.cratesim.build;

import org.cratesim.model.Lto;
import org.cratesim.model.RustcSettings;
import org.cratesim.model.Scenario;

/** The library's entry point for one simulated build of a scenario. */
public final class BuildSimulator {
  private BuildSimulator() {}

  /** Derives the unit graph and simulates the build. */
  public static BuildResult simulate(Scenario scenario) {
    return simulate(scenario, UnitGraphBuilder.build(scenario));
  }

  /** Simulates the build of an already derived unit graph under the scenario's settings. */
  public static BuildResult simulate(Scenario scenario, UnitGraph graph) {
    RustcSettings rustc = scenario.rustc();
    Lto lto = scenario.profile().ltoFor(scenario.build().mode());
    if (!(lto instanceof Lto.ThinLocal) && rustc.thinLocalLtoShare() > 0) {
      // lto = off or cross-crate: no thin-local phase for crates given in seconds
      rustc = new RustcSettings(rustc.codegenSerialShare(), rustc.codegenFixedS(),
          rustc.cguSizeRatio(), 0);
    }
    return JobQueue.run(graph, scenario.build(), scenario.machine(), rustc,
        frontendParallelism(scenario));
  }

  /** The scenario's -Z threads setting with the calibrated share and overhead. */
  public static FrontendParallelism frontendParallelism(Scenario scenario) {
    int threads = scenario.profile().frontendThreads();
    return threads <= 1 ? FrontendParallelism.SERIAL
        : new FrontendParallelism(threads, scenario.costs().get("frontend_parallel_share"),
            Math.max(1, scenario.costs().get("frontend_parallel_overhead")));
  }
}
