package org.cratesim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** {@code java -jar cratesim.jar ...} */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    int code = run(args, out, err);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Runs a command line on the process's standard output and error. */
  static int run(String[] args) {
    return run(
        args,
        new PrintWriter(System.out, true, StandardCharsets.UTF_8),
        new PrintWriter(System.err, true, StandardCharsets.UTF_8));
  }

  /**
   * Runs a command line with its output and errors on {@code out} and {@code err}; returns the exit
   * code. An {@link Error} that escapes the command (picocli handles exceptions) is one line on
   * {@code err}: a stack overflow comes from input nested too deeply (exit 2), running out of
   * memory is the machine's limit (exit 1). Warnings are shown only after a success (see {@link
   * HeldWarnings}).
   */
  static int run(String[] args, PrintWriter out, PrintWriter err) {
    HeldWarnings held = new HeldWarnings(err);
    PrintWriter commandErr = new PrintWriter(held, true);
    try {
      int code = CratesimCommand.commandLine().setOut(out).setErr(commandErr).execute(args);
      commandErr.flush();
      held.finish(code == 0);
      return code;
    } catch (IOException e) {
      err.println("cratesim: error: cannot write to standard error: " + e.getMessage());
      return CratesimCommand.EXIT_FAILURE;
    } catch (StackOverflowError e) {
      err.println("cratesim: error: the input nests too deeply to read (stack overflow)");
      return CratesimCommand.EXIT_BAD_INPUT;
    } catch (OutOfMemoryError e) {
      err.println("cratesim: error: out of memory; give the JVM more heap (java -Xmx8g -jar ...)");
      return CratesimCommand.EXIT_FAILURE;
    } catch (RuntimeException | Error e) {
      err.println("cratesim: error: " + CratesimCommand.oneLine(CratesimCommand.messageOf(e)));
      return CratesimCommand.EXIT_FAILURE;
    } finally {
      err.flush();
    }
  }
}
