package org.cratesim.build;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Units in a topological order (dependencies first) and their dependency edges: cargo's
 * {@code UnitGraph} after {@code JobQueue::enqueue} added the synthetic edges.
 */
public final class UnitGraph {
  private final List<Unit> units;
  private final List<List<UnitDep>> deps;
  private final List<List<UnitDep>> dependents;

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
      s += u.workNanos();
    }
    return s;
  }
}
