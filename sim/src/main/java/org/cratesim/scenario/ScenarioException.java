package org.cratesim.scenario;

/** Bad input: its message is one line, {@code file:line: what is wrong}. */
public final class ScenarioException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final int line;
  private final String problem;

  public ScenarioException(String source, int line, String problem) {
    super(format(source, line, problem));
    this.source = source;
    this.line = line;
    this.problem = problem;
  }

  private static String format(String source, int line, String problem) {
    String oneLine = problem.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    return line > 0 ? source + ":" + line + ": " + oneLine : source + ": " + oneLine;
  }

  public String source() {
    return source;
  }

  /** 1-based line, or 0 when the problem has no single line. */
  public int line() {
    return line;
  }

  public String problem() {
    return problem;
  }
}
