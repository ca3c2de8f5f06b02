package org.cratesim.cli;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.cratesim.model.Scenario;
import org.cratesim.report.ReportFormat;
import org.cratesim.report.SplitMergeReport;
import org.cratesim.scenario.ScenarioReader;
import org.cratesim.scenario.ScenarioWriter;
import org.cratesim.scenario.SplitMerge;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cratesim split SCENARIO --crate X --parts K -o OUT}: one crate becomes K crates. */
@Command(
    name = "split",
    mixinStandardHelpOptions = true,
    description = {
      "Splits one crate into K crates and compares builds.",
      "Writes a new scenario in which crate X is replaced by K crates X-1 .. X-K, then "
          + "compares the simulated builds at each -j: the parallelism gained against the work "
          + "added. A crate described by its size (loc) shares its lines, macro invocations and "
          + "instantiations; the cost model charges the new graph (every part loads its "
          + "dependencies' metadata again; parts re-instantiate generics they share). A crate "
          + "given in seconds (imported from a timing page, or written with phases) shares its "
          + "measured front end, codegen and link, plus what splitting adds: rustc's start-up per "
          + "part (--part-startup), metadata written per part and loaded by each dependent part "
          + "(costs.metadata_load_per_dep_s, and the per-kloc load and write rates as a share of "
          + "the front end: metadata_load_per_dep_kloc_s and _write_ over frontend_per_kloc_s), "
          + "the generic share of codegen made by the parts nothing in the split depends on "
          + "(--generic-share, duplicated between several of them by --duplication), inlined code "
          + "translated again (costs.inline_share of each dependency part's codegen) and one more "
          + "link input per part (costs.link_per_input_s)."
    },
    footer = {
      "",
      "Shapes: wide = parts 2..K depend on part 1, dependents use every part;",
      "chain = part i depends on part i-1, dependents use the last part;",
      "layered = part 1, then two layers (the first on part 1, each of the",
      "second on part 1 and one of the first), then the last part on all (for",
      "K = 10: m00 -> {m01..m04} -> {m05..m08} -> m09); dependents use the last.",
      "Undo with: cratesim merge OUT --crates X-1,..,X-K --into X (same options)",
      "--into K is an old name of --parts K (merge's --into names the merged crate).",
      "",
      "Examples (a crate described by its size; then a measured build, imported first):",
      "  cratesim split scenarios/workspaces/mono.toml --crate mono --parts 4 -o split.toml",
      "  cratesim import sim/src/test/resources/timings/own-2core-2026/mono-check-j1-r2.json \\",
      "      -o mono.toml",
      "  cratesim split mono.toml --crate mono --parts 10 --shape layered \\",
      "      --generic-share 0.76 --jobs 1,2,4 -o mono-split.toml"
    })
