package org.cratesim.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cratesim.model.CrateKind;
import org.cratesim.model.CrateSpec;
import org.cratesim.model.Scenario;
import org.jgrapht.Graph;
import org.jgrapht.alg.cycle.CycleDetector;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleDirectedGraph;

/** Whole-scenario checks: crate references resolve and the crate graph is acyclic. */
public final class ScenarioValidator {
  private ScenarioValidator() {}

  /** Throws a {@link ScenarioException} naming the first problem. */
  public static void validate(Scenario sc) throws ScenarioException {
    Map<String, CrateSpec> byName = new LinkedHashMap<>();
    for (CrateSpec c : sc.crates()) {
      CrateSpec prev = byName.putIfAbsent(c.name(), c);
      if (prev != null) {
        throw new ScenarioException(
            sc.source(),
            c.line(),
            "duplicate crate '" + c.name() + "' (first declared at line " + prev.line() + ")");
      }
    }
    Graph<String, DefaultEdge> g = new SimpleDirectedGraph<>(DefaultEdge.class);
    byName.keySet().forEach(g::addVertex);
    for (CrateSpec c : sc.crates()) {
      for (String d : deps(c)) {
        CrateSpec dep = byName.get(d);
        if (dep == null) {
          throw new ScenarioException(
              sc.source(),
              c.line(),
              "crate '" + c.name() + "' depends on unknown crate '" + d + "'");
        }
        if (d.equals(c.name())) {
          throw new ScenarioException(
              sc.source(), c.line(), "crate '" + c.name() + "' depends on itself");
        }
        if (dep.kind() == CrateKind.BIN) {
          throw new ScenarioException(
              sc.source(),
              c.line(),
              "crate '"
                  + c.name()
                  + "' depends on '"
                  + d
                  + "', which is a bin (only libs and proc macros can be "
                  + "dependencies)");
        }
        if (!g.containsEdge(c.name(), d)) {
          g.addEdge(c.name(), d);
        }
      }
    }
    for (CrateSpec c : sc.crates()) {
      if (c.size().isEmpty()) {
        continue;
      }
      for (String m : c.size().get().macroInvocations().keySet()) {
        CrateSpec mc = byName.get(m);
        if (mc == null || mc.kind() != CrateKind.PROC_MACRO) {
          throw new ScenarioException(
              sc.source(),
              c.line(),
              "crate '"
                  + c.name()
                  + "' invokes macros of '"
                  + m
                  + "', which is not a proc-macro crate of the "
                  + "scenario");
        }
        if (!c.deps().contains(m)) {
          throw new ScenarioException(
              sc.source(),
              c.line(),
              "crate '" + c.name() + "' invokes macros of '" + m + "' but does not depend on it");
        }
      }
      for (String u : c.size().get().upstreamInstantiations().keySet()) {
        if (!byName.containsKey(u)) {
          throw new ScenarioException(
              sc.source(),
              c.line(),
              "crate '" + c.name() + "' instantiates generics of unknown crate '" + u + "'");
        }
      }
    }
    for (String e : sc.rebuild().editedCrates()) {
      if (!byName.containsKey(e)) {
        throw new ScenarioException(sc.source(), 0, "edits names unknown crate '" + e + "'");
      }
    }
    for (String w : sc.rebuild().workspace()) {
      if (!byName.containsKey(w)) {
        throw new ScenarioException(sc.source(), 0, "workspace names unknown crate '" + w + "'");
      }
    }
    CycleDetector<String, DefaultEdge> detector = new CycleDetector<>(g);
    if (detector.detectCycles()) {
      List<String> cycle = oneCycle(g, detector.findCycles(), sc.crates());
      CrateSpec first = byName.get(cycle.get(0));
      throw new ScenarioException(sc.source(), first.line(), describeCycle(cycle, "crates"));
    }
  }

  /**
   * A cycle [a, b, ..., a] for a message; a long one abbreviated to its first and last members and
   * its length (a cycle through 100,000 crates would be a line of a megabyte).
   */
  public static String describeCycle(List<String> cycle, String what) {
    int n = cycle.size() - 1;
    if (n <= 12) {
      return "dependency cycle: " + String.join(" -> ", cycle);
    }
    return "dependency cycle of "
        + n
        + " "
        + what
        + ": "
        + String.join(" -> ", cycle.subList(0, 5))
        + " -> ... -> "
        + String.join(" -> ", cycle.subList(n - 4, n + 1));
  }

  private static List<String> deps(CrateSpec c) {
    List<String> all = new ArrayList<>(c.deps());
    c.buildScript().ifPresent(bs -> all.addAll(bs.deps()));
    return all;
  }

  /**
   * A concrete cycle among the vertices that lie on cycles, starting at the first declared one,
   * e.g. [a, b, c, a].
   */
  private static List<String> oneCycle(
      Graph<String, DefaultEdge> g, Set<String> onCycles, List<CrateSpec> declared) {
    String start = null;
    for (CrateSpec c : declared) {
      if (onCycles.contains(c.name())) {
        start = c.name();
        break;
      }
    }
    // DFS restricted to vertices on cycles until we return to start
    Map<String, String> parent = new HashMap<>();
    List<String> stack = new ArrayList<>();
    stack.add(start);
    parent.put(start, null);
    while (!stack.isEmpty()) {
      String v = stack.remove(stack.size() - 1);
      for (DefaultEdge e : g.outgoingEdgesOf(v)) {
        String w = g.getEdgeTarget(e);
        if (w.equals(start)) {
          List<String> path = new ArrayList<>();
          for (String x = v; x != null; x = parent.get(x)) {
            path.add(0, x);
          }
          path.add(start);
          return path;
        }
        if (onCycles.contains(w) && !parent.containsKey(w)) {
          parent.put(w, v);
          stack.add(w);
        }
      }
    }
    return List.of(start, start);
  }
}
