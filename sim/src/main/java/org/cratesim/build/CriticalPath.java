package org.cratesim.build;

import org.cratesim.model.RustcSettings;

/**
 * The dependency-chain lower bound on a build's wall time: every unit runs as soon as its edges
 * allow, with unlimited tokens and no contention. A unit alone is still bounded by its serial
 * parts: the front end, the main thread's translation of every CGU, the optimisation of the last
 * CGU translated, and the link.
 */
public final class CriticalPath {
  private CriticalPath() {}

  /** The shortest time a unit can take with unlimited tokens and no contention. */
  public static long minimumDurationNanos(Unit u, RustcSettings rustc) {
    long codegen = 0;
    if (u.codegenNanos() > 0) {
      long serial = Math.round(u.codegenNanos() * rustc.codegenSerialShare());
      long parallel = u.codegenNanos() - serial;
      codegen = serial + parallel / u.codegenUnits();
    }
    return u.frontendNanos() + codegen + u.linkNanos();
  }

  /** Earliest possible end of each unit (absolute), in unit order. */
  public static long[] earliestEndsNanos(UnitGraph g, RustcSettings rustc, long startupNanos) {
    int n = g.size();
    long[] start = new long[n];
    long[] end = new long[n];
    long[] subtreeEnd = new long[n]; // when the unit and all it transitively needs are done
    for (int i = 0; i < n; i++) {
      long s = startupNanos;
      long below = 0;
      boolean sync = g.unit(i).requiresUpstreamObjects();
      for (UnitDep d : g.deps(i)) {
        long t;
        if (sync) {
          t = subtreeEnd[d.unit()]; // depend_on_deps_of_deps
        } else if (d.artifact() == Artifact.METADATA && g.unit(d.unit()).emitsMetadataEarly()) {
          t = start[d.unit()] + g.unit(d.unit()).frontendNanos();
        } else {
          t = end[d.unit()];
        }
        s = Math.max(s, t);
        below = Math.max(below, subtreeEnd[d.unit()]);
      }
      start[i] = s;
      end[i] = s + minimumDurationNanos(g.unit(i), rustc);
      subtreeEnd[i] = Math.max(end[i], below);
    }
    return end;
  }

  /** Length of the longest chain, cargo's start-up included. */
  public static long lowerBoundNanos(UnitGraph g, RustcSettings rustc, long startupNanos) {
    long best = startupNanos;
    for (long e : earliestEndsNanos(g, rustc, startupNanos)) {
      best = Math.max(best, e);
    }
    return best;
  }
}
