package org.cratesim.cargo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.cratesim.model.MachineSettings;
import org.cratesim.model.Mode;
import org.cratesim.model.Scenario;
import org.cratesim.report.JsonReport;
import org.cratesim.scenario.SyntheticGraphs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Invariants every simulated build must satisfy, on seeded random graphs. */
class BuildInvariantsTest {

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    long seed = 1;
    for (Mode mode : Mode.values()) {
      for (int jobs : new int[] {1, 2, 3, 8, 32}) {
        for (int crates : new int[] {5, 40, 150}) {
          out.add(Arguments.of(crates, jobs, mode, seed++));
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} crates, -j{1}, {2}, seed {3}")
  @MethodSource("cases")
  void simulate_randomGraph_respectsDependenciesBoundsAndTokens(
      int crates, int jobs, Mode mode, long seed) {
    Scenario sc = SyntheticGraphs.layered(crates, 1 + (int) (seed % 20), jobs, mode, seed, true);
    UnitGraph g = UnitGraphBuilder.build(sc);
    BuildResult r = BuildSimulator.simulate(sc, g);
    for (int i = 0; i < g.size(); i++) {
      UnitData u = r.units().get(i);
      assertTrue(u.startNanos() >= r.startupNanos());
      if (u.unit().requiresUpstreamObjects()) {
        // cargo's depend_on_deps_of_deps: every transitive dependency fully built
        for (int t : transitiveDeps(g, i)) {
          assertTrue(
              u.startNanos() >= r.units().get(t).endNanos(),
              u.unit().label() + " started before transitive dep " + t + " finished");
        }
      }
      for (UnitDep d : g.deps(i)) {
        UnitData dep = r.units().get(d.unit());
        long available =
            d.artifact() == Artifact.METADATA
                ? dep.startNanos() + dep.rmetaNanos()
                : dep.endNanos();
        assertTrue(
            d.artifact() == Artifact.ALL || dep.rmetaNanos() >= 0,
            "metadata edge to a unit without .rmeta");
        assertTrue(
            u.startNanos() >= available,
            u.unit().label() + " started before " + dep.unit().label() + " was available");
      }
    }
    assertTrue(r.wallNanos() >= r.dependencyBoundNanos(), "makespan below critical path");
    assertTrue(r.wallNanos() >= r.workBoundNanos(), "makespan below work / jobs");
    assertTrue(r.maxThreads() <= jobs, "more threads than tokens");
    for (ConcurrencySample c : r.concurrency()) {
      assertTrue(c.active() <= jobs && c.threads() <= jobs);
      assertEquals(
          g.size(),
          c.active() + c.waiting() + c.inactive() + finishedBy(r, c.tNanos()),
          "concurrency counts at " + c.tNanos());
    }
    // the simulated critical chain covers the whole wall time without gaps
    List<ChainLink> chain = r.criticalChain();
    assertEquals(0, chain.get(0).fromNanos());
    for (int k = 1; k < chain.size(); k++) {
      assertEquals(chain.get(k - 1).toNanos(), chain.get(k).fromNanos(), "gap in the chain");
    }
    assertEquals(r.wallNanos(), chain.get(chain.size() - 1).toNanos());
    // with no contention, the busy thread-time equals the total work
    assertEquals((double) g.totalWorkNanos(), r.busyThreadNanos(), 1e-3 * g.size() + 1);
  }

  private static java.util.Set<Integer> transitiveDeps(UnitGraph g, int i) {
    java.util.Set<Integer> seen = new java.util.TreeSet<>();
    java.util.ArrayDeque<Integer> todo = new java.util.ArrayDeque<>(List.of(i));
    while (!todo.isEmpty()) {
      for (UnitDep d : g.deps(todo.pop())) {
        if (seen.add(d.unit())) {
          todo.push(d.unit());
        }
      }
    }
    return seen;
  }

  private static int finishedBy(BuildResult r, long t) {
    return (int) r.units().stream().filter(u -> u.endNanos() <= t).count();
  }

  @Test
  void simulate_sameScenario_sameBytesAcrossRunsAndThreads() throws Exception {
    Scenario sc =
        SyntheticGraphs.layered(300, 16, 6, Mode.RELEASE, 99, true)
            .withMachine(new MachineSettings(0.05, 0.1, 0.02));
    String first = JsonReport.render(sc.name(), BuildSimulator.simulate(sc));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> futures = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        futures.add(pool.submit(() -> JsonReport.render(sc.name(), BuildSimulator.simulate(sc))));
      }
      for (Future<String> f : futures) {
        assertEquals(first, f.get());
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void simulate_contention_slowsTheBuildButKeepsInvariants() {
    Scenario sc = SyntheticGraphs.layered(100, 16, 8, Mode.RELEASE, 5, true);
    BuildResult plain = BuildSimulator.simulate(sc);
    BuildResult contended =
        BuildSimulator.simulate(sc.withMachine(new MachineSettings(0.1, 0.1, 0.1)));
    assertTrue(contended.wallNanos() > plain.wallNanos());
    assertTrue(contended.maxThreads() <= 8);
  }
}
