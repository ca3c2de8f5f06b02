package org.cratesim.measure;

import java.util.List;
import java.util.Locale;
import org.cratesim.report.Csv;

/**
 * One recorded run: a row of the runs CSV, in the format of own-2core-2026's {@code runs.csv}.
 *
 * @param workspace the workspace directory's name
 * @param kind the ground truth's kind name and the variant: {@code <label>-<variant>}, e.g. {@code
 *     check-base}, {@code clean-dev-sccache}
 * @param variant the variant's name (not a column: the kind carries it)
 * @param jobs cargo's {@code -j}
 * @param rep the repetition, 1..N
 * @param wallS wall time measured around the cargo process (includes cargo's start-up)
 * @param rc cargo's exit code
 * @param cpuPct GNU time's {@code %P} (e.g. {@code 93%}), empty without GNU time
 * @param maxRssKb GNU time's {@code %M}, empty without GNU time
 * @param cmd the command as a person would type it (environment of the variant, then cargo)
 */
public record RunRecord(
    String workspace,
    String kind,
    String variant,
    int jobs,
    int rep,
    double wallS,
    int rc,
    String cpuPct,
    String maxRssKb,
    String cmd) {

  /** The header of the runs CSV (own-2core-2026's). */
  public static final String HEADER = "workspace,kind,jobs,rep,wall_s,rc,cpu_pct,maxrss_kb,cmd";

  /** The row, CSV-quoted. */
  public String csvRow() {
    return String.join(
        ",",
        Csv.field(workspace),
        Csv.field(kind),
        Integer.toString(jobs),
        Integer.toString(rep),
        String.format(Locale.ROOT, "%.3f", wallS),
        Integer.toString(rc),
        Csv.field(cpuPct),
        Csv.field(maxRssKb),
        Csv.field(cmd));
  }

  /** The runs CSV: header and one row per run, in the order they ran. */
  public static String csv(List<RunRecord> runs) {
    StringBuilder sb = new StringBuilder(HEADER).append('\n');
    for (RunRecord r : runs) {
      sb.append(r.csvRow()).append('\n');
    }
    return sb.toString();
  }
}
