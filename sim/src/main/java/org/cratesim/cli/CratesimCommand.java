package org.cratesim.cli;

import java.io.PrintWriter;
import org.cratesim.scenario.ScenarioException;
import org.cratesim.timings.TimingsFormatException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level command: prints usage when called without a subcommand. */
@Command(
    name = "cratesim",
    mixinStandardHelpOptions = true,
    version = "cratesim 0.1.0",
    description = {
      "Simulates cargo builds of Rust crate graphs: cargo's scheduler, the jobserver, "
          + "rustc's front end, codegen units and link, on N cores; predicts wall time and "
          + "explains it."
    },
    subcommands = {
      RunCommand.class,
      ImportCommand.class,
      PredictCommand.class,
      ValidateCommand.class,
      CalibrateCommand.class,
      CalibrateCostsCommand.class,
      CompareCommand.class,
      AdviseCommand.class,
      ValidateRebuildsCommand.class,
      ValidateExperimentsCommand.class,
      ValidateStrategiesCommand.class,
      SweepCommand.class,
      ReportCommand.class,
      SplitCommand.class,
      MergeCommand.class,
      ValidateSplitCommand.class,
      BenchCommand.class,
      MeasureCommand.class,
      CommandLine.HelpCommand.class
    },
    footer = {
      "",
      "Exit codes: 0 ok, 1 failure, 2 bad input (the message names file:line).",
      "Example:",
      "  java -jar sim/target/cratesim.jar run scenarios/tiny.toml"
    })
public final class CratesimCommand implements Runnable {
  /** Exit code for bad input (malformed scenario, unknown crate, bad option). */
  public static final int EXIT_BAD_INPUT = 2;

  /** Exit code for a failure that is not the input's fault. */
  public static final int EXIT_FAILURE = 1;

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** A configured command line: exit codes and one-line errors as the product promises. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new CratesimCommand());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    HelpText.install(cl);
    cl.setExecutionExceptionHandler(
        (ex, cmd, parseResult) -> {
          PrintWriter err = cmd.getErr();
          int code = exitCodeOf(ex);
          String msg =
              oneLine(ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage());
          err.println(code == EXIT_BAD_INPUT ? msg : "cratesim: error: " + msg);
          if (System.getenv("CRATESIM_DEBUG") != null) {
            ex.printStackTrace(err);
          }
          err.flush();
          return code;
        });
    cl.setParameterExceptionHandler(
        (ex, args) -> {
          PrintWriter err = ex.getCommandLine().getErr();
          err.println("cratesim: " + ex.getMessage());
          err.println(
              "Try '"
                  + ex.getCommandLine().getCommandSpec().qualifiedName()
                  + " --help' for more information.");
          err.flush();
          return EXIT_BAD_INPUT;
        });
    return cl;
  }

  /** Longest message printed, in characters. */
  static final int MAX_MESSAGE = 1000;

  /** A message as one line: control characters (line breaks too) become spaces; capped. */
  static String oneLine(String msg) {
    String s = msg.replaceAll("\\p{Cntrl}+", " ").strip();
    return s.length() <= MAX_MESSAGE ? s : s.substring(0, MAX_MESSAGE) + "…";
  }

  static int exitCodeOf(Exception ex) {
    if (ex instanceof ScenarioException
        || ex instanceof BadInputException
        || ex instanceof TimingsFormatException) {
      return EXIT_BAD_INPUT;
    }
    return EXIT_FAILURE;
  }
}
