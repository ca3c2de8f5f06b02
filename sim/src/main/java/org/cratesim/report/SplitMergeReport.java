package org.cratesim.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cratesim.calibration.SplitValidation;
import org.cratesim.cargo.BuildResult;
import org.cratesim.cargo.BuildSimulator;
import org.cratesim.cargo.UnitData;
import org.cratesim.model.Scenario;

/**
 * A scenario before and after a split or merge of crates ({@code cratesim split}, {@code merge}):
 * both simulated at each -j asked for, then the wall time, the dependency bound, and the summed
 * front-end and codegen time of every unit side by side, as text, JSON or CSV.
 */
public final class SplitMergeReport {

  private SplitMergeReport() {}

  /** The figures compared, in nanoseconds. */
  public record Totals(long wall, long critical, long frontend, long codegen) {
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

  /** Both builds at one -j. */
  public record Row(int jobs, Totals before, Totals after) {
    /** After minus before, wall time. */
    public long deltaNanos() {
      return after.wall - before.wall;
    }
  }

  /**
   * What was done and both builds at each -j.
   *
   * @param what what was done, in words
   * @param written the scenario file written
   * @param cratesBefore crates before
   * @param cratesAfter crates after
   * @param mode the build's mode
   * @param scenarioJobs the scenario's own -j
   * @param rows one per -j, in the order asked
   */
  public record Result(
      String what,
      Path written,
      int cratesBefore,
      int cratesAfter,
      String mode,
      int scenarioJobs,
      List<Row> rows) {
    public Result {
      rows = List.copyOf(rows);
    }
  }

  /** Simulates both scenarios at each of {@code jobs}. */
  public static Result compare(
      String what, Path written, Scenario before, Scenario after, List<Integer> jobs) {
    List<Row> rows = new ArrayList<>();
    for (int j : jobs) {
      rows.add(
          new Row(
              j,
              Totals.of(BuildSimulator.simulate(before.withBuild(before.build().withJobs(j)))),
              Totals.of(BuildSimulator.simulate(after.withBuild(after.build().withJobs(j))))));
    }
    return new Result(
        what,
        written,
        before.crates().size(),
        after.crates().size(),
        after.build().mode().id(),
        after.build().jobs(),
        rows);
  }

  /**
   * Simulates both scenarios at the scenario's -j and reports what was done ({@code what}), the
   * file written and the figures before and after: the parallelism gained against the work added.
   */
  public static String render(String what, Path written, Scenario before, Scenario after) {
    return text(compare(what, written, before, after, List.of(after.build().jobs())));
  }

  /** The comparison for people. */
  public static String text(Result res) {
    String nl = System.lineSeparator();
    StringBuilder out = new StringBuilder();
    out.append("cratesim ").append(res.what()).append(nl);
    out.append("wrote ")
        .append(res.written())
        .append(" (")
        .append(res.cratesBefore())
        .append(" crates -> ")
        .append(res.cratesAfter())
        .append(")")
        .append(nl);
    if (res.rows().size() > 1) {
      out.append(nl);
      out.append(
          String.format(
              Locale.ROOT,
              "  wall time, %-11s %10s %10s %10s%n",
              res.mode(),
              "before",
              "after",
              "change"));
      for (Row r : res.rows()) {
        String label =
            "-j " + r.jobs() + (r.jobs() == res.scenarioJobs() ? " (the scenario's)" : "");
        row(out, label, r.before().wall(), r.after().wall());
      }
    }
    for (Row r : res.rows()) {
      Totals b = r.before();
      Totals a = r.after();
      out.append(nl);
      out.append(String.format(Locale.ROOT, "  simulated at -j %d, %s%n", r.jobs(), res.mode()));
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
    }
    return out.toString();
  }

  /**
   * The comparison as JSON: {@code {"what", "written", ..., "rows": [{"jobs", "before", ...}]}}.
   */
  public static String json(Result res) {
    return Json.pretty(
        g -> {
          g.writeStartObject();
          g.writeStringField("format", "cratesim-split-merge");
          g.writeNumberField("version", 1);
          g.writeStringField("what", res.what());
          g.writeStringField("written", res.written().toString());
          g.writeNumberField("crates_before", res.cratesBefore());
          g.writeNumberField("crates_after", res.cratesAfter());
          g.writeStringField("mode", res.mode());
          g.writeNumberField("scenario_jobs", res.scenarioJobs());
          g.writeArrayFieldStart("rows");
          for (Row r : res.rows()) {
            g.writeStartObject();
            g.writeNumberField("jobs", r.jobs());
            side(g, "before", r.before());
            side(g, "after", r.after());
            g.writeNumberField("delta_s", Seconds.decimal(r.deltaNanos()));
            if (r.before().wall() > 0) {
              g.writeNumberField("change_pct", pct(r.before().wall(), r.after().wall()));
            } else {
              g.writeNullField("change_pct");
            }
            g.writeEndObject();
          }
          g.writeEndArray();
          g.writeEndObject();
        });
  }

