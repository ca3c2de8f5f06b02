package org.cratesim.cli;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * A command's standard error with its {@code warning:} lines held back until the exit code is
 * known: shown after a success, dropped after a failure, so that a failure is the one line {@code
 * cratesim: error: ...} (a warning printed before the error was found would make it two). Other
 * lines pass through at once.
 */
final class HeldWarnings extends Writer {
  private static final String WARNING = "warning:";

  private final Writer target;
  private final StringBuilder line = new StringBuilder();
  private final List<String> held = new ArrayList<>();

  HeldWarnings(Writer target) {
    this.target = target;
  }

  @Override
  public void write(char[] buf, int off, int len) throws IOException {
    for (int i = off; i < off + len; i++) {
      line.append(buf[i]);
      if (buf[i] == '\n') {
        String l = line.toString();
        line.setLength(0);
        if (l.startsWith(WARNING)) {
          held.add(l);
        } else {
          target.write(l);
        }
      }
    }
  }

  @Override
  public void flush() throws IOException {
    // a partial line that cannot become a warning goes out now
    if (line.length() > 0
        && !(line.length() < WARNING.length()
            ? WARNING.startsWith(line.toString())
            : line.toString().startsWith(WARNING))) {
      target.write(line.toString());
      line.setLength(0);
    }
    target.flush();
  }

  /** Shows the held warnings (after a success) or drops them (after a failure). */
  void finish(boolean show) throws IOException {
    if (show) {
      for (String w : held) {
        target.write(w);
      }
      if (line.length() > 0) {
        target.write(line.toString());
      }
    }
    held.clear();
    line.setLength(0);
    target.flush();
  }

  @Override
  public void close() throws IOException {
    flush();
  }
}
