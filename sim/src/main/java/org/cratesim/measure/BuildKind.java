package org.cratesim.measure;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The build kinds {@code measure} prepares: from an empty target directory ({@code clean}, {@code
 * check}) or after an edit of a named file in a target directory that was built once before ({@code
 * incremental}, {@code incremental-check}).
 */
public enum BuildKind {
  CLEAN("clean", "build", false),
  CHECK("check", "check", false),
  INCREMENTAL("incremental", "build", true),
  INCREMENTAL_CHECK("incremental-check", "check", true);

  private final String id;
  private final String subcommand;
  private final boolean incremental;

  BuildKind(String id, String subcommand, boolean incremental) {
    this.id = id;
    this.subcommand = subcommand;
    this.incremental = incremental;
  }

  /** The name on the command line. */
  public String id() {
    return id;
  }

  /** cargo's subcommand: {@code build} or {@code check}. */
  public String subcommand() {
    return subcommand;
  }

  /** Whether runs follow an edit (and the target directory is kept between runs). */
  public boolean incremental() {
    return incremental;
  }

  /**
   * The ground truth's name of the kind (own-2core-2026's runs.csv): {@code clean-dev}, {@code
   * clean-release}, {@code check}, {@code incr-dev}, {@code incr-release}, {@code incr-check}.
   */
  public String label(List<String> cargoArgs) {
    String profile = "dev";
    for (String a : cargoArgs) {
      if (a.equals("--release") || a.equals("-r")) {
        profile = "release";
      } else if (a.startsWith("--profile=")) {
        profile = a.substring("--profile=".length());
      }
    }
    return switch (this) {
      case CLEAN -> "clean-" + profile;
      case CHECK -> "check";
      case INCREMENTAL -> "incr-" + profile;
      case INCREMENTAL_CHECK -> "incr-check";
    };
  }

  /** The kind named {@code id} (case-insensitive). */
  public static Optional<BuildKind> byId(String id) {
    String s = id.toLowerCase(Locale.ROOT);
    for (BuildKind k : values()) {
      if (k.id.equals(s)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
