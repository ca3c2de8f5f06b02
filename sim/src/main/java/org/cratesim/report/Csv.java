package org.cratesim.report;

import java.math.BigDecimal;
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

  /**
   * A number in plain decimal, as {@link Double#toString} writes it ("1.0", "0.25") but never in
   * scientific notation ({@code -6.0E-4} is "-0.0006", {@code 1.0E7} is "10000000.0"). NaN and the
   * infinities are an empty field (a missing value).
   */
  public static String number(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return "";
    }
    String s = Double.toString(v);
    if (s.indexOf('E') < 0) {
      return s;
    }
    String plain = BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    return plain.indexOf('.') < 0 ? plain + ".0" : plain;
  }

  /** One row: the fields, already quoted or formatted, joined by commas, and a line break. */
  public static void row(StringBuilder out, List<String> fields) {
    out.append(String.join(",", fields)).append('\n');
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
