package org.cratesim.cargo;

import java.util.Arrays;
import org.cratesim.model.MachineSettings;
import org.cratesim.model.RustcSettings;
import org.cratesim.model.UnitWork;
import org.cratesim.rustc.CodegenPlan;
import org.cratesim.rustc.FrontendParallelism;

/**
 * The dependency-chain lower bound on a build's wall time: every unit runs as soon as its edges
 * allow, with unlimited tokens and no contention. A unit alone is still bounded by its serial
 * parts: the front end, the main thread's translation of every CGU, the optimisation of the last
 * CGU translated, and the link.
 */
public final class CriticalPath {
  private final RustcSettings rustc;
  private final MachineSettings machine;
  private final FrontendParallelism fe;
  private final boolean release;
  private final double removedLtoShare;

  /**
   * The bounds of one build: its rustc model, machine and front-end parallelism; {@code release}
   * and {@code removedLtoShare} as the build runs codegen ({@link CodegenPlan#of}).
   */
  public CriticalPath(
      RustcSettings rustc,
      MachineSettings machine,
      FrontendParallelism fe,
      boolean release,
      double removedLtoShare) {
    this.rustc = rustc;
    this.machine = machine;
    this.fe = fe;
    this.release = release;
    this.removedLtoShare = removedLtoShare;
  }

  /**
   * The shortest time a unit can take with unlimited tokens and no contention, with the front end's
   * parallelism: its front end, the main thread's fixed part and translation of every CGU, the
   * optimisation of the last CGU translated (the smallest), the smallest LTO item after the
   * barrier, and the link. {@code release} and {@code removedLtoShare} as the build runs it ({@link
   * CodegenPlan#of}), so the bound counts the work the simulation does.
   */
  public long minimumDurationNanos(Unit u) {
    UnitWork w = u.work();
    long codegen = 0;
    CodegenPlan plan = planOf(u);
    if (plan != null) {
      long[] optimize = plan.optimizeNanos();
      long[] lto = plan.ltoNanos();
      codegen =
          plan.fixedNanos()
              + Arrays.stream(plan.translateNanos()).sum()
              + optimize[optimize.length - 1]
              + (lto.length > 0 ? lto[lto.length - 1] : 0);
    }
    return frontendTime(u, true)
        + Math.round(codegen / machine.speedCodegen())
        + Math.round(w.linkNanos() / machine.speedOther());
  }

  /**
   * A unit's time on one thread at the machine's speed, with no contention: every part of the plan
   * the build runs (as {@link #minimumDurationNanos}), counting the parallel compiler's extra
   * front-end work.
   */
  public long serialTimeNanos(Unit u) {
    UnitWork w = u.work();
    long codegen = 0;
    CodegenPlan plan = planOf(u);
    if (plan != null) {
      codegen =
          plan.fixedNanos()
              + Arrays.stream(plan.translateNanos()).sum()
              + Arrays.stream(plan.optimizeNanos()).sum()
              + Arrays.stream(plan.ltoNanos()).sum();
    }
    return frontendTime(u, false)
        + Math.round(codegen / (u.isScriptRun() ? machine.speedOther() : machine.speedCodegen()))
        + Math.round(w.linkNanos() / machine.speedOther());
  }

  /** The codegen plan the build runs for {@code u}, or null when it has no codegen. */
  private CodegenPlan planOf(Unit u) {
    UnitWork w = u.work();
    return w.codegenNanos() > 0 || w.ltoNanos() > 0
        ? CodegenPlan.of(u, rustc, release, removedLtoShare)
        : null;
  }

  private long frontendTime(Unit u, boolean shortest) {
    long frontend = u.work().frontendNanos();
    if (u.isScriptRun()) {
      return Math.round(frontend / machine.speedOther());
    }
    long work = frontend;
    if (fe.threads() > 1 && frontend > 0) {
      work =
          fe.serialNanos(frontend)
              + (shortest ? fe.parallelParts(frontend)[0] : fe.parallelNanos(frontend));
    }
    return Math.round(work / machine.speedFrontend());
  }

  /** Earliest possible end of each unit (absolute), in unit order. */
  public long[] earliestEndsNanos(UnitGraph g, long startupNanos) {
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
          t = start[d.unit()] + frontendTime(g.unit(d.unit()), true);
        } else {
          t = end[d.unit()];
        }
        s = Math.max(s, t);
        below = Math.max(below, subtreeEnd[d.unit()]);
      }
      start[i] = s;
      end[i] = s + minimumDurationNanos(g.unit(i));
      subtreeEnd[i] = Math.max(end[i], below);
    }
    return end;
  }

  /** Length of the longest chain, cargo's start-up included. */
  public long lowerBoundNanos(UnitGraph g, long startupNanos) {
    long best = startupNanos;
    for (long e : earliestEndsNanos(g, startupNanos)) {
      best = Math.max(best, e);
    }
    return best;
  }
}
