package org.cratesim.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cratesim.cargo.BuildSimulator;
import org.cratesim.cargo.UnitGraph;
import org.cratesim.cargo.UnitGraphBuilder;
import org.cratesim.model.Scenario;

/**
 * A sweep ready to run: every design point's scenario and unit graph built once. {@link
 * #run(SweepTask)} is the one function that computes a row, on any executor; an executor that runs
 * tasks in other JVMs ships {@link #recipe()} instead and calls {@code recipe.work().run(task)}
 * there.
 */
public final class SweepWork {
  private final SweepSpec spec;
  private final List<Scenario> scenarios;
  private final List<UnitGraph> graphs;

  private SweepWork(SweepSpec spec, List<Scenario> scenarios, List<UnitGraph> graphs) {
    this.spec = spec;
    this.scenarios = scenarios;
    this.graphs = graphs;
  }

  /** Builds every point; a bad point is an IllegalArgumentException naming it. */
  public static SweepWork of(SweepSpec spec) {
    List<Scenario> scenarios = new ArrayList<>();
    List<UnitGraph> graphs = new ArrayList<>();
    for (Map<String, String> p : spec.points()) {
      try {
        Scenario sc = spec.scenarioOf(p);
        scenarios.add(sc);
        graphs.add(UnitGraphBuilder.build(sc));
        // a build too long to simulate is refused before the folder is touched
        BuildSimulator.checkWork(sc, graphs.get(graphs.size() - 1));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(describe(p) + ": " + e.getMessage(), e);
      }
    }
    return new SweepWork(spec, List.copyOf(scenarios), List.copyOf(graphs));
  }

  public SweepSpec spec() {
    return spec;
  }

  /** The row of one (point, replication): depends on the seed, point and replication alone. */
  public SweepRow run(SweepTask t) {
    return SweepRunner.runOne(spec, scenarios.get(t.point()), graphs.get(t.point()), t);
  }

  /** The sweep as something to send to other JVMs. */
  public SweepRecipe recipe() {
    return SweepRecipe.of(spec);
  }

  private static String describe(Map<String, String> point) {
    StringBuilder sb = new StringBuilder("design point");
    point.forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
    return sb.toString();
  }
}
