package org.cratesim.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.cratesim.calibration.Validation;
import org.cratesim.importer.TimingsImporter;
import org.cratesim.report.ReportFormat;
import org.cratesim.report.ValidationReport;
import org.cratesim.timings.CargoMetadata;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cratesim validate --from A --to B}: how far off are the predictions of real builds? */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Checks predictions against measured builds at other -j.",
      "Pairs the timing files of two folders (searched recursively; names equal once -jN is "
          + "removed), imports each file of the first, predicts it at the -j of its partner and "
          + "compares with the partner's measured wall time. Errors are predicted / measured - 1."
    },
    footer = {
      "",
      "Examples:",
      "  cratesim validate --from sim/src/test/resources/validate \\",
      "      --to sim/src/test/resources/validate --unit-graphs --format csv -o pairs.csv",
      "  cratesim validate \\",
      "      --from ../shared/groundtruth/lqd-epyc-2022/round-8-cargo-timing-debug-j1 \\",
      "      --to ../shared/groundtruth/lqd-epyc-2022/round-12-cargo-timing-debug-j8"
    })
public final class ValidateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--from",
      required = true,
      paramLabel = "DIR_A",
      description = "Folder of pages to predict from.")
  Path from;

  @Option(
      names = "--to",
      required = true,
      paramLabel = "DIR_B",
      description = "Folder of measured pages to compare with (may be the same folder).")
  Path to;

  @Option(
      names = "--min-seconds",
      defaultValue = "1",
      paramLabel = "S",
      description =
          "Only pairs whose measured build took at least S seconds "
              + "(default: ${DEFAULT-VALUE}).")
  double minSeconds;

  @Option(
      names = "--format",
      defaultValue = "text",
      paramLabel = "FORMAT",
      description =
          "text (the pairs and the summary), json (the summary and every pair) or csv (every"
              + " pair) (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write the report to FILE instead of standard output.")
  Path output;

  @Option(
      names = "--metadata",
      paramLabel = "FILE",
      description =
          "cargo metadata --format-version 1 of the workspace every page of DIR_A built: every"
              + " package edge (a page of another build is an error).")
  Path metadataFile;

  /** Deprecated: {@code --format csv -o FILE} writes the same rows; kept for old scripts. */
  @Option(
      names = "--rows",
      hidden = true,
      paramLabel = "FILE",
      description = "Also write per-pair rows as CSV (deprecated: --format csv -o FILE).")
  Path rowsFile;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Worker threads (default: all cores).")
  Integer threads;

  @Option(
      names = "--no-pooled-edges",
      description =
          "Use only each page's own edges. By default the dependency edges recorded "
              + "in all pages of DIR_A are pooled per package (never those of DIR_B).")
  boolean noPooledEdges;

  @Option(
      names = "--match",
      paramLabel = "REGEX",
      description = "Only pairs whose key (path without -jN) contains a match of REGEX.")
  String match;

  @Option(
      names = "--unit-graphs",
      description =
          "Use the cargo --unit-graph JSON found in the folder above each page's "
              + "(unit-graph.json, unit-graph-check.json, unit-graph-release.json) for the full "
              + "dependency graph.")
  boolean unitGraphs;

  @Mixin ModelOptions model;

  @Override
  public Integer call() throws Exception {
    ReportFormat f =
        Output.format(
            format,
            "--format must be text, json or csv, was '" + format + "'",
            ReportFormat.TEXT,
            ReportFormat.JSON,
            ReportFormat.CSV);
    Output.requireWritable("-o: ", output);
    Output.requireWritable("--rows: ", rowsFile);
    model.validate();
    List<Validation.Pair> pairs;
    try {
      pairs = Validation.pair(from, to);
    } catch (IOException e) {
      throw new BadInputException(e.getMessage());
    }
    if (match != null) {
      Pattern re;
      try {
        re = Pattern.compile(match);
      } catch (PatternSyntaxException e) {
        throw new BadInputException("--match: bad regular expression: " + e.getDescription());
      }
      pairs = pairs.stream().filter(p -> re.matcher(p.key()).find()).toList();
    }
    if (pairs.isEmpty()) {
      throw new BadInputException(
          "no pairs: no file in "
              + from
              + " has a partner in "
              + to
              + " (names equal once -jN is removed, with different -j)");
    }
    int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    Optional<CargoMetadata> metadata =
        metadataFile == null ? Optional.empty() : Optional.of(CargoMetadata.read(metadataFile));
    List<Validation.Row> rows;
    try (Progress bar = new Progress("validate", 2L * pairs.size())) {
      rows =
          Validation.validate(
              pairs, unitGraphs, metadata, !noPooledEdges, model::choose, n, bar::stepTo);
    } catch (TimingsImporter.ImportMismatch e) {
      throw new BadInputException(
          "--metadata " + metadataFile.getFileName() + " " + e.getMessage());
    }
    if (rows.stream().noneMatch(r -> r.measuredS() >= minSeconds)) {
      throw new BadInputException(
          "--min-seconds "
              + minSeconds
              + ": none of the "
              + rows.size()
              + " pairs was measured that long; nothing to summarise");
    }
    if (rowsFile != null) {
      Output.write("--rows: ", rowsFile, ValidationReport.rows(rows));
    }
    Output.emit(spec, output, f.reporter().validation(rows, minSeconds));
    return 0;
  }
}
