package org.cratesim.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cargo release whose rules a build follows (domain notes, section A10: the cargo that wrote a
 * page decides the scheduler's and the profiles' rules). Only major and minor matter.
 *
 * @param major 1
 * @param minor e.g. 60 or 95
 */
public record CargoVersion(int major, int minor) implements Comparable<CargoVersion> {
  /** The cargo on this project's machines (own-2core-2026). */
  public static final CargoVersion DEFAULT = new CargoVersion(1, 95);

  /** PR #11032: the pending queue is kept sorted by priority. */
  public static final CargoVersion SORTED_PENDING_QUEUE = new CargoVersion(1, 65);

  /** PR #11252: {@code dev.build-override} without debuginfo for host units. */
  public static final CargoVersion HOST_WITHOUT_DEBUGINFO = new CargoVersion(1, 69);

  /**
   * rustc 1.90 links x86_64-unknown-linux-gnu with its own rust-lld by default (Rust blog,
   * 2025-09-01); cargo and rustc releases share their numbers.
   */
  public static final CargoVersion LLD_BY_DEFAULT = new CargoVersion(1, 90);

  private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)");

  public CargoVersion {
    if (major < 1 || major > 99 || minor < 0 || minor > 999) {
      throw new IllegalArgumentException(
          "cargo version must look like 1.60, was " + major + "." + minor);
    }
  }

  /**
   * The first {@code MAJOR.MINOR} in {@code text}: {@code "1.60"}, {@code "cargo 1.60.0-nightly"},
   * or a page's {@code "rustc 1.95.0 (…)"} (cargo and rustc are released together).
   */
  public static CargoVersion parse(String text) {
    Matcher m = VERSION.matcher(text == null ? "" : text);
    if (!m.find()) {
      throw new IllegalArgumentException(
          "not a cargo version: '" + text + "' (expected e.g. 1.60)");
    }
    try {
      return new CargoVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a cargo version: '" + text + "'");
    }
  }

  /** Whether this release has the change that landed in {@code v}. */
  public boolean atLeast(CargoVersion v) {
    return compareTo(v) >= 0;
  }

  @Override
  public int compareTo(CargoVersion o) {
    return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
  }

  @Override
  public String toString() {
    return major + "." + minor;
  }
}
