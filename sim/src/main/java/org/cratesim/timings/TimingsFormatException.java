package org.cratesim.timings;

/**
 * A timings, HTML or unit-graph file that cannot be read: missing, malformed, truncated, of an
 * unknown format, or inconsistent.
 *
 * <p>The message is always a single line of the form {@code <file name>: <what is wrong>}, e.g.
 * {@code page.html: no UNIT_DATA found (is this a cargo --timings page?)}, so that a command line
 * tool can print it as is. Line breaks and control characters in the details (which may quote
 * untrusted input or a parser's multi-line message) are collapsed to single spaces, and overlong
 * details are shortened.
 */
public final class TimingsFormatException extends Exception {
  private static final long serialVersionUID = 1L;
  private static final int MAX_DETAIL_CHARS = 300;

  /**
   * @param source the file name the problem is in (printed first)
   * @param detail what is wrong, for a human
   */
  public TimingsFormatException(String source, String detail) {
    this(source, detail, null);
  }

  /**
   * @param source the file name the problem is in (printed first)
   * @param detail what is wrong, for a human
   * @param cause the underlying exception, kept for debugging only: it is not part of the message
   */
  public TimingsFormatException(String source, String detail, Throwable cause) {
    super(oneLine(source) + ": " + shorten(oneLine(detail)), cause);
  }

  /**
   * Collapses every run of whitespace that contains a line break or control character to one space.
   */
  static String oneLine(String text) {
    if (text == null) {
      return "";
    }
    return text.replaceAll("\\s*[\\p{Cntrl}\\u2028\\u2029]+\\s*", " ").strip();
  }

  private static String shorten(String text) {
    return text.length() <= MAX_DETAIL_CHARS ? text : text.substring(0, MAX_DETAIL_CHARS) + "...";
  }
}
