package org.cratesim.advice;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.cratesim.cargo.BuildResult;
import org.cratesim.cargo.ChainLink;

/**
 * A few words on why a change moves a build, read off the noise-free builds before and after: the
 * work it adds or removes, the crates that left the critical path, and how parallel the build got
 * (work / wall time, the average number of busy threads).
 */
final class Why {
  private Why() {}

  static String of(Candidate c, BuildResult base, BuildResult changed) {
    List<String> parts = new ArrayList<>();
    double work0 = base.workNanos() / 1e9;
    double work1 = changed.workNanos() / 1e9;
    double dWork = work1 - work0;
    if (Math.abs(dWork) >= Math.max(0.005, 0.01 * work0)) {
      parts.add(
          String.format(
              Locale.ROOT,
              "%s%.2f s of work (%+.0f %%)",
              dWork > 0 ? "+" : "-",
              Math.abs(dWork),
              100 * dWork / work0));
    }
    Set<String> left = criticalCrates(base);
    left.removeAll(criticalCrates(changed));
    if (!left.isEmpty()) {
      parts.add("left the critical path: " + names(left));
    }
    double p0 = parallelism(base);
    double p1 = parallelism(changed);
    if (Math.abs(p1 - p0) >= 0.05 * p0) {
      parts.add(String.format(Locale.ROOT, "parallelism %.1f -> %.1f", p0, p1));
    }
    if (parts.isEmpty()) {
      double dWall = (changed.wallNanos() - base.wallNanos()) / 1e9;
      if (Math.abs(dWall) < 0.0005 && c.family().equals("cores")) {
        parts.add("the extra tokens stay idle: dependencies bound this build");
      } else if (Math.abs(dWall) < 0.0005) {
        parts.add(
            changed.jobs() == 1
                ? "reorders the build; at -j1 the order cannot shorten it"
                : "reorders the build; the wall time does not move");
      } else {
        parts.add(
            String.format(
                Locale.ROOT, "same work, same critical crates; the path is %+.3f s", dWall));
      }
    }
    return String.join("; ", parts);
  }

  /** Busy threads on average: single-threaded work over wall time. */
  static double parallelism(BuildResult r) {
    return r.wallNanos() == 0 ? 0 : (double) r.workNanos() / r.wallNanos();
  }

  /** The crates of the units on the simulated critical path that did work, in order. */
  static Set<String> criticalCrates(BuildResult r) {
    Set<String> out = new LinkedHashSet<>();
    for (ChainLink l : r.criticalChain()) {
      if (l.unit() >= 0 && l.toNanos() > l.fromNanos()) {
        out.add(r.units().get(l.unit()).unit().name());
      }
    }
    return out;
  }

  private static String names(Set<String> s) {
    List<String> l = new ArrayList<>(s);
    if (l.size() <= 3) {
      return String.join(", ", l);
    }
    return String.join(", ", l.subList(0, 3)) + " (+" + (l.size() - 3) + " more)";
  }
}
