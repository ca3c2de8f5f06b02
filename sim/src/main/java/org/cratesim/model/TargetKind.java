package org.cratesim.model;

/**
 * The kind of target a unit builds (cargo's {@code TargetKind}, with a build script's compile and
 * run told apart). A crate's own kind is a {@link CrateKind}.
 */
public enum TargetKind {
  LIB,
  PROC_MACRO,
  BIN,
  BUILD_SCRIPT_COMPILE,
  BUILD_SCRIPT_RUN;

  /**
   * cargo's {@code requires_upstream_objects()}: linking needs every upstream object file, so such
   * a unit is a synchronisation point (bin, proc-macro/dylib, build script).
   */
  public boolean requiresUpstreamObjects() {
    return this != LIB;
  }

  /** Compiling or running a build script. */
  public boolean isBuildScript() {
    return this == BUILD_SCRIPT_COMPILE || this == BUILD_SCRIPT_RUN;
  }

  /** The target kind of a crate's own unit. */
  public static TargetKind of(CrateKind crate) {
    switch (crate) {
      case LIB:
        return LIB;
      case PROC_MACRO:
        return PROC_MACRO;
      case BIN:
        return BIN;
      default:
        throw new AssertionError(crate);
    }
  }
}
