package org.cratesim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import org.cratesim.calibration.DataException;
import org.cratesim.cargo.BuildTooLongException;
import org.cratesim.scenario.ScenarioException;
import org.cratesim.sweep.SweepFile;
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
          Throwable why = badInputIn(ex);
          int code = why == null ? exitCodeOf(ex) : EXIT_BAD_INPUT;
          err.println("cratesim: error: " + oneLine(messageOf(why == null ? ex : why)));
          if (System.getenv("CRATESIM_DEBUG") != null) {
            ex.printStackTrace(err);
          }
          err.flush();
          return code;
        });
    cl.setParameterExceptionHandler(
        (ex, args) -> {
          PrintWriter err = ex.getCommandLine().getErr();
          err.println(
              "cratesim: error: "
                  + oneLine(String.valueOf(ex.getMessage()))
                  + " (try '"
                  + ex.getCommandLine().getCommandSpec().qualifiedName()
                  + " --help')");
          err.flush();
          return EXIT_BAD_INPUT;
        });
    return cl;
  }

  /** Longest message printed, in characters. */
  static final int MAX_MESSAGE = 1000;

  /**
   * A message as one line: control characters (line breaks, ESC, NUL, the C1 set too) and Unicode
   * line separators become spaces; capped.
   */
  static String oneLine(String msg) {
    String s = msg.replaceAll("[\\p{Cntrl}\\u0080-\\u009f\\u2028\\u2029]+", " ").strip();
    return s.length() <= MAX_MESSAGE ? s : s.substring(0, MAX_MESSAGE) + "…";
  }

  /**
   * What went wrong, in words: bad input as its own message; a file the machine would not give ("no
   * such file: x", "permission denied: x"); anything else with its kind, as it is a failure that is
   * not the input's.
   */
  static String messageOf(Throwable ex) {
    if (ex instanceof UncheckedIOException u && u.getCause() != null) {
      if (u.getMessage() != null && !u.getMessage().equals(u.getCause().toString())) {
        return u.getMessage();
      }
      ex = u.getCause();
    }
    String m = ex.getMessage();
    if (ex instanceof NoSuchFileException e) {
      return "no such file or directory: " + e.getFile();
    }
    if (ex instanceof AccessDeniedException e) {
      return "permission denied: " + e.getFile();
    }
    if (ex instanceof FileAlreadyExistsException e) {
      return "already exists: " + e.getFile();
    }
    if (ex instanceof InvalidPathException e) {
      return "not a valid path: " + e.getReason();
    }
    if (ex instanceof FileSystemException e) {
      return (e.getFile() == null ? "" : e.getFile() + ": ")
          + (e.getReason() == null ? "cannot read or write" : e.getReason());
    }
    if (exitCodeOf(ex) == EXIT_BAD_INPUT) {
      return m == null ? ex.getClass().getSimpleName() : m;
    }
    if (ex instanceof IOException) {
      return m == null ? "input or output failed" : m;
    }
    if (ex instanceof EnvironmentException) {
      return m;
    }
    String kind = ex.getClass().getSimpleName();
    return (m == null ? kind : m + " (" + kind + ")") + "; CRATESIM_DEBUG=1 shows where";
  }

  /**
   * The bad input behind {@code ex}: itself or a cause (a worker thread's failure arrives wrapped),
   * or null.
   */
  static Throwable badInputIn(Throwable ex) {
    for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (!(t instanceof UncheckedIOException) && exitCodeOf(t) == EXIT_BAD_INPUT) {
        return t;
      }
    }
    return null;
  }

  /** Bad input exits 2; a failure that is not the input's (the machine, a bug) 1. */
  static int exitCodeOf(Throwable ex) {
    if (ex instanceof UncheckedIOException u && u.getCause() != null) {
      ex = u.getCause();
    }
    if (ex instanceof ScenarioException
        || ex instanceof BadInputException
        || ex instanceof TimingsFormatException
        || ex instanceof BuildTooLongException
        || ex instanceof SweepFile.BadSweepException
        || ex instanceof DataException
        || ex instanceof InvalidPathException) {
      return EXIT_BAD_INPUT;
    }
    return EXIT_FAILURE;
  }
}
