package org.cratesim.cargo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.cratesim.model.TargetKind;
import org.cratesim.model.UnitWork;
import org.junit.jupiter.api.Test;

class DependencyQueueTest {

  private static Unit unit(int i) {
    return new Unit(
        i, "u" + i, "1.0.0", TargetKind.LIB, CompileMode.BUILD, UnitWork.of(1, 0, 1, 0));
  }

  /** A graph from edge lists: deps.get(i) are the units i depends on (with ALL). */
  private static UnitGraph graph(int[][] deps) {
    List<Unit> units = new ArrayList<>();
    List<List<UnitDep>> edges = new ArrayList<>();
    for (int i = 0; i < deps.length; i++) {
      units.add(unit(i));
      List<UnitDep> e = new ArrayList<>();
      for (int d : deps[i]) {
        e.add(new UnitDep(d, Artifact.ALL));
      }
      edges.add(e);
    }
    return new UnitGraph(units, edges);
  }

  @Test
  void queueFinished_deepFirstEqualCost_matchesCargo() {
    // cargo's test deep_first_equal_cost: chain 1 -> 2 -> 4 -> 5 (each depends on the previous),
    // cost 1 each: the first node has priority 5 (its own cost twice + three dependents).
    UnitGraph g = graph(new int[][] {{}, {0}, {1}, {2}});
    DependencyQueue q = new DependencyQueue(g, new long[] {1, 1, 1, 1});
    q.queueFinished();
    assertArrayEquals(new long[] {5, 4, 3, 2}, q.priorities());
  }

  @Test
  void dequeue_prefersMostDependedUpon_thenLowestIndex() {
    // 0 and 1 are roots; 2 depends on 1; 3 is a root with nothing depending on it
    UnitGraph g = graph(new int[][] {{}, {}, {1}, {}});
    DependencyQueue q = new DependencyQueue(g, new long[] {100, 100, 100, 100});
    q.queueFinished();
    assertEquals(1, q.dequeue()); // priority 300
    assertEquals(0, q.dequeue()); // 200, lower index than 3
    assertEquals(3, q.dequeue());
    assertEquals(-1, q.dequeue()); // 2 waits for 1
    assertEquals(List.of(2), q.finish(1, Artifact.ALL));
    assertEquals(2, q.dequeue());
    assertTrue(q.isEmpty());
  }

  @Test
  void finish_metadataEdge_unblocksBeforeAll() {
    List<Unit> units = List.of(unit(0), unit(1), unit(2));
    List<List<UnitDep>> edges =
        List.of(
            List.of(),
            List.of(new UnitDep(0, Artifact.METADATA)),
            List.of(new UnitDep(0, Artifact.ALL)));
    DependencyQueue q = new DependencyQueue(new UnitGraph(units, edges), new long[] {1, 1, 1});
    q.queueFinished();
    assertEquals(0, q.dequeue());
    assertEquals(List.of(1), q.finish(0, Artifact.METADATA));
    assertEquals(List.of(2), q.finish(0, Artifact.ALL));
  }

  @Test
  void computePriorities_randomGraphs_matchNaiveTransitiveSums() {
    SplittableRandom rnd = new SplittableRandom(11);
    for (int trial = 0; trial < 30; trial++) {
      int n = 1 + rnd.nextInt(300);
      int[][] deps = new int[n][];
      for (int i = 0; i < n; i++) {
        Set<Integer> s = new HashSet<>();
        int k = i == 0 ? 0 : rnd.nextInt(Math.min(i, 4) + 1);
        for (int j = 0; j < k; j++) {
          s.add(rnd.nextInt(i));
        }
        deps[i] = s.stream().mapToInt(Integer::intValue).sorted().toArray();
      }
      UnitGraph g = graph(deps);
      long[] cost = new long[n];
      boolean uniform = trial % 2 == 0;
      for (int i = 0; i < n; i++) {
        cost[i] = uniform ? 100 : rnd.nextInt(5000);
      }
      long[] fast = new long[n];
      DependencyQueue.computePriorities(g, cost, fast);
      assertArrayEquals(naive(g, cost), fast, "trial " + trial);
    }
  }

  private static long[] naive(UnitGraph g, long[] cost) {
    int n = g.size();
    long[] out = new long[n];
    for (int v = 0; v < n; v++) {
      Set<Integer> seen = new HashSet<>();
      List<Integer> stack = new ArrayList<>(List.of(v));
      while (!stack.isEmpty()) {
        int x = stack.remove(stack.size() - 1);
        if (seen.add(x)) {
          for (UnitDep d : g.dependents(x)) {
            stack.add(d.unit());
          }
        }
      }
      long s = cost[v];
      for (int x : seen) {
        s += cost[x];
      }
      out[v] = s;
    }
    return out;
  }
}
