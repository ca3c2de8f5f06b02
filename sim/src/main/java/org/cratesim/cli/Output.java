package org.cratesim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.cratesim.model.Scenario;
import org.cratesim.report.ReportFormat;
import org.cratesim.scenario.ScenarioException;
import org.cratesim.scenario.ScenarioReader;
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

  /**
   * Writes {@code text} to {@code file} atomically: to a temporary file in the same directory,
   * renamed over {@code file} when complete, so that a failure leaves no half-written file and no
   * file at all where there was none. A missing directory is bad input of {@code option}; a file
   * the machine will not write is a failure with its reason.
   */
  static void write(String option, Path file, String text) {
    writeWith(option, file, tmp -> Files.writeString(tmp, text, StandardCharsets.UTF_8));
  }

  /** Writes a file's contents to the path it is given (a temporary file {@link #write} renames). */
  @FunctionalInterface
  interface Contents {
    void writeTo(Path tmp) throws IOException;
  }

  /** {@link #write}, with the contents written by {@code contents}. */
  static void writeWith(String option, Path file, Contents contents) {
    Path dir = file.toAbsolutePath().getParent();
    if (dir != null && !Files.isDirectory(dir)) {
      throw new BadInputException(option + "cannot write " + file + ": no such directory");
    }
    if (Files.isDirectory(file)) {
      throw new BadInputException(option + "cannot write " + file + ": it is a directory");
    }
    Path tmp = null;
    try {
      // a fresh name beside the file, created with the default permissions (the umask's), as the
      // file itself would be: createTempFile would make it readable by its owner only
      Path base = dir == null ? file.toAbsolutePath() : dir;
      for (int k = 0; tmp == null; k++) {
        Path t =
            base.resolve(
                "." + file.getFileName() + "." + ProcessHandle.current().pid() + "." + k + ".tmp");
        try {
          tmp = Files.createFile(t);
        } catch (FileAlreadyExistsException e) {
          if (k > 1000) {
            throw e;
          }
        }
      }
      contents.writeTo(tmp);
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
    } catch (NoSuchFileException e) {
      throw new BadInputException(option + "cannot write " + file + ": no such directory");
    } catch (AccessDeniedException e) {
      throw new UncheckedIOException(option + "cannot write " + file + ": permission denied", e);
    } catch (IOException e) {
      throw new UncheckedIOException(option + "cannot write " + file + ": " + e.getMessage(), e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException e) {
          // the temporary file stays; the error above is what the user needs
        }
      }
    }
  }

  /**
   * Writes a scenario to {@code file} with the header lines as comments; a scenario the reader
   * would refuse is not written (a command writes only what {@code cratesim run} reads).
   */
  static void writeScenario(Path file, Scenario sc, List<String> header) {
    String text = ScenarioWriter.write(sc, header);
    try {
      ScenarioReader.parse(text, file.toString());
    } catch (ScenarioException e) {
      throw new BadInputException(
          "-o: the new scenario would not be readable (" + e.problem() + "); nothing written");
    }
    write("-o: ", file, text);
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
