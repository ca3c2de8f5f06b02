package org.cratesim.model;

import java.util.Locale;

/**
 * The cargo command being simulated: {@code cargo check}, {@code cargo build}, {@code --release}.
 */
public enum Mode {
  CHECK,
  DEBUG,
  RELEASE;

  /** Lower-case name as written in scenarios ("check", "debug", "release"). */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * rustc's default number of codegen units for this profile as the scenario format defines it: 256
   * in debug (dev profile, incremental), 16 in release.
   */
  public int defaultCodegenUnits() {
    return this == RELEASE ? 16 : 256;
  }

  /** Parses "check" | "debug" | "release" (also cargo's profile names "dev" and "opt"). */
  public static Mode parse(String s) {
    switch (s.toLowerCase(Locale.ROOT)) {
      case "check":
        return CHECK;
      case "debug":
      case "dev":
        return DEBUG;
      case "release":
      case "opt":
        return RELEASE;
      default:
        throw new IllegalArgumentException(
            "unknown mode '" + s + "' (expected check, debug or release)");
    }
  }
}
