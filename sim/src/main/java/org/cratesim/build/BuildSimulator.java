package org.cratesim.build;

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
    return JobQueue.run(graph, scenario.build(), scenario.machine(), scenario.rustc());
  }
}
