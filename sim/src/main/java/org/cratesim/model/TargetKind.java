package org.cratesim.model;

/** The kind of target a unit builds. */
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
}
