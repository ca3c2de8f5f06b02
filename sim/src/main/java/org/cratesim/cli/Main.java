package org.cratesim.cli;

/** {@code java -jar cratesim.jar ...} */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /**
   * Runs a command line; an {@link Error} that escapes the command (picocli handles exceptions) is
   * one line on stderr: a stack overflow comes from input nested too deeply (exit 2), running out
   * of memory is the machine's limit (exit 1).
   */
  static int run(String[] args) {
    try {
      return CratesimCommand.commandLine().execute(args);
    } catch (StackOverflowError e) {
      System.err.println("cratesim: error: the input nests too deeply to read (stack overflow)");
      return CratesimCommand.EXIT_BAD_INPUT;
    } catch (OutOfMemoryError e) {
      System.err.println(
          "cratesim: error: out of memory; give the JVM more heap (java -Xmx8g -jar ...)");
      return CratesimCommand.EXIT_FAILURE;
    }
  }
}
