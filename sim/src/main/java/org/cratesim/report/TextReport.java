package org.cratesim.report;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.cratesim.cargo.BuildResult;
import org.cratesim.cargo.ChainLink;
import org.cratesim.cargo.UnitData;

/** A build for people: summary, lower bounds, the critical path explained, the unit table. */
public final class TextReport {
  private TextReport() {}

  public static String render(String scenarioName, BuildResult r) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT, "cratesim: %s (%s, -j%d)\n", scenarioName, r.mode().id(), r.jobs()));
    line(sb, "Wall time", Seconds.format(r.wallNanos()) + " s");
    line(
        sb,
        "Lower bounds",
        "dependency bound "
            + Seconds.format(r.dependencyBoundNanos())
            + " s; start-up + work / jobs "
            + Seconds.format(r.workBoundNanos())
            + " s");
    line(sb, "Total work", Seconds.format(r.workNanos()) + " s of single-threaded work");
    line(
        sb,
        "Utilisation",
        String.format(
            Locale.ROOT,
            "%.1f %% of %d threads (at most %d busy)",
            100 * r.utilisation(),
            r.jobs(),
            r.maxThreads()));
    line(sb, "Units", r.units().size() + " (" + kinds(r) + ")");

    sb.append(
        String.format(
            Locale.ROOT,
            "\nCritical path (why the build takes %s s):\n",
            Seconds.format(r.wallNanos())));
    sb.append(
        String.format(Locale.ROOT, "  %9s %9s  %-32s %s\n", "from", "to", "unit", "started after"));
    for (ChainLink l : r.criticalChain()) {
      String unit = l.unit() < 0 ? "cargo start-up" : label(r, l.unit());
      String why;
      switch (l.waitedFor()) {
        case STARTUP:
          why = "-";
          break;
        case NOTHING:
          why = "nothing (no dependencies)";
          break;
        case RMETA:
          why = label(r, l.predecessor()) + "'s .rmeta";
          break;
        case FULL:
          why = label(r, l.predecessor()) + " finished";
          break;
        case TOKEN:
          why = "a jobserver token, freed by " + label(r, l.predecessor());
          break;
        default:
          throw new AssertionError(l.waitedFor());
      }
      sb.append(
          String.format(
              Locale.ROOT,
              "  %9s %9s  %-32s %s\n",
              Seconds.format(l.fromNanos()),
              Seconds.format(l.toNanos()),
              unit,
              why));
    }

    sb.append(String.format(Locale.ROOT, "\nUnits (seconds):\n"));
    sb.append(
        String.format(
            Locale.ROOT,
            "  %4s  %-32s %-16s %9s %9s %9s %9s\n",
            "i",
            "unit",
            "mode",
            "ready",
            "start",
            "duration",
            "rmeta"));
    for (UnitData u : r.units()) {
      sb.append(
          String.format(
              Locale.ROOT,
              "  %4d  %-32s %-16s %9s %9s %9s %9s\n",
              u.unit().index(),
              label(r, u.unit().index()),
              u.unit().mode().id(),
              Seconds.format(u.readyNanos()),
              Seconds.format(u.startNanos()),
              Seconds.format(u.durationNanos()),
              u.rmetaNanos() < 0 ? "-" : Seconds.format(u.rmetaNanos())));
    }
    return sb.toString();
  }

  private static String label(BuildResult r, int unit) {
    return r.units().get(unit).unit().label();
  }

  /** Units by kind, e.g. "bin 1, lib 9" (also on the HTML page). */
  static String kinds(BuildResult r) {
    Map<String, Integer> counts = new TreeMap<>();
    for (UnitData u : r.units()) {
      counts.merge(
          u.unit().kind().name().toLowerCase(Locale.ROOT).replace('_', '-'), 1, Integer::sum);
    }
    StringBuilder sb = new StringBuilder();
    counts.forEach(
        (k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append(' ').append(v));
    return sb.toString();
  }

  private static void line(StringBuilder sb, String key, String value) {
    sb.append(String.format(Locale.ROOT, "%-14s %s\n", key, value));
  }
}