  /** The comparison as CSV, one row per -j. */
  public static String csv(Result res) {
    StringBuilder out = new StringBuilder();
    out.append(
        "jobs,mode,before_wall_s,after_wall_s,delta_s,change_pct,before_dependency_bound_s,"
            + "after_dependency_bound_s,before_frontend_s,after_frontend_s,before_codegen_s,"
            + "after_codegen_s\n");
    for (Row r : res.rows()) {
      Totals b = r.before();
      Totals a = r.after();
      out.append(r.jobs())
          .append(',')
          .append(Csv.field(res.mode()))
          .append(',')
          .append(Seconds.decimal(b.wall()))
          .append(',')
          .append(Seconds.decimal(a.wall()))
          .append(',')
          .append(Seconds.decimal(r.deltaNanos()))
          .append(',')
          .append(b.wall() > 0 ? pct(b.wall(), a.wall()).toPlainString() : "")
          .append(',')
          .append(Seconds.decimal(b.critical()))
          .append(',')
          .append(Seconds.decimal(a.critical()))
          .append(',')
          .append(Seconds.decimal(b.frontend()))
          .append(',')
          .append(Seconds.decimal(a.frontend()))
          .append(',')
          .append(Seconds.decimal(b.codegen()))
          .append(',')
          .append(Seconds.decimal(a.codegen()))
          .append('\n');
    }
    return out.toString();
  }

  /** The split check against own-2core ({@code cratesim validate-split}) for people. */
  public static String validationText(SplitValidation.Report r) {
    String nl = System.lineSeparator();
    StringBuilder out = new StringBuilder();
    var o = r.options();
    out.append(
        String.format(
            Locale.ROOT,
            "cratesim validate-split: own-2core's %s pages, crate '%s' split into %d parts"
                + " (shape layered, generic share %s, duplication %s, part start-up %s s),%n"
                + "against the split workspace's measured builds (medians of runs.csv)%n%n",
            r.crate(),
            r.crate(),
            r.parts(),
            num(o.genericShare()),
            num(o.duplication()),
            num(o.partStartupS())));
    out.append(
        String.format(
            Locale.ROOT,
            "  %-14s %3s %5s | %9s %9s | %9s %9s %8s | %8s %8s %s%n",
            "build",
            "-j",
            "pages",
            "mono sim",
            "mono meas",
            "split sim",
            "split meas",
            "error",
            "sim",
            "measured",
            "ordering"));
    for (SplitValidation.Row row : r.rows()) {
      out.append(
          String.format(
              Locale.ROOT,
              "  %-14s %3d %5d | %7.2f s %s | %7.2f s %s %8s | %8s %8s %s%n",
              row.kind(),
              row.jobs(),
              row.pages(),
              row.monoPredictedS(),
              secs(row.monoMeasuredS()),
              row.splitPredictedS(),
              secs(row.splitMeasuredS()),
              row.measured() ? pctText(row.splitError()) : "",
              pctText(row.predictedChange()),
              row.measured() ? pctText(row.measuredChange()) : "",
              row.measured()
                  ? (row.orderingAgrees() ? "agrees" : "differs")
                  : "split not measured"));
    }
    out.append(nl);
    out.append(
        String.format(
            Locale.ROOT,
            "  median |error| of split's predicted wall time: %s over %d builds; the ordering"
                + " agrees in %d of %d%n",
            Double.isNaN(r.medianAbsError())
                ? "-"
                : String.format(Locale.ROOT, "%.1f %%", 100 * r.medianAbsError()),
            r.rows().stream().filter(SplitValidation.Row::measured).count(),
            r.rows().stream().filter(SplitValidation.Row::orderingAgrees).count(),
            r.rows().stream().filter(SplitValidation.Row::measured).count()));
    out.append(
        "  (sim/measured columns: split relative to mono; repeated builds here differ by 15-35 %)"
            + nl);
    return out.toString();
  }

