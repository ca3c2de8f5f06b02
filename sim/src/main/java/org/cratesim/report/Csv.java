package org.cratesim.report;

import java.util.ArrayList;
import java.util.List;

/** The CSV quoting the hand-written tables share (RFC 4180 style). */
public final class Csv {
  private Csv() {}

  /** A field, quoted when it holds a comma, a quote or a line break. */
  public static String field(String v) {
    return v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")
        ? "\"" + v.replace("\"", "\"\"") + "\""
        : v;
  }

  /** Splits a line with quoted fields; null when a quote is left open (a torn line). */
  public static List<String> split(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder f = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          f.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          f.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(f.toString());
        f.setLength(0);
      } else {
        f.append(c);
      }
    }
    if (quoted) {
      return null;
    }
    out.add(f.toString());
    return out;
  }
}
