package org.cratesim.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.cratesim.model.Scenario;
import org.cratesim.report.SplitMergeReport;
import org.cratesim.scenario.ScenarioReader;
import org.cratesim.scenario.SplitMerge;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cratesim merge SCENARIO --crates A,B,C --into X -o OUT}: several crates become one. */
@Command(
    name = "merge",
    mixinStandardHelpOptions = true,
    description = {
      "Writes a new scenario in which crates described by their size (loc) are replaced by one",
      "crate X: sizes are summed, references between them dropped, dependents use X. Then",
      "compares the simulated builds before and after. Merging the parts a split produced, in",
      "order, restores the scenario that was split."
    },
    footer = {
      "",
      "Example: cratesim merge split.toml --crates core-1,core-2,core-3 --into core"
          + " -o merged.toml"
    })
public final class MergeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario file (TOML).")
  Path scenarioFile;

  @Option(
      names = "--crates",
      required = true,
      split = ",",
      paramLabel = "A,B,..",
      description =
          "Crates to merge, comma-separated; the first gives X its version, "
              + "codegen_units and dependency order.")
  List<String> crates;

  @Option(
      names = "--into",
      required = true,
      paramLabel = "X",
      description = "Name of the merged crate (new, or one of the merged crates).")
  String into;

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "OUT",
      description = "File to write the new scenario to.")
  Path output;

  @Override
  public Integer call() throws Exception {
    Scenario before = ScenarioReader.read(scenarioFile);
    Scenario after;
    try {
      after = SplitMerge.merge(before, crates, into);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage());
    }
    String what =
        "merged crates "
            + String.join(", ", crates)
            + " of "
            + scenarioFile
            + " into '"
            + into
            + "'";
    Output.writeScenario(output, after, List.of("cratesim " + what));
    Output.print(spec, SplitMergeReport.render(what, output, before, after));
    return 0;
  }
}
