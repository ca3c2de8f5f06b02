package org.cratesim.cargo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Units in a topological order (dependencies first) and their dependency edges: cargo's {@code
 * UnitGraph} after {@code JobQueue::enqueue} added the synthetic edges.
 */
public final class UnitGraph {
  private final List<Unit> units;
  private final List<List<UnitDep>> deps;
  private final List<List<UnitDep>> dependents;
  private final int[][] dependentUnits;
  private final boolean[][] dependentNeedsAll;
  private final boolean[] requiresUpstreamObjects;

  /** Priorities under uniform cost (cargo's default), computed on first use. */
  private volatile long[] uniformPriorities;

  public UnitGraph(List<Unit> units, List<List<UnitDep>> deps) {
    if (units.size() != deps.size()) {
      throw new IllegalArgumentException("units and deps differ in size");
    }
    this.units = List.copyOf(units);
    List<List<UnitDep>> d = new ArrayList<>(deps.size());
    List<List<UnitDep>> r = new ArrayList<>(deps.size());
    for (int i = 0; i < units.size(); i++) {
      if (units.get(i).index() != i) {
        throw new IllegalArgumentException("unit " + i + " has index " + units.get(i).index());
      }
      r.add(new ArrayList<>());
    }
    for (int i = 0; i < units.size(); i++) {
      List<UnitDep> di = List.copyOf(deps.get(i));
      for (UnitDep e : di) {
        if (e.unit() >= i) {
          throw new IllegalArgumentException(
              "unit " + i + " depends on " + e.unit() + ": units must be in topological order");
        }
        r.get(e.unit()).add(new UnitDep(i, e.artifact()));
      }
      d.add(di);
    }
    this.deps = Collections.unmodifiableList(d);
    List<List<UnitDep>> rr = new ArrayList<>(r.size());
    for (List<UnitDep> x : r) {
      rr.add(List.copyOf(x));
    }
    this.dependents = Collections.unmodifiableList(rr);
    this.dependentUnits = new int[rr.size()][];
    this.dependentNeedsAll = new boolean[rr.size()][];
    this.requiresUpstreamObjects = new boolean[rr.size()];
    for (int i = 0; i < rr.size(); i++) {
      List<UnitDep> x = rr.get(i);
      dependentUnits[i] = new int[x.size()];
      dependentNeedsAll[i] = new boolean[x.size()];
      for (int k = 0; k < x.size(); k++) {
        dependentUnits[i][k] = x.get(k).unit();
        dependentNeedsAll[i][k] = x.get(k).artifact() == Artifact.ALL;
      }
      requiresUpstreamObjects[i] = this.units.get(i).requiresUpstreamObjects();
    }
  }

  /** The units that depend on unit i (hot-path view of {@link #dependents(int)}). */
  int[] dependentUnits(int i) {
    return dependentUnits[i];
  }

  /** For each of {@link #dependentUnits(int)}: whether the edge needs ALL (else METADATA). */
  boolean[] dependentNeedsAll(int i) {
    return dependentNeedsAll[i];
  }

  /**
   * DependencyQueue priorities when every unit has the same cost: they depend only on the graph, so
   * they are computed once (a graph is immutable) and shared by every simulation of it.
   */
  long[] uniformPriorities(long cost) {
    long[] p = uniformPriorities;
    if (p == null) {
      long[] unit = new long[size()];
      java.util.Arrays.fill(unit, 1);
      p = new long[size()];
      DependencyQueue.computePriorities(this, unit, p);
      uniformPriorities = p;
    }
    long[] out = new long[p.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = p[i] * cost;
    }
    return out;
  }

  /** cargo's requires_upstream_objects() of unit i. */
  boolean requiresUpstreamObjects(int i) {
    return requiresUpstreamObjects[i];
  }

  public int size() {
    return units.size();
  }

  public List<Unit> units() {
    return units;
  }

  public Unit unit(int i) {
    return units.get(i);
  }

  /** Edges from unit i to what it needs. */
  public List<UnitDep> deps(int i) {
    return deps.get(i);
  }

  /** Edges from unit i to the units that need it (with the artifact they need). */
  public List<UnitDep> dependents(int i) {
    return dependents.get(i);
  }

  public long totalWorkNanos() {
    long s = 0;
    for (Unit u : units) {
      s += u.work().totalNanos();
    }
    return s;
  }
}
