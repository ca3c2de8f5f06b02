package org.cratesim.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.cratesim.model.Scenario;
import org.cratesim.report.SplitMergeReport;
import org.cratesim.scenario.ScenarioReader;
import org.cratesim.scenario.ScenarioWriter;
import org.cratesim.scenario.SplitMerge;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cratesim split SCENARIO --crate X --into K -o OUT}: one crate becomes K crates. */
@Command(
    name = "split",
    mixinStandardHelpOptions = true,
    description = {
      "Writes a new scenario in which a crate described by its size (loc) is replaced by K",
      "crates X-1 .. X-K sharing its lines, macro invocations and instantiations, then compares",
      "the simulated builds: the parallelism gained against the work added (every part loads",
      "its dependencies' metadata again; parts re-instantiate generics they share)."
    },
    footer = {
      "",
      "Shapes: wide = parts 2..K depend on part 1 and dependents use every part;",
      "chain = part i depends on part i-1 and dependents use the last part.",
      "Undo with: cratesim merge OUT --crates X-1,..,X-K --into X",
      "Example: cratesim split scenarios/big.toml --crate core --into 4 -o split.toml"
    })
public final class SplitCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario file (TOML).")
  Path scenarioFile;

  @Option(names = "--crate", required = true, paramLabel = "X", description = "Crate to split.")
  String crate;

  @Option(
      names = "--into",
      required = true,
      paramLabel = "K",
      description = "Number of parts (at least 2, at most the crate's loc).")
  int parts;

  @Option(
      names = "--shape",
      defaultValue = "wide",
      paramLabel = "SHAPE",
      description = "wide or chain (default: ${DEFAULT-VALUE}).")
  String shape;

  @Option(
      names = "--duplication",
      defaultValue = "" + SplitMerge.DEFAULT_DUPLICATION,
      paramLabel = "F",
      description =
          "Generic duplication: each part after the first re-instantiates "
              + "F x own_instantiations / K of its sibling's generics (default: ${DEFAULT-VALUE}).")
  double duplication;

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "OUT",
      description = "File to write the new scenario to.")
  Path output;

  @Override
  public Integer call() throws Exception {
    SplitMerge.Shape s = parseShape(shape);
    Scenario before = ScenarioReader.read(scenarioFile);
    Scenario after;
    try {
      after = SplitMerge.split(before, crate, parts, s, duplication);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage());
    }
    List<String> names = SplitMerge.partNames(crate, parts);
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
            + ")";
    Output.writeScenario(
        output,
        after,
        List.of(
            "cratesim " + what,
            "undo: cratesim merge "
                + output
                + " --crates "
                + String.join(",", names)
                + " --into "
                + crate));
    Output.print(spec, SplitMergeReport.render(what, output, before, after));
    return 0;
  }

  static SplitMerge.Shape parseShape(String s) {
    for (SplitMerge.Shape x : SplitMerge.Shape.values()) {
      if (x.id().equalsIgnoreCase(s)) {
        return x;
      }
    }
    throw new BadInputException("--shape must be wide or chain, was '" + s + "'");
  }
}
