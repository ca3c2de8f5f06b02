package org.cratesim.report;

import java.nio.file.Path;
import java.util.Locale;
import org.cratesim.cargo.BuildResult;
import org.cratesim.cargo.BuildSimulator;
import org.cratesim.cargo.UnitData;
import org.cratesim.model.Scenario;

/**
 * A scenario before and after a split or merge of crates ({@code cratesim split}, {@code merge}):
 * both simulated, then the wall time, the dependency bound, and the summed front-end and codegen
 * time of every unit side by side.
 */
public final class SplitMergeReport {
  private SplitMergeReport() {}

  /**
   * Simulates both scenarios and reports what was done ({@code what}), the file written and the
   * figures before and after: the parallelism gained against the work added.
   */
  public static String render(String what, Path written, Scenario before, Scenario after) {
    Totals b = Totals.of(BuildSimulator.simulate(before));
    Totals a = Totals.of(BuildSimulator.simulate(after));
    String nl = System.lineSeparator();
    StringBuilder out = new StringBuilder();
    out.append("cratesim ").append(what).append(nl);
    out.append("wrote ")
        .append(written)
        .append(" (")
        .append(before.crates().size())
        .append(" crates -> ")
        .append(after.crates().size())
        .append(")")
        .append(nl);
    out.append(nl);
    out.append(
        String.format(
            Locale.ROOT,
            "  simulated at -j %d, %s%n",
            after.build().jobs(),
            after.build().mode().id()));
    out.append(
        String.format(Locale.ROOT, "  %-22s %10s %10s %10s%n", "", "before", "after", "change"));
    row(out, "wall time", b.wall, a.wall);
    row(out, "dependency bound", b.critical, a.critical);
    row(out, "front-end time, sum", b.frontend, a.frontend);
    row(out, "codegen time, sum", b.codegen, a.codegen);
    out.append(nl);
    long path = a.critical - b.critical;
    long work = (a.frontend + a.codegen) - (b.frontend + b.codegen);
    out.append(
        String.format(
            Locale.ROOT,
            "  %s: dependency bound %s s; %s: %s s (front end %s s, codegen %s s)%n",
            path <= 0 ? "parallelism gained" : "parallelism lost",
            signed(path),
            work >= 0 ? "work added" : "work saved",
            signed(work),
            signed(a.frontend - b.frontend),
            signed(a.codegen - b.codegen)));
    return out.toString();
  }

  private static void row(StringBuilder out, String label, long before, long after) {
    String pct =
        before == 0
            ? ""
            : String.format(Locale.ROOT, " (%+.1f%%)", 100.0 * (after - before) / before);
    out.append(
        String.format(
            Locale.ROOT,
            "  %-22s %8s s %8s s %8s s%s%n",
            label,
            Seconds.format(before),
            Seconds.format(after),
            signed(after - before),
            pct));
  }

  private static String signed(long nanos) {
    return (nanos >= 0 ? "+" : "") + Seconds.format(nanos);
  }

  /** The figures compared, in nanoseconds. */
  private record Totals(long wall, long critical, long frontend, long codegen) {
    static Totals of(BuildResult r) {
      long fe = 0;
      long cg = 0;
      for (UnitData u : r.units()) {
        fe += Math.max(0, u.frontendEndNanos());
        long c = u.codegenEndNanos() - u.frontendEndNanos();
        if (u.codegenEndNanos() >= 0 && c >= 0) {
          cg += c;
        }
      }
      return new Totals(r.wallNanos(), r.dependencyBoundNanos(), fe, cg);
    }
  }
}
