package org.cratesim.report;

import java.util.List;
import java.util.stream.Collectors;
import org.cratesim.cargo.BuildResult;
import org.cratesim.cargo.UnitData;

/**
 * The per-unit table as CSV, one row per unit, columns named after cargo's {@code UnitData} fields
 * ({@code i, name, version, target, mode, start, duration, rmeta_time, ...}) plus the section
 * boundaries, the time the unit became ready and, on every row, the build's wall time ({@code
 * wall_time_s}: the same value on each row, so a table loaded elsewhere keeps it). Times in
 * seconds, plain decimals; a phase the unit does not have is an empty field.
 */
public final class CsvReport {
  private CsvReport() {}

  /** The columns, in order. */
  public static final List<String> COLUMNS =
      List.of(
          "i",
          "name",
          "version",
          "target",
          "mode",
          "start",
          "duration",
          "rmeta_time",
          "frontend_end",
          "codegen_end",
          "ready",
          "unblocked_units",
          "unblocked_rmeta_units",
          "wall_time_s");

  public static String render(BuildResult r) {
    StringBuilder out = new StringBuilder();
    Csv.row(out, COLUMNS);
    String wall = Csv.number(Seconds.rounded(r.wallNanos()));
    for (UnitData u : r.units()) {
      Csv.row(
          out,
          List.of(
              String.valueOf(u.unit().index()),
              Csv.field(u.unit().name()),
              Csv.field(u.unit().version()),
              Csv.field(u.unit().target()),
              Csv.field(u.unit().mode().id()),
              seconds(u.startNanos()),
              seconds(u.durationNanos()),
              seconds(u.rmetaNanos()),
              seconds(u.frontendEndNanos()),
              seconds(u.codegenEndNanos()),
              seconds(u.readyNanos()),
              join(u.unblockedUnits()),
              join(u.unblockedRmetaUnits()),
              wall));
    }
    return out.toString();
  }

  /** Seconds rounded to milliseconds; a negative time (no such phase) is an empty field. */
  private static String seconds(long nanos) {
    return nanos < 0 ? "" : Csv.number(Seconds.rounded(nanos));
  }

  private static String join(List<Integer> xs) {
    return xs.stream().map(String::valueOf).collect(Collectors.joining(" "));
  }
}