  /** The split check as JSON: {@code {"crate", "parts", "options", "rows": [...], ...}}. */
  public static String validationJson(SplitValidation.Report r) {
    return Json.pretty(
        g -> {
          g.writeStartObject();
          g.writeStringField("format", "cratesim-validate-split");
          g.writeNumberField("version", 1);
          g.writeStringField("crate", r.crate());
          g.writeNumberField("parts", r.parts());
          g.writeStringField("shape", "layered");
          g.writeNumberField("generic_share", r.options().genericShare());
          g.writeNumberField("duplication", r.options().duplication());
          g.writeNumberField("part_startup_s", r.options().partStartupS());
          g.writeArrayFieldStart("rows");
          for (SplitValidation.Row row : r.rows()) {
            g.writeStartObject();
            g.writeStringField("kind", row.kind());
            g.writeNumberField("jobs", row.jobs());
            g.writeNumberField("pages", row.pages());
            g.writeNumberField("mono_predicted_s", round3(row.monoPredictedS()));
            numberOrNull(g, "mono_measured_median_s", row.monoMeasuredS());
            g.writeNumberField("split_predicted_s", round3(row.splitPredictedS()));
            numberOrNull(g, "split_measured_median_s", row.splitMeasuredS());
            g.writeNumberField("split_runs", row.splitRuns());
            numberOrNull(g, "error", row.measured() ? row.splitError() : Double.NaN);
            g.writeNumberField("predicted_change", round3(row.predictedChange()));
            numberOrNull(g, "measured_change", row.measured() ? row.measuredChange() : Double.NaN);
            if (row.measured()) {
              g.writeBooleanField("ordering_agrees", row.orderingAgrees());
            } else {
              g.writeNullField("ordering_agrees");
            }
            g.writeEndObject();
          }
          g.writeEndArray();
          numberOrNull(g, "median_abs_error", r.medianAbsError());
          g.writeEndObject();
        });
  }

  /** The split check as CSV, one row per kind of build and -j. */
  public static String validationCsv(SplitValidation.Report r) {
    StringBuilder out = new StringBuilder();
    out.append(
        "kind,jobs,pages,mono_predicted_s,mono_measured_median_s,split_predicted_s,"
            + "split_measured_median_s,split_runs,error,predicted_change,measured_change,"
            + "ordering_agrees\n");
    for (SplitValidation.Row row : r.rows()) {
      out.append(row.kind())
          .append(',')
          .append(row.jobs())
          .append(',')
          .append(row.pages())
          .append(',')
          .append(csvNum(row.monoPredictedS()))
          .append(',')
          .append(csvNum(row.monoMeasuredS()))
          .append(',')
          .append(csvNum(row.splitPredictedS()))
          .append(',')
          .append(csvNum(row.splitMeasuredS()))
          .append(',')
          .append(row.splitRuns())
          .append(',')
          .append(row.measured() ? csvNum(row.splitError()) : "")
          .append(',')
          .append(csvNum(row.predictedChange()))
          .append(',')
          .append(row.measured() ? csvNum(row.measuredChange()) : "")
          .append(',')
          .append(row.measured() ? String.valueOf(row.orderingAgrees()) : "")
          .append('\n');
    }
    return out.toString();
  }

  private static void numberOrNull(JsonGenerator g, String name, double v) throws IOException {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      g.writeNullField(name);
    } else {
      g.writeNumberField(name, round3(v));
    }
  }

  private static BigDecimal round3(double v) {
    return BigDecimal.valueOf(v).setScale(3, RoundingMode.HALF_EVEN);
  }

  private static String csvNum(double v) {
    return Double.isNaN(v) || Double.isInfinite(v) ? "" : round3(v).toPlainString();
  }

  private static String secs(double v) {
    return Double.isNaN(v) ? "        -" : String.format(Locale.ROOT, "%7.2f s", v);
  }

  private static String pctText(double f) {
    return String.format(Locale.ROOT, "%+.1f %%", 100 * f);
  }

  private static String num(double v) {
    return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }

  private static void side(JsonGenerator g, String name, Totals t) throws IOException {
    g.writeObjectFieldStart(name);
    g.writeNumberField("wall_s", Seconds.decimal(t.wall()));
    g.writeNumberField("dependency_bound_s", Seconds.decimal(t.critical()));
    g.writeNumberField("frontend_s", Seconds.decimal(t.frontend()));
    g.writeNumberField("codegen_s", Seconds.decimal(t.codegen()));
    g.writeEndObject();
  }

  private static BigDecimal pct(long before, long after) {
    return BigDecimal.valueOf(100.0 * (after - before) / before)
        .setScale(1, RoundingMode.HALF_EVEN);
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
}