public final class SplitCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario file (TOML).")
  Path scenarioFile;

  @Option(names = "--crate", required = true, paramLabel = "X", description = "Crate to split.")
  String crate;

  @Option(
      names = "--parts",
      paramLabel = "K",
      description = "Number of parts (at least 2, at most the crate's loc).")
  Integer partsOption;

  /**
   * Deprecated name of {@code --parts} ({@code --into} names the merged crate on merge; a count
   * here was the same word for another thing). Kept for old scripts.
   */
  @Option(names = "--into", hidden = true, paramLabel = "K", description = "Same as --parts.")
  Integer into;

  @Option(
      names = "--shape",
      defaultValue = "wide",
      paramLabel = "SHAPE",
      description = "wide, chain or layered (default: ${DEFAULT-VALUE}).")
  String shape;

  @Option(
      names = "--duplication",
      defaultValue = "" + SplitMerge.DEFAULT_DUPLICATION,
      paramLabel = "F",
      description =
          "Generic duplication: each part after the first re-instantiates "
              + "F x own_instantiations / K of its sibling's generics; a crate given in seconds: "
              + "each of S > 1 parts making generic copies makes F x (S-1)/S of its share again "
              + "(default: ${DEFAULT-VALUE}).")
  double duplication;

  @Option(
      names = "--generic-share",
      defaultValue = "" + SplitMerge.DEFAULT_GENERIC_SHARE,
      paramLabel = "G",
      description =
          "A crate given in seconds: the share of its codegen that is copies of generic code, "
              + "made after the split by the parts nothing else in the split depends on "
              + "(default: ${DEFAULT-VALUE}, a judgement between costs.inline_share 0.05 and "
              + "own-2core's mono, 0.76 in -Z time-passes).")
  double genericShare;

  @Option(
      names = "--part-startup",
      defaultValue = "" + SplitMerge.DEFAULT_PART_STARTUP_S,
      paramLabel = "S",
      description =
          "A crate given in seconds: rustc's start-up paid by every part, seconds (default: "
              + "${DEFAULT-VALUE}, own-2core's smallest units: cfg-if, bitflags 0.01 s).")
  double partStartup;

  @Option(
      names = {"-j", "--jobs"},
      paramLabel = "N,..",
      description =
          "The -j values to compare both builds at, comma-separated (default: the scenario's).")
  String jobs;

  @Option(
      names = "--format",
      defaultValue = "text",
      paramLabel = "FORMAT",
      description = "text, json or csv (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "OUT",
      description = "File to write the new scenario to.")
  Path output;

  @Override
  public Integer call() throws Exception {
    if (partsOption == null && into == null) {
      throw new BadInputException("Missing required option: '--parts=K'");
    }
    if (partsOption != null && into != null && !partsOption.equals(into)) {
      throw new BadInputException("--parts and its old name --into disagree; give --parts only");
    }
    int parts = partsOption != null ? partsOption : into;
    SplitMerge.Shape s = parseShape(shape);
    ReportFormat f = parseFormat(format);
    Scenario before = ScenarioReader.read(scenarioFile);
    List<Integer> js = parseJobs(jobs, before);
    SplitMerge.Options options = new SplitMerge.Options(duplication, genericShare, partStartup);
    Scenario after;
    try {
      after = SplitMerge.split(before, crate, parts, s, options);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage());
    }
    List<String> names = SplitMerge.partNames(crate, parts);
    boolean timed =
        before.crates().stream().anyMatch(c -> c.name().equals(crate) && !c.sizeBased());
    String what =
        "split crate '"
            + crate
            + "' of "
            + scenarioFile
            + " into "
            + parts
            + " parts "
            + String.join(", ", names)
            + " (shape "
            + s.id()
            + ", duplication "
            + ScenarioWriter.number(duplication)
            + (timed
                ? ", generic share "
                    + ScenarioWriter.number(genericShare)
                    + ", part start-up "
                    + ScenarioWriter.number(partStartup)
                    + " s"
                : "")
            + ")";
    String report = render(f, SplitMergeReport.compare(what, output, before, after, js));
    String undo =
        "undo: cratesim merge "
            + output
            + " --crates "
            + String.join(",", names)
            + " --into "
            + crate
            + (timed
                ? " --duplication "
                    + ScenarioWriter.number(duplication)
                    + " --generic-share "
                    + ScenarioWriter.number(genericShare)
                    + " --part-startup "
                    + ScenarioWriter.number(partStartup)
                : "");
    Output.writeScenario(output, after, List.of("cratesim " + what, undo));
    Output.print(spec, report);
    return 0;
  }

  /** The report in format {@code f}. */
  static String render(ReportFormat f, SplitMergeReport.Result r) {
    return switch (f) {
      case JSON -> SplitMergeReport.json(r);
      case CSV -> SplitMergeReport.csv(r);
      default -> SplitMergeReport.text(r);
    };
  }

  static ReportFormat parseFormat(String format) {
    return Output.format(
        format,
        "--format must be text, json or csv, was '" + format + "'",
        ReportFormat.TEXT,
        ReportFormat.JSON,
        ReportFormat.CSV);
  }

  /**
   * The -j values of {@code --jobs} ("1,2,4", duplicates dropped, order kept), or the scenario's
   * own when not given.
   */
  static List<Integer> parseJobs(String value, Scenario sc) {
    if (value == null && sc == null) {
      throw new BadInputException("--jobs: give at least one -j");
    }
    if (value == null) {
      return List.of(sc.build().jobs());
    }
    Set<Integer> out = new LinkedHashSet<>();
    for (String part : value.split(",", -1)) {
      int j;
      try {
        j = Integer.parseInt(part.strip());
      } catch (NumberFormatException e) {
        j = -1;
      }
      if (j < 1 || j > 100_000) {
        throw new BadInputException(
            "--jobs must be numbers between 1 and 100000, comma-separated, was '" + value + "'");
      }
      out.add(j);
    }
    return List.copyOf(out);
  }

  static SplitMerge.Shape parseShape(String s) {
    for (SplitMerge.Shape x : SplitMerge.Shape.values()) {
      if (x.id().equalsIgnoreCase(s)) {
        return x;
      }
    }
    throw new BadInputException("--shape must be wide or chain or layered, was '" + s + "'");
  }
}
