package org.cratesim.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Nanoseconds to seconds, rounded to milliseconds, formatted the same on every locale. */
public final class Seconds {
  private Seconds() {}

  /** Seconds with three decimals, e.g. "1.250". */
  public static String format(long nanos) {
    return String.format(Locale.ROOT, "%.3f", nanos / 1e9);
  }

  /** Seconds as an exact decimal with three places (for JSON numbers). */
  public static BigDecimal decimal(long nanos) {
    return BigDecimal.valueOf(nanos).movePointLeft(9).setScale(3, RoundingMode.HALF_EVEN);
  }

  /** Seconds as a double rounded to milliseconds (for tables). */
  public static double rounded(long nanos) {
    return decimal(nanos).doubleValue();
  }

  /** Seconds given as a double, with three decimals, exact ({@code -0.000} is 0.000). */
  public static BigDecimal ofSeconds(double seconds) {
    BigDecimal d = BigDecimal.valueOf(seconds).setScale(3, RoundingMode.HALF_EVEN);
    return d.signum() == 0 ? BigDecimal.ZERO.setScale(3) : d;
  }

  /** A fraction with three decimals, exact. */
  public static BigDecimal fraction(double f) {
    return BigDecimal.valueOf(f).setScale(3, RoundingMode.HALF_EVEN);
  }
}
