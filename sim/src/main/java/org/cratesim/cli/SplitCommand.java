package org.cratesim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cratesim.cargo.BuildResult;
import org.cratesim.cargo.BuildSimulator;
import org.cratesim.cargo.UnitData;
import org.cratesim.model.Scenario;
import org.cratesim.report.Seconds;
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
    footer = {"", "Shapes: wide = parts 2..K depend on part 1 and dependents use every part;",
      "chain = part i depends on part i-1 and dependents use the last part.",
      "Undo with: cratesim merge OUT --crates X-1,..,X-K --into X",
      "Example: cratesim split scenarios/big.toml --crate core --into 4 -o split.toml"})
public final class SplitCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario file (TOML).")
  Path scenarioFile;

  @Option(names = "--crate", required = true, paramLabel = "X", description = "Crate to split.")
  String crate;

  @Option(names = "--into", required = true, paramLabel = "K",
      description = "Number of parts (at least 2, at most the crate's loc).")
  int parts;

  @Option(names = "--shape", defaultValue = "wide", paramLabel = "SHAPE",
      description = "wide or chain (default: ${DEFAULT-VALUE}).")
  String shape;

  @Option(names = "--duplication", defaultValue = "" + SplitMerge.DEFAULT_DUPLICATION,
      paramLabel = "F",
      description = "Generic duplication: each part after the first re-instantiates "
          + "F x own_instantiations / K of its sibling's generics (default: ${DEFAULT-VALUE}).")
  double duplication;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT",
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
    String what = "split crate '" + crate + "' of " + scenarioFile + " into " + parts
        + " parts " + String.join(", ", names) + " (shape " + s.id() + ", duplication "
        + ScenarioWriter.number(duplication) + ")";
    write(output, after, List.of("cratesim " + what,
        "undo: cratesim merge " + output + " --crates " + String.join(",", names)
            + " --into " + crate));
    compare(spec.commandLine().getOut(), what, output, before, after);
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

  /** Writes the scenario to {@code out} with the header lines as comments. */
  static void write(Path out, Scenario sc, List<String> header) {
    try {
      Files.writeString(out, ScenarioWriter.write(sc, header), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new BadInputException("cannot write " + out + ": no such directory");
    } catch (IOException e) {
      throw new BadInputException("cannot write " + out + ": " + e.getMessage());
    }
  }

  /**
   * Prints what was done and the simulated builds before and after: wall time, the critical-path
   * bound, and the summed front-end and codegen time of every unit.
   */
  static void compare(PrintWriter out, String what, Path written, Scenario before,
      Scenario after) {
    Totals b = Totals.of(before);
    Totals a = Totals.of(after);
    out.println("cratesim " + what);
    out.println("wrote " + written + " (" + before.crates().size() + " crates -> "
        + after.crates().size() + ")");
    out.println();
    out.printf(Locale.ROOT, "  simulated at -j %d, %s%n", after.build().jobs(),
        after.build().mode().id());
    out.printf(Locale.ROOT, "  %-22s %10s %10s %10s%n", "", "before", "after", "change");
    row(out, "wall time", b.wall, a.wall);
    row(out, "critical path (bound)", b.critical, a.critical);
    row(out, "front-end time, sum", b.frontend, a.frontend);
    row(out, "codegen time, sum", b.codegen, a.codegen);
    out.println();
    long path = a.critical - b.critical;
    long work = (a.frontend + a.codegen) - (b.frontend + b.codegen);
    out.printf(Locale.ROOT, "  %s: critical path %s s; %s: %s s (front end %s s, codegen %s s)%n",
        path <= 0 ? "parallelism gained" : "parallelism lost", signed(path),
        work >= 0 ? "work added" : "work saved", signed(work), signed(a.frontend - b.frontend),
        signed(a.codegen - b.codegen));
    out.flush();
  }

  private static void row(PrintWriter out, String label, long before, long after) {
    String pct = before == 0 ? "" : String.format(Locale.ROOT, " (%+.1f%%)",
        100.0 * (after - before) / before);
    out.printf(Locale.ROOT, "  %-22s %8s s %8s s %8s s%s%n", label, Seconds.format(before),
        Seconds.format(after), signed(after - before), pct);
  }

  private static String signed(long nanos) {
    return (nanos >= 0 ? "+" : "") + Seconds.format(nanos);
  }

  /** The figures compared, in nanoseconds. */
  private record Totals(long wall, long critical, long frontend, long codegen) {
    static Totals of(Scenario sc) {
      BuildResult r = BuildSimulator.simulate(sc);
      long fe = 0;
      long cg = 0;
      for (UnitData u : r.units()) {
        fe += Math.max(0, u.frontendEndNanos());
        long c = u.codegenEndNanos() - u.frontendEndNanos();
        if (u.codegenEndNanos() >= 0 && c >= 0) {
          cg += c;
        }
      }
      return new Totals(r.wallNanos(), r.criticalPathNanos(), fe, cg);
    }
  }
}
