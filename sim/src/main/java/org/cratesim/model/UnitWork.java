package org.cratesim.model;

/**
 * The work of one unit (one rustc invocation or build-script run), in nanoseconds of
 * single-threaded full-speed time: what cargo's unit asks rustc to do and what strategies adjust.
 *
 * @param frontendNanos serial front end (for a build-script run: the run time)
 * @param codegenNanos total codegen work (0 for check units; for a script run: its parallel jobs)
 * @param codegenUnits number of CGUs (for a script run: its parallel jobs)
 * @param linkNanos serial link after codegen
 * @param codegenSerialNanos the part of codegen on rustc's main thread before and while it
 *     translates CGUs, or -1 to use the rustc settings' serial share
 * @param ltoNanos parallel LTO work after every CGU is optimised (a barrier), or -1 for the rustc
 *     settings' thin-local rule
 * @param parallelCodegenFactor for units given in seconds: the share of their parallel codegen that
 *     is done (below 1 when the unit stops at bitcode for a cross-crate LTO)
 */
public record UnitWork(
    long frontendNanos,
    long codegenNanos,
    int codegenUnits,
    long linkNanos,
    long codegenSerialNanos,
    long ltoNanos,
    double parallelCodegenFactor) {

  /** Work whose codegen split follows the rustc settings. */
  public static UnitWork of(
      long frontendNanos, long codegenNanos, int codegenUnits, long linkNanos) {
    return new UnitWork(frontendNanos, codegenNanos, codegenUnits, linkNanos, -1, -1, 1.0);
  }

  /** No work at all (cargo's fresh job). */
  public UnitWork fresh() {
    return new UnitWork(0, 0, codegenUnits, 0, 0, 0, parallelCodegenFactor);
  }

  /** The front end changed by {@code deltaNanos} (never below zero). */
  public UnitWork frontendPlus(long deltaNanos) {
    return new UnitWork(
        Math.max(0, frontendNanos + deltaNanos),
        codegenNanos,
        codegenUnits,
        linkNanos,
        codegenSerialNanos,
        ltoNanos,
        parallelCodegenFactor);
  }

  /** Total single-threaded work. */
  public long totalNanos() {
    return frontendNanos + codegenNanos + linkNanos + Math.max(0, ltoNanos);
  }
}
