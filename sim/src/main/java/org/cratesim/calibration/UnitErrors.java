package org.cratesim.calibration;

import java.util.HashMap;
import java.util.Map;
import org.cratesim.cargo.BuildResult;
import org.cratesim.cargo.CompileMode;
import org.cratesim.cargo.Unit;
import org.cratesim.cargo.UnitData;
import org.cratesim.timings.PageUnit;
import org.cratesim.timings.TimingsPage;

/**
 * Compares the units of a simulated build with the same units of a measured page: the front end (to
 * .rmeta) and codegen of libs separately, other units whole. The score is the duration-weighted
 * mean of |log(simulated / measured)|: the per-unit fit the calibration uses, so that each
 * mechanism is fitted where it acts rather than through the wall time.
 */
public final class UnitErrors {
  private static final double MIN_SECONDS = 0.05;

  private double weightedLogError;
  private double weight;
  private int count;

  /** Adds the units of one build. */
  public synchronized void add(BuildResult sim, TimingsPage measured) {
    Map<String, PageUnit> byKey = new HashMap<>();
    for (PageUnit u : measured.units()) {
      byKey.put(key(u.name(), u.version(), pageClass(u)), u);
    }
    for (UnitData t : sim.units()) {
      Unit u = t.unit();
      PageUnit m = byKey.get(key(u.packageName(), u.version(), simClass(u)));
      if (m == null) {
        continue;
      }
      if (m.rmetaTime() != null && t.rmetaNanos() >= 0) {
        score(t.rmetaNanos() / 1e9, m.rmetaTime());
        score((t.durationNanos() - t.rmetaNanos()) / 1e9, m.duration() - m.rmetaTime());
      } else {
        score(t.durationNanos() / 1e9, m.duration());
      }
    }
  }

  private void score(double sim, double measured) {
    if (measured < MIN_SECONDS || sim <= 0) {
      return;
    }
    weightedLogError += measured * Math.abs(Math.log(sim / measured));
    weight += measured;
    count++;
  }

  /** Duration-weighted mean |log(simulated / measured)|. */
  public double score() {
    return weight == 0 ? 0 : weightedLogError / weight;
  }

  public int count() {
    return count;
  }

  private static String key(String name, String version, String cls) {
    return name + " " + version + " " + cls;
  }

  private static String simClass(Unit u) {
    switch (u.kind()) {
      case LIB:
        return u.mode() == CompileMode.CHECK ? "check" : "lib";
      case PROC_MACRO:
        return "lib";
      case BIN:
        return "bin";
      case BUILD_SCRIPT_COMPILE:
        return "script";
      case BUILD_SCRIPT_RUN:
        return "run";
      default:
        throw new AssertionError(u.kind());
    }
  }

  private static String pageClass(PageUnit u) {
    switch (u.kind()) {
      case CHECK_LIB:
        return "check";
      case BIN:
      case CHECK_BIN:
        return "bin";
      case BUILD_SCRIPT_COMPILE:
        return "script";
      case BUILD_SCRIPT_RUN:
        return "run";
      default:
        return "lib";
    }
  }
}
