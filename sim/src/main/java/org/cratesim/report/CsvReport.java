package org.cratesim.report;

import java.io.StringWriter;
import java.util.stream.Collectors;
import org.cratesim.cargo.BuildResult;
import org.cratesim.cargo.UnitData;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The per-unit table as CSV, one row per unit, columns named after cargo's {@code UnitData} fields
 * ({@code i, name, version, target, mode, start, duration, rmeta_time, ...}) plus the section
 * boundaries and the time the unit became ready. Times in seconds.
 */
public final class CsvReport {
  private CsvReport() {}

  /** The units of a build as a Tablesaw table. */
  public static Table unitTable(BuildResult r) {
    IntColumn i = IntColumn.create("i");
    StringColumn name = StringColumn.create("name");
    StringColumn version = StringColumn.create("version");
    StringColumn target = StringColumn.create("target");
    StringColumn mode = StringColumn.create("mode");
    DoubleColumn start = DoubleColumn.create("start");
    DoubleColumn duration = DoubleColumn.create("duration");
    DoubleColumn rmeta = DoubleColumn.create("rmeta_time");
    DoubleColumn frontend = DoubleColumn.create("frontend_end");
    DoubleColumn codegen = DoubleColumn.create("codegen_end");
    DoubleColumn ready = DoubleColumn.create("ready");
    StringColumn unblocked = StringColumn.create("unblocked_units");
    StringColumn unblockedRmeta = StringColumn.create("unblocked_rmeta_units");
    for (UnitData u : r.units()) {
      i.append(u.unit().index());
      name.append(u.unit().name());
      version.append(u.unit().version());
      target.append(u.unit().target());
      mode.append(u.unit().mode().id());
      start.append(Seconds.rounded(u.startNanos()));
      duration.append(Seconds.rounded(u.durationNanos()));
      appendOptional(rmeta, u.rmetaNanos());
      appendOptional(frontend, u.frontendEndNanos());
      appendOptional(codegen, u.codegenEndNanos());
      ready.append(Seconds.rounded(u.readyNanos()));
      unblocked.append(join(u.unblockedUnits()));
      unblockedRmeta.append(join(u.unblockedRmetaUnits()));
    }
    return Table.create(
        "units",
        i,
        name,
        version,
        target,
        mode,
        start,
        duration,
        rmeta,
        frontend,
        codegen,
        ready,
        unblocked,
        unblockedRmeta);
  }

  public static String render(BuildResult r) {
    StringWriter w = new StringWriter();
    unitTable(r).write().csv(w);
    return w.toString();
  }

  private static void appendOptional(DoubleColumn c, long nanos) {
    if (nanos < 0) {
      c.appendMissing();
    } else {
      c.append(Seconds.rounded(nanos));
    }
  }

  private static String join(java.util.List<Integer> xs) {
    return xs.stream().map(String::valueOf).collect(Collectors.joining(" "));
  }
}
