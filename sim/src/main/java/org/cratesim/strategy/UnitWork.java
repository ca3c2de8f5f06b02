package org.cratesim.strategy;

/**
 * The work of one unit as strategies see it (nanoseconds of single-threaded work).
 *
 * @param crate the crate it builds
 * @param role what kind of unit it is
 * @param frontendNanos front end (a script run: the run)
 * @param codegenNanos code generation
 * @param codegenSerialNanos the serial part of codegen, or -1 for the rustc settings' share
 * @param ltoNanos LTO work after the barrier, or -1 for the rustc settings' rule
 * @param linkNanos link
 */
public record UnitWork(String crate, Role role, long frontendNanos, long codegenNanos,
    long codegenSerialNanos, long ltoNanos, long linkNanos) {

  /** The kinds of unit. */
  public enum Role {
    LIB,
    PROC_MACRO,
    BIN,
    SCRIPT_COMPILE,
    SCRIPT_RUN
  }

  /** No work at all (cargo's fresh job). */
  public UnitWork fresh() {
    return new UnitWork(crate, role, 0, 0, 0, 0, 0);
  }

  /** The front end changed by {@code deltaNanos} (never below zero). */
  public UnitWork frontendPlus(long deltaNanos) {
    return new UnitWork(crate, role, Math.max(0, frontendNanos + deltaNanos), codegenNanos,
        codegenSerialNanos, ltoNanos, linkNanos);
  }

  public boolean isScript() {
    return role == Role.SCRIPT_COMPILE || role == Role.SCRIPT_RUN;
  }
}
