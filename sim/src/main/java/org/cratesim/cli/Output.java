package org.cratesim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.cratesim.model.Scenario;
import org.cratesim.report.ReportFormat;
import org.cratesim.scenario.ScenarioWriter;
import picocli.CommandLine.Model.CommandSpec;

/** Where the commands' text goes: standard output or a file; the formats they accept. */
final class Output {
  private Output() {}

  /** Prints {@code text}, or writes it to {@code file} when one is given. */
  static void emit(CommandSpec spec, Path file, String text) {
    if (file == null) {
      print(spec, text);
    } else {
      write("-o: ", file, text);
    }
  }

  /** Prints {@code text} on the command's standard output. */
  static void print(CommandSpec spec, String text) {
    PrintWriter out = spec.commandLine().getOut();
    out.print(text);
    out.flush();
  }

  /**
   * Checks, before anything is printed or written, that {@code file} (if given) can be written: its
   * folder exists. A missing folder is bad input of {@code option}.
   */
  static void requireWritable(String option, Path file) {
    if (file == null) {
      return;
    }
    Path dir = file.toAbsolutePath().getParent();
    if (dir != null && !Files.isDirectory(dir)) {
      throw new BadInputException(option + "cannot write " + file + ": no such directory");
    }
  }

  /** Writes {@code text} to {@code file}; a missing directory is bad input of {@code option}. */
  static void write(String option, Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new BadInputException(option + "cannot write " + file + ": no such directory");
    } catch (IOException e) {
      throw new BadInputException(option + "cannot write " + file + ": " + e.getMessage());
    }
  }

  /** Writes a scenario to {@code file} with the header lines as comments. */
  static void writeScenario(Path file, Scenario sc, List<String> header) {
    write("", file, ScenarioWriter.write(sc, header));
  }

  /**
   * The format named {@code value} (exactly: text, json, csv) if it is one of {@code allowed}; else
   * bad input with {@code message}.
   */
  static ReportFormat format(String value, String message, ReportFormat... allowed) {
    ReportFormat f = ReportFormat.byId(value).orElse(null);
    if (f == null || !List.of(allowed).contains(f)) {
      throw new BadInputException(message);
    }
    return f;
  }
}
